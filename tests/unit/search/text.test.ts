import { describe, expect, test } from 'vitest';
import { foldPhrase, splitWords, stem } from '../../../widget/core/search/text.ts';

const folded = (text: string) => splitWords(text).map((word) => word.folded);

describe('query and text normalisation', () => {
  test('lowercases and folds accents with NFKD', () => {
    expect(folded('Café RÉSUMÉ Naïve')).toEqual(['cafe', 'resume', 'naive']);
  });

  test('drops apostrophes, straight or curly, inside words', () => {
    expect(folded("can't won’t user's")).toEqual(['cant', 'wont', 'users']);
  });

  test('joins hyphenated words and keeps their pieces, so wi-fi equals wifi', () => {
    const [word] = splitWords('Wi-Fi');
    expect(word).toMatchObject({ folded: 'wifi', parts: ['wi', 'fi'] });
    expect(foldPhrase('E-mail')).toBe(foldPhrase('email'));
  });

  test('splits on punctuation, slashes and dots', () => {
    expect(folded('outlook.com/help?q=1, (printer) "offline"!')).toEqual(['outlook', 'com', 'help', 'q', '1', 'printer', 'offline']);
  });

  test('reports offsets into the original text, also for non-ASCII text', () => {
    const text = 'Ünïcode café — printer';
    for (const word of splitWords(text)) expect(foldPhrase(text.slice(word.start, word.end))).toBe(word.folded);
  });

  test('stems English words and leaves codes with digits alone', () => {
    expect(stem('printing')).toBe('print');
    expect(stem('passwords')).toBe('password');
    expect(stem('slowly')).toBe(stem('slow'));
    expect(stem('unexpectedly')).toBe(stem('unexpected'));
    expect(stem('reply')).toBe('repli');
    expect(stem('0x80070005')).toBe('0x80070005');
  });
});
