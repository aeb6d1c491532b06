/** Content diagnostics: one shape for every problem the compiler finds, printed as `path:line: message`. */

export interface Diagnostic {
  /** Path as the user gave it (content folder joined with the file's relative path). */
  file: string;
  /** 1-based line in that file. */
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Formats one diagnostic the way editors and CI logs link it: `path:line: message`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const prefix = diagnostic.severity === 'warning' ? 'warning: ' : '';
  return `${diagnostic.file}:${diagnostic.line}: ${prefix}${diagnostic.message}`;
}

/** Orders diagnostics by file, then line, so output is stable and reads top to bottom. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) =>
    a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1,
  );
}
