/**
 * Opening headings, learned from the knowledge base: the heading texts that start most of the
 * articles that use them ("Symptoms", "Summary", "Introduction" in a vendor KB). Such a section,
 * like the text before the first heading, states the problem or the topic: it shares the words of
 * a question about it, yet the answer is further down, so search lands there less readily (see
 * widget/core/search/section-choice.ts). Learned, not listed, so it holds for any KB and language.
 */
import type { ArticleMeta } from '../../widget/core/kb-format.ts';

/** A heading opens articles when it is the first one in at least this many… */
const MIN_OPENINGS = 3;
/** …and this share of the articles that have it. */
const MIN_OPENING_SHARE = 0.6;

const normal = (heading: string) => heading.toLowerCase().replace(/[\s:.?!]+$/u, '').trim();

/** The articles, with `opening: true` on each section whose heading opens articles in this KB. */
export function markOpeningSections(metas: readonly ArticleMeta[]): ArticleMeta[] {
  const first = new Map<string, number>();
  const all = new Map<string, number>();
  for (const meta of metas) {
    const headed = (meta.sections ?? []).filter((section) => section.anchor);
    for (const text of new Set(headed.map((section) => normal(section.heading)))) all.set(text, (all.get(text) ?? 0) + 1);
    const opening = headed[0] ? normal(headed[0].heading) : undefined;
    if (opening !== undefined) first.set(opening, (first.get(opening) ?? 0) + 1);
  }
  const opens = new Set([...first].filter(([text, count]) => count >= MIN_OPENINGS && count >= MIN_OPENING_SHARE * (all.get(text) ?? count)).map(([text]) => text));
  const isOpening = (section: { anchor: string; heading: string }) => section.anchor !== '' && opens.has(normal(section.heading));
  return metas.map((meta) =>
    meta.sections?.some(isOpening) ? { ...meta, sections: meta.sections.map((section) => (isOpening(section) ? { ...section, opening: true as const } : section)) } : meta,
  );
}
