/**
 * Section accuracy of the ranking evaluation (evaluate.ts): how often the top hit opens at the
 * labelled section, and, where a second labeller labelled the query too, how often the two
 * labellers agree (the ceiling one label sets) and how many hits show a section either accepts.
 */

/** A second (or third) labeller's section for a labelled query (see the second-labels-* and third-labels-* files' headers). */
export interface SecondLabel {
  section: string;
  /** Other sections the second labeller accepts as equally right. */
  also: string[];
}

export interface SectionScore {
  labelled: number;
  topHits: number;
  /** Top-1 hits on a right article that show the (first) labelled section. */
  right: number;
  /** …or offer it among the hit's other sections ("Also in this article", SearchHit.moreSections). */
  offered: number;
  /** Of those top hits, how many show the first label, the second labeller's, or one the second accepts as well. */
  accepted: number;
  /** Labelled queries with a second label, and how many of them the two labellers label alike. */
  twice: number;
  agreed: number;
  /**
   * Queries whose answer is one section by both labellers' account: they chose the same section
   * and the second accepts no other. Of their top-1 hits on a right article, how many show it.
   */
  single: number;
  singleTopHits: number;
  singleRight: number;
  /**
   * Top-1 hits on a right article whose query has a majority label (the first where the second
   * labeller agrees or labelled nothing; else whichever of the two a third labeller chose), and
   * how many show it. A query whose three labels all differ has no majority and is left out.
   */
  majorityTopHits: number;
  majorityRight: number;
}

export const emptySectionScore = (): SectionScore => ({ labelled: 0, topHits: 0, right: 0, offered: 0, accepted: 0, twice: 0, agreed: 0, single: 0, singleTopHits: 0, singleRight: 0, majorityTopHits: 0, majorityRight: 0 });

/**
 * Of the section-labelled queries whose top hit is a right article, how many show the labelled
 * section (what the widget opens). Where a second labeller labelled the query too, how often the
 * two agree (the ceiling a single label sets), and how many hits show a section either accepts.
 */
export function sectionAccuracy(
  queries: readonly { query: string; expected: string[]; section?: string }[],
  top: (query: string) => { id: string; section?: { anchor: string }; moreSections?: { anchor: string }[] } | undefined,
  labels: { second: (query: string) => SecondLabel | undefined; third?: (query: string) => SecondLabel | undefined },
  misses?: string[],
): SectionScore {
  const score = emptySectionScore();
  for (const { query, expected, section } of queries) {
    if (!section) continue;
    score.labelled++;
    const second = labels.second(query);
    if (second) {
      score.twice++;
      if (second.section === section) score.agreed++;
    }
    const single = second?.section === section && !second.also.length;
    const third = labels.third?.(query)?.section;
    const majority = !second || second.section === section ? section : third === section || third === second.section ? third : undefined;
    if (single) score.single++;
    const hit = top(query);
    if (!hit || !expected.includes(hit.id)) continue;
    score.topHits++;
    if (single) score.singleTopHits++;
    const shown = hit.section?.anchor;
    if (majority !== undefined) {
      score.majorityTopHits++;
      if ((shown ?? '') === majority) score.majorityRight++;
    }
    if (shown === section) {
      score.right++;
      if (single) score.singleRight++;
    }
    else misses?.push(`  ${JSON.stringify(query)} → section ${hit.section ? `#${shown}` : '(none)'}, want #${section}${second ? ` (second label #${[second.section, ...second.also].join(' #')})` : ''}`);
    if (shown === section || hit.moreSections?.some((other) => other.anchor === section)) score.offered++;
    // The article's top ('') is accepted too where the second labeller chose it.
    const landing = shown ?? '';
    if (landing === section || landing === second?.section || second?.also.includes(landing)) score.accepted++;
  }
  return score;
}
