/**
 * What article HTML may hold: the one allow-list behind all three sanitizers (the compiler's
 * DOMPurify pass at build time, the browser's `setHTML` at runtime, and the DOMPurify fallback),
 * so an author's `tier0 check` warnings name exactly what readers will not see.
 *
 * It covers what the compiler emits (headings with ids, lists and task-list checkboxes, GFM
 * tables with `align`, code with `language-*` classes, callouts, images, links with the widget's
 * `data-tier0-*` attributes, flow sections) plus the plain text-level and block HTML authors
 * write by hand (`<kbd>`, `<details>`, `<dl>`, `<sup>` …). Nothing that runs, loads a document,
 * takes input or restyles the widget: no script, style, forms, frames, media players, SVG/MathML,
 * `on*` or `style` attributes.
 */

/** Attributes any allowed element may carry. */
export const GLOBAL_ATTRIBUTES: readonly string[] = ['id', 'class', 'title', 'lang', 'dir'];

const CELL = ['align', 'colspan', 'rowspan'];

/** Allowed elements, each with the attributes it may carry beyond the global ones. */
export const ARTICLE_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  p: [], div: ['role'], section: [], span: [], br: [], hr: [], wbr: [],
  blockquote: ['cite'], pre: [], code: [], kbd: [], samp: [], var: [],
  strong: [], b: [], em: ['data-tier0-flow-end'], i: [], u: [], s: [], del: ['cite'], ins: ['cite'],
  mark: [], small: [], sub: [], sup: [], abbr: [], cite: [], q: ['cite'], dfn: [], time: ['datetime'],
  details: ['open'], summary: [], figure: [], figcaption: [], dl: [], dt: [], dd: [],
  ul: [], ol: ['start', 'reversed', 'type'], li: ['value'],
  // GFM task lists: only disabled checkboxes survive (see isAllowedInput).
  input: ['type', 'checked', 'disabled'],
  table: [], caption: [], colgroup: [], col: ['span'], thead: [], tbody: [], tfoot: [], tr: [],
  th: [...CELL, 'scope'], td: CELL,
  a: ['href', 'name', 'target', 'rel', 'data-tier0-article', 'data-tier0-anchor'],
  img: ['src', 'alt', 'width', 'height', 'loading'],
};

/** Attributes holding a URL, checked with isAllowedUrl. */
export const URL_ATTRIBUTES: readonly string[] = ['href', 'src', 'cite'];

/** Absolute http(s)/mailto/tel, or anything without a scheme (relative paths, #anchors, ?query). */
export const ALLOWED_URI = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i;
// Browsers drop these inside or around a URL's scheme ("java\tscript:"), so they must not hide one.
const URL_BLANKS = /[\u0000-\u0020\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000]/g;

/**
 * Whether a URL attribute's value may stay: http(s), mailto, tel, or scheme-less; an image
 * source may also be a `data:image/…` URL (it can only ever be drawn, never run).
 */
export function isAllowedUrl(value: string, image = false): boolean {
  const url = value.replace(URL_BLANKS, '');
  return ALLOWED_URI.test(url) || (image && /^data:image\//i.test(url));
}

/** Whether an allowed `<input>` may stay: a disabled checkbox (a task-list item), nothing a user can fill in. */
export function isAllowedInput(type: string | null, disabled: boolean): boolean {
  return type?.toLowerCase() === 'checkbox' && disabled;
}
