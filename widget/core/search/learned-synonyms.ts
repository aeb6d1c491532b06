/**
 * Vocabulary learned from the knowledge base itself at build time: abbreviations the articles
 * define. IT articles spell a term out once and abbreviate it after ("Multi-Factor Authentication
 * (MFA)", "WSUS (Windows Server Update Services)"); users type either. Each definition found
 * becomes a synonym group, so "virtual private network" finds the article that only says "VPN"
 * and the other way round, on any KB and without a hand list. Build side only: the groups travel
 * in the index with the others.
 */
import { STOP_WORDS } from './stop-words.ts';

/** A short form: 3–10 characters (two-letter ones, "CC", "IP", are too ambiguous), letters or digits with at least two capitals ("MFA", "AD DS", "SSO", "OneDrive" is none). */
const SHORT = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z0-9](?:[A-Za-z0-9 &-]{1,8}[A-Za-z0-9])$/;
/** "long form (SHORT)" and "SHORT (long form)": the words before a parenthesis, and what it holds. */
const DEFINITION = /((?:[\p{L}\p{N}][\p{L}\p{N}'’-]*[ \t]+){0,8}[\p{L}\p{N}][\p{L}\p{N}'’-]*)[ \t]*\(([^()\n]{2,60})\)/gu;

/** The letters of a short form, lowercase ("AD DS" → "adds"). */
const lettersOf = (short: string) => short.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The shortest run of words ending the text whose initials (of each word and of each part of a
 * hyphenated word; stop words may be skipped) spell `letters`, or undefined.
 */
function longFormFor(letters: string, words: readonly string[]): string | undefined {
  for (let count = 1; count <= Math.min(words.length, letters.length + 3); count++) {
    const run = words.slice(words.length - count);
    if (spells(letters, run)) return run.join(' ');
  }
  return undefined;
}

/** Whether the initials of `words` spell `letters`, stop words optional (never the first word). */
function spells(letters: string, words: readonly string[]): boolean {
  const first = words[0]?.toLowerCase() ?? '';
  if (!first || STOP_WORDS.has(first) || first[0] !== letters[0]) return false;
  const initials = (word: string) => word.toLowerCase().split(/[-‐‑]/).filter(Boolean).map((part) => part[0] as string);
  // Depth-first over the words: each either gives its initials or (a stop word) is skipped.
  const walk = (w: number, l: number): boolean => {
    if (w === words.length) return l === letters.length;
    const word = words[w] as string;
    const parts = initials(word);
    if (letters.startsWith(parts.join(''), l) && walk(w + 1, l + parts.length)) return true;
    // Only the first letter of a hyphenated word ("Multi-factor" → m) also counts.
    if (parts.length > 1 && letters[l] === parts[0] && walk(w + 1, l + 1)) return true;
    return STOP_WORDS.has(word.toLowerCase()) && walk(w + 1, l);
  };
  return walk(0, 0);
}

/**
 * Abbreviation groups defined in `texts`: [short form, long form], each pair once, in order of
 * first appearance. A short form defined with two different long forms is left out (ambiguous).
 */
export function learnAbbreviations(texts: Iterable<string>): string[][] {
  // Short form's letters → [short form, long form], as first defined.
  const found = new Map<string, [string, string]>();
  const ambiguous = new Set<string>();
  const add = (short: string, long: string) => {
    const key = lettersOf(short);
    const known = found.get(key);
    if (!known) found.set(key, [short, long.toLowerCase()]);
    else if (known[1] !== long.toLowerCase()) ambiguous.add(key);
  };
  for (const text of texts) {
    for (const match of text.matchAll(DEFINITION)) {
      const before = (match[1] ?? '').split(/\s+/).filter(Boolean);
      const inside = (match[2] ?? '').trim();
      if (SHORT.test(inside)) {
        // "Multi-Factor Authentication (MFA)"
        const long = longFormFor(lettersOf(inside), before);
        if (long && (long.includes(' ') || long.includes('-'))) add(inside, long);
      } else {
        // "MFA (multi-factor authentication)": the short form is the last word before the parenthesis.
        const short = before[before.length - 1] ?? '';
        const words = inside.split(/\s+/).filter(Boolean);
        if (SHORT.test(short) && !short.includes(' ') && words.length > 1 && spells(lettersOf(short), words)) add(short, words.join(' '));
      }
    }
  }
  return [...found].filter(([key]) => !ambiguous.has(key) && !STOP_WORDS.has(key)).map(([, pair]) => pair);
}

/** A word written in camel case from two words ("NetworkManager", "AppleTV", "OpenVPN"): letters only. */
const CAMEL = /(?<![\p{L}\p{N}_.\/\\-])[A-Za-z]*[a-z][A-Z][A-Za-z]*(?![\p{L}\p{N}_\/\\-])/gu;
/** Its parts: capitalised or lowercase words, and runs of capitals ("TV", "VPN"). */
const CAMEL_PART = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g;

/**
 * Product and feature names the KB writes as one camel-cased word, each as a group with its words
 * apart: [joined, "its words"] ("NetworkManager" → ["networkmanager", "network manager"]). Users
 * type "network manager" or "apple tv" where the article says NetworkManager or AppleTV, and the
 * other way round. Only names of two parts (words of three letters or more, capitals of two or
 * more), neither a stop word, and only from the texts given: titles, headings and descriptions,
 * where names are introduced (code identifiers in bodies would add groups nobody types).
 */
export function learnCompounds(texts: Iterable<string>): string[][] {
  const found = new Map<string, string>();
  for (const text of texts) {
    for (const [word] of text.matchAll(CAMEL)) {
      const parts = word.match(CAMEL_PART) ?? [];
      if (parts.join('') !== word || parts.length !== 2) continue;
      // A word part of two letters is no word users type apart ("NeSI", "LoRa", "WiFi"); capitals are ("TV").
      if (parts.some((part) => part.length < (part === part.toUpperCase() ? 2 : 3) || STOP_WORDS.has(part.toLowerCase()))) continue;
      if (!found.has(word.toLowerCase())) found.set(word.toLowerCase(), parts.join(' ').toLowerCase());
    }
  }
  return [...found];
}
