/** Sorting link and image targets into the cases the compiler treats differently. */
import { PAGE_LINK_PREFIX } from './template-tags.ts';

export type LinkTarget =
  /** `#section` inside the same article. */
  | { kind: 'anchor'; href: string }
  /** http(s) and protocol-relative URLs: kept, opened in a new tab. */
  | { kind: 'external'; href: string }
  /** mailto: and tel: — kept as they are. */
  | { kind: 'contact'; href: string }
  /** `{% page "/url/" %}` from an Eleventy/Jekyll site: resolved to an article by URL. */
  | { kind: 'page'; url: string; anchor?: string }
  /** A file path relative to the current file (already percent-decoded). */
  | { kind: 'relative'; path: string; anchor?: string }
  /** `/path` on the original website, which is not part of the knowledge base. */
  | { kind: 'site'; href: string }
  /** Any other scheme (javascript:, data:, ms-settings:, …). */
  | { kind: 'unsupported'; href: string };

/** Classifies a link or image target as written in markdown. */
export function classifyTarget(rawHref: string): LinkTarget {
  const href = rawHref.trim();
  if (href.startsWith('#')) return { kind: 'anchor', href };
  if (/^(https?:)?\/\//i.test(href)) return { kind: 'external', href };
  if (/^(mailto|tel):/i.test(href)) return { kind: 'contact', href };
  if (href.startsWith(PAGE_LINK_PREFIX)) {
    const { path, anchor } = splitAnchor(href.slice(PAGE_LINK_PREFIX.length));
    return { kind: 'page', url: path, anchor };
  }
  if (href.startsWith('/')) return { kind: 'site', href };
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return { kind: 'unsupported', href };
  const { path, anchor } = splitAnchor(href);
  return { kind: 'relative', path: decode(path), anchor };
}

function splitAnchor(href: string): { path: string; anchor?: string } {
  const hash = href.indexOf('#');
  const withoutHash = hash < 0 ? href : href.slice(0, hash);
  const anchor = hash < 0 ? undefined : href.slice(hash + 1) || undefined;
  const query = withoutHash.indexOf('?');
  return { path: query < 0 ? withoutHash : withoutHash.slice(0, query), anchor };
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // A stray % that is not an escape: the author meant the literal character.
    return path;
  }
}
