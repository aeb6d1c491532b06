// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../widget/services/sanitize-fallback.ts';
import { loadVectors } from '../../../scripts/dev/xss-corpus.ts';
import { findDangers } from './find-dangers.ts';

function render(html: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = html;
  return box;
}

describe('findDangers', () => {
  it('reports script elements, handlers, disguised script URLs and data documents', () => {
    const dangers = findDangers(render([
      '<script>1</script>',
      '<img src=x onerror=1>',
      '<a href="java&#x09;script:1">a</a>',
      '<a href=" &#14; JAVASCRIPT:1">b</a>',
      '<iframe srcdoc="x"></iframe>',
      '<a href="data:text/html,x">c</a>',
      '<img srcset="ok.png 1x, data:text/html,x 2x">',
      '<template><form></form></template>',
    ].join('')));
    expect(dangers).toHaveLength(9);
  });

  it('accepts ordinary article markup, data images and https links', () => {
    const html = '<p><a href="https://example.com/" target="_blank" rel="noopener">x</a> <img src="data:image/png;base64,AA" alt=""> <a href="#tier0:article/a">y</a></p><svg viewBox="0 0 1 1"><path d="M0 0"/></svg>';
    expect(findDangers(render(html))).toEqual([]);
  });
});

describe('sanitizeHtml on the xss corpus', () => {
  it('leaves nothing that runs script in any DOMPurify or Tier0 payload', async () => {
    const leftovers: string[] = [];
    for (const vector of await loadVectors()) {
      const dangers = findDangers(render(sanitizeHtml(vector.payload)));
      if (dangers.length > 0) leftovers.push(`${vector.id}: ${dangers.join(', ')}`);
    }
    expect(leftovers).toEqual([]);
  });

  it('faces payloads that are dangerous unsanitized (the check above is not vacuous)', async () => {
    const vectors = await loadVectors();
    const dangerous = vectors.filter((v) => findDangers(render(v.payload)).length > 0);
    expect(dangerous.length).toBeGreaterThan(vectors.length * 0.75);
  });

  it('keeps the harmless text of a payload', () => {
    const out = render(sanitizeHtml('123<a href="javascript:alert(1)">I am a dolphin!</a>'));
    expect(out.textContent).toBe('123I am a dolphin!');
    expect(out.querySelector('a')?.hasAttribute('href')).toBe(false);
  });
});
