/**
 * Word-level text normalisation shared by the index builder, the query parser and snippets, so
 * that what is indexed and what is typed fold to exactly the same terms.
 */
import { stemmer } from 'stemmer';

/** A word as it appears in a text, with its folded forms. */
export interface Word {
  /** Offsets into the original text (for snippet marking). */
  start: number;
  end: number;
  /** Folded form: lowercase, accents and apostrophes removed, hyphenated parts joined ("wifi"). */
  folded: string;
  /** The hyphen-separated pieces of a compound ("wi", "fi"); empty for plain words. */
  parts: string[];
}

// Letters, digits and combining marks, optionally glued by apostrophes or hyphens ("can't",
// "wi-fi", "e-mail"). Dots, slashes and the rest split words ("outlook.com" → outlook, com).
const WORD_PATTERN = /[\p{L}\p{N}\p{M}]+(?:['’ʼ‘`´\-‐‑][\p{L}\p{N}\p{M}]+)*/gu;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’ʼ‘`´]/g;
const HYPHENS = /[\-‐‑]/;
/** Longer "words" are hashes, GUIDs and base64: never typed, only bloat the index. */
const MAX_WORD_LENGTH = 30;

/** Folds one raw word: NFKD accent folding, lowercase, apostrophes dropped (hyphens kept). */
function foldRaw(raw: string): string {
  return raw.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(APOSTROPHES, '');
}

// Most text is plain ASCII: then folding is just lowercasing, which keeps offsets, so the whole
// text is lowercased once and scanned with a simpler pattern (snippets run this per keystroke).
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD_PATTERN = /[a-z0-9]+(?:['`\-][a-z0-9]+)*/g;
const ASCII_APOSTROPHES = /['`]/g;

/** Splits text into words with their folded forms (too long or empty words are skipped). */
export function splitWords(text: string): Word[] {
  const ascii = ASCII.test(text);
  const source = ascii ? text.toLowerCase() : text;
  const words: Word[] = [];
  for (const match of source.matchAll(ascii ? ASCII_WORD_PATTERN : WORD_PATTERN)) {
    const start = match.index;
    const raw = match[0];
    const folded = ascii ? raw.replace(ASCII_APOSTROPHES, '') : ASCII.test(raw) ? raw.toLowerCase().replace(ASCII_APOSTROPHES, '') : foldRaw(raw);
    if (!HYPHENS.test(folded)) {
      if (folded && folded.length <= MAX_WORD_LENGTH) words.push({ start, end: start + match[0].length, folded, parts: [] });
      continue;
    }
    const parts = folded.split(HYPHENS).filter(Boolean);
    const joined = parts.join('');
    if (joined && joined.length <= MAX_WORD_LENGTH) words.push({ start, end: start + match[0].length, folded: joined, parts });
  }
  return words;
}

/** Folds a phrase to its words joined by single spaces ("Wi-Fi  Café" → "wifi cafe"). */
export function foldPhrase(text: string): string {
  return splitWords(text)
    .map((word) => word.folded)
    .join(' ');
}

// Stemming dominates indexing time; real text repeats words heavily, so a cache pays off.
// Bounded so a long-lived widget or a huge build cannot grow it without limit.
const STEM_CACHE_LIMIT = 100_000;
let stemCache = new Map<string, string>();

/**
 * English (Porter) stem of a folded word; words with digits are kept as they are. Porter leaves
 * adverbs alone ("slowly" → "slowli"), so an "-ly" after four or more letters is dropped first:
 * "runs slowly" then matches "slow", and "closes unexpectedly" matches "unexpected".
 */
export function stem(folded: string): string {
  const cached = stemCache.get(folded);
  if (cached !== undefined) return cached;
  const base = folded.length >= 6 && folded.endsWith('ly') ? folded.slice(0, -2) : folded;
  const result = /\d/.test(base) || base.length < 3 ? base : stemmer(base);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache = new Map();
  stemCache.set(folded, result);
  return result;
}

/** Whether a folded word is worth indexing at all (single letters are noise; digits are not). */
export function isIndexableWord(folded: string): boolean {
  return folded.length > 1 || /\d/.test(folded);
}
