/** Builds Tier0's serialized search index at compile time (engine.ts is the reading side). */
import MiniSearch from 'minisearch';
import { indexTerms } from './analyze.ts';
import { encodeStem, SEARCH_SCHEMA_VERSION, type SerializedSearchIndex } from './index-format.ts';
import { miniSearchOptions, type IndexRow } from './minisearch-options.ts';
import { BODY_PRUNING, SEARCH_CONFIG, SEARCH_FIELDS, type BodyPruning, type SearchConfig } from './search-config.ts';
import type { IndexableArticle } from './search-types.ts';
import { compileSynonyms, normalizeSynonymGroups } from './synonyms.ts';
import { withBuiltinSynonyms } from './builtin-synonyms.ts';
import { learnAbbreviations, learnCompounds } from './learned-synonyms.ts';
import { STOP_WORDS } from './stop-words.ts';
import { WEAK_WORDS } from './weak-words.ts';
import { WHY_WORDS } from './why-words.ts';
import { NEGATION_WORDS } from './negation-words.ts';

export interface BuildSearchIndexOptions {
  /** Author synonym groups from kb-content/synonyms.yml, merged with the built-in IT map. */
  synonyms: string[][];
}

/**
 * Keeps the body terms that best tell this article apart (tf-idf), each with its count, and up to
 * maxUniqueBodyTerms more that only this article's body holds. Words on every page ("click",
 * "select") drop out of most bodies, which keeps posting lists short and searches fast at 10,000
 * articles.
 */
function pruneBody(tf: ReadonlyMap<string, number>, bodyDf: ReadonlyMap<string, number>, articleCount: number, config: BodyPruning): [string, number][] {
  const weight = (term: string, count: number) => (1 + Math.log(count)) * Math.log(1 + articleCount / (bodyDf.get(term) ?? 1));
  const maxDf = Math.max(config.minBodyDfCap, articleCount * config.maxBodyDfRatio);
  const sorted = [...tf].filter(([term]) => (bodyDf.get(term) ?? 0) <= maxDf).sort((a, b) => weight(b[0], b[1]) - weight(a[0], a[1]) || (a[0] < b[0] ? -1 : 1));
  // A word no other article uses is the most decisive one a user can type ("keyboard" in a long
  // equipment page), yet said once it loses to the page's repeated words: such words are kept too.
  const unique = sorted.slice(config.maxBodyTerms).filter(([term]) => bodyDf.get(term) === 1).slice(0, config.maxUniqueBodyTerms);
  const ranked = [...sorted.slice(0, config.maxBodyTerms), ...unique];
  // Alphabetical order: MiniSearch ignores order, and gzip finds more repeats across articles.
  return ranked.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** A term written up to `maxBodyTermRepeat` times, so its frequency still counts. */
const repeated = (term: string, count: number, config: BodyPruning): string[] => new Array<string>(Math.min(count, config.maxBodyTermRepeat)).fill(term);

function countTerms(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
  return tf;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A title that is a date ("2025/08/26", "Update 2025-07-17": changelogs, release notes, dated
 * announcements) gains its month's name: users ask for "the august 2025 update", and the digits
 * alone never meet the word. Build time only: the widget never sees this.
 */
export function withMonthName(title: string): string {
  const date = /\b(?:19|20)\d\d([/.-])(0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])\b/.exec(title);
  return date ? `${title} ${MONTH_NAMES[Number(date[2]) - 1]}` : title;
}

/**
 * Builds the JSON-serializable search index stored as `KbIndex.search` (carries `searchSchema`).
 * `config` and `pruning` exist for the ranking evaluation and tests; everything else uses the one
 * SEARCH_CONFIG and BODY_PRUNING.
 *
 * Each article is one document for its title, aliases, tags and description (id: its position
 * in `ids`), plus one document per section for the section's heading and body terms (id:
 * "<position>.<section>"). The body is pruned per article as before, and each kept term is
 * written into every section that uses it, so the engine can tell an article whose one section
 * holds the query's words from one that mentions them across the page, and open it there.
 */
export function buildSearchIndex(
  articles: IndexableArticle[],
  options: BuildSearchIndexOptions,
  config: SearchConfig = SEARCH_CONFIG,
  pruning: BodyPruning = BODY_PRUNING,
): unknown {
  // The author's groups, then the abbreviations the articles define and the camel-cased names
  // their titles, headings and descriptions introduce (learned-synonyms.ts).
  const learned = learnAbbreviations(articles.flatMap((article) => [article.title, article.description, ...(article.sections?.map((section) => section.text) ?? [article.body ?? ''])]));
  const compounds = learnCompounds(articles.flatMap((article) => [article.title, article.description, ...(article.sections?.map((section) => section.heading) ?? article.headings)]));
  const synonyms = withBuiltinSynonyms(normalizeSynonymGroups([...(options.synonyms ?? []), ...learned, ...compounds]));
  const table = compileSynonyms(synonyms);
  const wordStems = new Map<string, string>();
  const rememberWord = (folded: string, stem: string) => {
    if (!wordStems.has(folded)) wordStems.set(folded, stem);
  };
  const analyse = (text: string) => indexTerms(text ?? '', table, STOP_WORDS, rememberWord);
  const seenIds = new Set<string>();
  // Items of a list are joined by " . " so a synonym phrase never spans two aliases.
  const analysed = articles
    .filter((article) => !seenIds.has(article.id) && seenIds.add(article.id))
    .map((article) => {
      const sections = article.sections?.length ? article.sections : [{ heading: article.headings.join(' . '), text: article.body ?? '' }];
      return {
        id: article.id,
        fields: [withMonthName(article.title), article.aliases.join(' . '), article.tags.join(' . '), article.description].map(analyse),
        sections: sections.map((section) => ({
          // A section's aliases are searched as its heading: other ways users name what it answers.
          heading: analyse([section.heading, ...(section.aliases ?? [])].join(' . ')),
          tf: countTerms(analyse(section.text)),
        })),
      };
    });
  const bodyDf = new Map<string, number>();
  const articleTf = analysed.map(({ sections }) => {
    const tf = new Map<string, number>();
    for (const section of sections) for (const [term, count] of section.tf) tf.set(term, (tf.get(term) ?? 0) + count);
    for (const term of tf.keys()) bodyDf.set(term, (bodyDf.get(term) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  const rows: IndexRow[] = [];
  analysed.forEach(({ fields, sections }, position) => {
    const kept = pruneBody(articleTf[position] as Map<string, number>, bodyDf, analysed.length, pruning);
    const bodies: string[][] = sections.map(() => []);
    for (const [term] of kept) {
      sections.forEach((section, i) => {
        const count = section.tf.get(term) ?? 0;
        if (count) bodies[i]?.push(...repeated(term, count, pruning));
      });
    }
    const [title, aliases, tags, description] = fields as [string[], string[], string[], string[]];
    rows.push([String(position), title.join(' '), aliases.join(' '), tags.join(' '), '', description.join(' '), '']);
    sections.forEach((section, i) => {
      if (section.heading.length || bodies[i]?.length) rows.push([`${position}.${i}`, '', '', '', section.heading.join(' '), '', (bodies[i] ?? []).join(' ')]);
    });
    const terms = new Set([...fields.flat(), ...sections.flatMap((section) => section.heading), ...kept.map(([term]) => term)]);
    for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
  });
  const miniSearch = new MiniSearch<IndexRow>(miniSearchOptions(config));
  miniSearch.addAll(rows);
  const serializedMiniSearch = miniSearch.toJSON();
  const words = [...wordStems.keys()].filter((word) => df.has(wordStems.get(word) as string)).sort();
  const index: SerializedSearchIndex = {
    searchSchema: SEARCH_SCHEMA_VERSION,
    fields: [...SEARCH_FIELDS],
    ids: analysed.map((article) => article.id),
    miniSearch: serializedMiniSearch,
    df: serializedMiniSearch.index.map(([term]) => df.get(term) ?? 0),
    words: words.join(' '),
    stems: words.map((word) => encodeStem(word, wordStems.get(word) as string)).join(' '),
    synonyms,
    stopWords: [...STOP_WORDS].join(' '),
    weakWords: [...WEAK_WORDS].join(' '),
    whyWords: [...WHY_WORDS].join(' '),
    negationWords: [...NEGATION_WORDS].join(' '),
  };
  return index;
}
