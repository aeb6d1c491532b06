/**
 * Judged answers for a query set (queries/judged-labels-<corpus>.jsonl, see evaluate.ts): pools,
 * per query, the expected article with Tier0's and the baseline's top three, shuffled so nothing
 * says which was expected or who ranked it, for judge helpers (briefs/article-judge.md); then
 * reads their verdicts back.
 *
 *   npx tsx scripts/bench/eval/judge-pool.ts pool <corpus> <set>… --out DIR [--parts N]
 *     writes DIR/input/part<k>.jsonl for the judges ({key, query, candidates: [{n, title, file}]})
 *     and DIR-private/map.json, the key to it (which query each key is, the candidates' ids):
 *     give judges DIR, never DIR-private.
 *   npx tsx scripts/bench/eval/judge-pool.ts import <corpus> --out DIR
 *     appends the verdicts in DIR/output/*.jsonl ({key, answers: [n…]}) to the corpus's
 *     judged-labels file as {set, query, answers: [ids]}, in pool order; write its `//` header by hand.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileKb } from '../../kb/compile.ts';
import { loadSearchEngine } from '../../../widget/core/search/engine.ts';
import { findCorrections } from '../../../widget/core/search/corrections.ts';
import { createBaseline } from './baseline.ts';
import { evalCorpusDir } from './eval-kb-root.ts';
import { readPlainCorpus } from './plain-corpus.ts';
import { parseQueryFile } from './query-file.ts';
import { seededShuffle } from './sample-articles.ts';

const QUERIES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'queries');

/** How many of each ranker's first hits join the pool. */
const POOL_DEPTH = 3;

/** One pooled query: the set it comes from, and its candidates in judging order. */
export interface PoolEntry {
  key: string;
  set: string;
  query: string;
  candidates: string[];
}

/** The expected articles and each ranker's first POOL_DEPTH ids, once each, shuffled with `seed`. */
export function poolCandidates(expected: readonly string[], rankings: readonly (readonly string[])[], seed: number): string[] {
  const ids = new Set([...expected, ...rankings.flatMap((ranking) => ranking.slice(0, POOL_DEPTH))]);
  return seededShuffle([...ids], seed);
}

/** A judge's verdicts ({key, answers: [n…]}) as judged-labels lines ({set, query, answers: [ids]}), in pool order. */
export function judgedLines(pool: readonly PoolEntry[], verdicts: readonly { key: string; answers: number[] }[]): string[] {
  const byKey = new Map(verdicts.map((verdict) => [verdict.key, verdict.answers]));
  return pool.flatMap((entry) => {
    const answers = byKey.get(entry.key);
    if (!answers) return [];
    return [JSON.stringify({ set: entry.set, query: entry.query, answers: answers.map((n) => entry.candidates[n - 1] ?? '') })];
  });
}

async function pool(corpus: string, sets: string[], out: string, parts: number): Promise<void> {
  const dir = evalCorpusDir(corpus);
  const outDir = await mkdtemp(path.join(tmpdir(), 'tier0-pool-'));
  try {
    const { index } = await compileKb({ contentDir: dir, outDir });
    if (!index.search) throw new Error(`${dir} does not compile`);
    const engine = loadSearchEngine(index, findCorrections);
    const baseline = createBaseline(await readPlainCorpus(dir));
    const titles = new Map(index.articles.map((article) => [article.id, article.title]));
    const entries: PoolEntry[] = [];
    for (const set of sets) {
      for (const query of parseQueryFile<{ query: string; expected: string[] }>(readFileSync(path.join(QUERIES, `${set}-${corpus}.jsonl`), 'utf8'))) {
        const ours = engine.search(query.query, { limit: POOL_DEPTH }).hits.map((hit) => hit.id);
        const key = `q${entries.length + 1}`;
        entries.push({ key, set: `${set}-${corpus}`, query: query.query, candidates: poolCandidates(query.expected, [ours, baseline(query.query)], 1000 + entries.length) });
      }
    }
    // Judges see the queries in an order of their own, so a part holds no run of one set.
    const order = seededShuffle(entries, 4242);
    mkdirSync(path.join(out, 'input'), { recursive: true });
    mkdirSync(path.join(out, 'output'), { recursive: true });
    mkdirSync(`${out}-private`, { recursive: true });
    for (let part = 0; part < parts; part++) {
      const mine = order.filter((_, i) => i % parts === part);
      const text = mine.map((entry) => JSON.stringify({ key: entry.key, query: entry.query, candidates: entry.candidates.map((id, n) => ({ n: n + 1, title: titles.get(id), file: path.join(dir, `${id}.md`) })) }));
      writeFileSync(path.join(out, 'input', `part${part + 1}.jsonl`), `${text.join('\n')}\n`);
    }
    writeFileSync(path.join(`${out}-private`, 'map.json'), JSON.stringify(entries));
    console.log(`${entries.length} queries, ${entries.reduce((sum, entry) => sum + entry.candidates.length, 0)} candidates, in ${parts} parts under ${out}/input`);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

function importVerdicts(corpus: string, out: string): void {
  const entries = JSON.parse(readFileSync(path.join(`${out}-private`, 'map.json'), 'utf8')) as PoolEntry[];
  const outputs = path.join(out, 'output');
  const verdicts = readdirSync(outputs)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => parseQueryFile<{ key: string; answers: number[] }>(readFileSync(path.join(outputs, name), 'utf8')));
  const lines = judgedLines(entries, verdicts);
  appendFileSync(path.join(QUERIES, `judged-labels-${corpus}.jsonl`), `${lines.join('\n')}\n`);
  console.log(`${lines.length} verdicts of ${entries.length} queries appended to judged-labels-${corpus}.jsonl`);
}

// Only when run as a script: the test imports the pure parts.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const out = option('--out');
  const parts = Number(option('--parts') ?? 6);
  const [command, corpus, ...sets] = args;
  if (!out || !corpus || (command === 'pool' && !sets.length) || (command !== 'pool' && command !== 'import')) {
    console.error('usage: judge-pool.ts pool <corpus> <set>… --out DIR [--parts N] | judge-pool.ts import <corpus> --out DIR');
    process.exitCode = 1;
  } else if (command === 'pool') await pool(corpus, sets, path.resolve(out), parts);
  else importVerdicts(corpus, path.resolve(out));
}
