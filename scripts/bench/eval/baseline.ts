/**
 * The plain-MiniSearch baseline the evaluation compares Tier0 with: prefix search, fuzzy 0.2 and a
 * title boost over title, headings, description and body, as a site would set MiniSearch up.
 */
import MiniSearch from 'minisearch';
import type { PlainArticle } from './plain-corpus.ts';

/** A ranker over the articles: a query's article ids, best first. */
export function createBaseline(plain: PlainArticle[]): (query: string) => string[] {
  const miniSearch = new MiniSearch<PlainArticle>({
    fields: ['title', 'headings', 'description', 'body'],
    extractField: (article, field) => {
      const value = article[field as keyof PlainArticle];
      return Array.isArray(value) ? value.join(' ') : value;
    },
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } },
  });
  miniSearch.addAll(plain);
  return (query: string) => miniSearch.search(query).map((result) => String(result.id));
}
