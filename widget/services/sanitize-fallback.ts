/**
 * The sanitizer for browsers without `Element.prototype.setHTML`: DOMPurify with the article
 * allow-list, its own lazy chunk so browsers with the native Sanitizer never download it. Where
 * the browser has Trusted Types, the output goes through our named policy `tier0` (handed to
 * DOMPurify so it does not create its own `dompurify` policy, which a host page's CSP may not
 * allow, or may already have created).
 */
import { createArticlePurifier, type ArticlePurifier } from './purify-article.ts';
import { trustedTypesPolicy } from './trusted-types.ts';

let purifier: ArticlePurifier | undefined;

/** Sanitizes untrusted HTML into a value assignable to `innerHTML` (TrustedHTML where supported). */
export function sanitizeHtml(html: string): string {
  purifier ??= createArticlePurifier(window);
  return purifier.sanitize(html, trustedTypesPolicy()).value;
}
