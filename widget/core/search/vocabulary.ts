/**
 * The vocabulary of typed words (folded, unstemmed) with their index stems: completion of the word
 * being typed and spelling correction work on what users type ("printi" → printing), not on
 * stems ("print"), which are often not words at all ("configur").
 */
import type { FindCorrections } from './corrections.ts';
import { lowerBound } from './sorted-words.ts';
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
  /**
   * Words within `maxEdits` of `word` (of a prefix of them, with `prefix`), closest then most
   * frequent first; none while the spelling correction is not loaded (see `missing`).
   */
  corrections(word: string, maxEdits: number, limit: number, prefix: boolean): Candidate[];
}

/**
 * Builds the vocabulary from sorted words, their stems and the stems' document frequencies.
 * `finder()` is the spelling correction when loaded; while it is not, `missing()` is called
 * instead each time a correction is wanted.
 */
export function createVocabulary(
  words: readonly string[],
  stems: readonly string[],
  documentFrequency: ReadonlyMap<string, number>,
  finder: () => FindCorrections | undefined,
  missing: () => void,
): Vocabulary {
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
      const find = finder();
      if (!find) {
        missing();
        return [];
      }
      return correctionCache.get(`${maxEdits} ${limit} ${prefix ? 'p' : 'w'} ${word}`, () => find(words, stems, df, word, maxEdits, limit, prefix));
    },
  };
}
