/**
 * The rules every sanitizer applies on top of its allow-list (widget/core/article-html.ts),
 * written once: URL attributes keep only allowed schemes, a task-list `<input>` must be a
 * disabled checkbox, and links to other sites open in a new tab with `rel="noopener noreferrer"`
 * (article links, marked `data-tier0-article`, open inside the widget instead).
 * Runs on DOM elements only, so it serves the browser and the compiler's jsdom alike.
 */
import { isAllowedInput, isAllowedUrl, URL_ATTRIBUTES } from '../core/article-html.ts';

/** Applies the rules to one element; returns false when the element itself must go. */
export function applyElementRules(el: Element, onRemoved?: (attribute: string) => void): boolean {
  const tag = el.localName;
  for (const name of URL_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value !== null && !isAllowedUrl(value, tag === 'img' && name === 'src')) {
      el.removeAttribute(name);
      onRemoved?.(name);
    }
  }
  if (tag === 'input') return isAllowedInput(el.getAttribute('type'), el.hasAttribute('disabled'));
  if (tag === 'a') {
    const href = el.getAttribute('href') ?? '';
    if (/^https?:/i.test(href) && !el.hasAttribute('data-tier0-article')) el.setAttribute('target', '_blank');
    if (el.getAttribute('target') === '_blank') el.setAttribute('rel', 'noopener noreferrer');
    else el.removeAttribute('target');
  }
  return true;
}

/** Applies the rules to every element under `root` (after the browser's `setHTML`). */
export function applyHtmlRules(root: ParentNode): void {
  for (const el of root.querySelectorAll('a, input, [href], [src], [cite]')) if (!applyElementRules(el)) el.remove();
}
