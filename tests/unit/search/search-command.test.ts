import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { searchCommand } from '../../../scripts/kb/search-command.ts';
import { makeArticle, makeHelpDesk, makeIndex } from './search-fixtures.ts';

/** Writes a KB bundle (manifest + index) as `tier0 build` would, without the compiler. */
function makeBundle(index: unknown = makeIndex(makeHelpDesk()), schema = 1): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tier0-search-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.test.json'), JSON.stringify(index));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ schema, version: 'test', index: 'index.test.json', files: [] }));
  return dir;
}

async function run(args: string[], input = '') {
  let stdout = '';
  let stderr = '';
  const code = await searchCommand(args, {
    stdin: (async function* () {
      yield Buffer.from(input);
    })(),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

const kb = makeBundle();

describe('tier0 search', () => {
  test('prints one JSON line per stdin query, in input order, skipping blank lines', async () => {
    const { code, stdout } = await run(['--kb', kb, '--json'], 'vpn\n\n   \nforgot pw\r\nprinter offline\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.query)).toEqual(['vpn', 'forgot pw', 'printer offline']);
    expect(lines[1].results[0]).toEqual({ id: 'accounts/reset-password', title: 'Reset your password', score: expect.any(Number) });
    expect(Object.keys(lines[0])).toEqual(['query', 'results']);
  });

  test('rounds scores to hundredths', async () => {
    const { stdout } = await run(['--kb', kb, '--json', 'printer']);
    const { results } = JSON.parse(stdout);
    for (const { score } of results) expect(Math.round(score * 100) / 100).toBe(score);
  });

  test('joins QUERY words into one query', async () => {
    const { stdout } = await run(['--kb', kb, '--json', 'printer', 'offline']);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ query: 'printer offline', results: [{ id: 'printing/printer-offline' }] });
  });

  test('returns at most --limit results', async () => {
    const all = JSON.parse((await run(['--kb', kb, '--json', 'the settings window'])).stdout).results;
    expect(all.length).toBeGreaterThan(2);
    const limited = JSON.parse((await run(['--kb', kb, '--json', '--limit', '2', 'the settings window'])).stdout).results;
    expect(limited).toEqual(all.slice(0, 2));
    expect(JSON.parse((await run([`--kb=${kb}`, '--json', '--limit=1', 'the settings window'])).stdout).results).toHaveLength(1);
  });

  test('prints numbered results with ids, scores and [marked] snippets for people', async () => {
    const { code, stdout } = await run(['--kb', kb, 'printer', 'offline']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('printer offline — 1 result');
    expect(lines[1]).toMatch(/^ 1\. Printer shows offline {2}\(printing\/printer-offline, score \d+\.\d\d\)$/);
    expect(lines[2]).toBe('    Get a [printer] that Windows reports as [offline printing] again.');
  });

  /** A bundle with the help desk and an Outlook article of these sections after its opening. */
  const outlookBundle = (sections: { heading: string; text: string }[]) =>
    makeBundle(
      makeIndex([
        makeArticle({ id: 'outlook/problems', title: 'Fix Outlook problems', sections: [{ heading: '', text: 'Outlook problems and fixes.' }, ...sections] }),
        ...makeHelpDesk(),
      ]),
    );

  test('shows the best-matching section of each result, in JSON and for people', async () => {
    const sectioned = outlookBundle([{ heading: 'The OST file is too large', text: 'Compact the OST file.' }]);
    const json = JSON.parse((await run(['--kb', sectioned, '--json', 'ost file'])).stdout);
    expect(json.results[0]).toMatchObject({ id: 'outlook/problems', section: { anchor: 'the-ost-file-is-too-large', heading: 'The OST file is too large' } });
    const lines = (await run(['--kb', sectioned, 'ost file'])).stdout.split('\n');
    expect(lines[2]).toBe('    § The OST file is too large  (#the-ost-file-is-too-large)');
  });

  test('lists the other sections the query reaches after the best one, in JSON and for people', async () => {
    const sectioned = outlookBundle([
      { heading: 'The OST file is too large', text: 'Compact the OST file to shrink it.' },
      { heading: 'Archive old mail', text: 'An archive keeps the OST file small.' },
    ]);
    const json = JSON.parse((await run(['--kb', sectioned, '--json', 'ost file too large'])).stdout);
    expect(json.results[0]).toMatchObject({
      section: { anchor: 'the-ost-file-is-too-large' },
      moreSections: [{ anchor: 'archive-old-mail', heading: 'Archive old mail' }],
    });
    const lines = (await run(['--kb', sectioned, 'ost file too large'])).stdout.split('\n');
    expect(lines[3]).toBe('    also: Archive old mail (#archive-old-mail)');
  });

  test('prints scores in rank order: the score shown is the one the ranking used', async () => {
    const { stdout } = await run(['--kb', kb, '--json'], 'printer offline\nsettings window account\nreset password portal\n');
    for (const line of stdout.trim().split('\n')) {
      const scores = JSON.parse(line).results.map((result: { score: number }) => result.score);
      expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    }
  });

  test('shows "Did you mean" when the query is misspelt', async () => {
    const { stdout } = await run(['--kb', kb, 'wirless', 'netwrk ']);
    expect(stdout).toContain('\nDid you mean: wireless network\n');
    expect((await run(['--kb', kb, 'xyzzy'])).stdout).toBe('xyzzy — no results\n');
  });

  test('fails with exit 1 and a tier0: message when there is no bundle', async () => {
    const { code, stdout, stderr } = await run(['--kb', path.join(kb, 'missing'), 'vpn']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^tier0: no KB bundle at .*missing\/ .*tier0 build/);
  });

  test('fails with exit 1 when the bundle is of another schema or broken', async () => {
    const old = await run(['--kb', makeBundle(makeIndex(makeHelpDesk()), 0), 'vpn']);
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/^tier0: .*schema 0/);
    const stale = await run(['--kb', makeBundle({ ...makeIndex(makeHelpDesk()), search: { searchSchema: 0 } }), 'vpn']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/^tier0: search index schema 0 is not the supported/);
  });

  test('rejects unknown options and a bad --limit with a usage error', async () => {
    expect((await run(['--kb', kb, '--fuzzy', 'vpn'])).code).toBe(2);
    const { code, stderr } = await run(['--kb', kb, '--limit', 'ten', 'vpn']);
    expect(code).toBe(2);
    expect(stderr).toContain('usage: tier0 search');
  });
});
