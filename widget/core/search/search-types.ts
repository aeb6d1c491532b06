/** Public shape of Tier0's search engine: shared by the widget, `tier0 search` and the compiler. */
import type { FindCorrections } from './corrections.ts';
import type { ArticleMeta } from '../kb-format.ts';

/** One piece of a snippet; `mark` pieces are the matched terms. Rendered as text, never HTML. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** The part of an article that best answers a query: its heading and the heading's id. */
export interface SectionRef {
  anchor: string;
  heading: string;
}

export interface SearchHit {
  id: string;
  title: string;
  /** The score the ranking used: hits are in descending score order (contextual boosts aside). */
  score: number;
  category: string;
  /** Every query term matched (such hits rank above partial matches). */
  matchedAll: boolean;
  /** The section that best matches the query, when it is one under a heading. */
  section?: SectionRef;
  /**
   * Other sections the query reaches, best first (at most SearchConfig.moreSections): where the
   * answer may be when the section shown is not it ("Cause" under a shown "Resolution").
   */
  moreSections?: SectionRef[];
  /** From that section when there is one, else from the article's opening. */
  snippet: SnippetPart[];
}

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
  /** "Did you mean" — a corrected query, offered when nothing (or almost nothing) matched. */
  suggestion?: string;
  /**
   * Set by an engine loaded with 'lazy' corrections when this query has a word it could not
   * correct because the spelling correction is not loaded yet: load it, useCorrections(), and
   * search again for the full answer.
   */
  correctionsPending?: true;
}

export interface SearchOptions {
  /** Default 10. */
  limit?: number;
  /** Article ids to lift to the top when they match (contextual `pages:` suggestions). */
  boost?: string[];
}

export interface SearchEngine {
  search(query: string, options?: SearchOptions): SearchResponse;
  /** Hands a lazily loaded spelling correction to the engine (see SearchResponse.correctionsPending). */
  useCorrections(find: FindCorrections): void;
  /** Article metadata by id. */
  article(id: string): ArticleMeta | undefined;
  readonly articles: readonly ArticleMeta[];
}

/** What the compiler hands to the index builder for each article. */
export interface IndexableArticle {
  id: string;
  title: string;
  aliases: string[];
  tags: string[];
  headings: string[];
  description: string;
  /** Plain text of the body (markdown stripped, code blocks dropped or kept short). */
  body: string;
  /**
   * The body split at its H2/H3 headings, code blocks included (the compiler's split; see
   * scripts/kb/sections.ts). When given, it is indexed instead of `body` and `headings`, each
   * section on its own, aligned with ArticleMeta.sections. `aliases`: other phrasings users type
   * for the section (front matter `section-aliases`), searched with its heading.
   */
  sections?: { heading: string; text: string; aliases?: string[] }[];
}
