/**
 * Every tuning constant of Tier0's search in one frozen object, shared by the index builder and
 * the engine so that `tier0 search` ranks exactly as the widget does. Values were tuned on the
 * development query sets in scripts/bench/eval/queries/ (see scripts/bench/eval/evaluate.ts).
 */

import type { SectionChoiceConfig } from './section-choice.ts';

/** Indexed fields, in the order the serialized index stores them (after the id). */
export const SEARCH_FIELDS = ['title', 'aliases', 'tags', 'headings', 'description', 'body'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** The section-choice constants (sectionHeadingBonus, …) are documented in section-choice.ts. */
export interface SearchConfig extends SectionChoiceConfig {
  /** How many other sections a hit offers besides the one it opens at (SearchHit.moreSections). */
  moreSections: number;
  /**
   * Words a heading uses to say what the section does rather than what it is about ("Using
   * KeePassXC", "Use FLIP"): a query names the heading whole without them (see section-choice.ts).
   */
  sectionHeadingVerbs: readonly string[];
  /**
   * Field boosts: a title match outweighs the same match in the body, but not so far that two title
   * words beat a section holding more of a long question (session 11: title 5 → 3, description
   * 1.6 → 1.3; recall@3, MRR and section accuracy rose over all tuning sets, most on the NeSI and
   * IVPN KBs, added in sessions 10 and 11).
   */
  boosts: Readonly<Record<SearchField, number>>;
  /** BM25+ parameters (MiniSearch's defaults are k 1.2, b 0.7, d 0.5). */
  bm25: Readonly<{ k: number; b: number; d: number }>;
  /** Weight of a synonym relative to the word typed. */
  synonymWeight: number;
  /** Weight of each word of a synonym phrase typed in the query ("open" of "wont open"). */
  phraseWordWeight: number;
  /** Weight of a completion of the word being typed, before its length penalty. */
  prefixWeight: number;
  /** How many completions of the word being typed are searched (most frequent first). */
  maxCompletions: number;
  /** Weight of a spelling correction at edit distance 1 and 2. */
  fuzzyWeights: readonly [number, number];
  /** How many spelling corrections of one word are searched. */
  maxCorrections: number;
  /** A known word in at most this many articles is checked for being a typo of a common word… */
  rareWordDf: number;
  /** …one in at least this many times as many articles… */
  rareWordCorrectionRatio: number;
  /** …and in at least this many articles. */
  rareWordMinCorrectionDf: number;
  /** Weight of the sections other than the best-matching one (the best counts in full). */
  otherSectionsWeight: number;
  /** How many of those count: the best ones after the best (a long page's many passing mentions do not add up). */
  otherSectionsCounted: number;
  /** Exponent of the whole-article idf that scales each query word (0: off; see engine.ts). */
  unitIdfPower: number;
  /**
   * Score factor for an article matching every required query word. A factor rather than a
   * tier of its own: whether a pruned body holds a generic query word is partly chance, so an
   * article matching every word weakly must not outrank one matching the specific words strongly.
   */
  matchedAllBoost: number;
  /**
   * A query word typed like an identifier (digits, "_", a capital inside) that at most this many
   * articles hold is decisive: the articles holding every decisive word have their score
   * multiplied by `decisiveBoost`, enough to rank above articles that only match common words.
   */
  decisiveMaxDf: number;
  decisiveBoost: number;
  /** A word in more than this share of articles is optional for `matchedAll` (see engine.ts)… */
  commonTermRatio: number;
  /** …and in more than this many articles (in a small KB every word is in a large share). */
  minCommonDf: number;
  /** A term in more than this share of articles is not looked up beside more specific ones… */
  maxLookupRatio: number;
  /** …when it is in more than this many articles (only long posting lists cost time). */
  minLookupSkipDf: number;
  /** Query terms beyond this many are ignored (pasted error logs). */
  maxQueryTerms: number;
  /** Characters of snippet text around the first match. */
  snippetLength: number;
}

/** The one search configuration. */
export const SEARCH_CONFIG: SearchConfig = Object.freeze({
  boosts: Object.freeze({ title: 3, aliases: 3.5, tags: 2.5, headings: 1.8, description: 1.3, body: 1 }),
  bm25: Object.freeze({ k: 1.2, b: 0.7, d: 0.5 }),
  synonymWeight: 0.6,
  phraseWordWeight: 0.3,
  prefixWeight: 0.7,
  maxCompletions: 5,
  fuzzyWeights: Object.freeze([0.6, 0.4] as const),
  maxCorrections: 3,
  rareWordDf: 1,
  rareWordCorrectionRatio: 5,
  rareWordMinCorrectionDf: 5,
  otherSectionsWeight: 0.2,
  otherSectionsCounted: 3,
  sectionHeadingBonus: 1,
  sectionTopicWeight: 0.3,
  sectionCoveragePower: 3,
  sectionScoreFloor: 0.1,
  sectionOpeningWeight: 0.3,
  sectionQuoteCoverage: 0.9,
  sectionTrailerWeight: 0.5,
  sectionWholeHeadingBonus: 1,
  sectionNegationBonus: 0.5,
  moreSections: 2,
  sectionHeadingVerbs: ['use', 'using'],
  unitIdfPower: 1,
  matchedAllBoost: 1.5,
  decisiveMaxDf: 5,
  decisiveBoost: 10,
  commonTermRatio: 0.2,
  minCommonDf: 5,
  maxLookupRatio: 0.5,
  minLookupSkipDf: 500,
  maxQueryTerms: 24,
  snippetLength: 180,
});

/** Typo tolerance scaled by word length: none up to 3 letters, 1 edit for 4–7, 2 from 8. */
export function maxEditsFor(length: number): number {
  if (length <= 3) return 0;
  return length <= 7 ? 1 : 2;
}

/**
 * How much of each article's body the index keeps (build-index.ts). Build-time only, apart from
 * SEARCH_CONFIG so the widget does not ship it.
 */
export interface BodyPruning {
  /** Body terms kept per article, best tf-idf first: the rest of the body is not indexed… */
  maxBodyTerms: number;
  /** …but for up to this many more that no other article's body holds (best tf-idf first). */
  maxUniqueBodyTerms: number;
  /** Terms in more than this share of article bodies are dropped from bodies (see build-index.ts)… */
  maxBodyDfRatio: number;
  /** …but never when fewer than this many bodies contain them (small knowledge bases). */
  minBodyDfCap: number;
  /** A body term is written up to this many times to keep some of its frequency. */
  maxBodyTermRepeat: number;
}

export const BODY_PRUNING: Readonly<BodyPruning> = {
  maxBodyTerms: 66,
  maxUniqueBodyTerms: 40,
  maxBodyTermRepeat: 2,
  maxBodyDfRatio: 0.2,
  minBodyDfCap: 20,
};
