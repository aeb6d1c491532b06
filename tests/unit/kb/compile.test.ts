import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileKb } from '../../../scripts/kb/compile.ts';
import { KB_SCHEMA_VERSION, type KbIndex } from '../../../widget/core/kb-format.ts';
import { compileFiles, makeTempDir, printed, readBody } from './kb-helpers.ts';
import { loadSearchEngine } from '../../../widget/core/search/engine.ts';
import { findCorrections } from '../../../widget/core/search/corrections.ts';

const MINI = 'tests/fixtures/kb-mini';

describe('article metadata', () => {
  test('takes the title from front matter, else the first H1, else the file name', async () => {
    const result = await compileFiles({
      'a/front.md': '---\ntitle: From front matter\n---\n# From heading\n',
      'a/heading.md': 'Intro\n\n# From heading\n',
      'a/reset-your_password.md': 'No heading at all.\n',
      'a/folder/index.md': 'Index page.\n',
    });
    const titles = Object.fromEntries(result.index.articles.map((article) => [article.id, article.title]));
    expect(titles).toEqual({
      'a/front': 'From front matter',
      'a/heading': 'From heading',
      'a/reset-your_password': 'Reset your password',
      'a/folder/index': 'Folder',
    });
  });

  test('drops a leading H1 that repeats the title and keeps one that differs', async () => {
    const result = await compileFiles({
      'same.md': '# Same title\n\nBody.\n',
      'differs.md': '---\ntitle: Short title\n---\n# A longer heading\n\nBody.\n',
    });
    expect(readBody(result, result.outDir, 'same').html).toBe('<p>Body.</p>\n');
    expect(readBody(result, result.outDir, 'differs').html).toContain('<h1 id="a-longer-heading">A longer heading</h1>');
  });

  test('a leading H1 that differs from the title is searched as the article’s own name', async () => {
    const filler = Array.from({ length: 40 }, (_, i) => `Step ${i}: open the panel, check the account and the device list, then restart the client.`).join('\n\n');
    const result = await compileFiles({
      'sync.md': `---\ntitle: Sync fails\n---\n# Calendar invitations arrive twice after migration\n\n${filler}\n`,
      'calendar.md': '---\ntitle: Mailbox permissions\n---\nShare a calendar. Invitations to shared calendars arrive in the inbox. After a mailbox migration, check the permissions twice.\n',
    });
    const engine = loadSearchEngine(result.index, findCorrections);
    expect(engine.search('calendar invitations arrive twice after migration').hits[0]?.id).toBe('sync');
    // The title shown stays the front matter's.
    expect(result.index.articles.find((article) => article.id === 'sync')?.title).toBe('Sync fails');
  });

  test('section-aliases are searched with their section’s heading: the article is found, opened at that section', async () => {
    const filler = Array.from({ length: 30 }, (_, i) => `Line ${i}: pick the edition, check the licence count and the renewal date in the portal.`).join('\n\n');
    const article = (front: string) =>
      `---\ntitle: Microsoft Office\n${front}---\n## Requesting a license\n\n${filler}\n\n## Questions?\n\nPost in the service desk channel.\n`;
    const plain = await compileFiles({ 'office.md': article(''), 'other.md': '# Printers\n\nAdd a printer from the portal.\n' });
    expect(loadSearchEngine(plain.index, findCorrections).search('who do I ask about office').hits[0]?.section?.anchor).not.toBe('questions');
    const result = await compileFiles({
      'office.md': article('section-aliases:\n  questions: [who do I ask, contact someone]\n'),
      'other.md': '# Printers\n\nAdd a printer from the portal.\n',
    });
    expect(printed(result, result.contentDir)).toEqual([]);
    const hit = loadSearchEngine(result.index, findCorrections).search('who do I ask about office').hits[0];
    expect(hit?.id).toBe('office');
    expect(hit?.section).toEqual({ anchor: 'questions', heading: 'Questions?' });
  });

  test('a section-aliases heading the article lacks fails the build at its line, naming the headings it has', async () => {
    const result = await compileFiles({ 'a.md': '---\nsection-aliases:\n  Questons: [who do I ask]\n---\n## Questions?\n\nAsk the desk.\n' });
    expect(printed(result, result.contentDir)).toEqual(['a.md:3: section-aliases: this article has no "Questons" heading (its ## and ### headings: "Questions?")']);
    expect(result.ok).toBe(false);
  });

  test('builds the summary from opening prose, skipping label lines, images, code and callouts', async () => {
    const result = await compileFiles({
      'a.md':
        '# A\n\n_Original KB number:_ &nbsp; 2829595\n\n> [!NOTE]\n> A note.\n\n![Shot](x.png)\n\n```\ncode\n```\n\nYour PIN is blocked when you use Outlook.\n',
    });
    expect(result.index.articles[0]!.summary).toBe('Your PIN is blocked when you use Outlook.');
  });

  test('cuts a long summary at a word boundary', async () => {
    const result = await compileFiles({ 'a.md': `${'word '.repeat(100)}\n` });
    const { summary } = result.index.articles[0]!;
    expect(summary.length).toBeLessThanOrEqual(301);
    expect(summary.endsWith('word…')).toBe(true);
  });

  test('leaves drafts out of the build', async () => {
    const result = await compileFiles({ 'a.md': '# A\n', 'b.md': '---\ndraft: true\n---\n# B\n' });
    expect(result.index.articles.map((article) => article.id)).toEqual(['a']);
    expect(result.manifest.articleCount).toBe(1);
  });

  test('uses the first folder as category, "general" at the root, and front matter category over both', async () => {
    const result = await compileFiles({
      'printing/deep/nested/jam.md': '# Jam\n',
      'root.md': '# Root\n',
      'printing/moved.md': '---\ncategory: network\n---\n# Moved\n',
    });
    const categories = Object.fromEntries(result.index.articles.map((article) => [article.id, article.category]));
    expect(categories).toEqual({ 'printing/deep/nested/jam': 'printing', root: 'general', 'printing/moved': 'network' });
  });

  test('titles and orders categories from categories.yml, else title-cases the folder', async () => {
    const result = await compileFiles({
      'categories.yml': 'user-accounts: { title: Accounts & sign-in, order: 2 }\nprinting:\n  title: Printers\n  order: 1\n',
      'user-accounts/a.md': '# A\n',
      'printing/b.md': '# B\n',
      'printing/c.md': '# C\n',
      'remote-work/d.md': '# D\n',
      'e.md': '# E\n',
    });
    expect(result.manifest.categories).toEqual([
      { id: 'printing', title: 'Printers', count: 2 },
      { id: 'user-accounts', title: 'Accounts & sign-in', count: 1 },
      { id: 'general', title: 'General', count: 1 },
      { id: 'remote-work', title: 'Remote Work', count: 1 },
    ]);
  });

  test('uses the path without .md as id unless front matter sets one', async () => {
    const result = await compileFiles({ 'a/b/c.md': '# C\n', 'x.md': '---\nid: /custom/id/\n---\n# X\n' });
    expect(result.index.articles.map((article) => article.id).sort()).toEqual(['a/b/c', 'custom/id']);
  });

  test('fills every metadata field and the searchable plain text', async () => {
    const result = await compileKb({ contentDir: MINI, outDir: path.join(makeTempDir(), 'kb') });
    const meta = result.index.articles.find((article) => article.id === 'accounts/reset-password')!;
    expect(meta).toMatchObject({
      title: 'Reset your password',
      description: 'Set a new password when you forgot the old one.',
      category: 'accounts',
      tags: ['password', 'sign-in', '2024'],
      aliases: ['forgot pw', 'locked out'],
      pages: ['/account/*'],
      updated: '2026-11-01',
      headings: ['Before you start', 'Steps', 'Steps'],
      hasFlow: false,
    });
    expect(meta.summary.startsWith('Open the portal.')).toBe(true);
    expect(meta.body).toMatch(/^articles\/[0-9a-f]{10}\.json$/);
  });
});

describe('guided flows', () => {
  test('stores a valid flow in the article body and renders it as a section', async () => {
    const outDir = path.join(makeTempDir(), 'kb');
    const result = await compileKb({ contentDir: MINI, outDir });
    expect(result.ok).toBe(true);
    const meta = result.index.articles.find((article) => article.id === 'printing/printer-offline')!;
    expect(meta.hasFlow).toBe(true);
    const body = readBody(result, outDir, 'printing/printer-offline');
    expect(body.flow).toEqual({
      title: 'Fix it step by step',
      start: 'power',
      steps: {
        power: {
          id: 'power',
          title: 'Is the printer switched on?',
          html: '<p>Look for a light on the <strong>front panel</strong>.</p>\n',
          answers: [
            { label: 'Yes, the light is on', to: 'cable' },
            { label: "No, it's off", to: 'turn-on' },
          ],
        },
        'turn-on': {
          id: 'turn-on',
          title: 'Turn the printer on',
          html: '<p>Press the power button and wait until it stops making noises.</p>\n',
          answers: [
            { label: 'It prints now', to: 'solved' },
            { label: 'Still offline', to: 'cable' },
          ],
        },
        cable: {
          id: 'cable',
          title: 'Check the cable or Wi-Fi',
          html: '<p>Make sure the cable is plugged in at both ends.</p>\n',
          answers: [
            { label: 'That fixed it', to: 'solved' },
            { label: 'Still offline', to: 'support' },
          ],
        },
      },
    });
    expect(body.html).toContain('<section class="t0-flow">\n<h2 id="fix-it-step-by-step">Fix it step by step</h2>');
    expect(body.html).toContain('<h3 id="power">Is the printer switched on?</h3>');
    expect(body.html).toContain('<li><a href="#cable">Yes, the light is on</a></li>');
    expect(body.html).toContain('<li><em class="t0-flow-end" data-tier0-flow-end="solved">It prints now</em></li>');
    expect(body.html).toContain('<li><em class="t0-flow-end" data-tier0-flow-end="support">Still offline</em></li>');
    expect(body.html.indexOf('</section>')).toBeLessThan(body.html.indexOf('<h2 id="still-offline">'));
    expect(meta.headings).toEqual(['Fix it step by step', 'Is the printer switched on?', 'Turn the printer on', 'Check the cable or Wi-Fi', 'Still offline?']);
  });

  test('keeps flow titles and answer labels plain text, markup only in the html', async () => {
    const result = await compileFiles({
      'a.md': ':::flow Fix **it** &amp; more\n### Is it *on*? {#power}\n- [Yes, `really` <b>on</b>](#solved)\n:::\n',
    });
    const flow = readBody(result, result.outDir, 'a').flow!;
    expect(flow.title).toBe('Fix it & more');
    expect(flow.steps.power!.title).toBe('Is it on?');
    expect(flow.steps.power!.answers).toEqual([{ label: 'Yes, really on', to: 'solved' }]);
  });

  test('reads flows in files with Windows line ends', async () => {
    const result = await compileFiles({ 'a.md': ':::flow Check\r\n### Is it on? {#power}\r\n- [Yes](#solved)\r\n:::\r\n' });
    expect(result.diagnostics).toEqual([]);
    expect(readBody(result, result.outDir, 'a').flow?.start).toBe('power');
  });

  test('keeps generated heading ids clear of step ids', async () => {
    const result = await compileFiles({
      'a.md': '## Power\n\n:::flow Check\n### Is it on? {#power}\n- [Yes](#solved)\n:::\n',
    });
    const html = readBody(result, result.outDir, 'a').html;
    expect(html).toContain('<h2 id="power-1">Power</h2>');
    expect(html).toContain('<h3 id="power">Is it on?</h3>');
  });

  test('reports flow errors in build as well as in check', async () => {
    const files = { 'a.md': ':::flow Broken\n### Start {#start}\n- [Next](#nowhere)\n:::\n' };
    for (const outDir of [null, undefined]) {
      const result = await compileFiles(files, outDir === null ? { outDir: null } : {});
      expect(printed(result, result.contentDir)).toEqual(['a.md:3: answer "Next" points to unknown step "#nowhere"']);
      expect(result.ok).toBe(false);
    }
  });
});

describe('diagnostics', () => {
  test('reports a duplicate id naming both files, in build and check', async () => {
    const files = { 'a/one.md': '---\nid: same\n---\n# One\n', 'b/two.md': '---\ntitle: Two\nid: same\n---\n# Two\n' };
    for (const outDir of [null, undefined]) {
      const result = await compileFiles(files, outDir === null ? { outDir: null } : {});
      expect(result.ok).toBe(false);
      expect(result.diagnostics).toEqual([
        {
          file: path.join(result.contentDir, 'b/two.md'),
          line: 3,
          message: `duplicate article id "same" (also used by ${path.join(result.contentDir, 'a/one.md')}); this article is left out`,
          severity: 'error',
        },
      ]);
    }
  });

  test('gives broken links and missing images one severity in check and build: warnings, errors with strict', async () => {
    const files = { 'a.md': '[gone](gone.md)\n\n![shot](shot.png)\n' };
    const check = await compileFiles(files, { outDir: null });
    const build = await compileFiles(files);
    const strictCheck = await compileFiles(files, { outDir: null, strict: true });
    const strictBuild = await compileFiles(files, { strict: true });
    expect(printed(check, check.contentDir)).toEqual(printed(build, build.contentDir));
    expect(check.diagnostics.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect([check.ok, build.ok]).toEqual([true, true]);
    expect(printed(strictCheck, strictCheck.contentDir)).toEqual(printed(strictBuild, strictBuild.contentDir));
    expect(strictCheck.diagnostics.map((d) => d.severity)).toEqual(['error', 'error']);
    expect([strictCheck.ok, strictBuild.ok]).toEqual([false, false]);
    expect(printed(check, check.contentDir)).toEqual([
      'a.md:1: warning: broken link: "gone.md" matches no article',
      'a.md:3: warning: missing image: "shot.png"',
    ]);
  });

  test('reports an invalid synonyms.yml and categories.yml with their lines', async () => {
    const result = await compileFiles(
      {
        'a.md': '# A\n',
        'synonyms.yml': '- [pw, password]\n- just-a-word\n',
        'categories.yml': 'printing:\n  title: Printers\n  order: first\n',
      },
      { outDir: null },
    );
    expect(printed(result, result.contentDir)).toEqual([
      'categories.yml:3: category "printing": order must be a number',
      'synonyms.yml:2: synonyms.yml must be a list of groups, e.g. "- [pw, password, passcode]"',
    ]);
  });

  test('lists every expected problem of the broken fixture with path and line', async () => {
    const contentDir = 'tests/fixtures/kb-broken';
    const result = await compileKb({ contentDir, outDir: null });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
      `${contentDir}/flows/dead-end.md:9: step "wait" has no answers (dead end): end it with a list of links to steps, #solved or #support`,
      `${contentDir}/flows/duplicate-step.md:9: duplicate step id "restart" (first used on line 5)`,
      `${contentDir}/flows/loop.md:5: step "restart" loops with no way out: no path from it reaches #solved or #support`,
      `${contentDir}/flows/loop.md:9: step "check" loops with no way out: no path from it reaches #solved or #support`,
      `${contentDir}/flows/no-steps.md:3: flow has no steps (each step is a "### heading" followed by its answers)`,
      `${contentDir}/flows/unclosed.md:3: unclosed :::flow (end it with a line containing only :::)`,
      `${contentDir}/flows/unknown-target.md:8: answer "Not fixed" points to unknown step "#reinstall"`,
      `${contentDir}/flows/unreachable.md:10: step "forgotten" is unreachable: no answer leads to it`,
      `${contentDir}/front-matter/bad-yaml.md:3: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      `${contentDir}/front-matter/unclosed.md:1: front matter opened with --- is never closed (add a --- line after it)`,
      `${contentDir}/front-matter/wrong-type.md:4: front matter \`tags\` must be a list, e.g. [printer, printing]`,
      `${contentDir}/ids/second.md:3: duplicate article id "shared/duplicate" (also used by ${contentDir}/ids/first.md); this article is left out`,
      `${contentDir}/links/broken-link.md:5: broken link: "../nowhere/missing.md" matches no article`,
      `${contentDir}/links/missing-image.md:5: missing image: "media/missing.png"`,
    ]);
  });
});

describe('bundle output', () => {
  test('writes the index, bodies and media named by hash, and a manifest listing every file', async () => {
    const outDir = path.join(makeTempDir(), 'kb');
    const result = await compileKb({ contentDir: MINI, outDir });
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest).toEqual(result.manifest);
    expect(manifest).toMatchObject({ schema: KB_SCHEMA_VERSION, articleCount: 5, index: expect.stringMatching(/^index\.[0-9a-f]{10}\.json$/) });
    const onDisk = ['', 'articles', 'media'].flatMap((folder) =>
      readdirSync(path.join(outDir, folder), { withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name !== 'manifest.json')
        .map((entry) => (folder ? `${folder}/${entry.name}` : entry.name)),
    );
    expect([...manifest.files].sort()).toEqual(onDisk.sort());
    const index = JSON.parse(readFileSync(path.join(outDir, manifest.index), 'utf8')) as KbIndex;
    expect(index.version).toBe(manifest.version);
    expect(index.articles.map((article) => article.id)).toEqual([
      'accounts/mfa/new-phone',
      'accounts/reset-password',
      'email/outlook-sign-in',
      'getting-started',
      'printing/printer-offline',
    ]);
    expect(index.search).toBeTruthy();
    expect(result.stats.articles).toBe(5);
    expect(result.stats.bytes).toBeGreaterThan(result.stats.gzipBytes);
  });

  test('produces identical output for identical input, apart from builtAt', async () => {
    const first = await compileKb({ contentDir: MINI, outDir: path.join(makeTempDir(), 'kb') });
    const second = await compileKb({ contentDir: MINI, outDir: path.join(makeTempDir(), 'kb') });
    expect({ ...second.manifest, builtAt: '' }).toEqual({ ...first.manifest, builtAt: '' });
    expect(second.index).toEqual(first.index);
  });

  test('changes the version when an article changes', async () => {
    const first = await compileFiles({ 'a.md': '# A\n\nOne.\n' });
    const second = await compileFiles({ 'a.md': '# A\n\nTwo.\n' });
    expect(second.manifest.version).not.toBe(first.manifest.version);
  });

  test('removes files of a previous build but nothing it does not own', async () => {
    const outDir = path.join(makeTempDir(), 'kb');
    await compileFiles({ 'a.md': '# A\n\nOld text.\n' }, { outDir });
    writeFileSync(path.join(outDir, 'README.txt'), 'mine');
    const before = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')).files as string[];
    const result = await compileFiles({ 'a.md': '# A\n\nNew text.\n' }, { outDir });
    for (const file of before) if (!result.manifest.files.includes(file)) expect(existsSync(path.join(outDir, file))).toBe(false);
    for (const file of result.manifest.files) expect(existsSync(path.join(outDir, file))).toBe(true);
    expect(existsSync(path.join(outDir, 'README.txt'))).toBe(true);
  });

  test('writes nothing when there are errors', async () => {
    const result = await compileFiles({ 'a.md': '---\ntags: 5\n---\n# A\n' });
    expect(result.ok).toBe(false);
    expect(existsSync(path.join(result.outDir!, 'manifest.json'))).toBe(false);
  });

  test('writes nothing in check mode', async () => {
    const result = await compileFiles({ 'a.md': '# A\n' }, { outDir: null });
    expect(result.ok).toBe(true);
    expect(result.outDir).toBeNull();
    expect(result.stats.bytes).toBe(0);
  });
});
