import { describe, expect, test } from 'vitest';
import { readFrontMatter } from '../../../scripts/kb/front-matter.ts';

describe('readFrontMatter', () => {
  test('reads every known key', () => {
    const { data, issues } = readFrontMatter(
      [
        '---',
        'title: Reset your password',
        'description: Set a new one.',
        'tags: [password, sign-in]',
        'aliases:',
        '  - forgot pw',
        '  - locked out',
        'category: accounts',
        'pages: ["/account/*"]',
        'draft: false',
        'id: accounts/reset',
        'updated: 2026-11-01',
        '---',
        '# Body',
      ].join('\n'),
    );
    expect(issues).toEqual([]);
    expect(data).toMatchObject({
      title: 'Reset your password',
      description: 'Set a new one.',
      tags: ['password', 'sign-in'],
      aliases: ['forgot pw', 'locked out'],
      category: 'accounts',
      pages: ['/account/*'],
      draft: false,
      id: 'accounts/reset',
      updated: '2026-11-01',
    });
  });

  test('reads section-aliases: phrasings per heading, as lists or comma-separated text, with each heading’s line', () => {
    const { data, issues } = readFrontMatter(
      ['---', 'title: Office', 'section-aliases:', '  "Questions?": [who do I ask, contact]', '  Requirements: what do I need, prerequisites', '---'].join('\n'),
    );
    expect(issues).toEqual([]);
    expect(data.sectionAliases).toEqual([
      { heading: 'Questions?', aliases: ['who do I ask', 'contact'], line: 4 },
      { heading: 'Requirements', aliases: ['what do I need', 'prerequisites'], line: 5 },
    ]);
  });

  test.each([
    ['a list instead of a map', '---\nsection-aliases: [a, b]\n---\n', 2, 'front matter `section-aliases` must map headings to phrasings, e.g. `"Questions?": [who do I ask]`'],
    ['a nested map as phrasings', '---\nsection-aliases:\n  Setup:\n    x: y\n---\n', 3, 'front matter `section-aliases` "Setup" must be a list, e.g. [printer, printing]'],
  ])('reports bad section-aliases (%s) on their line', (_, text, line, message) => {
    const { data, issues } = readFrontMatter(text);
    expect(issues).toEqual([{ line, message }]);
    expect(data.sectionAliases).toEqual([]);
  });

  test('blanks the front matter out of the body so markdown keeps its line numbers', () => {
    const { body } = readFrontMatter('---\ntitle: x\n---\n# Heading\n');
    expect(body.split('\n')[3]).toBe('# Heading');
  });

  test('treats a file without front matter as all body', () => {
    const text = '# Just markdown\n\n---\n\nAfter a rule.';
    expect(readFrontMatter(text)).toEqual({
      data: { tags: [], aliases: [], sectionAliases: [], pages: [], draft: false, urls: [] },
      body: text,
      issues: [],
    });
  });

  test('reports a YAML syntax error on its file line (offset by the --- line)', () => {
    const { issues } = readFrontMatter('---\ntitle: ok\ntags: [a, b\n---\n');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.line).toBe(3);
    expect(issues[0]!.message).toMatch(/^invalid YAML: /);
  });

  test.each([
    ['a missing ] followed by another key', '---\ntitle: A\ndescription: b\ntags: [a, b\nfoo: 1\n---\n', 4],
    ['a missing } followed by another key', '---\ntitle: A\nmeta: {a: b\nfoo: 1\n---\n', 3],
    ['a missing closing quote', '---\ntitle: "A\ndescription: b\n---\n', 2],
    ["a missing closing ' quote", "---\nx: 1\ntitle: 'A\ndescription: b\n---\n", 3],
  ])('points %s at the line of the unclosed opener, not where YAML noticed it', (_, text, line) => {
    expect(readFrontMatter(text).issues.map((issue) => issue.line)).toEqual([line]);
  });

  test('reports a duplicate key on the line of the second one', () => {
    const { issues } = readFrontMatter('---\ntitle: a\ndescription: b\ntitle: c\n---\n');
    expect(issues).toEqual([{ line: 4, message: 'invalid YAML: Map keys must be unique' }]);
  });

  test('reports a wrongly typed key with the line of that key', () => {
    const { issues } = readFrontMatter('---\ntitle: Fine\n\ntags: 5\ndraft: maybe\ntitle2: [ignored]\n---\n');
    expect(issues).toEqual([
      { line: 4, message: 'front matter `tags` must be a list, e.g. [printer, printing]' },
      { line: 5, message: 'front matter `draft` must be true or false' },
    ]);
  });

  test('reports a title that is a list', () => {
    const { issues } = readFrontMatter('---\ntitle: [a, b]\n---\n');
    expect(issues).toEqual([{ line: 2, message: 'front matter `title` must be text' }]);
  });

  test('reports a map inside a list on the item line', () => {
    const { issues } = readFrontMatter('---\naliases:\n  - fine\n  - { nested: map }\n---\n');
    expect(issues).toEqual([{ line: 4, message: 'front matter `aliases` must only hold text items' }]);
  });

  test('coerces numbers and booleans in lists to text and skips empty items', () => {
    const { data, issues } = readFrontMatter('---\ntags: [365, true, 2fa, ~]\n---\n');
    expect(issues).toEqual([]);
    expect(data.tags).toEqual(['365', 'true', '2fa']);
  });

  test('reads a plain string list as comma-separated', () => {
    expect(readFrontMatter('---\ntags: printer, printing\n---\n').data.tags).toEqual(['printer', 'printing']);
  });

  test('coerces a numeric title to text', () => {
    expect(readFrontMatter('---\ntitle: 2026\n---\n').data.title).toBe('2026');
  });

  test('ignores unknown keys such as Microsoft Learn metadata', () => {
    const { data, issues } = readFrontMatter(
      '---\ntitle: T\nms.date: 01/30/2024\nms.author: someone\nms.custom:\n  - sap:Outlook\nappliesto: [Outlook 2016]\n---\n',
    );
    expect(issues).toEqual([]);
    expect(data.title).toBe('T');
  });

  test('reads draft: true', () => {
    expect(readFrontMatter('---\ndraft: true\n---\n').data.draft).toBe(true);
  });

  test('reports front matter that is never closed', () => {
    expect(readFrontMatter('---\ntitle: x\n\n# Body\n').issues).toEqual([
      { line: 1, message: 'front matter opened with --- is never closed (add a --- line after it)' },
    ]);
  });

  test('handles a byte order mark and CRLF line ends', () => {
    const { data, issues } = readFrontMatter('\ufeff---\r\ntitle: Windows file\r\n---\r\n# Body\r\n');
    expect(issues).toEqual([]);
    expect(data.title).toBe('Windows file');
  });

  test('keeps permalink and redirect_from as the article URLs', () => {
    expect(readFrontMatter('---\npermalink: /getting-started/\nredirect_from:\n  - /slack/rules/\n---\n').data.urls).toEqual([
      '/getting-started/',
      '/slack/rules/',
    ]);
  });
});
