/**
 * Section roles, learned from the knowledge base's own headings, so they hold for any KB and
 * language (widget/core/search/section-choice.ts uses them to choose where a hit opens):
 * - **states** the problem: a heading that starts most of the articles using it ("Symptoms",
 *   "Summary", "Introduction" in a vendor KB), and the text before it; also an article's opening
 *   that quotes an error message (a code block) above a section that answers it. It shares the
 *   words of a question about the problem, yet the answer is further down.
 * - **explains** it: a heading that usually comes right after the statement, with the fix next
 *   ("Cause"). A question describing the problem wants the fix; one asking why wants this.
 * - **trails** the answer: a heading that ends most of the articles using it ("More information",
 *   "References"), told apart only in articles that state a problem.
 *
 * A heading whose sections are often procedures ("Setup", "Windows" followed by "macOS" in a
 * how-to KB) answers wherever it stands: it never states, explains or trails.
 */
import type { ArticleMeta } from '../../widget/core/kb-format.ts';
import { headingKey, type SectionFacts } from './sections.ts';

/** A heading opens articles when it is the first one in at least this many… */
const MIN_OPENINGS = 3;
/** …and this share of the articles that have it… */
const MIN_OPENING_SHARE = 0.6;
/** …and fewer than this share of those articles hold steps (an ordered list) under it. */
const MAX_STEPS_SHARE = 0.2;
/**
 * A heading trails when it is the last one in at least this share of the articles that have it,
 * comes after an answering section in as many (and the opening rules' counts).
 */
const MIN_TRAILING_SHARE = 0.6;

/** Adds one to `key`'s count. */
const tally = (counts: Map<string, number>, key: string): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

/**
 * Whether a heading holds a place (first, last, after the statement) in enough of the articles
 * that use it: `count` of them, at least MIN_OPENINGS and `share` of its uses, while fewer than
 * MAX_STEPS_SHARE of its uses hold steps (a procedure answers wherever it stands).
 */
type Recurs = (text: string, count: number, share: number) => boolean;

/**
 * The articles, with `role: 'states'` on each section whose heading opens articles in this KB
 * and on the text before such a heading (or before an explanation) when it comes first,
 * `'explains'` on an explanation between the statement and a fix, and `'trails'` on a trailing
 * section. `facts` holds, per article id, what each of its sections holds (steps: an ordered list;
 * quotes: a code block) and its heading level.
 */
export function markSectionRoles(
  metas: readonly ArticleMeta[],
  facts: ReadonlyMap<string, readonly Partial<SectionFacts>[]> = new Map(),
): ArticleMeta[] {
  const fact = (id: string, i: number): Partial<SectionFacts> => facts.get(id)?.[i] ?? {};
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  const all = new Map<string, number>();
  const withSteps = new Map<string, number>();
  for (const meta of metas) {
    const headed = (meta.sections ?? []).filter((section) => section.anchor);
    for (const text of new Set(headed.map((section) => headingKey(section.heading)))) tally(all, text);
    const stepped = (meta.sections ?? []).filter((section, i) => section.anchor && fact(meta.id, i).steps);
    for (const text of new Set(stepped.map((section) => headingKey(section.heading)))) tally(withSteps, text);
    if (headed[0]) tally(first, headingKey(headed[0].heading));
    if (headed.length > 1) tally(last, headingKey(headed[headed.length - 1]!.heading));
  }
  const recurs: Recurs = (text, count, share) => {
    const uses = all.get(text) ?? count;
    return count >= MIN_OPENINGS && count >= share * uses && (withSteps.get(text) ?? 0) < MAX_STEPS_SHARE * uses;
  };
  const opens = new Set([...first].filter(([text, count]) => recurs(text, count, MIN_OPENING_SHARE)).map(([text]) => text));
  const isOpening = (section: { anchor: string; heading: string }) => section.anchor !== '' && opens.has(headingKey(section.heading));
  const { explains, fixes } = explanationHeadings(metas, isOpening, recurs, (text) => all.get(text) ?? 0);
  // Uses of a heading that come after an answer (a section that neither states nor explains):
  // a "Resolution" that ends most articles right after "Cause" is the answer, not a trailer.
  const afterAnswer = new Map<string, number>();
  for (const meta of metas) {
    let answered = false;
    for (const section of meta.sections ?? []) {
      if (!section.anchor) continue;
      const text = headingKey(section.heading);
      if (answered) tally(afterAnswer, text);
      if (!isOpening(section) && !explains.has(text)) answered = true;
    }
  }
  const trailers = new Set(
    [...last]
      .filter(([text, count]) => recurs(text, count, MIN_TRAILING_SHARE) && (afterAnswer.get(text) ?? 0) >= MIN_TRAILING_SHARE * (all.get(text) ?? count))
      .map(([text]) => text),
  );
  const isTrailer = (section: { anchor: string; heading: string }) => section.anchor !== '' && trailers.has(headingKey(section.heading));
  return metas.map((meta) => {
    const sections = meta.sections ?? [];
    const firstHeaded = sections.find((section) => section.anchor);
    if (!firstHeaded) return meta;
    // The text before a first problem statement, or before a first explanation, states the problem.
    // So does an opening that quotes a message (an error in a code block) above a section that
    // answers it; one followed only by trailers ("Further reading") is the answer itself.
    const quoting =
      sections[0]?.anchor === '' && !!fact(meta.id, 0).quotes && !fact(meta.id, 0).steps && sections.some((section) => section.anchor && !isTrailer(section));
    const introOpens = isOpening(firstHeaded) || explains.has(headingKey(firstHeaded.heading)) || quoting;
    const states = sections.map((section) => isOpening(section) || (introOpens && section.anchor === ''));
    // The subsections of a problem statement that an explanation follows state the problem too
    // ("### Missing persistent cookies" under "## Symptoms", then "## Cause"), unless they hold steps.
    // Under a "## Summary" that no explanation follows ("### Windows 10"), they are the content.
    const level = (i: number) => fact(meta.id, i).level ?? (sections[i]?.anchor ? 2 : 0);
    let underStatement = false;
    sections.forEach((_, i) => {
      if (level(i) <= 2) {
        const next = sections.findIndex((_, j) => j > i && level(j) <= 2);
        underStatement = states[i]! && next > i + 1 && explains.has(headingKey(sections[next]!.heading));
      }
      else if (underStatement && !fact(meta.id, i).steps) states[i] = true;
    });
    // Trailing sections are told apart only where the article states a problem to answer.
    if (!states.some(Boolean)) return meta;
    return {
      ...meta,
      sections: sections.map((section, i) => {
        if (states[i]) return { ...section, role: 'states' as const };
        if (isTrailer(section)) return { ...section, role: 'trails' as const };
        // An explanation right after the problem statement, with the fix next (not "More information").
        const next = sections[i + 1];
        if (states[i - 1] && next && explains.has(headingKey(section.heading)) && fixes.has(`${headingKey(section.heading)}\n${headingKey(next.heading)}`)) {
          return { ...section, role: 'explains' as const };
        }
        return section;
      }),
    };
  });
}

/** A heading explains when it comes right after an opening in at least this share of its articles… */
const MIN_EXPLAINS_SHARE = 0.6;
/** …and another section follows it in at least this share. */
const MIN_FOLLOWED_SHARE = 0.8;
/**
 * A heading following an explanation in at least this share of its articles is where the fix is
 * ("Resolution", "Workaround"); rarer followers that the KB uses elsewhere ("More information",
 * "Status") are not passed to. A follower heading that fewer than MIN_OPENINGS articles use is the
 * article's own fix ("Resolution - Method 1: delete other profiles", "Basic font troubleshooting").
 */
const MIN_FIX_SHARE = 0.05;

/**
 * Explanation headings ("Cause"): in most articles that use them they come right after the problem
 * statement and before another section (the fix), and they hold no steps. Passing the statement
 * for a question that describes the problem, search goes past them too: the describer wants the
 * fix, which follows.
 */
function explanationHeadings(
  metas: readonly ArticleMeta[],
  isOpening: (section: { anchor: string; heading: string }) => boolean,
  recurs: Recurs,
  uses: (text: string) => number,
): { explains: Set<string>; fixes: Set<string> } {
  const after = new Map<string, number>();
  const followed = new Map<string, number>();
  /** "explanation\nfollower" → articles. */
  const pairs = new Map<string, number>();
  for (const meta of metas) {
    const sections = meta.sections ?? [];
    sections.forEach((section, i) => {
      if (!section.anchor || isOpening(section) || !sections[i - 1] || !isOpening(sections[i - 1]!)) return;
      const text = headingKey(section.heading);
      tally(after, text);
      const next = sections[i + 1];
      if (!next) return;
      tally(followed, text);
      tally(pairs, `${text}\n${headingKey(next.heading)}`);
    });
  }
  const explains = new Set(
    [...after].filter(([text, count]) => recurs(text, count, MIN_EXPLAINS_SHARE) && (followed.get(text) ?? 0) >= MIN_FOLLOWED_SHARE * count).map(([text]) => text),
  );
  const fixes = new Set(
    [...pairs]
      .filter(([pair, count]) => {
        const [text, follower] = pair.split('\n') as [string, string];
        return count >= MIN_FIX_SHARE * (followed.get(text) ?? Infinity) || uses(follower) < MIN_OPENINGS;
      })
      .map(([pair]) => pair),
  );
  return { explains, fixes };
}
