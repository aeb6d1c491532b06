import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { usedArticles } from '../../../scripts/bench/eval/sample-sections.ts';

test('a fresh draw knows the articles and labelled sections the query sets of the corpus already ask about, and only that corpus', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tier0-queries-'));
  writeFileSync(path.join(dir, 'holdout-kb.jsonl'), '// header\n{"query":"a","expected":["x"]}\n{"query":"b","expected":["y","z"],"section":"s"}\n');
  writeFileSync(path.join(dir, 'kb.jsonl'), '{"query":"c","expected":["w"]}\n');
  writeFileSync(path.join(dir, 'second-labels-kb.jsonl'), '{"set":"holdout-kb","query":"a","section":"s","also":[]}\n');
  writeFileSync(path.join(dir, 'holdout-other.jsonl'), '{"query":"d","expected":["v"]}\n');
  const used = usedArticles('kb', dir);
  expect([...used.articles].sort()).toEqual(['w', 'x', 'y', 'z']);
  expect([...used.sections]).toEqual(['y#s']);
});
