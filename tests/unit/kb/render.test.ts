import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createArticleSanitizer } from '../../../scripts/kb/sanitize-html.ts';
import { PNG, compileFiles, printed, readBody } from './kb-helpers.ts';

// The build-time sanitizer loads jsdom on the first article with raw HTML (a second or more on a
// busy machine): pay that once here rather than inside one test's 5 s timeout.
beforeAll(() => {
  createArticleSanitizer().sanitizeBody({ id: 'warm', html: '<b onclick="x">x</b>' }, '', 'warm.md', () => undefined);
}, 60_000);

async function renderOne(markdown: string, extra: Record<string, string | Uint8Array> = {}) {
  const result = await compileFiles({ 'guide/article.md': markdown, ...extra });
  return { result, html: readBody(result, result.outDir, 'guide/article').html, diagnostics: printed(result, result.contentDir) };
}

describe('alerts', () => {
  test.each([
    ['NOTE', 'note', 'Note'],
    ['TIP', 'tip', 'Tip'],
    ['IMPORTANT', 'important', 'Important'],
    ['WARNING', 'warning', 'Warning'],
    ['CAUTION', 'caution', 'Caution'],
  ])('renders > [!%s] as a callout', async (marker, kind, title) => {
    const { html } = await renderOne(`> [!${marker}]\n> Keep **this** text.\n`);
    expect(html).toContain(
      `<div class="t0-callout t0-callout-${kind}" role="note"><p class="t0-callout-title">${title}</p>\n<p>Keep <strong>this</strong> text.</p>\n</div>`,
    );
    expect(html).not.toContain(`[!${marker}]`);
  });

  test('accepts DocFX lower-case markers and callouts inside lists', async () => {
    const { html } = await renderOne('1. Step\n\n    > [!Note]\n    > Indented note.\n');
    expect(html).toContain('<div class="t0-callout t0-callout-note" role="note">');
    expect(html).toContain('<p>Indented note.</p>');
  });

  test('leaves an ordinary blockquote alone', async () => {
    const { html } = await renderOne('> The connection is unavailable.\n');
    expect(html).toContain('<blockquote>\n<p>The connection is unavailable.</p>\n</blockquote>');
  });

  test('renders [!div class="nextstepaction"] as a next-step block and [!VIDEO] as a link', async () => {
    const { html } = await renderOne(
      '>[!div class="nextstepaction"]\n>[Run the diagnostic](https://aka.ms/diag)\n\n> [!VIDEO https://www.microsoft.com/videoplayer/embed/abc]\n',
    );
    expect(html).toContain('<div class="t0-next-step">\n<p><a href="https://aka.ms/diag"');
    expect(html).toContain('<a href="https://www.microsoft.com/videoplayer/embed/abc" target="_blank" rel="noopener noreferrer">Watch the video</a>');
    expect(html).not.toContain('[!');
  });
});

describe('headings', () => {
  test('get slug ids, de-duplicated within the article, and custom {#ids}', async () => {
    const { html, result } = await renderOne('## Before you start\n\n## Steps\n\n## Steps\n\n### Café & Wi‑Fi ✓\n\n## Custom {#my-id}\n\n[Back](#before-you-start)\n');
    expect(html).toContain('<h2 id="before-you-start">Before you start</h2>');
    expect(html).toContain('<h2 id="steps">Steps</h2>');
    expect(html).toContain('<h2 id="steps-1">Steps</h2>');
    expect(html).toContain('<h3 id="café-wifi-">Café &amp; Wi‑Fi ✓</h3>');
    expect(html).toContain('<h2 id="my-id">Custom</h2>');
    expect(html).toContain('<a href="#before-you-start">Back</a>');
    expect(result.index.articles[0]!.headings).toEqual(['Before you start', 'Steps', 'Steps', 'Café & Wi‑Fi ✓', 'Custom']);
  });
});

describe('links', () => {
  const files = {
    'accounts/reset-password.md': '# Reset\n',
    'accounts/custom.md': '---\nid: renamed\n---\n# Custom id\n',
    'old/draft.md': '---\ndraft: true\n---\n# Draft\n',
  };

  test('rewrites a relative .md link to the widget article link, keeping the anchor', async () => {
    const { html } = await renderOne('[Reset](../accounts/reset-password.md#before-you-start) and [custom](../accounts/custom.md)\n', files);
    expect(html).toContain(
      '<a href="#tier0:article/accounts/reset-password" data-tier0-article="accounts/reset-password" data-tier0-anchor="before-you-start">Reset</a>',
    );
    expect(html).toContain('<a href="#tier0:article/renamed" data-tier0-article="renamed">custom</a>');
  });

  test('opens external links in a new tab and keeps mailto and tel links', async () => {
    const { html } = await renderOne('[Docs](https://example.com/a?b=1) <https://example.org> [Mail](mailto:help@example.com) [Call](tel:+4930123)\n');
    expect(html).toContain('<a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer">Docs</a>');
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">https://example.org</a>');
    expect(html).toContain('<a href="mailto:help@example.com">Mail</a>');
    expect(html).toContain('<a href="tel:+4930123">Call</a>');
  });

  test('degrades a link to a missing article to its text with a warning in build', async () => {
    const { html, diagnostics } = await renderOne('# Title\n\nSee [the guide](missing.md) now.\n', files);
    expect(html).toContain('<p>See the guide now.</p>');
    expect(diagnostics).toEqual(['guide/article.md:3: warning: broken link: "missing.md" matches no article']);
  });

  test('treats a link to a draft as broken', async () => {
    const { diagnostics } = await renderOne('[Draft](../old/draft.md)\n', files);
    expect(diagnostics).toEqual(['guide/article.md:1: warning: broken link: "../old/draft.md" is a draft article']);
  });

  test('keeps the text of links to non-article files and site paths, with a warning', async () => {
    const { html, diagnostics } = await renderOne('[PDF](files/form.pdf)\n\n[Site](/previous-versions/x)\n', files);
    expect(html).toContain('<p>PDF</p>');
    expect(html).toContain('<p>Site</p>');
    expect(diagnostics).toEqual([
      'guide/article.md:1: warning: link to "files/form.pdf" is not an article; kept its text only',
      'guide/article.md:3: warning: link to "/previous-versions/x" points outside the knowledge base; kept its text only',
    ]);
  });

  test('reports each broken link on its own line, also when the same link repeats', async () => {
    const { diagnostics } = await renderOne('[a](gone.md)\n\n- item [a](gone.md)\n');
    expect(diagnostics).toEqual([
      'guide/article.md:1: warning: broken link: "gone.md" matches no article',
      'guide/article.md:3: warning: broken link: "gone.md" matches no article',
    ]);
  });

  test('resolves static-site folder links and {% page %} links to articles', async () => {
    const { html, diagnostics } = await renderOne('[Slack](../tools/slack/) [Guide]({% page "/tools/slack/guidelines/#rules" %})\n', {
      'tools/slack.md': '# Slack\n',
      'tools/slack/guidelines.md': '# Guidelines\n',
    });
    expect(html).toContain('data-tier0-article="tools/slack"');
    expect(html).toContain('data-tier0-article="tools/slack/guidelines" data-tier0-anchor="rules"');
    expect(diagnostics).toEqual([]);
  });
});

describe('images', () => {
  test('copies a relative image into media/ under a content-hashed name', async () => {
    const { result, html } = await renderOne('![The reset page](../media/reset screen.png)\n'.replace('reset screen', 'reset%20screen'), {
      'media/reset screen.png': PNG,
    });
    const media = result.manifest.files.filter((file) => file.startsWith('media/'));
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/^media\/reset-screen\.[0-9a-f]{10}\.png$/);
    expect(html).toContain(`<img src="${media[0]}" alt="The reset page" loading="lazy">`);
    expect(readFileSync(path.join(result.outDir!, media[0]!))).toEqual(Buffer.from(PNG));
  });

  test('degrades a missing image to its alt text with a warning in build', async () => {
    const { html, diagnostics } = await renderOne('Text\n\n![Screenshot of the dialog](media/missing.png)\n');
    expect(html).toContain('<p>Screenshot of the dialog</p>');
    expect(diagnostics).toEqual(['guide/article.md:3: warning: missing image: "media/missing.png"']);
  });

  test('copies images written as raw HTML too, and degrades missing ones to their alt text', async () => {
    const { html, diagnostics } = await renderOne('Icons: <img src="icon.png" alt="Support icon."/> and <img src="gone.png" alt="Gone icon."/>\n', {
      'guide/icon.png': PNG,
    });
    expect(html).toMatch(/<img src="media\/icon\.[0-9a-f]{10}\.png" alt="Support icon.">/);
    expect(html).toContain(' and Gone icon.</p>');
    expect(diagnostics).toEqual(['guide/article.md:1: warning: missing image: "gone.png"']);
  });

  test('renders DocFX :::image blocks as images', async () => {
    const { html } = await renderOne(':::image type="content" source="shot.png" alt-text="The Security tab":::\n', { 'guide/shot.png': PNG });
    expect(html).toMatch(/<img src="media\/shot\.[0-9a-f]{10}\.png" alt="The Security tab" loading="lazy">/);
  });
});

describe('includes', () => {
  test('inlines [!INCLUDE] files, resolving their links from the include', async () => {
    const { html, diagnostics } = await renderOne('Intro\n\n[!INCLUDE [disclaimer](../includes/disclaimer.md)]\n\nOutro\n', {
      'includes/disclaimer.md': '---\nms.topic: include\n---\n> [!IMPORTANT]\n> Back up first, see [backup](../guide/backup.md).\n',
      'guide/backup.md': '# Backup\n',
    });
    expect(html).toContain('<div class="t0-callout t0-callout-important" role="note">');
    expect(html).toContain('data-tier0-article="guide/backup"');
    expect(diagnostics).toEqual([]);
  });

  test('includes nested snippets and stops at a cycle with a warning', async () => {
    const { html, diagnostics } = await renderOne('[!INCLUDE [a](_a.md)]\n', {
      'guide/_a.md': 'Snippet A.\n\n[!INCLUDE [b](_b.md)]\n',
      'guide/_b.md': 'Snippet B.\n\n[!INCLUDE [a](_a.md)]\n',
    });
    expect(html).toContain('Snippet A.');
    expect(html).toContain('Snippet B.');
    expect(diagnostics).toEqual(['guide/_b.md:3: warning: include cycle: "_a.md" includes itself; skipped']);
  });

  test('never inlines a file from outside the content folder', async () => {
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'tier0-outside-')), 'secret.md');
    writeFileSync(outside, 'TOP SECRET site source\n');
    const { html, diagnostics } = await renderOne(`Before\n\n[!INCLUDE [leak](${outside})]\n`);
    expect(html).not.toContain('TOP SECRET');
    expect(diagnostics).toEqual([`guide/article.md:3: warning: missing include: "${outside}"; skipped`]);
  });

  test('drops a missing include with a warning', async () => {
    const { html, diagnostics } = await renderOne('Before\n\n[!INCLUDE [gone](../includes/gone.md)]\n');
    expect(html).toBe('<p>Before</p>\n');
    expect(diagnostics).toEqual(['guide/article.md:3: warning: missing include: "../includes/gone.md"; skipped']);
  });

  test('does not compile include snippets or top-level repository files as articles', async () => {
    const result = await compileFiles({
      'a.md': '# A\n',
      'README.md': '# About this repository\n',
      'SOURCE.md': '# Where these files come from\n',
      'guide/README.md': '# A real article\n',
      '_snippet.md': 'Snippet',
      'includes/x.md': 'X',
      'deep/_includes/y.md': 'Y',
      'synonyms.yml': '- [a, b]\n',
    });
    expect(result.index.articles.map((article) => article.id)).toEqual(['a', 'guide/README']);
  });
});

describe('template noise', () => {
  test('never reaches titles, summaries or article text', async () => {
    const { result, html } = await renderOne(
      '---\ntitle: "{{ site.name }} Help"\ndescription: "{% if a %}Fix{% endif %} it"\n---\n\n{% include "low-system.html" %}\n\nWelcome to {{ site.name }} support.{% comment %}TODO{% endcomment %}\n\n{% raw %}Type {{ name }}{% endraw %}\n',
    );
    const meta = result.index.articles[0]!;
    expect(meta.title).toBe('Help');
    expect(meta.description).toBe('Fix it');
    expect(meta.summary).toBe('Welcome to support. Type {{ name }}');
    expect(html).toBe('<p>Welcome to support.</p>\n<p>Type {{ name }}</p>\n');
  });
});
