/**
 * Picks article sections for writing a held-out, section-labelled query set without choosing
 * easy ones: compiles the corpus (no search index, no search), shuffles its articles with a
 * seed, and prints for each one section under a heading, drawn with the same seed.
 *
 *   npx tsx scripts/bench/eval/sample-sections.ts <corpus-dir> [count] [seed]
 */
import { compileKb } from '../../kb/compile.ts';
import { createRandom } from './synthetic-corpus.ts';
import { seededShuffle } from './sample-articles.ts';

const [dir, count = '30', seed = '20261204'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: sample-sections.ts <corpus-dir> [count] [seed]');
  process.exitCode = 1;
} else {
  const { index } = await compileKb({ contentDir: dir, outDir: null });
  const random = createRandom(Number(seed) + 1);
  const articles = index.articles.filter((article) => article.sections?.some((section) => section.anchor)).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const article of seededShuffle(articles, Number(seed)).slice(0, Number(count))) {
    const headed = article.sections!.filter((section) => section.anchor);
    const section = headed[Math.floor(random() * headed.length)]!;
    console.log(`## ${article.id}\nT: ${article.title}\nS: #${section.anchor} — ${section.heading}\nL: ${section.lead}\n`);
  }
}
