import { expect, test } from 'vitest';
import type { ArticleMeta } from '../../../widget/core/kb-format.ts';
import { markOpeningSections } from '../../../scripts/kb/opening-headings.ts';

const meta = (id: string, headings: string[]): ArticleMeta => ({
  id,
  title: id,
  description: '',
  category: 'c',
  tags: [],
  aliases: [],
  pages: [],
  headings,
  summary: '',
  body: `articles/${id}.json`,
  hasFlow: false,
  sections: [{ anchor: '', heading: '', lead: '' }, ...headings.map((heading) => ({ anchor: heading.toLowerCase(), heading, lead: '' }))],
});

const openings = (metas: ArticleMeta[]) =>
  Object.fromEntries(metas.map((m) => [m.id, (m.sections ?? []).filter((s) => s.opening).map((s) => s.heading)]));

test('marks the headings that start most of the articles that use them', () => {
  const metas = [
    meta('a', ['Symptoms', 'Cause', 'Resolution']),
    meta('b', ['Symptoms:', 'Resolution']),
    meta('c', ['symptoms', 'Workaround']),
    meta('d', ['Overview', 'Symptoms', 'Resolution']),
    meta('e', ['Resolution', 'More information']),
  ];
  expect(openings(markOpeningSections(metas))).toEqual({ a: ['Symptoms'], b: ['Symptoms:'], c: ['symptoms'], d: ['Symptoms'], e: [] });
});

test('marks nothing where no heading opens three articles, or one opens less than 60% of its articles', () => {
  const few = [meta('a', ['Summary', 'Steps']), meta('b', ['Summary', 'Steps'])];
  expect(openings(markOpeningSections(few))).toEqual({ a: [], b: [] });
  const mixed = [
    meta('a', ['Steps', 'Notes']),
    meta('b', ['Steps', 'Notes']),
    meta('c', ['Steps']),
    meta('d', ['Before you start', 'Steps']),
    meta('e', ['Requirements', 'Steps']),
  ];
  // "Steps" opens 3 of the 5 articles that have it (60%): an opening; nothing else opens 3.
  expect(openings(markOpeningSections(mixed))).toEqual({ a: ['Steps'], b: ['Steps'], c: ['Steps'], d: ['Steps'], e: ['Steps'] });
  const later = [...mixed, meta('f', ['Intro', 'Steps'])];
  expect(openings(markOpeningSections(later)).f).toEqual([]);
});
