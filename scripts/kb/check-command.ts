/** `tier0 check [--content DIR] [--strict]`: validates the knowledge base without writing anything. */
import { parseFlags } from './args.ts';
import { compileKb } from './compile.ts';
import { countSummary, missingContentFolder, printDiagnostics } from './report.ts';

const USAGE = 'usage: tier0 check [--content DIR] [--strict]';

/** Runs `tier0 check`; resolves to 0 when clean of errors, 1 on content errors, 2 on usage errors. */
export async function checkCommand(args: string[]): Promise<number> {
  const flags = parseFlags(args, { values: ['content'], switches: ['strict', 'help'] });
  if (!flags.ok) {
    console.error(`tier0 check: ${flags.error}\n${USAGE}`);
    return 2;
  }
  if (flags.switches.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const contentDir = flags.values.get('content') ?? 'kb-content';
  const missing = await missingContentFolder(contentDir);
  if (missing) {
    console.error(missing);
    return 1;
  }
  const result = await compileKb({ contentDir, outDir: null, strict: flags.switches.has('strict') });
  printDiagnostics(result.diagnostics);
  const counts = countSummary(result.diagnostics);
  const summary = `tier0: checked ${result.stats.articles} articles${counts ? `: ${counts}` : ', no problems found'}`;
  if (result.ok) console.log(summary);
  else console.error(summary);
  return result.ok ? 0 : 1;
}
