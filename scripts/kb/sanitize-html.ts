/**
 * The compiler's sanitizing step: every article's HTML (and each guided step's) goes through
 * DOMPurify with the widget's own allow-list and link rules (widget/services/purify-article.ts)
 * before it is written, so a bundle holds only clean HTML. Whatever it removes is reported as a
 * warning at the line of the markdown that holds it, so authors learn what readers will not see.
 * The widget sanitizes again when it inserts the HTML (defence in depth).
 */
import { URL_ATTRIBUTES } from '../../widget/core/article-html.ts';
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

/** Creates the sanitizer; jsdom is loaded only here, once per compile. */
export async function createArticleSanitizer(): Promise<ArticleSanitizer> {
  const { JSDOM } = await import('jsdom');
  const purifier = createArticlePurifier(new JSDOM('').window as unknown as Parameters<typeof createArticlePurifier>[0]);
  return {
    sanitizeBody(body, source, display, report) {
      const { value: html, removed } = purifier.sanitize(body.html);
      const locate = locator(source);
      for (const removal of removed) {
        report({ file: display, line: locate(removal), message: removalMessage(removal), severity: 'warning' });
      }
      if (!body.flow) return { ...body, html };
      // A step's HTML is also part of the article's HTML above, so its removals are reported once.
      const steps = Object.fromEntries(Object.entries(body.flow.steps).map(([id, step]) => [id, { ...step, html: purifier.sanitize(step.html).value }]));
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
