/**
 * Spelling-correction search over a sorted word list. Sorted words form an implicit trie (each
 * word shares a prefix with the one before it), so the edit-distance matrix rows of a shared
 * prefix are computed once, and a prefix that is already too far from the typed word skips every
 * word that starts with it. This keeps a typo lookup well under a millisecond on a vocabulary of
 * tens of thousands of words, where checking each word on its own takes tens of milliseconds.
 * Distances are optimal-string-alignment: an adjacent transposition ("pasword" ~ "passowrd") is one edit.
 */
import { lowerBound } from './sorted-words.ts';

/** Length of the common prefix of two strings. */
export function commonPrefix(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Calls `visit(index, distance)` for every word of the sorted `words` within `maxEdits` of
 * `query`. With `prefix`, a word matches when one of its prefixes does: `query` is a word still
 * being typed ("pasw" ~ "password" at distance 1).
 */
export function scanWithinDistance(words: readonly string[], query: string, maxEdits: number, prefix: boolean, visit: (index: number, distance: number) => void): void {
  const n = query.length;
  const codes = Array.from({ length: n }, (_, i) => query.charCodeAt(i));
  // rows[d][i]: distance between the first d letters of the current word and the first i of the query.
  const rows: Int32Array[] = [Int32Array.from({ length: n + 1 }, (_, i) => i)];
  // best[d]: smallest distance between the query and any prefix of the word up to d letters.
  const best: number[] = [n];
  let previous = '';
  let valid = 0; // rows[1..valid] hold the letters of `previous`
  let index = 0;
  while (index < words.length) {
    const word = words[index] as string;
    let depth = Math.min(valid, commonPrefix(previous, word));
    let pruned = false;
    while (depth < word.length) {
      depth++;
      const row = (rows[depth] ??= new Int32Array(n + 1));
      const above = rows[depth - 1] as Int32Array;
      const twoAbove = depth > 1 ? (rows[depth - 2] as Int32Array) : undefined;
      const letter = word.charCodeAt(depth - 1);
      const letterBefore = depth > 1 ? word.charCodeAt(depth - 2) : -1;
      row[0] = depth;
      let rowMin = depth;
      for (let i = 1; i <= n; i++) {
        const code = codes[i - 1] as number;
        let value = (above[i - 1] as number) + (code === letter ? 0 : 1);
        const deletion = (above[i] as number) + 1;
        const insertion = (row[i - 1] as number) + 1;
        if (deletion < value) value = deletion;
        if (insertion < value) value = insertion;
        if (twoAbove && i > 1 && code === letterBefore && codes[i - 2] === letter) {
          const transposition = (twoAbove[i - 2] as number) + 1;
          if (transposition < value) value = transposition;
        }
        row[i] = value;
        if (value < rowMin) rowMin = value;
      }
      best[depth] = Math.min(best[depth - 1] as number, row[n] as number);
      if (rowMin > maxEdits) {
        // No word continuing this prefix can come back within reach: skip them all.
        pruned = true;
        break;
      }
    }
    if (pruned) {
      const dead = word.slice(0, depth);
      const end = lowerBound(words, `${dead}\uffff`);
      // Typing "pasw": "pass" was already within reach, so everything under "passw…" matches.
      const reached = best[depth - 1] as number;
      if (prefix && reached <= maxEdits) for (let i = index; i < end; i++) visit(i, reached);
      previous = word;
      valid = depth - 1;
      index = end;
      continue;
    }
    const distance = prefix ? (best[word.length] as number) : ((rows[word.length] as Int32Array)[n] as number);
    if (distance <= maxEdits) visit(index, distance);
    previous = word;
    valid = word.length;
    index++;
  }
}
