/**
 * YAML parsing with file line numbers, shared by front matter, synonyms.yml and categories.yml.
 * The `yaml` package reports offsets; a LineCounter turns them into lines, and `lineOffset`
 * shifts them when the YAML starts further down a file (front matter starts after `---`).
 */
import { isNode, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface YamlIssue {
  line: number;
  message: string;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  /** The first problem YAML itself found (later ones usually cascade from it), in file lines. */
  issues: YamlIssue[];
  /** File line of a node (falls back to the first YAML line). */
  lineOf(node: unknown): number;
}

/** Parses YAML text whose first line is file line `lineOffset + 1`. */
export function parseYaml(text: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + lineOffset;
  const issues = doc.errors.slice(0, 1).map((error) => ({
    line: lineAt(error.pos[0]),
    message: `invalid YAML: ${firstLine(error.message)}`,
  }));
  const lineOf = (node: unknown): number =>
    isNode(node) && (node as Node).range ? lineAt((node as Node).range![0]) : lineOffset + 1;
  return { doc, issues, lineOf };
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
