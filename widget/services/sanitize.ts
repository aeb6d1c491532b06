/**
 * Puts article HTML into the page, sanitized again in the browser (the compiler already cleaned
 * it; this is defence in depth against a tampered bundle or a browser that parses differently).
 *
 * Where the browser has the HTML Sanitizer API, `setHTML` does it with a configuration that keeps
 * exactly the article allow-list (widget/core/article-html.ts): a safe sink, so it needs no
 * Trusted Types policy and no library. Elsewhere the DOMPurify fallback is imported as its own
 * chunk (sanitize-fallback.ts). Both paths then apply the same link and URL rules.
 */
import { ARTICLE_ELEMENTS, GLOBAL_ATTRIBUTES } from '../core/article-html.ts';
import { applyHtmlRules } from './html-rules.ts';

type SetHtml = (html: string, options: { sanitizer: object }) => void;

let nativeConfig: object | undefined;

/** The Sanitizer API configuration for the allow-list, built once. */
function sanitizerConfig(): object {
  const Sanitizer = (globalThis as { Sanitizer?: new (config: object) => object }).Sanitizer;
  const config = {
    elements: Object.entries(ARTICLE_ELEMENTS).map(([name, attributes]) => ({ name, attributes })),
    attributes: GLOBAL_ATTRIBUTES,
    comments: false,
    dataAttributes: false,
  };
  // A Sanitizer object is parsed once; a plain dictionary would be parsed on every call.
  nativeConfig ??= Sanitizer ? new Sanitizer(config) : config;
  return nativeConfig;
}

/**
 * Replaces `el`'s content with sanitized `html`. Synchronous with the native Sanitizer (returns
 * undefined); a promise while the fallback chunk loads (rejects when it cannot be loaded).
 */
export function insertSanitized(el: Element, html: string): Promise<void> | undefined {
  const setHtml = (el as Element & { setHTML?: SetHtml }).setHTML;
  if (typeof setHtml === 'function') {
    try {
      setHtml.call(el, html, { sanitizer: sanitizerConfig() });
      applyHtmlRules(el);
      return undefined;
    } catch {
      // An early implementation that rejects this configuration: the fallback still works.
      el.textContent = '';
    }
  }
  return import('./sanitize-fallback.ts').then(({ sanitizeHtml }) => {
    el.innerHTML = sanitizeHtml(html);
  });
}

/**
 * Loads the fallback chunk ahead of use where the browser has no `setHTML` (idle warm-up without
 * a service worker, so articles still open offline); nothing elsewhere.
 */
export function preloadSanitizer(): Promise<unknown> {
  return typeof (Element.prototype as { setHTML?: unknown }).setHTML === 'function' ? Promise.resolve() : import('./sanitize-fallback.ts');
}
