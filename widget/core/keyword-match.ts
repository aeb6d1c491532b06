/**
 * Keyword-phrase matching for intents (self-service actions, relevant diagnostics). Words are
 * folded and stemmed with the search engine's own normaliser, so "Forgot my passwords" matches the
 * phrase "forgot password" exactly as search would, and there is only one stemmer in the widget.
 */
import { splitWords, stem } from './search/text.ts';

/** The stems of a text: each word, and each piece of a hyphenated compound ("wi-fi" → wifi, wi, fi). */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of splitWords(text)) {
    terms.add(stem(word.folded));
    for (const part of word.parts) terms.add(stem(part));
  }
  return terms;
}

/**
 * Pre-computes a phrase's stems once, for matching against many queries. Compounds stay whole
 * ("wi-fi" → wifi) while queries also yield their pieces, so "wi-fi" and "wifi" match both ways.
 */
export function compilePhrase(phrase: string): string[] {
  return [...new Set(splitWords(phrase).map((word) => stem(word.folded)))];
}

/**
 * Scores a query's terms against keyword phrases: a phrase counts when every one of its words is
 * in the query (any order), weighted by its word count so specific phrases win over single words.
 */
export function phraseScore(queryTerms: ReadonlySet<string>, phrases: readonly (readonly string[])[]): number {
  let score = 0;
  for (const phrase of phrases) {
    if (phrase.length > 0 && phrase.every((term) => queryTerms.has(term))) score += phrase.length;
  }
  return score;
}
