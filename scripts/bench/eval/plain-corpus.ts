/**
 * A deliberately simple markdown reader for the ranking evaluation: article text for the plain
 * MiniSearch baseline (the KB compiler does not hand out bodies), and a stand-in for compileKb
 * while the compiler cannot build a corpus. Front matter via `yaml`; markup stripped by regex.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { IndexableArticle } from '../../../widget/core/search/search-types.ts';

export interface PlainArticle extends IndexableArticle {
  category: string;
  summary: string;
}

async function listMarkdown(root: string, relative = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory() && entry.name !== 'includes') found.push(...(await listMarkdown(root, child)));
    else if (entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'SOURCE.md' && entry.name !== 'README.md') found.push(child);
  }
  return found.sort();
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** Strips markdown and template syntax down to readable text. */
function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```|~~~[\s\S]*?~~~/g, ' ')
    .replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[!(?:INCLUDE|NOTE|TIP|IMPORTANT|WARNING|CAUTION)[^\]]*\]/gi, ' ')
    .replace(/^:::.*$/gm, ' ')
    .replace(/[#>*_`|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads every article of a content folder the simple way. */
export async function readPlainCorpus(root: string): Promise<PlainArticle[]> {
  const articles: PlainArticle[] = [];
  for (const relative of await listMarkdown(root)) {
    const source = (await readFile(path.join(root, relative), 'utf8')).replace(/\r\n/g, '\n');
    const match = /^---\n([\s\S]*?)\n---\n?/.exec(source);
    let front: Record<string, unknown> = {};
    try {
      front = match ? ((parseYaml(match[1] ?? '') as Record<string, unknown>) ?? {}) : {};
    } catch {
      front = {}; // A broken front matter only loses this article's metadata in the evaluation.
    }
    if (front.draft === true) continue;
    const body = match ? source.slice(match[0].length) : source;
    const headingLines = [...body.matchAll(/^(#{1,3})\s+(.+)$/gm)];
    const h1 = headingLines.find((line) => line[1] === '#')?.[2];
    const title = typeof front.title === 'string' ? front.title : (h1 ?? path.basename(relative, '.md'));
    const text = stripMarkdown(body);
    articles.push({
      // Numeric ids (Zendesk exports: `id: 360016495559`) are read by YAML as numbers.
      id: typeof front.id === 'string' || typeof front.id === 'number' ? String(front.id) : relative.replace(/\.md$/, ''),
      title: stripMarkdown(title),
      aliases: list(front.aliases),
      tags: list(front.tags),
      headings: headingLines.filter((line) => line[1] !== '#').map((line) => stripMarkdown(line[2] ?? '')),
      description: typeof front.description === 'string' ? front.description : '',
      body: text,
      category: typeof front.category === 'string' ? front.category : (relative.split('/')[0] ?? ''),
      summary: text.slice(0, 300),
    });
  }
  return articles;
}
