/** Console output shared by `tier0 build` and `tier0 check`. */
import { stat } from 'node:fs/promises';
import { formatDiagnostic, type Diagnostic } from './diagnostics.ts';

/** Prints diagnostics to stderr, one `path:line: message` per line. */
export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) console.error(formatDiagnostic(diagnostic));
}

/** "3 errors, 1 warning" (parts with zero left out); '' when there is nothing. */
export function countSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
}

/** Resolves to an error message when the content folder is missing, else undefined. */
export async function missingContentFolder(contentDir: string): Promise<string | undefined> {
  const info = await stat(contentDir).catch(() => undefined);
  if (info?.isDirectory()) return undefined;
  return `tier0: content folder "${contentDir}" not found (pass --content DIR)`;
}
