import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sectionAccuracy } from '../../../scripts/bench/eval/section-score.ts';
import { parseQueryFile } from '../../../scripts/bench/eval/query-file.ts';

const QUERIES = path.resolve(import.meta.dirname, '../../../scripts/bench/eval/queries');
const objects = <T,>(file: string): T[] => parseQueryFile<T>(readFileSync(path.join(QUERIES, file), 'utf8'));

describe('section accuracy of the ranking evaluation', () => {
  const queries = [
    { query: 'why does it fail', expected: ['a'], section: 'cause' },
    { query: 'how to fix it', expected: ['a'], section: 'resolution' },
    { query: 'error text quoted', expected: ['a'], section: 'symptoms' },
    { query: 'wrong article', expected: ['b'], section: 'setup' },
    { query: 'unlabelled', expected: ['a'] },
  ];
  const shown: Record<string, { id: string; section?: { anchor: string }; moreSections?: { anchor: string }[] }> = {
    'why does it fail': { id: 'a', section: { anchor: 'cause' } },
    'how to fix it': { id: 'a', section: { anchor: 'cause' }, moreSections: [{ anchor: 'resolution' }] },
    'error text quoted': { id: 'a' },
    'wrong article': { id: 'a', section: { anchor: 'setup' } },
    unlabelled: { id: 'a' },
  };
  const second = new Map([
    ['why does it fail', { section: 'cause', also: [] }],
    ['how to fix it', { section: 'workaround', also: ['cause'] }],
    ['error text quoted', { section: '', also: [] }],
  ]);

  test('counts the first label strictly, and a section either labeller accepts apart', () => {
    const misses: string[] = [];
    const score = sectionAccuracy(queries, (query) => shown[query], { second: (query) => second.get(query) }, misses);
    expect(score).toEqual({ labelled: 4, topHits: 3, right: 1, offered: 2, accepted: 3, twice: 3, agreed: 1, single: 1, singleTopHits: 1, singleRight: 1, majorityTopHits: 1, majorityRight: 1 });
    expect(misses).toEqual([
      '  "how to fix it" → section #cause, want #resolution (second label #workaround #cause)',
      '  "error text quoted" → section (none), want #symptoms (second label #)',
    ]);
  });

  test('a query counts as one-section only where both labellers chose the same section and the second accepts no other', () => {
    const labels = new Map([
      ['why does it fail', { section: 'cause', also: ['resolution'] }],
      ['how to fix it', { section: 'resolution', also: [] }],
      ['error text quoted', { section: 'symptoms', also: [] }],
    ]);
    const score = sectionAccuracy(queries, (query) => shown[query], { second: (query) => labels.get(query) });
    // "why does it fail" is shown right, but its second labeller accepts another section too.
    expect(score).toMatchObject({ single: 2, singleTopHits: 2, singleRight: 0, right: 1 });
  });

  test('counts against the majority label: the third labeller settles where the first two differ', () => {
    // "how to fix it": first #resolution, second #workaround; shown #cause. "error text quoted": first #symptoms, second the top; shown the top.
    const third = new Map([
      ['how to fix it', { section: 'workaround', also: [] }],
      ['error text quoted', { section: '', also: [] }],
    ]);
    const score = sectionAccuracy(queries, (query) => shown[query], { second: (query) => second.get(query), third: (query) => third.get(query) });
    expect(score).toMatchObject({ majorityTopHits: 3, majorityRight: 2 });
    // A third label matching neither leaves the query without a majority.
    const apart = sectionAccuracy(queries, (query) => shown[query], { second: (query) => second.get(query), third: () => ({ section: 'elsewhere', also: [] }) });
    expect(apart).toMatchObject({ majorityTopHits: 1, majorityRight: 1 });
  });

  test('without second labels, accepted is the strict count', () => {
    const score = sectionAccuracy(queries, (query) => shown[query], { second: () => undefined });
    expect(score).toMatchObject({ right: 1, accepted: 1, twice: 0, agreed: 0, single: 0, singleTopHits: 0 });
  });

  test('every second or third label belongs to a section-labelled query of its set', () => {
    const files = readdirSync(QUERIES).filter((file) => file.startsWith('second-labels-') || file.startsWith('third-labels-'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      for (const { set, query, section, also } of objects<{ set: string; query: string; section: string; also: string[] }>(file)) {
        const labelled = objects<{ query: string; section?: string }>(`${set}.jsonl`).filter((q) => q.section);
        expect(labelled.map((q) => q.query), `${file}: ${query}`).toContain(query);
        expect(typeof section).toBe('string');
        expect(Array.isArray(also)).toBe(true);
      }
    }
  });
});
