/**
 * Spelling correction over the vocabulary: the words within a few edits of a typed word, best per
 * stem. Its own chunk in the widget (most queries are spelled right, and the edit-distance scan is
 * a good share of the search code); the engine asks for it the first time a word is unknown, see
 * `correctionsPending` in search-types.ts. Node tools pass it to loadSearchEngine directly.
 */
import { commonPrefix, scanWithinDistance } from './edit-distance.ts';
import type { Candidate } from './vocabulary.ts';

/** Finds corrections of `word` in the sorted `words` (see Vocabulary.corrections). */
export type FindCorrections = (
  words: readonly string[],
  stems: readonly string[],
  df: (term: string) => number,
  word: string,
  maxEdits: number,
  limit: number,
  prefix: boolean,
) => Candidate[];

/**
 * Keeps the best candidate per stem, then the first `limit` of them: fewest edits, then the
 * longest start in common with what was typed (typos are rarer in the first letters), then the
 * most frequent.
 */
function bestPerStem(candidates: Candidate[], typed: string, limit: number): Candidate[] {
  const prefix = new Map(candidates.map((candidate) => [candidate.word, commonPrefix(candidate.word, typed)]));
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

export const findCorrections: FindCorrections = (words, stems, df, word, maxEdits, limit, prefix) => {
  const candidates: Candidate[] = [];
  scanWithinDistance(words, word, maxEdits, prefix, (i, distance) => {
    const stem = stems[i] as string;
    candidates.push({ word: words[i] as string, stem, distance, df: df(stem) });
  });
  return bestPerStem(candidates, word, limit);
};
