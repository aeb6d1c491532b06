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
}

const roleWeight = (role: SectionRole | undefined, config: SectionChoiceConfig): number =>
  role === 'states' ? config.sectionOpeningWeight : role === 'trails' ? config.sectionTrailerWeight : 1;

const bitCount = (bits: number): number => {
  let count = 0;
  for (; bits; bits &= bits - 1) count++;
  return count;
};

/**
 * The position of the section to open, or -1 for none (the article's top; past the last section
 * also means the top).
 * `leads[s]` holds the index terms of section s's heading and opening lines; `roles[s]` is its
 * learned role; `asksWhy`: the question asks for an explanation ("why"); `unitsOf` maps an
 * index term to the query words it stands for; `weights[i]` is query word i's specificity;
 * `topic` has bit i set when the article's own fields match query word i.
 */
export function chooseSection(
  matches: readonly SectionMatch[],
  leads: readonly ReadonlySet<string>[],
  roles: readonly (SectionRole | undefined)[],
  asksWhy: boolean,
  unitsOf: ReadonlyMap<string, number>,
  weights: readonly number[],
  topic: number,
  config: SectionChoiceConfig,
): number {
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
  leads.forEach((lead, section) => {
    const match = bySection.get(section);
    let units = match?.units ?? 0;
    for (const term of lead) units |= unitsOf.get(term) ?? 0;
    if (!units) return;
    const share = weightOf(units) / total;
    const choice = ((match?.score ?? 0) + floor) * share ** config.sectionCoveragePower * (1 + config.sectionHeadingBonus * bitCount(match?.named ?? 0)) * roleWeight(roles[section], config);
    if (choice > best) {
      best = choice;
      chosen = section;
      covered = share;
    }
  });
  // A question that the problem statement matches best is answered by what follows it: open
  // past the summary and the statement itself, and past the explanation (Cause) to the fix for a
  // question that describes the problem; at the explanation for one asking why. Unless the
  // statement holds (nearly) the whole question, which is then the user's own error text, quoted
  // there (a why-question quotes nothing).
  if ((covered < config.sectionQuoteCoverage || asksWhy) && roles[chosen] === 'states') {
    while (roles[chosen] === 'states') chosen++;
    if (!asksWhy) while (roles[chosen] === 'explains') chosen++;
  }
  return chosen;
}
