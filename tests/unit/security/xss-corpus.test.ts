import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../scripts/kb/front-matter.ts';
import { DEFAULT_CORPUS_DIR, DEFAULT_VECTORS_FILE, corpusFiles, loadVectors, ownVectors } from '../../../scripts/dev/xss-corpus.ts';

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map(async (entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  }));
  return nested.flat().sort();
}

describe('xss corpus', () => {
  it('has one article per DOMPurify case and per own vector, with unique ids', async () => {
    const cases = JSON.parse(await readFile(DEFAULT_VECTORS_FILE, 'utf8')) as unknown[];
    const vectors = await loadVectors();
    expect(cases.length).toBe(141);
    expect(vectors).toHaveLength(cases.length + ownVectors().length);
    expect(new Set(vectors.map((v) => v.id)).size).toBe(vectors.length);
  });

  it('keeps every payload byte for byte in the article body and front matter', async () => {
    const vectors = await loadVectors();
    for (const [i, file] of corpusFiles(vectors).entries()) {
      const vector = vectors[i]!;
      const { data, body, issues } = readFrontMatter(file.text);
      expect(issues, vector.id).toEqual([]);
      expect(body, vector.id).toContain(vector.payload);
      if (vector.id.startsWith('dompurify/')) expect(data.description, vector.id).toBe(vector.payload.trim());
    }
  });

  it('puts HTML into front matter titles, descriptions, tags, aliases and categories', async () => {
    const vectors = await loadVectors();
    const byId = new Map(corpusFiles(vectors).map((file) => [file.path, readFrontMatter(file.text).data]));
    const title = byId.get('tier0/front-matter-title.md')!;
    expect(title.title).toBe('<img src=x onerror=alert(1)> title');
    expect(title.description).toMatch(/^<script>alert\(1\)<\/script>/);
    expect(title.tags).toContain('<svg onload=alert(1)>');
    expect(title.aliases).toContain('<a href="javascript:alert(1)">alias</a>');
    expect(byId.get('tier0/front-matter-category.md')!.category).toBe('<img src=x onerror=alert(1)>');
  });

  it('covers every disguise of script URLs and every dangerous element the brief names', () => {
    const all = ownVectors().map((v) => v.body).join('\n');
    const required = [
      '](javascript:', '](JaVaScRiPt:', 'java&#x09;script:', 'java\tscript:', 'java\nscript:', '%6Aavascript:',
      'javascript%3A', '&#106;avascript:', 'javascript&colon;', 'data:text/html', '<iframe srcdoc=', '<base href=',
      '<meta http-equiv="refresh"', '<form action=', '<svg><script>', '<math>', '<noscript>', '<template>', 'onerror=',
      'onload=', '<object', '<embed', '<javascript:', ':::flow',
    ];
    for (const needle of required) expect(all, needle).toContain(needle);
  });

  it('is committed exactly as scripts/dev/xss-corpus.ts generates it', async () => {
    const expected = corpusFiles(await loadVectors());
    const committed = await listFiles(DEFAULT_CORPUS_DIR);
    expect(committed).toEqual(expected.map((f) => f.path).sort());
    for (const file of expected) {
      expect(await readFile(path.join(DEFAULT_CORPUS_DIR, file.path), 'utf8'), file.path).toBe(file.text);
    }
  });
});
