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
    line: lineAt(openerOffset(text, error.message, error.pos[0])),
    message: `invalid YAML: ${firstLine(error.message)}`,
  }));
  const lineOf = (node: unknown): number =>
    isNode(node) && (node as Node).range ? lineAt((node as Node).range![0]) : lineOffset + 1;
  return { doc, issues, lineOf };
}

/**
 * YAML notices an unclosed `[`, `{` or quote only where the text goes on without it (the next
 * key, or the end), a line or more after the author's mistake: such errors point at the opener.
 */
function openerOffset(text: string, message: string, at: number): number {
  const quote = /closing (["'])quote/.exec(message)?.[1];
  if (quote) {
    const opener = text.lastIndexOf(quote, Math.max(0, at - 1));
    return opener >= 0 ? opener : at;
  }
  const flow = /^Flow (sequence|map)\b.*\bend with a/.exec(message)?.[1];
  if (!flow) return at;
  const [open, close] = flow === 'sequence' ? ['[', ']'] : ['{', '}'];
  let depth = 0;
  for (let i = Math.min(at, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open && depth-- === 0) return i;
  }
  return at;
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
