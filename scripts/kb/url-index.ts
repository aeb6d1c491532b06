/**
 * Finds the article behind a URL of the original website, for `{% page "/tools/slack/" %}`
 * links in Eleventy/Jekyll knowledge bases. The site's URLs are not known, so an article
 * answers to its `permalink` / `redirect_from`, to its id, and to any tail of its id that no
 * other article shares ("/tools/slack/" finds "pages/tools/slack"). Built on first use.
 */
import type { ArticleSource } from './article.ts';

export interface UrlIndex {
  lookup(url: string): string | undefined;
}

/** Normalises a site URL or id to `a/b` (no slashes at the ends, no index or .html). */
export function urlKey(url: string): string {
  return url
    .trim()
    .replace(/[?#].*$/, '')
    .replace(/\.(html?|md)$/i, '')
    .replace(/(^|\/)index$/i, '')
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase();
}

/** Creates the URL index over the articles of one compile. */
export function createUrlIndex(sources: readonly ArticleSource[]): UrlIndex {
  let exact: Map<string, string> | undefined;
  let tails: Map<string, string | null> | undefined;
  const build = (): void => {
    exact = new Map();
    tails = new Map();
    for (const source of sources) {
      for (const url of source.front.urls) exact.set(urlKey(url), source.id);
      const key = urlKey(source.id);
      if (!exact.has(key)) exact.set(key, source.id);
      const parts = key.split('/');
      for (let start = 1; start < parts.length; start += 1) {
        const tail = parts.slice(start).join('/');
        // null marks a tail two articles share: ambiguous, so it matches neither.
        tails.set(tail, tails.has(tail) && tails.get(tail) !== source.id ? null : source.id);
      }
    }
  };
  return {
    lookup(url) {
      if (!exact || !tails) build();
      const key = urlKey(url);
      return exact!.get(key) ?? tails!.get(key) ?? undefined;
    },
  };
}
