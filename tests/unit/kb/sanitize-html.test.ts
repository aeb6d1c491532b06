import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { findDangers } from '../security/find-dangers.ts';
import { JSDOM } from 'jsdom';
import { compileKb } from '../../../scripts/kb/compile.ts';
import { DEFAULT_CORPUS_DIR, loadVectors } from '../../../scripts/dev/xss-corpus.ts';
import { isPlainlyAllowed } from '../../../scripts/kb/sanitize-html.ts';
import type { ArticleBody } from '../../../widget/core/kb-format.ts';
import { compileFiles, makeTempDir, printed, readBody } from './kb-helpers.ts';

const HOSTILE = [
  '---',
  'title: Hostile',
  '---',
  'Intro.',
  '',
  '<img src="https://example.com/x.png" onerror="alert(1)" alt="pic">',
  '',
  '<script>alert(2)</script>',
  '',
  '<p>Go <a href="javascript:alert(3)">here</a> or <a href="https://example.com" target="_top">there</a>.</p>',
  '',
  '<form action="/steal"><input type="text" name="pw"></form>',
  '',
].join('\n');

const dom = new JSDOM('');

/** A piece of HTML parsed as a browser would (inert: a template's content). */
function parse(html: string): DocumentFragment {
  const template = dom.window.document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

describe('tier0 build sanitizes article HTML', () => {
  test('writes only clean HTML into the bundle, its guided steps included', async () => {
    const flow = '\n:::flow Fix it\n### Is it on? {#one}\n<img src=x onerror=alert(4)>\n- [Yes](#solved)\n:::\n';
    const result = await compileFiles({ 'guide/hostile.md': HOSTILE + flow });
    expect(result.ok).toBe(true);
    const written = readdirSync(path.join(result.outDir!, 'articles')).map((f) => readFileSync(path.join(result.outDir!, 'articles', f), 'utf8')).join('\n');
    expect(written).not.toMatch(/onerror|<script|javascript:|<form|<input/i);
    const body = readBody(result, result.outDir, 'guide/hostile');
    expect(findDangers(parse(body.html))).toEqual([]);
    expect(body.flow!.steps.one!.html.trim()).toBe('<img src="x">');
    // What may stay, stays: the image, the link text, the external link with its safe rel.
    expect(body.html).toContain('<img src="https://example.com/x.png" alt="pic">');
    expect(body.html).toContain('<a>here</a>');
    expect(body.html).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer">there</a>');
  });

  test('tier0 check reports each removal as a warning at its line', async () => {
    const result = await compileFiles({ 'guide/hostile.md': HOSTILE }, { outDir: null });
    expect(printed(result, result.contentDir)).toEqual([
      'guide/hostile.md:6: warning: attribute onerror on <img> is not allowed in articles; removed',
      'guide/hostile.md:8: warning: <script> is not allowed in articles; removed (its text, if any, still shows)',
      'guide/hostile.md:10: warning: href on <a> is removed: only http(s), mailto, tel and relative URLs are allowed',
      'guide/hostile.md:12: warning: <form> is not allowed in articles; removed (its text, if any, still shows)',
      'guide/hostile.md:12: warning: <input> is not allowed in articles; removed (its text, if any, still shows)',
    ]);
    expect(result.ok).toBe(true);
  });

  test('keeps everything the compiler itself emits, without a warning', async () => {
    const markdown = [
      '# All', '', 'Text **b** *i* ~~d~~ `c` [ext](https://example.com "T") [mail](mailto:a@b.c) [in page](#more) [other](other.md#part)', '',
      '## More {#more}', '', '1. one', '2. two', '', '- [ ] task', '- [x] done', '',
      '| a | b |', '|:--|--:|', '| 1 | 2 |', '', '```js', 'let x = 1;', '```', '',
      '> [!WARNING]', '> Careful.', '', '> [!div class="nextstepaction"]', '> [Next](https://example.com)', '',
      '![pic](https://example.com/p.png "Pic")', '', '<details><summary>More</summary>', '', 'Hidden <kbd>Ctrl</kbd><sup>2</sup>', '', '</details>', '',
      ':::flow', '### On? {#on}', 'Look.', '- [Yes](#solved)', '- [No](#support)', ':::', '',
    ].join('\n');
    const result = await compileFiles({ 'guide/all.md': markdown, 'guide/other.md': '# Other\n\n## Part\n' });
    expect(printed(result, result.contentDir)).toEqual([]);
    const html = readBody(result, result.outDir, 'guide/all').html;
    for (const needle of [
      '<del>d</del>', '<input checked="" disabled="" type="checkbox">', '<th align="left">', '<code class="language-js">',
      'class="t0-callout t0-callout-warning" role="note"', 'class="t0-next-step"', 'data-tier0-article="guide/other"', 'data-tier0-anchor="part"',
      'title="Pic" loading="lazy"', '<section class="t0-flow">', 'data-tier0-flow-end="solved"', '<ul class="t0-flow-answers">', '<h2 id="more">', '<kbd>Ctrl</kbd>',
    ]) expect(html).toContain(needle);
  });

  test('leaves nothing script-capable in the bundle of the whole XSS corpus', async () => {
    const outDir = path.join(makeTempDir(), 'kb');
    const result = await compileKb({ contentDir: DEFAULT_CORPUS_DIR, outDir });
    expect(result.index.articles.length).toBe(168);
    const leftovers: string[] = [];
    for (const meta of result.index.articles) {
      const body = JSON.parse(readFileSync(path.join(outDir, meta.body), 'utf8')) as ArticleBody;
      const html = [body.html, ...Object.values(body.flow?.steps ?? {}).map((step) => step.html)].join('\n');
      const dangers = findDangers(parse(html));
      if (dangers.length > 0) leftovers.push(`${meta.id}: ${dangers.join(', ')}`);
    }
    expect(leftovers).toEqual([]);
    // Not vacuous: the compiler told the author about the payloads it took out.
    expect(result.diagnostics.filter((d) => d.severity === 'warning' && /onerror on <img>/.test(d.message)).length).toBeGreaterThan(20);
  }, 60_000);
});

describe('isPlainlyAllowed (the fast path that skips DOMPurify)', () => {
  test('takes what the compiler writes for plain markdown', async () => {
    const result = await compileFiles({ 'guide/plain.md': '# Plain\n\nSee [docs](https://example.com) and [here](#x).\n\n- [x] done\n\n| a |\n|:-:|\n| 1 |\n\n```sh\necho <b> & "q"\n```\n' });
    expect(isPlainlyAllowed(readBody(result, result.outDir, 'guide/plain').html)).toBe(true);
  });

  test('refuses every payload of the XSS corpus that is dangerous as it stands, and disguised ones', async () => {
    const accepted = (await loadVectors()).filter((v) => findDangers(parse(v.payload)).length > 0 && isPlainlyAllowed(v.payload)).map((v) => v.id);
    expect(accepted).toEqual([]);
    for (const html of [
      '<a href="javascript&#58;alert(1)">x</a>', '<a href="java&#x09;script:alert(1)">x</a>', '<a href=\'javascript:x\'>x</a>',
      '<img src="x" onerror="alert(1)">', '<IMG SRC="x">', '<a href="https://example.com">no new tab</a>', '<a href="#a" target="_top">x</a>',
      '<input type="text" disabled="">', '<input type="checkbox">', '<!-- x -->', '<svg></svg>', '<p style="color:red">x</p>', '<img src="data:text/html,x">',
    ]) expect(isPlainlyAllowed(html), html).toBe(false);
  });
});
