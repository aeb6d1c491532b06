import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileKb } from '../../../scripts/kb/compile.ts';
import { EVAL_CORPORA, evalCorpusDir } from '../../../scripts/bench/eval/eval-kb-root.ts';
import { parseQueryFile } from '../../../scripts/bench/eval/query-file.ts';

// The committed query sets and their second and third labels name articles and section anchors
// of the corpora. A renamed article or a heading whose anchor changed would silently turn a
// query into a miss (or drop its section label), and the evaluation would report a regression
// that is not one, or hide one: every id and anchor must exist.
const QUERIES = path.resolve(import.meta.dirname, '../../../scripts/bench/eval/queries');

/** The objects of a query or label file. */
const jsonLines = (file: string): Record<string, unknown>[] => parseQueryFile(readFileSync(path.join(QUERIES, file), 'utf8'));

describe('committed evaluation query sets', () => {
  test.each(EVAL_CORPORA)(
    '%s: every expected article and labelled section exists',
    async (corpus) => {
      const { index } = await compileKb({ contentDir: evalCorpusDir(corpus), outDir: null });
      const anchors = new Map(index.articles.map((article) => [article.id, new Set((article.sections ?? []).map((section) => section.anchor))]));
      const files = readdirSync(QUERIES).filter((name) => name === `${corpus}.jsonl` || name.endsWith(`-${corpus}.jsonl`));
      const querySets = files.filter((name) => !name.includes('labels'));
      expect(querySets.length).toBeGreaterThan(0);
      const problems: string[] = [];
      // Each labelled query of a set, by set name and query text, to check the labels against.
      const labelled = new Map<string, string>();
      const asked = new Set<string>();
      for (const file of querySets) {
        const set = file.replace(/\.jsonl$/, '');
        for (const query of jsonLines(file)) {
          asked.add(`${set}\n${String(query.query)}`);
          const expected = query.expected as string[];
          for (const id of expected) if (!anchors.has(id)) problems.push(`${file}: "${String(query.query)}" expects a missing article ${id}`);
          if (typeof query.section === 'string') {
            labelled.set(`${set}\n${String(query.query)}`, expected[0] ?? '');
            if (!anchors.get(expected[0] ?? '')?.has(query.section)) problems.push(`${file}: "${String(query.query)}" is labelled with a missing section #${query.section}`);
          }
        }
      }
      // Judged answers (articles a judge accepted for a query): of an asked query, naming articles that exist.
      for (const file of files.filter((name) => name.startsWith('judged-labels-'))) {
        for (const judged of jsonLines(file)) {
          if (!asked.has(`${String(judged.set)}\n${String(judged.query)}`)) problems.push(`${file}: "${String(judged.query)}" is in no query set ${String(judged.set)}`);
          for (const id of judged.answers as string[]) if (!anchors.has(id)) problems.push(`${file}: "${String(judged.query)}" names a missing article ${id}`);
        }
      }
      for (const file of files.filter((name) => name.includes('labels') && !name.startsWith('judged-labels-'))) {
        for (const label of jsonLines(file)) {
          const id = labelled.get(`${String(label.set)}\n${String(label.query)}`);
          // A label of no section-labelled query fails section-score.test.ts; here only its anchors count.
          if (id === undefined) continue;
          for (const anchor of [label.section, ...((label.also as unknown[] | undefined) ?? [])]) {
            if (!anchors.get(id)?.has(String(anchor))) problems.push(`${file}: "${String(label.query)}" names a missing section #${String(anchor)}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
    120_000,
  );
});
