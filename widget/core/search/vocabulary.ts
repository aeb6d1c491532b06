/**
 * The vocabulary of typed words (folded, unstemmed) with their index stems: completion of the word
 * being typed and spelling correction work on what users type ("printi" → printing), not on
 * stems ("print"), which are often not words at all ("configur").
 */
import { lowerBound, scanWithinDistance } from './edit-distance.ts';
import { createLru } from './lru.ts';

/** A vocabulary word proposed for a typed word. */
export interface Candidate {
  word: string;
  stem: string;
  /** Edits from the typed word (for completions: how many letters were added). */
  distance: number;
  /** Articles containing the stem. */
  df: number;
}

export interface Vocabulary {
  /** Articles containing an index term (0 when nothing contains it). */
  df(term: string): number;
  /** Whether users' word `folded` occurs in the indexed text. */
  hasWord(folded: string): boolean;
  /** Words starting with `prefix`, one per stem, most frequent first. */
  completions(prefix: string, limit: number): Candidate[];
  /** Words within `maxEdits` of `word` (of a prefix of them, with `prefix`), closest then most frequent first. */
  corrections(word: string, maxEdits: number, limit: number, prefix: boolean): Candidate[];
}

/** Length of the common prefix of two words. */
function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Keeps the best candidate per stem, then the first `limit` of them: fewest edits, then the
 * longest start in common with what was typed (typos are rarer in the first letters), then the
 * most frequent.
 */
function bestPerStem(candidates: Candidate[], typed: string, limit: number): Candidate[] {
  const prefix = new Map(candidates.map((candidate) => [candidate.word, sharedPrefix(candidate.word, typed)]));
  candidates.sort(
    (a, b) => a.distance - b.distance || (prefix.get(b.word) ?? 0) - (prefix.get(a.word) ?? 0) || b.df - a.df || a.word.length - b.word.length,
  );
  const seen = new Set<string>();
  const result: Candidate[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.stem)) continue;
    seen.add(candidate.stem);
    result.push(candidate);
    if (result.length === limit) break;
  }
  return result;
}

/** Builds the vocabulary from sorted words, their stems and the stems' document frequencies. */
export function createVocabulary(words: readonly string[], stems: readonly string[], documentFrequency: ReadonlyMap<string, number>): Vocabulary {
  const df = (term: string) => documentFrequency.get(term) ?? 0;
  // Typing repeats lookups: "outlok k", "outlok ke"… correct "outlok" again on every keystroke.
  const completionCache = createLru<Candidate[]>(64);
  const correctionCache = createLru<Candidate[]>(64);
  return {
    df,
    hasWord(folded) {
      const at = lowerBound(words, folded);
      return words[at] === folded;
    },
    completions(prefix, limit) {
      return completionCache.get(`${limit} ${prefix}`, () => {
        // One candidate per stem: its shortest word.
        const pool = new Map<string, Candidate>();
        for (let i = lowerBound(words, prefix); i < words.length; i++) {
          const word = words[i] as string;
          if (!word.startsWith(prefix)) break;
          const stem = stems[i] as string;
          const existing = pool.get(stem);
          if (existing && existing.word.length <= word.length) continue;
          pool.set(stem, { word, stem, distance: word.length - prefix.length, df: df(stem) });
        }
        return [...pool.values()].sort((a, b) => b.df - a.df || a.distance - b.distance).slice(0, limit);
      });
    },
    corrections(word, maxEdits, limit, prefix) {
      if (maxEdits <= 0) return [];
      return correctionCache.get(`${maxEdits} ${limit} ${prefix ? 'p' : 'w'} ${word}`, () => {
        const candidates: Candidate[] = [];
        scanWithinDistance(words, word, maxEdits, prefix, (i, distance) => {
          const stem = stems[i] as string;
          candidates.push({ word: words[i] as string, stem, distance, df: df(stem) });
        });
        return bestPerStem(candidates, word, limit);
      });
    },
  };
}
