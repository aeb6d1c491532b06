/**
 * `tier0 search [--kb DIR] [--limit N] [--json] [QUERY…]`: runs the widget's own search engine on
 * a built bundle, so authors (and outside evaluations) see exactly what users will find.
 * QUERY words form one query; without them, every non-blank line of standard input is a query.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KB_SCHEMA_VERSION, type KbIndex, type KbManifest } from '../../widget/core/kb-format.ts';
import { loadSearchEngine } from '../../widget/core/search/engine.ts';
import { findCorrections } from '../../widget/core/search/corrections.ts';
import type { SearchEngine, SearchResponse, SnippetPart } from '../../widget/core/search/search-types.ts';

const USAGE = 'usage: tier0 search [--kb DIR] [--limit N] [--json] [QUERY…]   (no QUERY: one query per line on stdin)';
const DEFAULT_KB = 'dist/kb';
const DEFAULT_LIMIT = 10;

interface SearchArgs {
  kb: string;
  limit: number;
  json: boolean;
  help: boolean;
  words: string[];
}

/** Parses the arguments; QUERY words may come before, between or after the options. */
function parseArgs(args: readonly string[]): SearchArgs | string {
  const parsed: SearchArgs = { kb: DEFAULT_KB, limit: DEFAULT_LIMIT, json: false, help: false, words: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      parsed.words.push(...args.slice(i + 1));
      break;
    }
    const option = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!option) {
      parsed.words.push(arg);
      continue;
    }
    const [, name, inline] = option as unknown as [string, string, string | undefined];
    if (name === 'json' || name === 'help') {
      if (inline !== undefined) return `--${name} takes no value`;
      parsed[name] = true;
      continue;
    }
    if (name !== 'kb' && name !== 'limit') return `unknown option "${arg}"`;
    const value = inline ?? args[++i];
    if (value === undefined || value === '') return `--${name} needs a value`;
    if (name === 'kb') parsed.kb = value;
    else if (/^[1-9]\d*$/.test(value)) parsed.limit = Number(value);
    else return `--limit needs a positive whole number, not "${value}"`;
  }
  return parsed;
}

/** Loads the bundle's index into the search engine; a readable problem when it cannot. */
async function loadBundle(kbDir: string): Promise<SearchEngine | string> {
  const manifestPath = path.join(kbDir, 'manifest.json');
  let manifest: KbManifest;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as KbManifest;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return missing
      ? `no KB bundle at ${kbDir}/ (missing ${manifestPath}) — run "tier0 build" first or pass --kb DIR`
      : `${manifestPath} is not valid JSON — rebuild the bundle with "tier0 build"`;
  }
  if (manifest?.schema !== KB_SCHEMA_VERSION || typeof manifest.index !== 'string') {
    return `${manifestPath} has schema ${String(manifest?.schema)}, this tier0 reads ${KB_SCHEMA_VERSION} — rebuild the bundle with "tier0 build"`;
  }
  const indexPath = path.join(kbDir, manifest.index);
  let index: KbIndex;
  try {
    index = JSON.parse(await readFile(indexPath, 'utf8')) as KbIndex;
  } catch {
    return `cannot read the KB index ${indexPath} — rebuild the bundle with "tier0 build"`;
  }
  try {
    return loadSearchEngine(index, findCorrections);
  } catch (error) {
    return `${String((error as Error).message).replace(/^\[tier0\] /, '')} (${indexPath})`;
  }
}

/** Where the command reads queries and writes results; tests pass their own. */
export interface SearchIo {
  stdin: AsyncIterable<Buffer | string>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: SearchIo = {
  stdin: process.stdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

async function readAll(input: AsyncIterable<Buffer | string>): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of input) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

const roundScore = (score: number): number => Math.round(score * 100) / 100;

/** The snippet as plain text with the matched terms in brackets: "[printer] is [offline]". */
export function formatSnippet(parts: readonly SnippetPart[]): string {
  return parts.map((part) => (part.mark ? `[${part.text}]` : part.text)).join('');
}

/** One query's results as one JSON line (contract §2). */
export function formatJson(response: SearchResponse): string {
  return JSON.stringify({
    query: response.query,
    results: response.hits.map((hit) => ({
      id: hit.id,
      title: hit.title,
      score: roundScore(hit.score),
      ...(hit.section ? { section: { anchor: hit.section.anchor, heading: hit.section.heading } } : {}),
      ...(hit.moreSections?.length ? { moreSections: hit.moreSections.map(({ anchor, heading }) => ({ anchor, heading })) } : {}),
    })),
  });
}

/** One query's results for people: numbered titles, ids, scores, sections, snippets and "Did you mean". */
export function formatHuman(response: SearchResponse): string {
  const count = response.hits.length;
  const lines = [`${response.query} — ${count ? `${count} result${count === 1 ? '' : 's'}` : 'no results'}`];
  response.hits.forEach((hit, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${hit.title}  (${hit.id}, score ${roundScore(hit.score).toFixed(2)})`);
    // Which part of the article answers: the widget opens the article there.
    if (hit.section) lines.push(`    § ${hit.section.heading}  (#${hit.section.anchor})`);
    // Where else the query lands: the widget offers these as "Also in this article".
    if (hit.moreSections?.length) lines.push(`    also: ${hit.moreSections.map((section) => `${section.heading} (#${section.anchor})`).join('; ')}`);
    const snippet = formatSnippet(hit.snippet);
    if (snippet) lines.push(`    ${snippet}`);
  });
  if (response.suggestion) lines.push(`Did you mean: ${response.suggestion}`);
  return lines.join('\n');
}

/** Runs `tier0 search`; resolves to 0 after searching, 1 when the bundle is unusable, 2 on usage errors. */
export async function searchCommand(args: string[], io: SearchIo = processIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`tier0 search: ${parsed}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const engine = await loadBundle(parsed.kb);
  if (typeof engine === 'string') {
    io.stderr(`tier0: ${engine}\n`);
    return 1;
  }
  const queries = parsed.words.length
    ? [parsed.words.join(' ')]
    : (await readAll(io.stdin))
        .split('\n')
        .map((line) => line.replace(/\r$/, ''))
        .filter((line) => line.trim());
  const output = queries.map((query) => {
    const response = engine.search(query, { limit: parsed.limit });
    return parsed.json ? formatJson(response) : formatHuman(response);
  });
  if (output.length) io.stdout(`${output.join(parsed.json ? '\n' : '\n\n')}\n`);
  return 0;
}
