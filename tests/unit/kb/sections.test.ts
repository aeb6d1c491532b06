import { describe, expect, test } from 'vitest';
import { splitSections } from '../../../scripts/kb/sections.ts';
import { compileFiles } from './kb-helpers.ts';

describe('splitSections', () => {
  test('splits at H2 and H3 headings, with the opening text as a section without anchor', () => {
    const html = '<p>Intro text.</p>\n<h2 id="causes">Causes</h2>\n<p>A cause.</p>\n<h3 id="fix-1">Fix &amp; more</h3>\n<p>Do this.</p>\n<h4 id="deep">Deep</h4><p>Still fix 1.</p>';
    expect(splitSections(html)).toEqual([
      { anchor: '', heading: '', text: 'Intro text.', steps: false, quotes: false, level: 0 },
      { anchor: 'causes', heading: 'Causes', text: 'A cause.', steps: false, quotes: false, level: 2 },
      { anchor: 'fix-1', heading: 'Fix & more', text: 'Do this. Deep Still fix 1.', steps: false, quotes: false, level: 3 },
    ]);
  });

  test('keeps code blocks in the section text, so pasted error messages are searchable', () => {
    const html = '<h2 id="error">Error</h2>\n<pre><code>fatal: Authentication failed for &#39;https://x&#39;\n</code></pre>';
    expect(splitSections(html)[0]?.text).toBe("fatal: Authentication failed for 'https://x'");
  });

  test('keeps a guided flow whole: its step headings do not start sections', () => {
    const html = '<h2 id="a">A</h2><p>a</p><section class="t0-flow">\n<h2 id="walk">Walk</h2><h3 id="s1">Step 1</h3><p>one</p><h3 id="s2">Step 2</h3></section><h2 id="b">B</h2><p>b</p>';
    expect(splitSections(html).map((section) => section.anchor)).toEqual(['a', 'walk', 'b']);
  });

  test('gives an article without headings one section', () => {
    expect(splitSections('<p>Only text.</p>')).toEqual([{ anchor: '', heading: '', text: 'Only text.', steps: false, quotes: false, level: 0 }]);
  });

  test('flags the sections that hold steps (an ordered list)', () => {
    const html = '<p>Intro.</p><h2 id="symptoms">Symptoms</h2><ul><li>It fails.</li></ul><h2 id="fix">Fix</h2><ol start="2"><li>Restart.</li></ol>';
    expect(splitSections(html).map((section) => section.steps)).toEqual([false, false, true]);
  });

  test('flags the sections that quote text: a code block or a paragraph that is all code, not a mention or a callout', () => {
    const html = [
      '<p>This error may appear:</p><pre><code>Missing FQBN</code></pre>',
      '<h2 id="a">A</h2><p><code>fork/exec avr-g++: no such file or directory</code></p>',
      '<h2 id="b">B</h2><p>Run <code>arduino-cli</code> again.</p>',
      '<h2 id="c">C</h2><blockquote><p>Note: this is a callout.</p></blockquote>',
    ].join('\n');
    expect(splitSections(html).map((section) => section.quotes)).toEqual([true, true, false, false]);
  });
});

describe('compiled sections', () => {
  test('lists each section with the anchor of its heading in the article HTML', async () => {
    const result = await compileFiles({ 'a.md': '# Title\n\nOpening.\n\n## Causes\n\nOne cause.\n\n## Causes\n\nAgain.\n' });
    const meta = result.index.articles[0]!;
    expect(meta.sections?.map(({ anchor, heading }) => ({ anchor, heading }))).toEqual([
      { anchor: '', heading: '' },
      { anchor: 'causes', heading: 'Causes' },
      { anchor: 'causes-1', heading: 'Causes' },
    ]);
    expect(meta.sections?.[2]?.lead).toBe('Again.');
  });
});
