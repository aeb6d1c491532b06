/**
 * Query planning: which index terms each typed word stands for (itself, its synonyms, completions
 * of the word being typed, spelling corrections of unknown words) and how much each counts.
 * Fuzzy matching only runs for words the vocabulary does not know, so a correct query never
 * pays for it, and completions are capped so a one-letter prefix cannot fan out to thousands.
 */
import type { QueryUnit } from './analyze.ts';
import { maxEditsFor, type SearchConfig } from './search-config.ts';
import type { SynonymTable } from './synonyms.ts';
import type { Candidate, Vocabulary } from './vocabulary.ts';

/**
 * Where a term is looked up: in every field; everywhere but article bodies (completions of the
 * word being typed: a guess at what it will become, strong enough for titles and descriptions,
 * too weak to walk the body postings of every article on each keystroke); or only in titles,
 * aliases and tags (completions of a one- or two-letter prefix, pure guesses).
 */
export type Scope = 'all' | 'noBody' | 'prominent';

const SCOPE_ORDER: Record<Scope, number> = { prominent: 0, noBody: 1, all: 2 };

/** The wider of two scopes. */
export function widerScope(a: Scope, b: Scope): Scope {
  return SCOPE_ORDER[a] >= SCOPE_ORDER[b] ? a : b;
}

/** One index term to look up for a query unit, and how much a match counts. */
export interface Variant {
  term: string;
  weight: number;
  /** Which fields to look it up in (see Scope). */
  scope: Scope;
  /** Matching it counts as matching the query word (a lone word of a phrase only adds score). */
  satisfies: boolean;
}

export interface UnitPlan {
  variants: Variant[];
  /**
   * Articles containing the word as typed, its synonyms or its phrase words (not completions or
   * corrections): how generic the word is.
   */
  df: number;
  /** Words the user probably meant, best first, when the typed word is unknown (or a rare typo). */
  corrections?: Candidate[];
}

/** A completion of a prefix this short is a guess: it is only matched in titles, aliases and tags. */
const SHORT_PREFIX = 2;

/** Decides which index terms a query unit matches. */
export function planUnit(unit: QueryUnit, vocabulary: Vocabulary, table: SynonymTable, config: SearchConfig): UnitPlan {
  const variants: Variant[] = [];
  const add = (term: string, weight: number, scope: Scope = 'all', satisfies = true) => {
    const existing = variants.find((variant) => variant.term === term);
    if (existing) {
      existing.weight = Math.max(existing.weight, weight);
      existing.scope = widerScope(existing.scope, scope);
      existing.satisfies ||= satisfies;
    } else if (weight > 0 && vocabulary.df(term) > 0) {
      variants.push({ term, weight, scope, satisfies });
    }
  };
  if (!unit.stopWord) add(unit.token, 1);
  const synonyms = table.expansions.get(unit.token) ?? [];
  for (const synonym of synonyms) add(synonym, config.synonymWeight);
  // An article may say "open" without the phrase of the query ("wont open"): that adds a little
  // to its score, but only the phrase or its synonyms match the query word ("office" alone does
  // not match "out of office").
  for (const piece of unit.pieces) add(piece, config.phraseWordWeight, 'all', false);
  const df = Math.max(0, ...variants.map((variant) => vocabulary.df(variant.term)));
  let completions = 0;
  if (unit.partial) {
    const scope: Scope = unit.surface.length <= SHORT_PREFIX ? 'prominent' : 'noBody';
    for (const completion of vocabulary.completions(unit.surface, config.maxCompletions)) {
      // As in MiniSearch: a completion counts less the more letters it adds to what was typed.
      const length = completion.word.length;
      add(completion.stem, (config.prefixWeight * length) / (length + 0.5 * completion.distance), scope);
      completions++;
    }
  }
  if (/\d/.test(unit.surface) || unit.stopWord) return { variants, df };
  const maxEdits = maxEditsFor(unit.surface.length);
  const known = completions > 0 || variants.length > 0 || synonyms.length > 0;
  if (known) return { ...withRareWordCorrection(unit, variants, vocabulary, config, maxEdits, add), df };
  const corrections = vocabulary.corrections(unit.surface, maxEdits, config.maxCorrections, unit.partial);
  for (const correction of corrections) add(correction.stem, config.fuzzyWeights[Math.min(correction.distance, 2) - 1] ?? 0);
  return corrections.length ? { variants, df, corrections } : { variants, df };
}

/**
 * A word found in only one article that is one typo away from a common word ("outlok" in a
 * single alias, "outlook" in dozens) is almost certainly that typo: search the common word too,
 * and offer it as the correction.
 */
function withRareWordCorrection(
  unit: QueryUnit,
  variants: Variant[],
  vocabulary: Vocabulary,
  config: SearchConfig,
  maxEdits: number,
  add: (term: string, weight: number) => void,
): Omit<UnitPlan, 'df'> {
  const df = vocabulary.df(unit.token);
  if (unit.pieces.length || df > config.rareWordDf || !vocabulary.hasWord(unit.surface)) return { variants };
  const threshold = Math.max(config.rareWordMinCorrectionDf, df * config.rareWordCorrectionRatio);
  const corrections = vocabulary
    .corrections(unit.surface, maxEdits, config.maxCorrections + 1, false)
    .filter((correction) => correction.stem !== unit.token && correction.df >= threshold);
  for (const correction of corrections) add(correction.stem, config.fuzzyWeights[Math.min(correction.distance, 2) - 1] ?? 0);
  return corrections.length ? { variants, corrections } : { variants };
}

/**
 * Units worth searching: hyphenated words whose joined form is unknown are split into their
 * pieces, and a single letter still being typed after other words is left out until it grows
 * ("printer o" searches "printer"), since it would match nearly everything.
 */
export function searchableUnits(units: QueryUnit[], vocabulary: Vocabulary): QueryUnit[] {
  const split = units.flatMap((unit) => {
    if (unit.parts.length < 2 || vocabulary.df(unit.token) > 0 || !unit.parts.every((part) => vocabulary.hasWord(part))) return [unit];
    return unit.parts.map((part, i) => ({ ...unit, token: part, surface: part, parts: [], partial: unit.partial && i === unit.parts.length - 1 }));
  });
  const kept = split.length > 1 ? split.filter((unit) => !(unit.partial && unit.surface.length === 1)) : split;
  // Which words an article matched is kept as bits of a 32-bit number.
  return kept.slice(0, MAX_UNITS);
}

const MAX_UNITS = 30;

/**
 * The query with each corrected word replaced, as the user would have typed it. Of several
 * equally close corrections ("ofline": "online" or "offline"?), the one the best hit matched wins,
 * since it fits the rest of the query ("prnter ofline" → "printer offline").
 */
export function correctedQuery(query: string, units: readonly QueryUnit[], plans: readonly UnitPlan[], bestHitTerms: ReadonlySet<string>): string | undefined {
  let result = '';
  let at = 0;
  units.forEach((unit, i) => {
    const corrections = plans[i]?.corrections;
    if (!corrections?.length || unit.start < at) return;
    const chosen = corrections.find((candidate) => bestHitTerms.has(candidate.stem)) ?? (corrections[0] as Candidate);
    result += query.slice(at, unit.start) + chosen.word;
    at = unit.end;
  });
  return at === 0 ? undefined : (result + query.slice(at)).trim();
}
