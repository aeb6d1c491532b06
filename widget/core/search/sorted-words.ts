/** Binary search in a sorted word list (the vocabulary's words). Its own module: the panel needs it, the spelling-correction chunk too. */

/** Index of the first word not sorting before `key`. */
export function lowerBound(words: readonly string[], key: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] as string) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
