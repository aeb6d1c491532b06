/**
 * Synonyms: compiling folded groups (the built-in IT vocabulary in builtin-synonyms.ts merged with
 * the author's groups from kb-content/synonyms.yml) into lookup tables.
 *
 * Every member becomes a *token*: a single word is its stem, a phrase ("sign in") is its stems
 * glued together ("signin"), which also equals the stem of the glued spelling ("signin", "login").
 * The index builder emits phrase tokens wherever a phrase occurs in the text, and the query
 * parser turns a typed phrase into one query term, so multi-word synonyms match like words.
 * Groups are not merged transitively: a term expands to the members of the groups that contain
 * it, so one broad group cannot chain unrelated words together.
 */
import { foldPhrase, stem } from './text.ts';


/** Folds synonym groups: members folded, hyphenated members also added split ("two factor"). */
export function normalizeSynonymGroups(groups: readonly (readonly string[])[]): string[][] {
  const result: string[][] = [];
  for (const group of groups) {
    const members = new Set<string>();
    for (const member of group) {
      if (typeof member !== 'string') continue;
      const folded = foldPhrase(member);
      if (folded) members.add(folded);
      const split = foldPhrase(member.replace(/[\-‐‑]/g, ' '));
      if (split) members.add(split);
    }
    if (members.size > 1) result.push([...members]);
  }
  return result;
}

/** A phrase that is glued into one token wherever it occurs. */
export interface Phrase {
  stems: string[];
  token: string;
}

export interface SynonymTable {
  /** Token → the other tokens of every group containing it. */
  expansions: ReadonlyMap<string, readonly string[]>;
  /** First stem → phrases starting with it, longest first. */
  phrases: ReadonlyMap<string, readonly Phrase[]>;
}

/** Token of a folded member: its stems glued together. */
export function memberToken(folded: string): string {
  return folded.split(' ').map(stem).join('');
}

/** Compiles folded groups into the lookup tables used at index and query time. */
export function compileSynonyms(groups: readonly (readonly string[])[]): SynonymTable {
  const expansionSets = new Map<string, Set<string>>();
  const phraseLists = new Map<string, Phrase[]>();
  const seenPhrases = new Set<string>();
  for (const group of groups) {
    const tokens = [...new Set(group.map(memberToken))].filter(Boolean);
    for (const token of tokens) {
      let set = expansionSets.get(token);
      if (!set) expansionSets.set(token, (set = new Set()));
      for (const other of tokens) if (other !== token) set.add(other);
    }
    for (const member of group) {
      const words = member.split(' ');
      if (words.length < 2 || seenPhrases.has(member)) continue;
      seenPhrases.add(member);
      const stems = words.map(stem);
      const first = stems[0] as string;
      const list = phraseLists.get(first) ?? [];
      list.push({ stems, token: stems.join('') });
      phraseLists.set(first, list);
    }
  }
  const expansions = new Map<string, readonly string[]>();
  for (const [token, set] of expansionSets) expansions.set(token, [...set]);
  for (const list of phraseLists.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return { expansions, phrases: phraseLists };
}

/**
 * The phrase starting at `at` in a stem sequence, if any. With `held`, that many words after the
 * first one are skipped ("sign you out" read as "sign out").
 */
export function matchPhrase(stems: readonly string[], at: number, table: SynonymTable, held = 0): Phrase | undefined {
  const candidates = table.phrases.get(stems[at] as string);
  if (!candidates) return undefined;
  outer: for (const phrase of candidates) {
    if (at + held + phrase.stems.length > stems.length) continue;
    for (let i = 1; i < phrase.stems.length; i++) if (stems[at + held + i] !== phrase.stems[i]) continue outer;
    return phrase;
  }
  return undefined;
}
