/**
 * The compiled KB bundle: the one format the compiler (scripts/kb/) writes and the widget and
 * `tier0 search` read. Bump KB_SCHEMA_VERSION on any incompatible change; loaders refuse other
 * versions instead of misreading them.
 *
 * Layout of a bundle folder (default dist/kb/):
 *   manifest.json            small, never cached for long: { schema, version, index, ... }
 *   index.<hash>.json        KbIndex: article metadata + the serialized search index
 *   articles/<hash>.json     ArticleBody, one file per article, content-hashed (immutable)
 *   media/<name>.<hash>.<ext> images copied from the content folder
 * Every file except manifest.json is named by its content hash, so a new build never
 * overwrites a file an old manifest points to (safe updates: old index never meets new bodies).
 */
import type { Flow } from './flow-types.ts';

export const KB_SCHEMA_VERSION = 1;

export interface KbCategory {
  /** First folder level (or front-matter `category`), e.g. "printing". */
  id: string;
  /** Human title: "Printing" (from the folder name, or kb-content/categories.yml when present). */
  title: string;
  count: number;
}

export interface KbManifest {
  schema: number;
  /** Content hash of the whole bundle; changes whenever any article, image or index changes. */
  version: string;
  builtAt: string;
  articleCount: number;
  /** File name of the KbIndex, relative to the bundle folder. */
  index: string;
  categories: KbCategory[];
  /** Every file of the bundle (relative URLs, manifest excluded), for precaching and warm-up. */
  files: string[];
}

export interface ArticleMeta {
  id: string;
  title: string;
  description: string;
  category: string;
  tags: string[];
  aliases: string[];
  /** URL globs where the article is suggested first. */
  pages: string[];
  updated?: string;
  /** Section headings (H2/H3 text), used for snippets and to jump into the article. */
  headings: string[];
  /** Plain text of the opening of the article (~300 chars), for snippets. */
  summary: string;
  /**
   * The article's sections in order (the text before the first heading has anchor ''), aligned
   * with the search index's sections: where a search result opens, and its snippet.
   */
  sections?: ArticleSection[];
  /** Body file relative to the bundle folder: "articles/3f9c2e1d0a.json". */
  body: string;
  /** The article contains a guided troubleshooting flow. */
  hasFlow: boolean;
}

export interface ArticleSection {
  /** Id of the section's heading in the article HTML ('' for the opening). */
  anchor: string;
  heading: string;
  /** The opening of the section's text (~160 chars, scripts/kb/article.ts), for snippets and section choice. */
  lead: string;
  /** What the section is for, learned from the KB's headings (absent: it answers). */
  role?: SectionRole;
}

/**
 * What a section is for (scripts/kb/section-roles.ts learns it per KB):
 * - 'states' the problem rather than answering it: its heading starts most articles of this KB
 *   that use it ("Symptoms"), or it is the text before such a heading, or an opening that quotes
 *   the error message it is about (a code block) above a section that answers it;
 * - 'explains' the problem stated just before it ("Cause": it follows the statement in most
 *   articles that use it, and the fix follows it);
 * - 'trails' the answer: its heading ends most articles that use it ("More information").
 */
export type SectionRole = 'states' | 'explains' | 'trails';

export interface KbIndex {
  schema: number;
  version: string;
  articles: ArticleMeta[];
  /** Serialized search index, produced by widget/core/search (its own `searchSchema` inside). */
  search: unknown;
}

export interface ArticleBody {
  id: string;
  /** Compiled HTML. Not trusted: the widget sanitizes it with DOMPurify before insertion. */
  html: string;
  flow?: Flow;
}
