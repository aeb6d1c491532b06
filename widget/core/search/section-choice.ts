/**
 * Which section a search hit opens at. A query names a problem in the article's own topic words
 * (in its title: "Outlook", "profile") and in the words of its particular angle ("roll back",
 * "cache", "never arrived"). The sections that restate the topic (the opening, "Symptoms") share
 * the topic words with the query; the section that answers is the one holding the angle. So each
 * section is judged by how much of the query's weight it covers, with the words the article's
 * title, aliases, tags or description already match counting for less, and the section's heading
 * and opening lines counting as well as its indexed body (a section's first lines say what it is
 * about, and body terms are pruned per article, see build-index.ts).
 */

import type { SectionRole } from '../kb-format.ts';

/** One matched section document: its position in the article's sections and what it matched. */
export interface SectionMatch {
  section: number;
  score: number;
  /** Bit i set: query word i matched the section. */
  units: number;
  /** Bit i set: the section's heading names query word i. */
  named: number;
}

/** What one hit's article offers to open at, per section (position = index in the article's sections). */
export interface SectionsOf {
  /** The section documents the search matched. */
  matches: readonly SectionMatch[];
  /** Index terms of each section's heading and opening lines. */
  leads: readonly ReadonlySet<string>[];
  /** Index terms of each section's heading alone, stop words left out. */
  headings: readonly ReadonlySet<string>[];
  /** Whether each section's heading is negated ("Software not yet approved", "If you can't sign in"). */
  negated: readonly boolean[];
  /** Each section's learned role (absent: it answers). */
  roles: readonly (SectionRole | undefined)[];
}

/** What the query brings to the choice. */
export interface SectionQuery {
  /** The question asks for an explanation ("why", "what causes"). */
  asksWhy: boolean;
  /** The question is negated ("not approved", "won't start", "can't find"). */
  negated: boolean;
  /** Maps an index term to the query words it stands for (bit i: word i). */
  unitsOf: ReadonlyMap<string, number>;
  /** Each query word's specificity. */
  weights: readonly number[];
  /** Bit i set: the article's own fields (title, aliases, tags, description) match query word i. */
  topic: number;
}

export interface SectionChoiceConfig {
  /** Weight of a query word the article's title, aliases, tags or description match (1: as any other). */
  sectionTopicWeight: number;
  /** Exponent of a section's covered share of the query's weight. */
  sectionCoveragePower: number;
  /** Share of the best section score every section starts from, so one that only its lead ties to the query can win. */
  sectionScoreFloor: number;
  /** A section's choice is raised by this share per query word its heading names. */
  sectionHeadingBonus: number;
  /**
   * Factor of the choice of a section under an opening heading ("Symptoms", learned per KB by
   * scripts/kb/section-roles.ts): it restates the problem in the question's words, while the
   * answer (Cause, Resolution) is further down. When it still wins, the section after it opens;
   * lowering its choice lets a later section that holds the question's angle win outright.
   */
  sectionOpeningWeight: number;
  /** Share of the query's weight an opening section must cover to open at it (the user quotes its error text). */
  sectionQuoteCoverage: number;
  /**
   * Factor of the choice of a trailing section ("More information", "References", learned per KB):
   * it adds background after the answer and repeats the article's words, yet rarely is the answer.
   */
  sectionTrailerWeight: number;
  /**
   * A section's choice is raised by this share when the query names every word of its heading:
   * the user typed the heading ("issues found tab"). Not for a heading of one word that the
   * article's title holds too ("Outlook" in an Outlook article says nothing about the section);
   * one of several words does name it ("Cancel a plan" under "Review, change, or cancel a plan").
   */
  sectionWholeHeadingBonus: number;
  /**
   * A section's choice is raised by this share when both its heading and the query are negated:
   * sibling headings often differ by a "not" alone ("Software already approved" / "Software not
   * yet approved"), a word search drops as a stop word.
   */
  sectionNegationBonus: number;
}

const roleWeight = (role: SectionRole | undefined, config: SectionChoiceConfig): number =>
  role === 'states' ? config.sectionOpeningWeight : role === 'trails' ? config.sectionTrailerWeight : 1;

const bitCount = (bits: number): number => {
  let count = 0;
  for (; bits; bits &= bits - 1) count++;
  return count;
};

/** The query words a heading's terms stand for, or 0 unless the query names every one of them. */
function wholeHeading(heading: ReadonlySet<string> | undefined, unitsOf: ReadonlyMap<string, number>): number {
  if (!heading?.size) return 0;
  let units = 0;
  for (const term of heading) {
    const of = unitsOf.get(term) ?? 0;
    if (!of) return 0;
    units |= of;
  }
  return units;
}

/**
 * The sections worth opening at, by position: first the one a hit opens at, then the other
 * sections the query reaches by how strongly it does. Empty when no section matches (the hit
 * opens at the article's top); the first may be past the last section, which means the top too.
 */
export function rankSections(sections: SectionsOf, query: SectionQuery, config: SectionChoiceConfig): number[] {
  const { matches, leads, headings, negated, roles } = sections;
  const { asksWhy, unitsOf, weights, topic } = query;
  const weightOf = (bits: number) => {
    let sum = 0;
    weights.forEach((weight, unit) => {
      if ((bits >> unit) & 1) sum += (topic >> unit) & 1 ? weight * config.sectionTopicWeight : weight;
    });
    return sum;
  };
  const total = weightOf(2 ** weights.length - 1) || 1;
  const bySection = new Map(matches.map((match) => [match.section, match]));
  const floor = config.sectionScoreFloor * Math.max(0, ...matches.map((match) => match.score));
  let chosen = -1;
  let best = 0;
  let covered = 0;
  // The best explanation section ("Cause"), for a question asking why.
  let explanation = -1;
  let bestExplanation = -1;
  const choices: [section: number, choice: number, units: number][] = [];
  let chosenUnits = 0;
  leads.forEach((lead, section) => {
    const match = bySection.get(section);
    let units = match?.units ?? 0;
    for (const term of lead) units |= unitsOf.get(term) ?? 0;
    if (!units) return;
    const share = weightOf(units) / total;
    const evidence = ((match?.score ?? 0) + floor) * share ** config.sectionCoveragePower;
    if (asksWhy && roles[section] === 'explains' && evidence > bestExplanation) {
      bestExplanation = evidence;
      explanation = section;
    }
    const whole = wholeHeading(headings[section], unitsOf);
    const choice =
      evidence *
      (1 + config.sectionHeadingBonus * bitCount(match?.named ?? 0)) *
      (whole & ~topic || (whole && (headings[section]?.size ?? 0) > 1) ? 1 + config.sectionWholeHeadingBonus : 1) *
      (query.negated && negated[section] ? 1 + config.sectionNegationBonus : 1) *
      roleWeight(roles[section], config);
    choices.push([section, choice, units]);
    if (choice > best) {
      best = choice;
      chosen = section;
      covered = share;
      chosenUnits = units;
    }
  });
  const ranked = (first: number): number[] =>
    first < 0 ? [] : [first, ...choices.filter(([section]) => section !== first).sort((a, b) => b[1] - a[1]).map(([section]) => section)];
  // A question asking why is answered by the explanation, wherever the words matched best.
  if (explanation >= 0) return ranked(explanation);
  // A question that the problem statement matches best is answered elsewhere: at the answering
  // section that holds the words of the question the statement lacks ("after installing boards":
  // the one of several fixes it names), else past the summary and the statement itself, and past
  // the explanation (Cause) to the fix for a question that describes the problem; at the
  // explanation for one asking why. Unless the statement holds (nearly) the whole question, which
  // is then the user's own error text, quoted there (a why-question quotes nothing).
  if ((covered < config.sectionQuoteCoverage || asksWhy) && roles[chosen] === 'states') {
    let answer = -1;
    let answerChoice = 0;
    for (const [section, choice, units] of choices) {
      if (roles[section] === undefined && units & ~chosenUnits && choice > answerChoice) {
        answer = section;
        answerChoice = choice;
      }
    }
    if (answer >= 0) chosen = answer;
    else {
      while (roles[chosen] === 'states') chosen++;
      if (!asksWhy) while (roles[chosen] === 'explains') chosen++;
    }
  }
  // A question that does not ask why yet matches the explanation best wants the fix after it: the
  // explanation restates the conditions the user describes ("after the organizer's account was
  // removed", "over 512 MB"), the fix does not, and the user came for the fix. (Without a fix
  // after it, the explanation stays.)
  if (!asksWhy && roles[chosen] === 'explains') {
    const fix = roles.findIndex((role, section) => section > chosen && role === undefined);
    if (fix >= 0) chosen = fix;
  }
  return ranked(chosen);
}
