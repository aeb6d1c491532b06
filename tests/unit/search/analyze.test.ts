import { describe, expect, test } from 'vitest';
import { indexTerms, parseQuery } from '../../../widget/core/search/analyze.ts';
import { compileSynonyms, normalizeSynonymGroups } from '../../../widget/core/search/synonyms.ts';
import { STOP_WORDS } from '../../../widget/core/search/stop-words.ts';

const table = compileSynonyms(normalizeSynonymGroups([['sign in', 'login']]));
const noSynonyms = compileSynonyms([]);

describe('index terms', () => {
  test('stems words and drops English stop words', () => {
    expect(indexTerms('The printers are printing all of it', noSynonyms, STOP_WORDS)).toEqual(['printer', 'print']);
  });

  test('indexes a hyphenated word joined and in pieces', () => {
    expect(indexTerms('Wi-Fi', noSynonyms, STOP_WORDS)).toEqual(['wifi', 'wi', 'fi']);
  });

  test('adds one token for a synonym phrase, so "sign in" can match "login"', () => {
    expect(indexTerms('Sign in with your account', table, STOP_WORDS)).toContain('signin');
  });

  test('reads a phrasal verb around the pronoun it holds ("sign you in")', () => {
    expect(indexTerms('We will sign you in automatically', table, STOP_WORDS)).toContain('signin');
    expect(indexTerms('Sign you. In the next step', table, STOP_WORDS)).not.toContain('signin');
    expect(indexTerms('Sign the form in ink', table, STOP_WORDS)).not.toContain('signin');
  });

  test('does not read a phrase across punctuation', () => {
    expect(indexTerms('Press the sign. In the next step', table, STOP_WORDS)).not.toContain('signin');
  });
});

describe('query parsing', () => {
  test('treats the last word as being typed only when the query does not end with a space', () => {
    expect(parseQuery('printer off', noSynonyms, STOP_WORDS, 24).map((unit) => unit.partial)).toEqual([false, true]);
    expect(parseQuery('printer off ', noSynonyms, STOP_WORDS, 24).map((unit) => unit.partial)).toEqual([false, false]);
  });

  test('drops stop words, except one still being typed', () => {
    expect(parseQuery('how to fix the printer', noSynonyms, STOP_WORDS, 24).map((unit) => unit.token)).toEqual(['fix', 'printer']);
    expect(parseQuery('printer in', noSynonyms, STOP_WORDS, 24)).toMatchObject([{ token: 'printer' }, { surface: 'in', partial: true, stopWord: true }]);
  });

  test('turns a typed synonym phrase into one query term', () => {
    expect(parseQuery('log in please ', compileSynonyms(normalizeSynonymGroups([['log in', 'login']])), STOP_WORDS, 24).map((unit) => unit.token)).toEqual(['login']);
  });

  test('turns a phrasal verb with its pronoun into the phrase\'s term, with the words it spans', () => {
    const logout = compileSynonyms(normalizeSynonymGroups([['sign out', 'logout']]));
    expect(parseQuery("Sorry, we're having trouble signing you out", logout, STOP_WORDS, 24).map((unit) => unit.token)).toEqual(['sorri', 'troubl', 'signout']);
    expect(parseQuery('signing you out', logout, STOP_WORDS, 24)[0]).toMatchObject({ surface: 'signing you out', start: 0, end: 15 });
  });

  test('yields nothing for empty, blank or punctuation-only queries', () => {
    expect(parseQuery('', noSynonyms, STOP_WORDS, 24)).toEqual([]);
    expect(parseQuery('   \t ', noSynonyms, STOP_WORDS, 24)).toEqual([]);
    expect(parseQuery('?!…', noSynonyms, STOP_WORDS, 24)).toEqual([]);
  });
});
