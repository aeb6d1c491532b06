/**
 * Picks articles for writing a held-out query set without choosing easy ones: a seeded shuffle
 * of a corpus's article list, printed with title, description and the start of the body.
 *
 *   npx tsx scripts/bench/eval/sample-articles.ts <corpus-dir> [count] [seed]
 */
import { pathToFileURL } from 'node:url';
import { readPlainCorpus } from './plain-corpus.ts';
import { createRandom } from './synthetic-corpus.ts';

/** Fisher–Yates shuffle of a copy with a seeded generator. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const random = createRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

// Only when run as a script: sample-sections.ts imports seededShuffle from here.
const runAsScript = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
const [dir, count = '30', seed = '20261123'] = process.argv.slice(2);
if (!runAsScript) {
  // Imported: nothing to print.
} else if (!dir) {
  console.error('usage: sample-articles.ts <corpus-dir> [count] [seed]');
  process.exitCode = 1;
} else {
  const articles = (await readPlainCorpus(dir)).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const article of seededShuffle(articles, Number(seed)).slice(0, Number(count))) {
    console.log(`## ${article.id}\nT: ${article.title}\nD: ${article.description}\nB: ${article.body.slice(0, 400)}\n`);
  }
}
