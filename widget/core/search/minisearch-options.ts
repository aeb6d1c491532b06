/** The MiniSearch options shared by the index builder (addAll) and the engine (loadJS). */
import type { Options } from 'minisearch';
import { SEARCH_FIELDS, type SearchConfig } from './search-config.ts';

/** An article as MiniSearch indexes it: [id, ...one space-separated term string per field]. */
export type IndexRow = string[];

const FIELD_COLUMN = new Map<string, number>(SEARCH_FIELDS.map((field, i) => [field, i + 1]));

/** MiniSearch options for Tier0's pre-analysed rows; loadJS must get the same ones as addAll. */
export function miniSearchOptions(config: SearchConfig): Options<IndexRow> {
  return {
    idField: 'id',
    fields: [...SEARCH_FIELDS],
    extractField: (row, field) => (field === 'id' ? row[0] : row[FIELD_COLUMN.get(field) ?? -1]),
    // Terms are analysed once, at build time (analyze.ts), and stored space-separated.
    tokenize: (text) => (text ? text.split(' ') : []),
    processTerm: (term) => term,
    searchOptions: { boost: { ...config.boosts }, bm25: { ...config.bm25 } },
  };
}
