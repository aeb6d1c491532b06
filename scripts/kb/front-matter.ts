/**
 * Front matter: the optional YAML block between `---` lines at the top of an article.
 * Known keys are type-checked with the key's own line; unknown keys (ms.date, permalink, …)
 * are ignored because real knowledge bases carry their own.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { parseYaml, type YamlIssue } from './yaml-file.ts';

export interface FrontMatter {
  title?: string;
  description?: string;
  tags: string[];
  aliases: string[];
  category?: string;
  pages: string[];
  draft: boolean;
  id?: string;
  updated?: string;
  /**
   * `section-aliases`: other phrasings users type for one section, by its heading ("Questions?":
   * [who do I ask]). Matched to the article's headings once it is compiled (article.ts), where
   * an unknown heading is reported at `line`.
   */
  sectionAliases: { heading: string; aliases: string[]; line: number }[];
  /** Line of the `id:` key, where a duplicate id is reported. */
  idLine?: number;
  /**
   * URLs the article had on its original site (`permalink`, `redirect_from`), read leniently
   * so `{% page "/url/" %}` links can find it; never an error.
   */
  urls: string[];
}

export interface FrontMatterResult {
  data: FrontMatter;
  /** The file with the front matter blanked out (same line numbers, `\n` line ends), markdown only. */
  body: string;
  issues: YamlIssue[];
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Splits and validates the front matter of one article's text. */
export function readFrontMatter(text: string): FrontMatterResult {
  // One line ending everywhere downstream (flow and template passes work line by line).
  const source = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n/g, '\n');
  const data: FrontMatter = { tags: [], aliases: [], sectionAliases: [], pages: [], draft: false, urls: [] };
  const firstBreak = source.indexOf('\n');
  const firstLine = firstBreak < 0 ? source : source.slice(0, firstBreak);
  if (!OPEN.test(firstLine)) return { data, body: source, issues: [] };

  const lines = source.split('\n');
  const close = lines.findIndex((line, index) => index > 0 && CLOSE.test(line));
  if (close < 0) {
    const issue = { line: 1, message: 'front matter opened with --- is never closed (add a --- line after it)' };
    return { data, body: source, issues: [issue] };
  }
  const yamlText = lines.slice(1, close).join('\n');
  const body = '\n'.repeat(close + 1) + lines.slice(close + 1).join('\n');
  return { data, body, issues: readKeys(yamlText, data) };
}

function readKeys(yamlText: string, data: FrontMatter): YamlIssue[] {
  const parsed = parseYaml(yamlText, 1);
  if (parsed.issues.length > 0) return parsed.issues;
  const root = parsed.doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return [];
  if (!isMap(root)) return [{ line: parsed.lineOf(root), message: 'front matter must be a list of `key: value` lines' }];

  const issues: YamlIssue[] = [];
  const fail = (node: unknown, message: string): void => {
    issues.push({ line: parsed.lineOf(node), message });
  };
  for (const pair of root.items as Pair<unknown, unknown>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    const text = (): string | undefined => {
      const result = scalarText(value);
      if (result === false) fail(pair.key, `front matter \`${key}\` must be text`);
      return result || undefined;
    };
    const list = (): string[] => {
      const result = textList(value, (node, message) => fail(node ?? pair.key, `front matter \`${key}\` ${message}`));
      return result;
    };
    switch (key) {
      case 'title':
        data.title = text();
        break;
      case 'description':
        data.description = text();
        break;
      case 'category':
        data.category = text();
        break;
      case 'updated':
        data.updated = text();
        break;
      case 'id':
        data.id = text()?.replace(/^\/+|\/+$/g, '') || undefined;
        data.idLine = parsed.lineOf(pair.key);
        break;
      case 'tags':
        data.tags = list();
        break;
      case 'aliases':
        data.aliases = list();
        break;
      case 'pages':
        data.pages = list();
        break;
      case 'section-aliases':
        data.sectionAliases = sectionAliases(value, parsed.lineOf, fail);
        break;
      case 'draft': {
        const draft = booleanValue(value);
        if (draft === undefined) fail(pair.key, 'front matter `draft` must be true or false');
        data.draft = draft ?? false;
        break;
      }
      case 'permalink':
      case 'redirect_from':
        data.urls.push(...textList(value, () => undefined));
        break;
      default:
        break;
    }
  }
  return issues;
}

/** A scalar as trimmed text: '' for empty, false when it is a list or map. */
function scalarText(node: Node | null): string | false {
  if (node === null || node === undefined) return '';
  if (!isScalar(node)) return false;
  const value = node.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return false;
  return String(value).trim();
}

/**
 * A list of strings. Numbers and booleans in the list become text (`tags: [2fa, 365]`), a
 * plain string is read as a comma-separated list, anything else is an error.
 */
function textList(node: Node | null, fail: (node: unknown, message: string) => void): string[] {
  if (node === null || node === undefined) return [];
  if (isScalar(node)) {
    if (node.value === null) return [];
    if (typeof node.value !== 'string') {
      fail(undefined, 'must be a list, e.g. [printer, printing]');
      return [];
    }
    return node.value.split(',').map((part) => part.trim()).filter(Boolean);
  }
  if (!isSeq(node)) {
    fail(undefined, 'must be a list, e.g. [printer, printing]');
    return [];
  }
  const items: string[] = [];
  for (const item of node.items as Node[]) {
    const text = scalarText(item);
    if (text === false) fail(item, 'must only hold text items');
    else if (text) items.push(text);
  }
  return items;
}

/** `section-aliases`: a map from heading text to a list of phrasings (each read as `aliases` is). */
function sectionAliases(node: Node | null, lineOf: (node: unknown) => number, fail: (node: unknown, message: string) => void): FrontMatter['sectionAliases'] {
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) return [];
  if (!isMap(node)) {
    fail(node, 'front matter `section-aliases` must map headings to phrasings, e.g. `"Questions?": [who do I ask]`');
    return [];
  }
  const entries: FrontMatter['sectionAliases'] = [];
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    const heading = scalarText(pair.key as Node | null);
    if (!heading) {
      fail(pair.key ?? node, 'front matter `section-aliases` needs a heading text before each `:`');
      continue;
    }
    const aliases = textList(pair.value as Node | null, (item, message) => fail(item ?? pair.key, `front matter \`section-aliases\` "${heading}" ${message}`));
    if (aliases.length) entries.push({ heading, aliases, line: lineOf(pair.key) });
  }
  return entries;
}

function booleanValue(node: Node | null): boolean | undefined {
  if (node === null || node === undefined) return false;
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false|yes|no)$/i.test(value.trim())) return /^(true|yes)$/i.test(value.trim());
  return undefined;
}
