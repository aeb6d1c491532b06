import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../../scripts/cli.ts';
import { captureConsole, makeKb, makeTempDir } from './kb-helpers.ts';

describe('tier0 build', () => {
  test('exits 0 and prints one summary line', async () => {
    const out = path.join(makeTempDir(), 'kb');
    const { value, out: stdout, err } = await captureConsole(() => main(['build', '--content', 'tests/fixtures/kb-mini', '--out', out]));
    expect(value).toBe(0);
    expect(err).toEqual([]);
    expect(stdout).toHaveLength(1);
    expect(stdout[0]).toMatch(/^tier0: built 5 articles \(\d+\.\d kB, \d+\.\d kB gzip\) in \d+ ms → .+\/kb\/$/);
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(true);
  });

  test('accepts --flag=value', async () => {
    const out = path.join(makeTempDir(), 'kb');
    const { value } = await captureConsole(() => main(['build', '--content=tests/fixtures/kb-mini', `--out=${out}`]));
    expect(value).toBe(0);
  });

  test('exits 1 on content errors and prints each as path:line: message', async () => {
    const out = path.join(makeTempDir(), 'kb');
    const { value, err } = await captureConsole(() => main(['build', '--content', 'tests/fixtures/kb-broken', '--out', out]));
    expect(value).toBe(1);
    expect(err).toContain('tests/fixtures/kb-broken/front-matter/wrong-type.md:4: front matter `tags` must be a list, e.g. [printer, printing]');
    expect(err).toContain('tests/fixtures/kb-broken/links/broken-link.md:5: warning: broken link: "../nowhere/missing.md" matches no article');
    expect(err.at(-1)).toBe('tier0: build failed: 12 errors, 2 warnings (nothing written)');
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(false);
  });

  test('exits 0 on warnings alone and 1 with --strict', async () => {
    const content = makeKb({ 'a.md': 'See [gone](gone.md).\n' });
    const out = path.join(makeTempDir(), 'kb');
    const plain = await captureConsole(() => main(['build', '--content', content, '--out', out]));
    expect(plain.value).toBe(0);
    expect(plain.err).toEqual([`${content}/a.md:1: warning: broken link: "gone.md" matches no article`]);
    const strict = await captureConsole(() => main(['build', '--content', content, '--out', out, '--strict']));
    expect(strict.value).toBe(1);
    expect(strict.err[0]).toBe(`${content}/a.md:1: broken link: "gone.md" matches no article`);
  });

  test.each([[['--bogus']], [['--content']], [['stray']], [['--strict=yes']]])('exits 2 on bad arguments %j', async (args) => {
    const { value, err } = await captureConsole(() => main(['build', ...args]));
    expect(value).toBe(2);
    expect(err.join('\n')).toContain('usage: tier0 build');
  });

  test('exits 1 when the content folder does not exist', async () => {
    const { value, err } = await captureConsole(() => main(['build', '--content', 'no/such/folder', '--out', makeTempDir()]));
    expect(value).toBe(1);
    expect(err).toEqual(['tier0: content folder "no/such/folder" not found (pass --content DIR)']);
  });
});

describe('tier0 check', () => {
  test('exits 0 on a clean knowledge base', async () => {
    const { value, out, err } = await captureConsole(() => main(['check', '--content', 'tests/fixtures/kb-mini']));
    expect(value).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual(['tier0: checked 5 articles, no problems found']);
  });

  test('prints broken links and missing images as warnings, as build does, and exits 1 on the other errors', async () => {
    const { value, err } = await captureConsole(() => main(['check', '--content', 'tests/fixtures/kb-broken']));
    expect(value).toBe(1);
    expect(err).toContain('tests/fixtures/kb-broken/links/broken-link.md:5: warning: broken link: "../nowhere/missing.md" matches no article');
    expect(err).toContain('tests/fixtures/kb-broken/links/missing-image.md:5: warning: missing image: "media/missing.png"');
    expect(err.at(-1)).toBe('tier0: checked 13 articles: 12 errors, 2 warnings');
  });

  test('exits 0 on a broken link alone, like build, and 1 with --strict', async () => {
    const content = makeKb({ 'a.md': 'See [gone](gone.md).\n' });
    const plain = await captureConsole(() => main(['check', '--content', content]));
    expect(plain.value).toBe(0);
    expect(plain.err).toEqual([`${content}/a.md:1: warning: broken link: "gone.md" matches no article`]);
    const strict = await captureConsole(() => main(['check', '--content', content, '--strict']));
    expect(strict.value).toBe(1);
    expect(strict.err[0]).toBe(`${content}/a.md:1: broken link: "gone.md" matches no article`);
  });

  test('does not accept --out', async () => {
    const { value } = await captureConsole(() => main(['check', '--out', 'x']));
    expect(value).toBe(2);
  });
});
