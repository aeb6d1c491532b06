/**
 * Sanitizes compiled article HTML before it reaches the page. DOMPurify with a URI allow-list
 * (http(s), mailto, tel, relative, #), no forms, iframes or style attributes; new-tab links get
 * `rel="noopener noreferrer"`. Where the browser has Trusted Types, output goes through our own
 * named policy `tier0` (handed to DOMPurify so it does not create its own `dompurify` policy,
 * which a host page's CSP may not allow, or may already have created).
 */
import DOMPurify, { type Config } from 'dompurify';
import { trustedTypesPolicy } from './trusted-types.ts';

// Re-exported: the policy moved to its own module so the service worker registration can share it.
export { trustedTypesPolicy };

// Absolute http(s)/mailto/tel, or anything without a scheme (relative paths, #anchors, ?query).
const ALLOWED_URI = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i;

let purifier: ReturnType<typeof DOMPurify> | undefined;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const a = node as Element;
      const href = a.getAttribute('href') ?? '';
      if (/^https?:/i.test(href) && !a.hasAttribute('data-tier0-article')) a.setAttribute('target', '_blank');
      if (a.getAttribute('target') === '_blank') a.setAttribute('rel', 'noopener noreferrer');
      else a.removeAttribute('target');
    }
  });
  purifier = p;
  return p;
}

const CONFIG: Config = {
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  FORBID_TAGS: ['form', 'iframe', 'frame', 'frameset', 'object', 'embed', 'style', 'input', 'button', 'textarea', 'select', 'option', 'link', 'meta', 'base'],
  FORBID_ATTR: ['style', 'action', 'formaction'],
  ADD_ATTR: ['target'],
  ALLOW_DATA_ATTR: true,
};

/** Sanitizes untrusted HTML into a value assignable to `innerHTML` (TrustedHTML where supported). */
export function sanitizeHtml(html: string): string {
  const tt = trustedTypesPolicy();
  const config: Config = tt
    ? { ...CONFIG, RETURN_TRUSTED_TYPE: true, TRUSTED_TYPES_POLICY: tt as unknown as Config['TRUSTED_TYPES_POLICY'] }
    : CONFIG;
  return getPurifier().sanitize(html, config) as unknown as string;
}
