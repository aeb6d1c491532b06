/**
 * The serialized search index (`KbIndex.search`): MiniSearch's own JSON over pre-analysed terms
 * (stemmed, stop words dropped, bodies pruned to their most telling terms), the document
 * frequency of each term, the typed-word vocabulary for completion and spelling correction, and
 * every synonym group it was built with. MiniSearch.loadJS restores it far faster than re-adding documents.
 * Bump SEARCH_SCHEMA_VERSION on any change to this shape or to how text is analysed.
 */
import type { AsPlainObject } from 'minisearch';
import { SEARCH_FIELDS } from './search-config.ts';

/**
 * 9: and the negation words. 8: the index carries the stop words, weak words and why-words it was built with. 7: one document per article and one per section (ids "<n>" and "<n>.<section>", n indexing
 * `ids`). 6: the index carries the built-in synonym groups too. Changing BUILTIN_SYNONYMS needs
 * no bump: each index holds the groups its phrase tokens were built with.
 */
export const SEARCH_SCHEMA_VERSION = 9;

export interface SerializedSearchIndex {
  searchSchema: number;
  /** The indexed fields, in order (a mismatch means the index was built by another version). */
  fields: string[];
  /** Article ids; document "<n>" is article ids[n], and "<n>.<s>" its section s. */
  ids: string[];
  /** MiniSearch.toJSON() of the index. */
  miniSearch: AsPlainObject;
  /** Articles containing each term, aligned with `miniSearch.index`. */
  df: number[];
  /** Typed words (folded, not stemmed) whose stems are indexed, sorted, space-separated. */
  words: string;
  /**
   * Stem of each word, space-separated and aligned with `words`: "" when the stem is the word,
   * a number n when the stem is the word minus its last n characters, else the stem itself.
   */
  stems: string;
  /** Every synonym group the index was built with (built-in, then the author's), folded. */
  synonyms: string[][];
  /**
   * The stop words its text was analysed with (stop-words.ts), folded and space-separated: queries
   * must drop exactly these, and the widget then ships no word list of its own.
   */
  stopWords: string;
  /** The weak words of weak-words.ts, folded and space-separated (see engine.ts). */
  weakWords: string;
  /** The words of why-words.ts, folded and space-separated (see section-choice.ts). */
  whyWords: string;
  /** The words of negation-words.ts, folded and space-separated (see section-choice.ts). */
  negationWords: string;
}

/** Checks the shape and version of a serialized index; returns a problem or the index. */
export function readSerializedIndex(value: unknown): SerializedSearchIndex | string {
  if (!value || typeof value !== 'object') return 'the KB index has no search index';
  const index = value as Partial<SerializedSearchIndex>;
  if (index.searchSchema !== SEARCH_SCHEMA_VERSION) {
    return `search index schema ${String(index.searchSchema)} is not the supported ${SEARCH_SCHEMA_VERSION}`;
  }
  const fieldsMatch =
    Array.isArray(index.fields) &&
    index.fields.length === SEARCH_FIELDS.length &&
    index.fields.every((field, i) => field === SEARCH_FIELDS[i]);
  const miniSearch = index.miniSearch as Partial<AsPlainObject> | undefined;
  const wellFormed =
    fieldsMatch &&
    Array.isArray(index.ids) &&
    Array.isArray(miniSearch?.index) &&
    Array.isArray(index.df) &&
    index.df.length === miniSearch.index.length &&
    typeof index.words === 'string' &&
    typeof index.stems === 'string' &&
    Array.isArray(index.synonyms) &&
    typeof index.stopWords === 'string' &&
    typeof index.weakWords === 'string' &&
    typeof index.whyWords === 'string' &&
    typeof index.negationWords === 'string';
  return wellFormed ? (index as SerializedSearchIndex) : 'the search index is malformed';
}

/** Encodes a word's stem relative to the word (see SerializedSearchIndex.stems). */
export function encodeStem(word: string, stem: string): string {
  if (stem === word) return '';
  if (word.startsWith(stem)) return String(word.length - stem.length);
  // A stem that looks like a cut count is marked so it cannot be read as one.
  return /^\d+$/.test(stem) ? `~${stem}` : stem;
}

/** Decodes the stems aligned with `words` (see SerializedSearchIndex.stems). */
export function decodeStems(words: readonly string[], encoded: string): string[] {
  const codes = encoded.split(' ');
  return words.map((word, i) => {
    const code = codes[i] ?? '';
    if (code === '') return word;
    if (/^\d+$/.test(code)) return word.slice(0, word.length - Number(code));
    return code.startsWith('~') ? code.slice(1) : code;
  });
}
