/**
 * Tier0's search engine: restores MiniSearch from the serialized index (MiniSearch.loadJS) and answers
 * help-box queries. MiniSearch does the BM25 scoring over exact index terms; deciding *which*
 * terms to look up (synonyms, completions of the word being typed, spelling corrections) happens
 * here, against a vocabulary, so that fuzzy matching only runs for words the index does not know
 * and never walks the whole term tree for every keystroke.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { KB_SCHEMA_VERSION, type ArticleMeta, type ArticleSection, type KbIndex } from '../kb-format.ts';
import { parseQuery } from './analyze.ts';
import { decodeStems, readSerializedIndex } from './index-format.ts';
import { miniSearchOptions } from './minisearch-options.ts';
import { correctedQuery, planUnit, searchableUnits, widerScope, type Scope, type UnitPlan } from './query-plan.ts';
import { SEARCH_CONFIG, SEARCH_FIELDS, type SearchConfig } from './search-config.ts';
import { createLru } from './lru.ts';
import { rankSections, type SectionMatch, type SectionsOf } from './section-choice.ts';
import type { SearchEngine, SearchHit, SearchOptions, SearchResponse, SnippetPart } from './search-types.ts';
import { buildSnippet, snippetSources, type SnippetSources } from './snippet.ts';
import type { FindCorrections } from './corrections.ts';
import { compileSynonyms } from './synonyms.ts';
import { createVocabulary, type Vocabulary } from './vocabulary.ts';
import { splitWords, stem } from './text.ts';

const SNIPPET_CACHE_SIZE = 500;

/** The fields of each lookup scope (see Scope in query-plan.ts). */
const SCOPE_FIELDS: Record<Scope, readonly string[]> = {
  all: SEARCH_FIELDS,
  noBody: SEARCH_FIELDS.filter((field) => field !== 'body'),
  prominent: ['title', 'aliases', 'tags'],
};

interface Ranked {
  id: string;
  /** What orders hits: raised for articles that match every required query word. */
  rankScore: number;
  matchedAll: boolean;
  boosted: boolean;
  /** Matched index terms, per document of the article. */
  terms: string[][];
  /** The article's matched sections, to choose the one it opens at. */
  sections: SectionMatch[];
  /** Bit i set: query word i matched the title, aliases, tags or description. */
  topic: number;
}

/** What one search has found of one article so far, over its documents (see build-index.ts). */
interface Evidence {
  /** Score of the title, aliases, tags and description. */
  fields: number;
  /** Best section score. */
  best: number;
  /** Its matched sections (see section-choice.ts). */
  matches: SectionMatch[];
  /** Bit i set: query word i matched the title, aliases, tags or description. */
  topic: number;
  /** Bit i set: query word i matched somewhere in the article. */
  mask: number;
  /** The matched index terms of each of its documents (merged only for the hits shown). */
  terms: string[][];
}

/** Ranking order: boosted (contextual) first, then rank score, then id. */
function ranksBefore(a: Ranked, b: Ranked): boolean {
  if (a.boosted !== b.boosted) return a.boosted;
  if (a.rankScore !== b.rankScore) return a.rankScore > b.rankScore;
  return a.id < b.id;
}

/** Keeps the `limit` best entries in order: cheaper than sorting thousands of matches. */
function keepBest(best: Ranked[], entry: Ranked, limit: number): void {
  if (best.length === limit && !ranksBefore(entry, best[limit - 1] as Ranked)) return;
  let at = best.length;
  while (at > 0 && ranksBefore(entry, best[at - 1] as Ranked)) at--;
  best.splice(at, 0, entry);
  if (best.length > limit) best.pop();
}

/** The index terms of one search: their weights, the query words each stands for, and where to look. */
interface Lookup {
  weights: Map<string, number>;
  /** Bit i set: matching the term matches query word i. */
  unitsOf: Map<string, number>;
  /** Terms by the fields they are looked up in. */
  scopes: Record<Scope, string[]>;
}

/** Merges the unit plans into one lookup; a term several words share keeps its best weight. */
function planLookup(plans: readonly UnitPlan[], vocabulary: Vocabulary, specificityOf: (df: number) => number, lookupAbove: number): Lookup {
  // A term in most articles barely moves the ranking but costs a walk over most of the index:
  // it is only looked up when the query has nothing more specific.
  const specific = plans.some((plan) => plan.variants.some((variant) => vocabulary.df(variant.term) <= lookupAbove));
  const weights = new Map<string, number>();
  const unitsOf = new Map<string, number>();
  const scopes = new Map<string, Scope>();
  plans.forEach((plan, unit) => {
    const specificity = specificityOf(plan.df);
    for (const variant of plan.variants) {
      if (specific && vocabulary.df(variant.term) > lookupAbove) continue;
      weights.set(variant.term, Math.max(weights.get(variant.term) ?? 0, variant.weight * specificity));
      unitsOf.set(variant.term, (unitsOf.get(variant.term) ?? 0) | (variant.satisfies ? 1 << unit : 0));
      scopes.set(variant.term, widerScope(scopes.get(variant.term) ?? 'prominent', variant.scope));
    }
  });
  const byScope: Record<Scope, string[]> = { all: [], noBody: [], prominent: [] };
  for (const [term, scope] of scopes) byScope[scope].push(term);
  return { weights, unitsOf, scopes: byScope };
}

/**
 * Loads a compiled KbIndex; throws `[tier0] …` when its schema or search schema version differs.
 * `corrections` is the spelling correction (corrections.ts), or 'lazy' in the widget, which
 * loads it when a search first reports `correctionsPending` and hands it to useCorrections().
 */
export function loadSearchEngine(index: KbIndex, corrections: FindCorrections | 'lazy'): SearchEngine {
  return createSearchEngine(index, SEARCH_CONFIG, corrections);
}

/**
 * Typed like an identifier rather than a word: digits, an underscore or a capital inside
 * ("0x8004DEEF", "DXGI_ERROR_UNSUPPORTED", "DisableCachingOfSSLPages"), at least 4 characters.
 */
const looksLikeIdentifier = (typed: string): boolean => typed.length >= 4 && /\d|_|\p{Ll}\p{Lu}/u.test(typed);

/** The sum of the `count` best section scores after the best one. */
function runnersUp(matches: readonly SectionMatch[], count: number): number {
  const top: number[] = [];
  for (const { score } of matches) {
    if (top.length <= count) top.push(score);
    else if (score > top[count]!) top[count] = score;
    else continue;
    top.sort((a, b) => b - a);
  }
  let sum = 0;
  for (let i = 1; i < top.length; i++) sum += top[i]!;
  return sum;
}

/** loadSearchEngine with an explicit configuration, for the ranking evaluation and tests. */
export function createSearchEngine(index: KbIndex, config: SearchConfig, corrections: FindCorrections | 'lazy'): SearchEngine {
  if (!index || index.schema !== KB_SCHEMA_VERSION) {
    throw new Error(`[tier0] KB index schema ${String(index?.schema)} is not the supported ${KB_SCHEMA_VERSION} — rebuild the knowledge base with this version of tier0`);
  }
  const serialized = readSerializedIndex(index.search);
  if (typeof serialized === 'string') throw new Error(`[tier0] ${serialized} — rebuild the knowledge base with this version of tier0`);

  const miniSearch = MiniSearch.loadJS(serialized.miniSearch, miniSearchOptions(config));
  const documentFrequency = new Map<string, number>();
  serialized.miniSearch.index.forEach(([term], i) => documentFrequency.set(term, serialized.df[i] ?? 0));
  const words = serialized.words ? serialized.words.split(' ') : [];
  let findCorrections = corrections === 'lazy' ? undefined : corrections;
  // Set when the search under way wanted a spelling correction that is not loaded yet.
  let pending = false;
  const vocabulary = createVocabulary(words, decodeStems(words, serialized.stems), documentFrequency, () => findCorrections, () => {
    pending = true;
  });
  const table = compileSynonyms(serialized.synonyms);
  // The index's own word lists (index-format.ts): the query is analysed as its text was.
  const wordSet = (words: string) => new Set(words.split(' '));
  const stopWords = wordSet(serialized.stopWords);
  const weakWords = wordSet(serialized.weakWords);
  const whyWords = wordSet(serialized.whyWords);
  const negationWords = wordSet(serialized.negationWords);
  const articles: readonly ArticleMeta[] = Object.freeze([...index.articles]);
  const byId = new Map(articles.map((article) => [article.id, article]));

  // Successive keystrokes mostly return the same articles for the same words: snippet texts are
  // analysed once per article, and finished snippets reused for the same matched terms.
  const sourceCache = createLru<SnippetSources>(SNIPPET_CACHE_SIZE);
  const snippetCache = createLru<SnippetPart[]>(SNIPPET_CACHE_SIZE);
  const snippetFor = (article: ArticleMeta, section: ArticleSection | undefined, terms: string[]): SnippetPart[] => {
    const key = section ? `${article.id}#${section.anchor}` : article.id;
    return snippetCache.get(`${key}\n${terms.join(' ')}`, () =>
      buildSnippet(sourceCache.get(key, () => snippetSources(article, section)), new Set(terms), table, config.snippetLength),
    );
  };
  const ids = serialized.ids;
  // Articles, not MiniSearch documents (one per article and one per section): df counts articles.
  const documentCount = serialized.ids.length;
  const maxIdf = Math.log(1 + documentCount);
  // MiniSearch's idf is per field, so a generic word ("working") still scores high in short
  // fields such as titles, where it is rarer. Scaling each query word by its idf over whole
  // articles lets the specific words of a query decide the ranking.
  const specificityOf = (df: number) =>
    config.unitIdfPower ? (Math.log(1 + documentCount / Math.max(1, df)) / maxIdf) ** config.unitIdfPower : 1;
  const commonAbove = Math.max(config.minCommonDf, documentCount * config.commonTermRatio);
  const lookupAbove = Math.max(config.minLookupSkipDf, documentCount * config.maxLookupRatio);

  // Each article's sections as section choice reads them (see section-choice.ts): the index terms
  // of their headings and opening lines (stems of words and of their hyphenated parts, as snippets
  // analyse text; synonym phrases are left out, which keeps the full analyser out of the widget's
  // first chunk), of their headings alone, and whether a heading is negated.
  const headingVerbs = new Set(config.sectionHeadingVerbs);
  const sectionCache = createLru<Omit<SectionsOf, 'matches'>>(SNIPPET_CACHE_SIZE);
  const sectionsOf = (article: ArticleMeta): Omit<SectionsOf, 'matches'> =>
    sectionCache.get(article.id, () => {
      const sections = article.sections ?? [];
      const headingWords = sections.map((section) => splitWords(section.heading));
      return {
        leads: sections.map((section) => new Set(splitWords(`${section.heading} ${section.lead}`).flatMap((word) => [word.folded, ...word.parts].map(stem)))),
        headings: headingWords.map((words) => new Set(words.filter((word) => !stopWords.has(word.folded) && !headingVerbs.has(word.folded)).map((word) => stem(word.folded)))),
        negated: headingWords.map((words) => words.some((word) => negationWords.has(word.folded))),
        roles: sections.map((section) => section.role),
      };
    });

  function search(query: string, options: SearchOptions = {}, corrected = false): SearchResponse {
    if (!corrected) pending = false;
    const limit = options.limit ?? 10;
    const text = typeof query === 'string' ? query : '';
    const units = searchableUnits(parseQuery(text, table, stopWords, config.maxQueryTerms), vocabulary);
    if (!units.length || limit <= 0) return { query: text, hits: [] };
    const plans = units.map((unit) => planUnit(unit, vocabulary, table, config));
    const respond = (hits: SearchHit[], bestHitTerms: ReadonlySet<string> = new Set()): SearchResponse => {
      const suggestion = correctedQuery(text, units, plans, bestHitTerms);
      // A typo can break a phrase ("remote desktp" is no "remote desktop"), whose token is what a
      // long article's pruned body keeps: when the corrected query forms a phrase the typed one
      // did not, its results are the ones shown ("Did you mean" stays offered).
      const formsPhrase = (typed: string) =>
        parseQuery(typed, table, stopWords, config.maxQueryTerms).some((unit) => unit.pieces.length && !units.some((other) => other.token === unit.token));
      const shown = suggestion && !corrected && formsPhrase(suggestion) ? search(suggestion, options, true).hits : hits;
      return { query: text, hits: shown, ...(suggestion ? { suggestion } : {}), ...(pending ? { correctionsPending: true } : {}) };
    };

    const lookup = planLookup(plans, vocabulary, specificityOf, lookupAbove);
    if (!lookup.weights.size) return respond([]);
    // Words in a large share of articles ("windows" in a Windows KB, "working") say little about
    // which article is meant: requiring them would rank "Fix problems in Windows Search" below
    // anything that happens to contain "working". They add to the score but are not required.
    let required = 0;
    units.forEach((unit, i) => {
      if (unit.stopWord || (plans[i]?.df ?? 0) <= commonAbove) required |= 1 << i;
    });
    if (!required) required = 2 ** units.length - 1;
    // A pasted identifier (a registry value, an error constant or code) that only a few articles
    // hold decides which article is meant, however common the query's other words are in titles.
    let decisive = 0;
    units.forEach((unit, i) => {
      const df = plans[i]?.df ?? 0;
      if (df > 0 && df <= config.decisiveMaxDf && looksLikeIdentifier(text.slice(unit.start, unit.end))) decisive |= 1 << i;
    });
    const boosted = new Set(options.boost ?? []);
    const unitWeights = plans.map((plan) => specificityOf(plan.df));
    const found = new Map<number, Evidence>();
    const collect = (result: SearchResult): boolean => {
      const docId = String(result.id);
      const dot = docId.indexOf('.');
      const position = Number(dot < 0 ? docId : docId.slice(0, dot));
      let evidence = found.get(position);
      if (!evidence) found.set(position, (evidence = { fields: 0, best: 0, matches: [], topic: 0, mask: 0, terms: [] }));
      // Bit i set: this document matched query word i.
      let matched = 0;
      for (const term of result.queryTerms) matched |= lookup.unitsOf.get(term) ?? 0;
      evidence.mask |= matched;
      evidence.terms.push(result.terms);
      // MiniSearch multiplies by the number of distinct terms matched, which counts synonyms and
      // completions of one word several times: undo that (query words are counted below).
      const score = result.score / Math.max(1, result.queryTerms.length);
      if (dot < 0) {
        evidence.fields += score;
        evidence.topic |= matched;
      }
      else {
        if (score > evidence.best) evidence.best = score;
        let named = 0;
        for (const term of result.terms) if (result.match[term]?.includes('headings')) named |= lookup.unitsOf.get(term) ?? 0;
        evidence.matches.push({ section: Number(docId.slice(dot + 1)), score, units: matched, named });
      }
      // Ranked below, so MiniSearch need not collect and sort thousands of results for 10 hits.
      return false;
    };
    const { weights, scopes } = lookup;
    const queries = (Object.keys(scopes) as Scope[])
      .filter((scope) => scopes[scope].length)
      .map((scope) => ({ queries: [scopes[scope].join(' ')], fields: [...SCOPE_FIELDS[scope]] }));
    miniSearch.search({ combineWith: 'OR', queries }, { boostTerm: (term) => weights.get(term) ?? 0, filter: collect });

    // Everyday words ("away", "still") add to a hit but never carry one alone, as long as some
    // article matches a telling word of the query.
    let telling = 0;
    units.forEach((unit, i) => {
      if (!weakWords.has(unit.surface)) telling |= 1 << i;
    });
    let anyTelling = false;
    for (const evidence of found.values()) if (evidence.mask & telling) anyTelling = true;
    const best: Ranked[] = [];
    for (const [position, evidence] of found) {
      if (anyTelling && !(evidence.mask & telling)) continue;
      const id = ids[position];
      if (id === undefined || !byId.has(id)) continue;
      let matchedUnits = 0;
      for (let bits = evidence.mask; bits; bits &= bits - 1) matchedUnits++;
      // The best section counts in full and the next few in part: an article whose one section
      // answers the query beats one that mentions its words here and there across a long page
      // (summing every section let a 50-section guide that says "password" and "setting" all
      // over outrank the article about the question).
      const body = evidence.best + config.otherSectionsWeight * runnersUp(evidence.matches, config.otherSectionsCounted);
      const score = (evidence.fields + body) * matchedUnits;
      const matchedAll = (evidence.mask & required) === required;
      const rankScore = (matchedAll ? score * config.matchedAllBoost : score) * (decisive && (evidence.mask & decisive) === decisive ? config.decisiveBoost : 1);
      keepBest(best, { id, rankScore, matchedAll, boosted: boosted.has(id), terms: evidence.terms, sections: evidence.matches, topic: evidence.topic }, limit);
    }

    const hits: SearchHit[] = [];
    // Stop words are gone from the query's units ("why" among them): the intent is read off its words.
    const typed = splitWords(text);
    const asksWhy = typed.some((word) => whyWords.has(word.folded));
    const negated = typed.some((word) => negationWords.has(word.folded));
    const termsOf = (entry: Ranked): string[] => [...new Set(entry.terms.flat())].sort();
    for (const entry of best) {
      const article = byId.get(entry.id);
      if (!article) continue;
      const [chosen = -1, ...others] = rankSections(
        { matches: entry.sections, ...sectionsOf(article) },
        { asksWhy, negated, unitsOf: lookup.unitsOf, weights: unitWeights, topic: entry.topic },
        config,
      );
      const section = chosen >= 0 ? article.sections?.[chosen] : undefined;
      const shown = section?.anchor ? section : undefined;
      const more = others
        .map((position) => article.sections?.[position])
        .filter((other): other is ArticleSection => !!other?.anchor)
        .slice(0, config.moreSections)
        .map(({ anchor, heading }) => ({ anchor, heading }));
      hits.push({
        id: article.id,
        title: article.title,
        score: entry.rankScore,
        category: article.category,
        matchedAll: entry.matchedAll,
        ...(shown ? { section: { anchor: shown.anchor, heading: shown.heading } } : {}),
        ...(more.length ? { moreSections: more } : {}),
        // Snippet parts are shared with the cache: handed out as copies so callers may change them.
        snippet: snippetFor(article, shown, termsOf(entry)).map((part) => ({ ...part })),
      });
    }
    return respond(hits, new Set(best[0] ? termsOf(best[0]) : []));
  }

  return {
    search,
    useCorrections(find) {
      findCorrections = find;
    },
    article: (id) => byId.get(id),
    articles,
  };
}
