/** `tier0 build [--content DIR] [--out DIR] [--strict]`: compiles the knowledge base into a bundle. */
import { parseFlags } from './args.ts';
import { compileKb, DEFAULT_OUT_DIR } from './compile.ts';
import { countSummary, missingContentFolder, printDiagnostics } from './report.ts';

const USAGE = 'usage: tier0 build [--content DIR] [--out DIR] [--strict]';

/** Runs `tier0 build`; resolves to 0 when built, 1 on content errors, 2 on usage errors. */
export async function buildCommand(args: string[]): Promise<number> {
  const flags = parseFlags(args, { values: ['content', 'out'], switches: ['strict', 'help'] });
  if (!flags.ok) {
    console.error(`tier0 build: ${flags.error}\n${USAGE}`);
    return 2;
  }
  if (flags.switches.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const contentDir = flags.values.get('content') ?? 'kb-content';
  const outDir = flags.values.get('out') ?? DEFAULT_OUT_DIR;
  const missing = await missingContentFolder(contentDir);
  if (missing) {
    console.error(missing);
    return 1;
  }
  const result = await compileKb({ contentDir, outDir, strict: flags.switches.has('strict') });
  printDiagnostics(result.diagnostics);
  if (!result.ok) {
    console.error(`tier0: build failed: ${countSummary(result.diagnostics)} (nothing written)`);
    return 1;
  }
  const { articles, bytes, gzipBytes, ms } = result.stats;
  const kB = (n: number): string => (n / 1000).toFixed(1);
  const shownOut = outDir.endsWith('/') ? outDir : `${outDir}/`;
  console.log(`tier0: built ${articles} articles (${kB(bytes)} kB, ${kB(gzipBytes)} kB gzip) in ${ms} ms → ${shownOut}`);
  return 0;
}
