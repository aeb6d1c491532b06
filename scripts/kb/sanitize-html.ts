/**
 * The compiler's sanitizing step: every article's HTML (and each guided step's) goes through
 * DOMPurify with the widget's own allow-list and link rules (widget/services/purify-article.ts)
 * before it is written, so a bundle holds only clean HTML. Whatever it removes is reported as a
 * warning at the line of the markdown that holds it, so authors learn what readers will not see.
 * The widget sanitizes again when it inserts the HTML (defence in depth).
 */
import { createRequire } from 'node:module';
import { ARTICLE_ELEMENTS, GLOBAL_ATTRIBUTES, isAllowedInput, isAllowedUrl, URL_ATTRIBUTES } from '../../widget/core/article-html.ts';
import type { ArticleBody } from '../../widget/core/kb-format.ts';
import { createArticlePurifier, type Removal } from '../../widget/services/purify-article.ts';
import type { Diagnostic } from './diagnostics.ts';

export interface ArticleSanitizer {
  /**
   * The body with clean HTML. Removals are reported against `source` (the article's markdown,
   * same line numbers as the file) and `display` (its path as diagnostics print it).
   */
  sanitizeBody(body: ArticleBody, source: string, display: string, report: (diagnostic: Diagnostic) => void): ArticleBody;
}

/**
 * Creates the sanitizer. DOMPurify runs in jsdom, which costs tens of milliseconds per article,
 * so HTML that `isPlainlyAllowed` proves holds nothing DOMPurify would change (most articles:
 * markdown without raw HTML) is kept as it is, and jsdom is loaded only for the first that needs it.
 */
export function createArticleSanitizer(): ArticleSanitizer {
  type Purifier = ReturnType<typeof createArticlePurifier>;
  let purifier: Purifier | undefined;
  const purify = (html: string): ReturnType<Purifier['sanitize']> => {
    if (isPlainlyAllowed(html)) return { value: html, removed: [] };
    if (!purifier) {
      // Loaded synchronously on first need (jsdom is CommonJS): a KB without raw HTML never pays for it.
      const { JSDOM } = createRequire(import.meta.url)('jsdom') as typeof import('jsdom');
      purifier = createArticlePurifier(new JSDOM('').window as unknown as Parameters<typeof createArticlePurifier>[0]);
    }
    return purifier.sanitize(html);
  };
  return {
    sanitizeBody(body, source, display, report) {
      const { value: html, removed } = purify(body.html);
      const locate = locator(source);
      for (const removal of removed) {
        report({ file: display, line: locate(removal), message: removalMessage(removal), severity: 'warning' });
      }
      if (!body.flow) return { ...body, html };
      // A step's HTML is also part of the article's HTML above, so its removals are reported once.
      const steps = Object.fromEntries(Object.entries(body.flow.steps).map(([id, step]) => [id, { ...step, html: purify(step.html).value }]));
      return { ...body, html, flow: { ...body.flow, steps } };
    },
  };
}

/** What the author reads: the element or attribute, and that readers will not see it. */
export function removalMessage({ tag, attribute }: Removal): string {
  if (!attribute) return `<${tag}> is not allowed in articles; removed (its text, if any, still shows)`;
  if (URL_ATTRIBUTES.includes(attribute)) return `${attribute} on <${tag}> is removed: only http(s), mailto, tel and relative URLs are allowed`;
  return `attribute ${attribute} on <${tag}> is not allowed in articles; removed`;
}

/**
 * Finds the line of each removal in the markdown: the next `<tag` or `attribute=` after the
 * previous find of the same text, so repeated markup gets its own lines. Line 1 when the markup
 * was not written literally (e.g. it came from an include).
 */
function locator(source: string): (removal: Removal) => number {
  const cursors = new Map<string, number>();
  const lower = source.toLowerCase();
  return ({ tag, attribute }) => {
    const pattern = attribute ? new RegExp(`[\\s"'/]${escapeRegExp(attribute)}(?=[\\s=/>])`, 'g') : new RegExp(`<${escapeRegExp(tag)}(?=[\\s/>])`, 'g');
    const key = pattern.source;
    pattern.lastIndex = cursors.get(key) ?? 0;
    let match = pattern.exec(lower);
    if (!match && pattern.lastIndex !== 0) {
      pattern.lastIndex = 0;
      match = pattern.exec(lower);
    }
    if (!match) return 1;
    cursors.set(key, match.index + 1);
    let line = 1;
    for (let at = lower.indexOf('\n'); at >= 0 && at < match.index; at = lower.indexOf('\n', at + 1)) line += 1;
    return line;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TAG = /<(\/?)([a-z][a-z0-9]*)((?: [a-z][a-z0-9-]*="[^"<>]*")*)>/y;
const ATTRIBUTE = / ([a-z][a-z0-9-]*)="([^"<>]*)"/g;

/**
 * True only when `html` is, character by character, text without `<` and tags of the strict form
 * the compiler writes (`<tag name="value">`, lower case, double quotes), every tag and attribute
 * on the allow-list, URLs allowed (no entity but `&amp;`, which could hide a scheme), inputs
 * disabled checkboxes, and links to other sites already opening in a new tab with a safe `rel`.
 * Anything else — comments, other quoting, unknown names — answers false and goes to DOMPurify.
 */
export function isPlainlyAllowed(html: string): boolean {
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', TAG.lastIndex)) {
    TAG.lastIndex = at;
    const tag = TAG.exec(html);
    if (!tag) return false;
    const [, closing, name, attributes] = tag as unknown as [string, string, string, string];
    const allowed = ARTICLE_ELEMENTS[name];
    if (!allowed || (closing && attributes)) return false;
    const values = new Map<string, string>();
    for (const [, attribute, value] of attributes.matchAll(ATTRIBUTE) as Iterable<[string, string, string]>) {
      if (values.has(attribute) || (!GLOBAL_ATTRIBUTES.includes(attribute) && !allowed.includes(attribute))) return false;
      if (URL_ATTRIBUTES.includes(attribute) && (/&(?!amp;)/.test(value) || !isAllowedUrl(value.replaceAll('&amp;', '&'), name === 'img' && attribute === 'src'))) return false;
      values.set(attribute, value);
    }
    if (name === 'input' && !isAllowedInput(values.get('type') ?? null, values.has('disabled'))) return false;
    if (name === 'a' && !closing) {
      const external = /^https?:/i.test(values.get('href') ?? '') && !values.has('data-tier0-article');
      const target = values.get('target');
      if ((external || target !== undefined) && (target !== '_blank' || values.get('rel') !== 'noopener noreferrer')) return false;
    }
  }
  return true;
}
