import { expect, test } from 'vitest';
import { judgedLines, poolCandidates, type PoolEntry } from '../../../scripts/bench/eval/judge-pool.ts';

test('a pool holds the expected article and each ranker\'s first three, once each, in an order the seed fixes', () => {
  const pool = poolCandidates(['want'], [['a', 'want', 'b', 'c'], ['b', 'd', 'e', 'f']], 7);
  expect([...pool].sort()).toEqual(['a', 'b', 'd', 'e', 'want']);
  expect(poolCandidates(['want'], [['a', 'want', 'b', 'c'], ['b', 'd', 'e', 'f']], 7)).toEqual(pool);
  // Shuffled: across seeds the expected article does not always come first.
  const firsts = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => poolCandidates(['want'], [['a', 'b', 'c'], ['d']], seed)[0]));
  expect(firsts.size).toBeGreaterThan(1);
});

test('verdicts become judged labels of the pooled queries, numbers turned back into article ids, unjudged queries left out', () => {
  const pool: PoolEntry[] = [
    { key: 'q1', set: 'holdout1-kb', query: 'vpn drops', candidates: ['vpn/drops', 'wifi/slow', 'vpn/setup'] },
    { key: 'q2', set: 'holdout1-kb', query: 'printer offline', candidates: ['print/offline'] },
    { key: 'q3', set: 'holdout2-kb', query: 'reset password', candidates: ['account/reset'] },
  ];
  const lines = judgedLines(pool, [
    { key: 'q3', answers: [] },
    { key: 'q1', answers: [1, 3] },
  ]);
  expect(lines.map((line) => JSON.parse(line))).toEqual([
    { set: 'holdout1-kb', query: 'vpn drops', answers: ['vpn/drops', 'vpn/setup'] },
    { set: 'holdout2-kb', query: 'reset password', answers: [] },
  ]);
});
