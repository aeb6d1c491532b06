// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { sanitizeHtml } from '../../../widget/services/sanitize-fallback.ts';

const clean = (html: string): HTMLElement => {
  const div = document.createElement('div');
  div.innerHTML = sanitizeHtml(html);
  return div;
};

describe('sanitizeHtml', () => {
  test('removes scripts, event handlers, forms, iframes and style attributes', () => {
    const d = clean('<p style="color:red" onclick="x()">Hi</p><script>alert(1)</script><form action="/x"><input name="q"></form><iframe src="https://evil.example"></iframe><style>*{}</style><img src="a.png" onerror="alert(1)">');
    expect(d.innerHTML).toBe('<p>Hi</p><img src="a.png">');
  });

  test('allows http(s), mailto, tel, relative and # links, drops javascript: and data:', () => {
    const d = clean('<a href="https://a.example">1</a><a href="mailto:x@y.z">2</a><a href="tel:+1">3</a><a href="../b.md">4</a><a href="#s">5</a><a href="javascript:alert(1)">6</a><a href="data:text/html,x">7</a><a href="vbscript:x">8</a>');
    const hrefs = [...d.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://a.example', 'mailto:x@y.z', 'tel:+1', '../b.md', '#s', null, null, null]);
  });

  test('external links open in a new tab with rel="noopener noreferrer"', () => {
    const d = clean('<a href="https://a.example" target="_blank">x</a><a href="http://b.example">y</a><a href="#z" target="_top">z</a>');
    const [a, b, c] = [...d.querySelectorAll('a')];
    expect(a!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(b!.getAttribute('target')).toBe('_blank');
    expect(b!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(c!.hasAttribute('target')).toBe(false);
  });

  test('keeps article-link data attributes, ids and flow sections', () => {
    const d = clean('<section class="t0-flow"><h3 id="power">Power</h3><a href="../a.md" data-tier0-article="a/b">A</a></section>');
    expect(d.querySelector('section.t0-flow h3#power')).not.toBeNull();
    expect(d.querySelector('a')!.getAttribute('data-tier0-article')).toBe('a/b');
  });
});
