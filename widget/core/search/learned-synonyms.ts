/**
 * Vocabulary learned from the knowledge base itself at build time: abbreviations the articles
 * define, and the other names they give a thing (learnOtherNames, below). IT articles spell a term out once and abbreviate it after ("Multi-Factor Authentication
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

/**
 * "X (also known as Y)", "X (formerly Y)": the other names a KB gives a thing, above all a
 * product's old name ("Microsoft Entra ID (formerly Azure AD)", "Outlook on the web (formerly
 * known as Outlook Web App)"), which users keep typing long after the rename. The marker words
 * are the only list; the names come from the articles.
 */
const ALSO_KNOWN_AS = /\((?:also known as|also called|also referred to as|aka|formerly known as|formerly called|formerly named|formerly|previously known as|previously called|previously named)[ \t]+([^()\n]{2,80})[()]/giu;
/** The text before a definition that may hold the name. */
const NAME_REACH = 120;
/** Words a name may hold but never start with ("Outlook on the web", "Skype for Business"). */
const MAX_NAME_WORDS = 5;
/** A one-word name in more than this share of the texts is too common to stand for another. */
const MAX_WORD_SHARE = 0.02;

const nameWords = (text: string): string[] => text.toLowerCase().replace(/[*_`"“”]/g, '').split(/[^\p{L}\p{N}'’.+#-]+/u).filter(Boolean);
/** Leading articles and trailing dots dropped: "a bugcheck" and "bugcheck." are "bugcheck". */
const tidy = (words: string[]): string[] => {
  const out = words.map((word) => word.replace(/\.+$/, '')).filter(Boolean);
  while (out.length && ['a', 'an', 'the'].includes(out[0] as string)) out.shift();
  return out;
};

/**
 * Groups of the names `texts` give one thing: [name, other name, …], each group once. The name
 * before the parenthesis is the longest run of its last words (not starting with a stop word)
 * that the KB also uses elsewhere, so "the device experiences a Stop error (also known as a
 * bugcheck)" yields "stop error", not the whole clause; a name used nowhere else is one word.
 */
export function learnOtherNames(texts: readonly string[]): string[][] {
  const found: { before: string[]; others: string[][]; proper: number }[] = [];
  for (const text of texts) {
    if (!text.includes('(')) continue;
    for (const match of text.matchAll(ALSO_KNOWN_AS)) {
      // The name is in the clause just before the parenthesis.
      const reach = text.slice(Math.max(0, match.index - NAME_REACH), match.index);
      const clause = reach.split(/[()\n]|[.!?:;,•]\s|\s[-–—]\s|^[-–—*]\s/).pop() ?? '';
      const before = nameWords(clause).slice(-MAX_NAME_WORDS);
      // Without a run the KB uses elsewhere, the capitalised words ending the clause name it ("Microsoft Entra ID").
      const capitalised = clause.trim().split(/\s+/).reverse();
      const named = capitalised.findIndex((word) => !/^[\p{Lu}\p{N}]/u.test(word));
      const proper = Math.min(named < 0 ? capitalised.length : named, MAX_NAME_WORDS);
      const others = (match[1] ?? '')
        .split(/,|\s+or\s+|;/)
        .map((part) => tidy(nameWords(part)))
        .filter((words) => words.length > 0 && words.length <= MAX_NAME_WORDS);
      if (before.length && others.length) found.push({ before, others, proper });
    }
  }
  if (!found.length) return [];
  // How often each candidate name occurs outside the definitions, and in how many texts each word does.
  const candidates = new Set(found.flatMap(({ before }) => before.map((_, i) => before.slice(i).join(' '))));
  const counts = new Map<string, number>();
  const wordTexts = new Map<string, number>();
  const watched = new Set(found.flatMap(({ before, others }) => [...before, ...others.flat()]));
  for (const text of texts) {
    // Definitions, with the text just before them, do not count: a name is one the KB also uses on its own.
    let rest = text;
    if (text.includes('(')) {
      let from = 0;
      rest = '';
      for (const match of text.matchAll(ALSO_KNOWN_AS)) {
        rest += `${text.slice(from, Math.max(from, match.index - NAME_REACH))} . `;
        from = match.index + match[0].length;
      }
      rest += text.slice(from);
    }
    const words = nameWords(rest);
    for (const word of new Set(words)) if (watched.has(word)) wordTexts.set(word, (wordTexts.get(word) ?? 0) + 1);
    words.forEach((word, at) => {
      if (!watched.has(word)) return;
      for (let k = 1; k <= MAX_NAME_WORDS && at + k <= words.length; k++) {
        const phrase = words.slice(at, at + k).join(' ');
        if (candidates.has(phrase)) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
      }
    });
  }
  const tooCommon = (name: string[]) =>
    !/\p{L}/u.test(name.join('')) || (name.length === 1 && (STOP_WORDS.has(name[0] as string) || (wordTexts.get(name[0] as string) ?? 0) > MAX_WORD_SHARE * texts.length));
  const groups = new Map<string, Set<string>>();
  for (const { before, others, proper } of found) {
    // Of the runs of two or more last words the KB uses elsewhere, the one most used for its
    // length: "outlook on the web" over "use outlook on the web" (rarer); the last word alone only
    // when no such run exists ("hybrid shutdown", not "shutdown").
    let name = before.slice(-Math.max(1, Math.min(proper, before.length)));
    let best = 0;
    before.slice(0, -1).forEach((_, start) => {
      const run = before.slice(start);
      const score = (counts.get(run.join(' ')) ?? 0) * run.length ** 2;
      if (!STOP_WORDS.has(run[0] as string) && score > best) {
        best = score;
        name = run;
      }
    });
    const names = [name, ...others].filter((words) => !tooCommon(words)).map((words) => words.join(' '));
    if (names.length < 2 || names[0] !== name.join(' ')) continue;
    const group = groups.get(names[0] as string) ?? new Set<string>();
    for (const other of names) group.add(other);
    groups.set(names[0] as string, group);
  }
  return [...groups.values()].map((group) => [...group]).filter((group) => group.length > 1);
}
