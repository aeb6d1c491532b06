/**
 * DOMPurify set up with the article allow-list (widget/core/article-html.ts) and the shared
 * link/URL rules (html-rules.ts). One set-up for two callers: the compiler, which sanitizes every
 * article at build time in jsdom and tells authors what it removed, and the widget's fallback for
 * browsers without `Element.prototype.setHTML` (sanitize-fallback.ts, a lazy chunk).
 */
import DOMPurify, { type Config, type WindowLike } from 'dompurify';
import { ALLOWED_URI, ARTICLE_ELEMENTS, GLOBAL_ATTRIBUTES } from '../core/article-html.ts';
import { applyElementRules } from './html-rules.ts';

/** Something the sanitizer took out: an element (its text is kept), or one attribute of one. */
export interface Removal {
  tag: string;
  attribute?: string;
}

export interface ArticlePurifier {
  /**
   * Sanitizes HTML; with a Trusted Types policy the value is a TrustedHTML (typed as string,
   * which is what `innerHTML` also accepts).
   */
  sanitize(html: string, policy?: { createHTML(input: string): unknown } | null): { value: string; removed: Removal[] };
}

const CONFIG: Config = {
  ALLOWED_TAGS: Object.keys(ARTICLE_ELEMENTS),
  ALLOWED_ATTR: [...new Set([...GLOBAL_ATTRIBUTES, ...Object.values(ARTICLE_ELEMENTS).flat()])],
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

/** A DOMPurify instance for `win` (the page, or a jsdom window at build time) with Tier0's rules. */
export function createArticlePurifier(win: WindowLike): ArticlePurifier {
  const purify = DOMPurify(win);
  // Read through Node.prototype: a hostile <form> clobbers its own `nodeName` and `nodeType`
  // with a child named so (`<input name=nodeName>`).
  const nodeName = Object.getOwnPropertyDescriptor(win.Node.prototype, 'nodeName')!.get!;
  const nodeType = Object.getOwnPropertyDescriptor(win.Node.prototype, 'nodeType')!.get!;
  const tagOf = (node: Node): string => String(nodeName.call(node)).toLowerCase();
  let ours: Removal[] = [];
  // DOMPurify has one attribute list for all elements; this narrows it per element.
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName;
    if (!GLOBAL_ATTRIBUTES.includes(name) && !ARTICLE_ELEMENTS[tagOf(node)]?.includes(name)) data.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const tag = tagOf(node);
    if (!applyElementRules(node, (attribute) => ours.push({ tag, attribute }))) {
      node.remove();
      // The element is reported, not also each attribute it lost first.
      for (let i = purify.removed.length - 1; i >= 0; i -= 1) {
        const entry = purify.removed[i]!;
        if ('from' in entry && entry.from === node) purify.removed.splice(i, 1);
      }
      ours = ours.filter((r) => r.tag !== tag || !r.attribute);
      ours.push({ tag });
    }
  });
  return {
    sanitize(html, policy) {
      ours = [];
      const config: Config = policy
        ? { ...CONFIG, RETURN_TRUSTED_TYPE: true, TRUSTED_TYPES_POLICY: policy as unknown as Config['TRUSTED_TYPES_POLICY'] }
        : CONFIG;
      const value = purify.sanitize(html, config) as unknown as string;
      const removed: Removal[] = [];
      for (const entry of purify.removed) {
        if ('attribute' in entry && entry.attribute) removed.push({ tag: tagOf(entry.from), attribute: entry.attribute.name.toLowerCase() });
        // Comments, text nodes and the parser's own <body> are not markup an author meant to show.
        else if ('element' in entry && nodeType.call(entry.element) === 1 && tagOf(entry.element) !== 'body') removed.push({ tag: tagOf(entry.element) });
      }
      return { value, removed: [...removed, ...ours] };
    },
  };
}
