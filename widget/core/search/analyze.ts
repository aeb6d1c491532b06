/** Turns text into index terms and a typed query into query terms, the same way on both sides. */
import { matchPhrase, type SynonymTable } from './synonyms.ts';
import { isIndexableWord, splitWords, stem, type Word } from './text.ts';

/** Words may form a phrase only when nothing but spaces separates them ("sign. In" is no phrase). */
function gluedAfter(text: string, words: readonly Word[]): boolean[] {
  const glued: boolean[] = [];
  for (let i = 0; i < words.length - 1; i++) {
    const gap = text.slice((words[i] as Word).end, (words[i + 1] as Word).start);
    glued.push(/^[\s\-‐‑]+$/.test(gap));
  }
  glued.push(false);
  return glued;
}

/** Object pronouns a phrasal verb holds ("sign you out", "turn it off"): its phrase matches around them. */
const HELD = new Set(['me', 'you', 'him', 'her', 'it', 'us', 'them']);

/** The synonym phrase starting at word `at`, and how many words it spans. */
function phraseAt(stems: string[], glued: boolean[], at: number, table: SynonymTable) {
  let phrase = matchPhrase(stems, at, table);
  let span = phrase?.stems.length ?? 0;
  if (!phrase && HELD.has(stems[at + 1] as string)) {
    phrase = matchPhrase(stems, at, table, 1);
    span = (phrase?.stems.length ?? 0) + 1;
  }
  if (!phrase) return undefined;
  for (let i = at; i < at + span - 1; i++) if (!glued[i]) return undefined;
  return { ...phrase, span };
}

/**
 * The stop words text is analysed with: the index stores the ones it was built with
 * (index-format.ts), so queries drop exactly those and the widget ships no word list.
 */
export type StopWords = ReadonlySet<string>;

const isSearchable = (folded: string, stopWords: StopWords): boolean => isIndexableWord(folded) && !stopWords.has(folded);

/**
 * Index terms of a text: the stem of every word that is not a stop word, the parts of hyphenated
 * words as well as the joined word ("wi-fi" → wifi, wi, fi), and the token of every synonym
 * phrase ("sign in" → signin). `onWord` sees each indexed word's folded form and stem.
 */
export function indexTerms(text: string, table: SynonymTable, stopWords: StopWords, onWord?: (folded: string, stem: string) => void): string[] {
  const words = splitWords(text);
  const stems = words.map((word) => stem(word.folded));
  const glued = table.phrases.size ? gluedAfter(text, words) : [];
  const terms: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    const phrase = table.phrases.size ? phraseAt(stems, glued, i, table) : undefined;
    if (phrase && !stopWords.has(phrase.token)) terms.push(phrase.token);
    if (isSearchable(word.folded, stopWords)) {
      terms.push(stems[i] as string);
      onWord?.(word.folded, stems[i] as string);
    }
    for (const part of word.parts) {
      if (!isSearchable(part, stopWords)) continue;
      const partStem = stem(part);
      terms.push(partStem);
      onWord?.(part, partStem);
    }
  }
  return terms;
}

/** One term of a parsed query. */
export interface QueryUnit {
  /** Index term to look for: a stem or a synonym phrase token. */
  token: string;
  /** What the user typed, folded ("pasword", "sign in"); used for corrections and completion. */
  surface: string;
  /** The word is still being typed: its completions count too. */
  partial: boolean;
  /** Pieces of a hyphenated word, tried separately when the joined word is unknown. */
  parts: string[];
  /** Stems of the content words of a phrase ("wont open" → open), matched with a low weight. */
  pieces: string[];
  /** A stop word being typed: only its completions are searched ("ou" → outlook). */
  stopWord: boolean;
  /** Offsets of the typed text in the query (to offer a corrected query). */
  start: number;
  end: number;
}

/**
 * Parses a typed query. The last word is `partial` (completed by prefix) only while it is being
 * typed: the query ends right after it, with no space or punctuation. Stop words are dropped,
 * except a partial one, which may be the start of a real word.
 */
export function parseQuery(query: string, table: SynonymTable, stopWords: StopWords, maxTerms: number): QueryUnit[] {
  const words = splitWords(query);
  const stems = words.map((word) => stem(word.folded));
  const glued = gluedAfter(query, words);
  const last = words.length - 1;
  const typing = last >= 0 && (words[last] as Word).end === query.length;
  const units: QueryUnit[] = [];
  for (let i = 0; i < words.length && units.length < maxTerms; i++) {
    const word = words[i] as Word;
    const phrase = phraseAt(stems, glued, i, table);
    if (phrase) {
      const end = i + phrase.span;
      if (!stopWords.has(phrase.token)) {
        const surface = words
          .slice(i, end)
          .map((w) => w.folded)
          .join(' ');
        const start = word.start;
        const { end: stop } = words[end - 1] as Word;
        const pieces = words
          .slice(i, end)
          .filter((w) => isSearchable(w.folded, stopWords))
          .map((w) => stem(w.folded));
        units.push({ token: phrase.token, surface, partial: false, parts: [], pieces, stopWord: false, start, end: stop });
      }
      i = end - 1;
      continue;
    }
    const partial = typing && i === last;
    const stopWord = stopWords.has(word.folded);
    // A single letter means nothing once typed, but while typing it starts a word ("printer o").
    if ((!isIndexableWord(word.folded) && !partial) || (stopWord && !partial)) continue;
    units.push({ token: stems[i] as string, surface: word.folded, partial, parts: word.parts, pieces: [], stopWord, start: word.start, end: word.end });
  }
  return units;
}
