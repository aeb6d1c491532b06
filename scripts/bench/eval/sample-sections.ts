/**
 * Picks article sections for writing a held-out, section-labelled query set without choosing
 * easy ones: compiles the corpus (no search index, no search), shuffles its articles with a
 * seed, and prints for each one section under a heading, drawn with the same seed.
 *
 *   npx tsx scripts/bench/eval/sample-sections.ts <corpus-dir> [count] [seed] [--fresh]
 *
 * --fresh draws first from the articles that no query set of this corpus (queries/*-<corpus>.jsonl)
 * asks about, then from the others, and never a section a set is already labelled with: a new set
 * then measures what nobody has tuned on (a small KB, such as the GSA handbook's 55 articles, runs
 * out of fresh articles but not of fresh sections). Without it, a seed used before draws the same
 * articles again (holdout7 repeated holdout3's seed, so its articles).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileKb } from '../../kb/compile.ts';
import { createRandom } from './synthetic-corpus.ts';
import { seededShuffle } from './sample-articles.ts';
import { parseQueryFile } from './query-file.ts';

const QUERIES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'queries');

/** The article ids that the committed query sets of a corpus expect, and their labelled sections ("id#anchor"). */
export function usedArticles(corpus: string, queriesDir = QUERIES): { articles: Set<string>; sections: Set<string> } {
  const articles = new Set<string>();
  const sections = new Set<string>();
  for (const file of readdirSync(queriesDir).filter((name) => name.endsWith(`${corpus}.jsonl`) && !name.includes('labels'))) {
    for (const query of parseQueryFile<{ expected: string[]; section?: string }>(readFileSync(path.join(queriesDir, file), 'utf8'))) {
      for (const id of query.expected) articles.add(id);
      if (query.section !== undefined) sections.add(`${query.expected[0]}#${query.section}`);
    }
  }
  return { articles, sections };
}

// Only when run as a script: the test imports usedArticles.
const runAsScript = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const [dir, count = '30', seed = '20261204'] = args.filter((arg) => arg !== '--fresh');
if (!runAsScript) {
  // Imported: nothing to print.
} else if (!dir) {
  console.error('usage: sample-sections.ts <corpus-dir> [count] [seed] [--fresh]');
  process.exitCode = 1;
} else {
  const { index } = await compileKb({ contentDir: dir, outDir: null });
  const random = createRandom(Number(seed) + 1);
  const used = fresh ? usedArticles(path.basename(path.resolve(dir))) : { articles: new Set<string>(), sections: new Set<string>() };
  const articles = index.articles.filter((article) => article.sections?.some((section) => section.anchor)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const shuffled = seededShuffle(articles, Number(seed));
  const unused = shuffled.filter((article) => !used.articles.has(article.id));
  const order = fresh ? [...unused, ...shuffled.filter((article) => used.articles.has(article.id))] : shuffled;
  if (fresh) console.error(`${unused.length} of ${articles.length} articles are in no query set; ${used.sections.size} labelled sections are left out`);
  let printed = 0;
  for (const article of order) {
    if (printed >= Number(count)) break;
    const headed = article.sections!.filter((section) => section.anchor && !used.sections.has(`${article.id}#${section.anchor}`));
    if (!headed.length) continue;
    const section = headed[Math.floor(random() * headed.length)]!;
    console.log(`## ${article.id}\nT: ${article.title}\nS: #${section.anchor} — ${section.heading}\nL: ${section.lead}\n`);
    printed++;
  }
}
