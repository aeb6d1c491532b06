/** Builds Tier0's serialized search index at compile time (engine.ts is the reading side). */
import MiniSearch from 'minisearch';
import { indexTerms } from './analyze.ts';
import { encodeStem, SEARCH_SCHEMA_VERSION, type SerializedSearchIndex } from './index-format.ts';
import { miniSearchOptions, type IndexRow } from './minisearch-options.ts';
import { SEARCH_CONFIG, SEARCH_FIELDS, type SearchConfig } from './search-config.ts';
import type { IndexableArticle } from './search-types.ts';
import { compileSynonyms, normalizeSynonymGroups } from './synonyms.ts';
import { withBuiltinSynonyms } from './builtin-synonyms.ts';

export interface BuildSearchIndexOptions {
  /** Author synonym groups from kb-content/synonyms.yml, merged with the built-in IT map. */
  synonyms: string[][];
}

/**
 * Keeps the body terms that best tell this article apart (tf-idf), each written up to
 * `maxBodyTermRepeat` times so frequency still counts. Words on every page ("click", "select")
 * drop out of most bodies, which keeps posting lists short and searches fast at 10,000 articles.
 */
function pruneBody(terms: string[], bodyDf: ReadonlyMap<string, number>, articleCount: number, config: SearchConfig): string[] {
  const tf = new Map<string, number>();
  for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
  const weight = (term: string, count: number) => (1 + Math.log(count)) * Math.log(1 + articleCount / (bodyDf.get(term) ?? 1));
  const maxDf = Math.max(config.minBodyDfCap, articleCount * config.maxBodyDfRatio);
  const ranked = [...tf].filter(([term]) => (bodyDf.get(term) ?? 0) <= maxDf).sort((a, b) => weight(b[0], b[1]) - weight(a[0], a[1]) || (a[0] < b[0] ? -1 : 1)).slice(0, config.maxBodyTerms);
  // Alphabetical order: MiniSearch ignores order, and gzip finds more repeats across articles.
  ranked.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return ranked.flatMap(([term, count]) => new Array<string>(Math.min(count, config.maxBodyTermRepeat)).fill(term));
}

/**
 * Builds the JSON-serializable search index stored as `KbIndex.search` (carries `searchSchema`).
 * `config` exists for the ranking evaluation; everything else uses the one SEARCH_CONFIG.
 */
export function buildSearchIndex(articles: IndexableArticle[], options: BuildSearchIndexOptions, config: SearchConfig = SEARCH_CONFIG): unknown {
  const synonyms = withBuiltinSynonyms(normalizeSynonymGroups(options.synonyms ?? []));
  const table = compileSynonyms(synonyms);
  const wordStems = new Map<string, string>();
  const rememberWord = (folded: string, stem: string) => {
    if (!wordStems.has(folded)) wordStems.set(folded, stem);
  };
  const seenIds = new Set<string>();
  // Items of a list are joined by " . " so a synonym phrase never spans two aliases.
  const analysed = articles
    .filter((article) => !seenIds.has(article.id) && seenIds.add(article.id))
    .map((article) => ({
      id: article.id,
      fields: [article.title, article.aliases.join(' . '), article.tags.join(' . '), article.headings.join(' . '), article.description].map((text) =>
        indexTerms(text ?? '', table, rememberWord),
      ),
      body: indexTerms(article.body ?? '', table, rememberWord),
    }));
  const bodyDf = new Map<string, number>();
  for (const { body } of analysed) for (const term of new Set(body)) bodyDf.set(term, (bodyDf.get(term) ?? 0) + 1);
  const df = new Map<string, number>();
  const rows: IndexRow[] = analysed.map(({ id, fields, body }) => {
    const terms = [...fields, pruneBody(body, bodyDf, analysed.length, config)];
    for (const term of new Set(terms.flat())) df.set(term, (df.get(term) ?? 0) + 1);
    return [id, ...terms.map((list) => list.join(' '))];
  });
  const miniSearch = new MiniSearch<IndexRow>(miniSearchOptions(config));
  miniSearch.addAll(rows);
  const serializedMiniSearch = miniSearch.toJSON();
  const words = [...wordStems.keys()].filter((word) => df.has(wordStems.get(word) as string)).sort();
  const index: SerializedSearchIndex = {
    searchSchema: SEARCH_SCHEMA_VERSION,
    fields: [...SEARCH_FIELDS],
    miniSearch: serializedMiniSearch,
    df: serializedMiniSearch.index.map(([term]) => df.get(term) ?? 0),
    words: words.join(' '),
    stems: words.map((word) => encodeStem(word, wordStems.get(word) as string)).join(' '),
    synonyms,
  };
  return index;
}
