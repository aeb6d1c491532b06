/**
 * `tier0 bench` (npm run bench): performance figures as JSON on stdout, progress on stderr.
 *
 * For kb-content/, the largest evaluation corpus and generated 1,000- and 10,000-article
 * knowledge bases it reports: build time and bundle bytes (raw, gzip, search index gzip against
 * the markdown's gzip), index load time (median of several loads), heap used by a loaded engine,
 * and search latency (median, p95) over realistic queries replayed keystroke by keystroke, as a
 * user types them into the help box. Plain MiniSearch (prefix + fuzzy 0.2 + title boost) over the
 * same articles is measured alongside for comparison. Under `widget`, the built dist/ measured in
 * Chromium (scripts/bench/bench-widget.ts): opening the panel, results while typing over the 1,000-article
 * KB, and the loader's and a session's JS bytes.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import type { KbIndex, KbManifest } from '../../widget/core/kb-format.ts';
import { loadSearchEngine } from '../../widget/core/search/engine.ts';
import { findCorrections } from '../../widget/core/search/corrections.ts';
import type { SearchEngine } from '../../widget/core/search/search-types.ts';
import { readPlainCorpus, type PlainArticle } from './eval/plain-corpus.ts';
import { generateArticles, generateQueries, trainTextModel, writeArticles, type TextModel } from './eval/synthetic-corpus.ts';
import { compileKb } from '../kb/compile.ts';
import { evalKbRoot } from './eval/eval-kb-root.ts';

const EVAL_ROOT = evalKbRoot();
const LARGEST_EVAL_CORPUS = 'microsoft-officedocs-support';
const QUERY_DIR = path.resolve(import.meta.dirname, 'eval/queries');
const TARGETS = { searchP95Ms1k: 2, searchP95Ms10k: 16, loadMs1k: 60, indexGzipRatio: 0.4 };

interface Corpus {
  name: string;
  contentDir: string;
  queries: string[];
  /** Queries replayed against the (slow) baseline; fewer on big corpora to finish in time. */
  baselineQueries: number;
}

const log = (message: string) => process.stderr.write(`tier0 bench: ${message}\n`);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Lets the bench run the garbage collector, so heap figures are not inflated by garbage. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return () => gc?.();
}

async function listMarkdown(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function markdownSize(dir: string): Promise<{ bytes: number; gzipBytes: number }> {
  const texts = await Promise.all((await listMarkdown(dir)).map((file) => readFile(file)));
  const all = Buffer.concat(texts);
  return { bytes: all.byteLength, gzipBytes: gzipSync(all).byteLength };
}

async function readQueries(name: string): Promise<string[]> {
  const file = path.join(QUERY_DIR, `${name}.jsonl`);
  if (!existsSync(file)) return [];
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { query: string }).query);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

/**
 * Replays each query keystroke by keystroke; latency figures over every keystroke. Wall-clock
 * times include whatever else the machine runs; CPU times (this process only) show the search's
 * own cost when the machine is busy.
 */
function measureTyping(search: (query: string) => unknown, queries: readonly string[]) {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  // Warm-up, untimed: the first keystrokes would otherwise measure the JIT compiler, not search.
  for (const query of queries.slice(0, 40)) for (let end = 1; end <= query.length; end++) search(query.slice(0, end));
  for (const query of queries) {
    for (let end = 1; end <= query.length; end++) {
      const typed = query.slice(0, end);
      const cpu = process.cpuUsage();
      const started = performance.now();
      search(typed);
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const at = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
  return {
    queries: queries.length,
    keystrokes: times.length,
    medianMs: round(at(times, 0.5), 3),
    p95Ms: round(at(times, 0.95), 3),
    maxMs: round(at(times, 1), 1),
    cpuMedianMs: round(at(cpuTimes, 0.5), 3),
    cpuP95Ms: round(at(cpuTimes, 0.95), 3),
  };
}

/** Plain MiniSearch as most projects would set it up: the baseline to beat. */
function measureBaseline(articles: PlainArticle[], queries: string[], gc: () => void) {
  const options = {
    fields: ['title', 'headings', 'description', 'body'],
    storeFields: ['title'],
    extractField: (article: PlainArticle, field: string) => {
      const value = article[field as keyof PlainArticle];
      return Array.isArray(value) ? value.join(' ') : value;
    },
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } },
  };
  let started = performance.now();
  const built = new MiniSearch<PlainArticle>(options);
  built.addAll(articles);
  const buildMs = performance.now() - started;
  const json = JSON.stringify(built);
  const loads: number[] = [];
  let engine = built;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  // Loading plain MiniSearch takes seconds at 10,000 articles: fewer runs keep the bench short.
  for (let i = 0, runs = articles.length > 2000 ? 1 : 3; i < runs; i++) {
    started = performance.now();
    engine = MiniSearch.loadJSON(json, options);
    loads.push(performance.now() - started);
  }
  gc();
  const heapBytes = process.memoryUsage().heapUsed - heapBefore;
  return {
    buildMs: round(buildMs, 0),
    indexBytes: Buffer.byteLength(json),
    indexGzipBytes: gzipSync(json).byteLength,
    loadMs: round(median(loads), 1),
    heapBytes,
    search: measureTyping((query) => engine.search(query).slice(0, 10), queries),
  };
}

/** The model synthetic articles are written with: trained on the largest evaluation corpus, else kb-content/. */
export async function trainSyntheticModel(): Promise<TextModel> {
  const evalCorpus = path.join(EVAL_ROOT, LARGEST_EVAL_CORPUS);
  const trainingDir = existsSync(evalCorpus) ? evalCorpus : 'kb-content';
  log(`training the text generator on ${trainingDir}`);
  return trainTextModel((await readPlainCorpus(trainingDir)).map((article) => article.body));
}

/** The hand-written development queries of every corpus, replayed against synthetic ones too. */
export async function readDevQueries(): Promise<string[]> {
  return (await Promise.all(['kb-content', LARGEST_EVAL_CORPUS, 'microsoft-supportarticles-windows', 'gsa-tts-handbook'].map(readQueries))).flat();
}

/** Writes the synthetic `count`-article corpus into `dir`; resolves to the queries users would type for it. */
export async function writeSyntheticCorpus(count: number, dir: string, model: TextModel, devQueries: readonly string[]): Promise<string[]> {
  const articles = generateArticles(count, 20260101 + count, model);
  await writeArticles(dir, articles);
  // Users' queries for these articles, with typos, plus the hand-written development queries.
  return [...generateQueries(articles, 120, count), ...devQueries.filter((_, i) => i % 4 === 0)];
}

const bundleDir = (scratch: string, corpus: string) => path.join(scratch, `${corpus}-bundle`);

/**
 * The browser figures. Imported lazily, as playwright-core is a development dependency; a failure
 * is reported in the JSON rather than thrown, so the minutes of figures before it are kept.
 */
async function benchWidgetFigures(largeKb: { bundleDir: string; queries: readonly string[] }) {
  try {
    const { benchWidget } = await import('./bench-widget.ts');
    return await benchWidget({ largeKb });
  } catch (error) {
    log(`widget: failed: ${(error as Error).message}`);
    return { failed: (error as Error).message };
  }
}

async function benchCorpus(corpus: Corpus, scratch: string, gc: () => void, searchOnly: boolean) {
  log(`${corpus.name}: building`);
  const outDir = bundleDir(scratch, corpus.name);
  const result = await compileKb({ contentDir: corpus.contentDir, outDir });
  if (!result.ok) throw new Error(`${corpus.name} does not build: ${result.diagnostics.find((d) => d.severity === 'error')?.message}`);
  const manifest = JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8')) as KbManifest;
  const indexText = await readFile(path.join(outDir, manifest.index), 'utf8');
  const searchJson = JSON.stringify((JSON.parse(indexText) as KbIndex).search);
  const markdown = await markdownSize(corpus.contentDir);
  const indexGzipBytes = gzipSync(indexText).byteLength;
  const searchGzipBytes = gzipSync(searchJson).byteLength;

  log(`${corpus.name}: loading and searching (${result.stats.articles} articles)`);
  const loads: number[] = [];
  let engine: SearchEngine | undefined;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < 7; i++) {
    engine = undefined;
    const started = performance.now();
    engine = loadSearchEngine(JSON.parse(indexText) as KbIndex, findCorrections);
    loads.push(performance.now() - started);
  }
  gc();
  const heapAfterLoad = process.memoryUsage().heapUsed;
  const search = measureTyping((query) => engine?.search(query), corpus.queries);

  engine = undefined;
  if (!searchOnly) log(`${corpus.name}: plain MiniSearch baseline`);
  const baseline = searchOnly ? undefined : measureBaseline(await readPlainCorpus(corpus.contentDir), corpus.queries.slice(0, corpus.baselineQueries), gc);
  return {
    articles: result.stats.articles,
    build: {
      ms: result.stats.ms,
      bundleBytes: result.stats.bytes,
      bundleGzipBytes: result.stats.gzipBytes,
      markdownBytes: markdown.bytes,
      markdownGzipBytes: markdown.gzipBytes,
      indexFileBytes: Buffer.byteLength(indexText),
      indexFileGzipBytes: indexGzipBytes,
      searchIndexGzipBytes: searchGzipBytes,
      searchIndexGzipVsMarkdownGzip: round(searchGzipBytes / markdown.gzipBytes, 3),
      indexFileGzipVsMarkdownGzip: round(indexGzipBytes / markdown.gzipBytes, 3),
    },
    load: { medianMs: round(median(loads), 1), minMs: round(Math.min(...loads), 1), runs: loads.length, heapUsedAfterLoadBytes: heapAfterLoad, engineHeapBytes: heapAfterLoad - heapBefore },
    search,
    baseline,
  };
}

/** Runs the benchmark and prints its figures as JSON; resolves to 0, or 1 when a corpus fails to build or the widget measurement fails. */
export async function benchCommand(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    process.stdout.write('usage: tier0 bench [--search]   (performance figures as JSON on stdout; takes a few minutes;\n  --search: only the search figures, without the baseline, the widget and the relay)\n');
    return 0;
  }
  // Ranking work needs the search figures in a minute, not the whole bench's several.
  const searchOnly = args.includes('--search');
  const started = performance.now();
  const loadAtStart = loadavg();
  const gc = collectGarbage();
  const scratch = await mkdtemp(path.join(tmpdir(), 'tier0-bench-'));
  try {
    const evalCorpus = path.join(EVAL_ROOT, LARGEST_EVAL_CORPUS);
    const model = await trainSyntheticModel();
    const devQueries = await readDevQueries();

    const corpora: Corpus[] = [{ name: 'kb-content', contentDir: 'kb-content', queries: await readQueries('kb-content'), baselineQueries: 1000 }];
    if (existsSync(evalCorpus)) corpora.push({ name: LARGEST_EVAL_CORPUS, contentDir: evalCorpus, queries: await readQueries(LARGEST_EVAL_CORPUS), baselineQueries: 1000 });
    for (const [count, baselineQueries] of [
      [1000, 60],
      [10000, 10],
    ] as const) {
      log(`generating ${count} articles`);
      const dir = path.join(scratch, `synthetic-${count}`);
      const queries = await writeSyntheticCorpus(count, dir, model, devQueries);
      corpora.push({ name: `synthetic-${count}`, contentDir: dir, queries, baselineQueries });
    }

    const results: Record<string, Awaited<ReturnType<typeof benchCorpus>>> = {};
    for (const corpus of corpora) results[corpus.name] = await benchCorpus(corpus, scratch, gc, searchOnly);
    const synthetic1k = corpora.find((corpus) => corpus.name === 'synthetic-1000')!;
    const widget = searchOnly ? { skipped: '--search' } : await benchWidgetFigures({ bundleDir: bundleDir(scratch, synthetic1k.name), queries: synthetic1k.queries });
    if (!searchOnly) log('relay');
    const relay = searchOnly ? { skipped: '--search' } : await (await import('./bench-relay.ts')).benchRelay();
    const small = results['synthetic-1000'];
    const large = results['synthetic-10000'];
    // The index-size target is stated at 1,000 articles: a 45-article KB's index is mostly fixed
    // overhead (vocabulary, synonym groups), so only the corpora of 500 articles and more count.
    const ratios = Object.values(results).filter((result) => result.articles >= 500).map((result) => result.build.searchIndexGzipVsMarkdownGzip);
    const report = {
      node: process.version,
      ms: round(performance.now() - started, 0),
      // Other work on the machine inflates wall-clock figures: compare with the CPU-time ones.
      loadAverage: { atStart: loadAtStart.map((value) => round(value, 2)), atEnd: loadavg().map((value) => round(value, 2)) },
      targets: TARGETS,
      meetsTargets: {
        searchP95At1k: (small?.search.p95Ms ?? Infinity) <= TARGETS.searchP95Ms1k,
        searchP95At10k: (large?.search.p95Ms ?? Infinity) <= TARGETS.searchP95Ms10k,
        loadAt1k: (small?.load.medianMs ?? Infinity) <= TARGETS.loadMs1k,
        indexGzipRatio: ratios.every((ratio) => ratio <= TARGETS.indexGzipRatio),
      },
      corpora: results,
      widget,
      relay,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 'failed' in widget || widget.failures?.length ? 1 : 0;
  } catch (error) {
    process.stderr.write(`tier0: bench failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
