import { describe, expect, test } from 'vitest';
import { scanWithinDistance } from '../../../widget/core/search/edit-distance.ts';

/** Reference optimal-string-alignment distance, computed the slow and obvious way. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const WORDS = ['pass', 'passcode', 'password', 'passwords', 'past', 'paste', 'print', 'printer', 'printing', 'sign', 'signal', 'wireless', 'wirless'].sort();

function scan(query: string, max: number, prefix = false): Map<string, number> {
  const found = new Map<string, number>();
  scanWithinDistance(WORDS, query, max, prefix, (index, distance) => found.set(WORDS[index]!, distance));
  return found;
}

describe('spelling-correction scan', () => {
  test.each([
    ['pasword', 1],
    ['pasword', 2],
    ['prnter', 1],
    ['wireles', 1],
    ['sing', 1],
    ['xyz', 2],
  ])('finds exactly the words within reach of %s at %i edits', (query, max) => {
    const expected = new Map(WORDS.map((word) => [word, osa(query, word)] as const).filter(([, distance]) => distance <= max));
    expect(scan(query, max)).toEqual(expected);
  });

  test('counts a swap of two neighbouring letters as one edit', () => {
    expect(scan('passwrod', 1).get('password')).toBe(1);
  });

  test.each([
    ['pasw', 1],
    ['prnt', 1],
    ['wirel', 1],
    ['pasword', 2],
  ])('in prefix mode finds exactly the words with a prefix within reach of %s at %i edits', (query, max) => {
    const prefixDistance = (word: string) => Math.min(...Array.from({ length: word.length + 1 }, (_, end) => osa(query, word.slice(0, end))));
    const expected = new Map(WORDS.map((word) => [word, prefixDistance(word)] as const).filter(([, distance]) => distance <= max));
    expect(scan(query, max, true)).toEqual(expected);
  });

  test('in prefix mode matches words whose beginning is within reach', () => {
    const found = scan('pasw', 1, true);
    expect(found.get('password')).toBe(1);
    expect(found.get('passwords')).toBe(1);
    expect(found.has('printer')).toBe(false);
  });
});
