/**
 * The KB compiler: turns a content folder of markdown articles into a KB bundle (kb-format.ts).
 * Two passes: first every file is read once and its front matter parsed (so every article id
 * is known), then each article is rendered with links checked against that map in O(1).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { KB_SCHEMA_VERSION, type ArticleMeta, type KbCategory, type KbIndex, type KbManifest } from '../../widget/core/kb-format.ts';
import type { IndexableArticle } from '../../widget/core/search/search-types.ts';
import { markSectionRoles } from './section-roles.ts';
import type { SectionFacts } from './sections.ts';
import { buildSearchIndex } from '../../widget/core/search/build-index.ts';
import { categoryOf, compileArticle, idFromPath, preprocessMarkdown, type ArticleSource } from './article.ts';
import { writeBundle } from './bundle-writer.ts';
import { CATEGORIES_FILE, isArticlePath, listMarkdownFiles, SYNONYMS_FILE } from './content-scan.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { readFrontMatter } from './front-matter.ts';
import { shortHash } from './hash.ts';
import { createMarkdown } from './markdown.ts';
import { createMediaStore } from './media.ts';
import { mapLimit } from './pool.ts';
import { readCategories, readSynonyms, type CategorySetting } from './settings-files.ts';
import { createArticleSanitizer } from './sanitize-html.ts';
import { createUrlIndex } from './url-index.ts';

export type { Diagnostic } from './diagnostics.ts';

export interface CompileOptions {
  /** Content folder, as the user gave it (diagnostics print paths under it). */
  contentDir: string;
  /** Bundle folder to write (default dist/kb); null validates without writing (tier0 check). */
  outDir?: string | null;
  /** Warnings count as errors (tier0 build --strict). */
  strict?: boolean;
}

export interface CompileResult {
  manifest: KbManifest;
  index: KbIndex;
  /** Sorted by file and line. */
  diagnostics: Diagnostic[];
  /** No errors: the bundle was written (unless outDir is null). */
  ok: boolean;
  stats: { articles: number; bytes: number; gzipBytes: number; ms: number };
}

const gzipAsync = promisify(gzip);

/** Default bundle folder of `tier0 build`. */
export const DEFAULT_OUT_DIR = 'dist/kb';

/** Compiles a content folder; writes the bundle unless outDir is null or there are errors. */
export async function compileKb(options: CompileOptions): Promise<CompileResult> {
  const started = performance.now();
  const writing = options.outDir !== null;
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const root = path.resolve(options.contentDir);
  const diagnostics: Diagnostic[] = [];
  const report = (diagnostic: Diagnostic): void => {
    diagnostics.push(diagnostic);
  };
  const relativeOf = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const displayPath = (file: string): string => path.join(options.contentDir, relativeOf(file)).split(path.sep).join('/');

  const relatives = await listMarkdownFiles(root);
  const texts = new Map<string, string>();
  await mapLimit(relatives, 64, async (relative) => {
    texts.set(relative, await readFile(path.join(root, relative), 'utf8'));
  });

  const { sources, idByFile, drafts } = collectArticles(root, relatives, texts, displayPath, report);

  // Pass 2: render.
  const media = createMediaStore(writing);
  const includes = new Map<string, string | undefined>();
  const urls = createUrlIndex(sources);
  const filesByLowerCase = lowerCaseIndex(idByFile);
  const markdown = createMarkdown({
    articleAt: (file) => idByFile.get(file) ?? (drafts.has(file) ? 'draft' : filesByLowerCase.get(file.toLowerCase())),
    articleForUrl: urls.lookup,
    imageAt: media.urlFor,
    includeAt: (file) => {
      // Only markdown inside the content folder: an include must not pull /etc/passwd or the
      // site's source into a bundle that is published to every visitor.
      if (!isInside(root, file) || !/\.md$/i.test(file)) return undefined;
      if (!includes.has(file)) includes.set(file, readInclude(file, texts.get(relativeOf(file))));
      return includes.get(file);
    },
    displayPath,
    report,
  });
  const sanitizer = createArticleSanitizer();
  const compiled = sources.map((source) => {
    try {
      const article = compileArticle(source, markdown, report);
      // The bundle holds only clean HTML; what was removed is reported to the author.
      return { ...article, body: sanitizer.sanitizeBody(article.body, source.body, source.display, report) };
    } catch (error) {
      // A bug or a pathological input must not take the whole build down without a location.
      report({ file: source.display, line: 1, message: `could not compile: ${(error as Error).message}`, severity: 'error' });
      return undefined;
    }
  });

  const synonyms = readSettings(root, SYNONYMS_FILE, displayPath, report, (text) => {
    const { groups, issues } = readSynonyms(text);
    return { value: groups, issues };
  }) ?? [];
  const categorySettings = readSettings(root, CATEGORIES_FILE, displayPath, report, (text) => {
    const { categories, issues } = readCategories(text);
    return { value: categories, issues };
  }) ?? new Map<string, CategorySetting>();

  const finalDiagnostics = sortDiagnostics(
    dedupe(options.strict ? diagnostics.map((d) => ({ ...d, severity: 'error' as const })) : diagnostics),
  );
  const ok = !finalDiagnostics.some((d) => d.severity === 'error');

  const files = new Map<string, string | Uint8Array>();
  const compiledMetas: ArticleMeta[] = [];
  const indexables: IndexableArticle[] = [];
  const facts = new Map<string, SectionFacts[]>();
  for (const article of compiled) {
    if (!article) continue;
    const json = JSON.stringify(article.body);
    const name = `articles/${shortHash(json)}.json`;
    files.set(name, json);
    compiledMetas.push({ ...article.meta, body: name });
    indexables.push(article.indexable);
    facts.set(article.meta.id, article.facts);
  }
  compiledMetas.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Which headings open articles is only known once every article is compiled.
  const metas = markSectionRoles(compiledMetas, facts);
  for (const [name, bytes] of media.files) files.set(name, bytes);

  const search = writing && ok ? buildSearchIndex(indexables, { synonyms }) : null;
  const contentNames = [...files.keys()].sort();
  // The index is the biggest file: serialise it once and splice the version in front.
  const indexBody = JSON.stringify({ articles: metas, search });
  const version = shortHash(`${indexBody}\n${contentNames.join('\n')}`);
  const index: KbIndex = { schema: KB_SCHEMA_VERSION, version, articles: metas, search };
  const indexJson = `{"schema":${KB_SCHEMA_VERSION},"version":${JSON.stringify(version)},${indexBody.slice(1)}`;
  const indexName = `index.${shortHash(indexJson)}.json`;
  files.set(indexName, indexJson);
  const manifest: KbManifest = {
    schema: KB_SCHEMA_VERSION,
    version,
    builtAt: new Date().toISOString(),
    articleCount: metas.length,
    index: indexName,
    categories: categoriesOf(metas, categorySettings),
    files: [indexName, ...contentNames],
  };
  const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;

  let bytes = 0;
  let gzipBytes = 0;
  if (writing && ok) {
    await writeBundle(outDir, files, manifestJson);
    // Images are already compressed: their gzip size is their size. zlib's thread pool
    // compresses the text files in parallel with each other.
    const sizes = await mapLimit([...files.values(), manifestJson], 8, async (content) => {
      const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
      return [size, typeof content === 'string' ? (await gzipAsync(content)).byteLength : size] as const;
    });
    for (const [size, gzipped] of sizes) {
      bytes += size;
      gzipBytes += gzipped;
    }
  }
  return {
    manifest,
    index,
    diagnostics: finalDiagnostics,
    ok,
    stats: { articles: metas.length, bytes, gzipBytes, ms: Math.round(performance.now() - started) },
  };
}

interface CollectedArticles {
  sources: ArticleSource[];
  /** Absolute path → article id, for link checks. */
  idByFile: Map<string, string>;
  /** Absolute paths of drafts, so a link to one is reported as such. */
  drafts: Set<string>;
}

/** Pass 1: front matter, ids and categories of every article; duplicates are reported and left out. */
function collectArticles(
  root: string,
  relatives: readonly string[],
  texts: ReadonlyMap<string, string>,
  displayPath: (file: string) => string,
  report: (diagnostic: Diagnostic) => void,
): CollectedArticles {
  const sources: ArticleSource[] = [];
  const byId = new Map<string, ArticleSource>();
  const idByFile = new Map<string, string>();
  const drafts = new Set<string>();
  for (const relative of relatives) {
    if (!isArticlePath(relative)) continue;
    const file = path.join(root, relative);
    const display = displayPath(file);
    const { data: front, body, issues } = readFrontMatter(texts.get(relative)!);
    for (const issue of issues) report({ file: display, line: issue.line, message: issue.message, severity: 'error' });
    if (front.draft) {
      drafts.add(file);
      continue;
    }
    const id = front.id ?? idFromPath(relative);
    const first = byId.get(id);
    if (first) {
      report({
        file: display,
        line: front.idLine ?? 1,
        message: `duplicate article id "${id}" (also used by ${first.display}); this article is left out`,
        severity: 'error',
      });
      continue;
    }
    const source: ArticleSource = { file, relative, display, body, front, id, category: categoryOf(relative, front) };
    byId.set(id, source);
    idByFile.set(file, id);
    sources.push(source);
  }
  return { sources, idByFile, drafts };
}

/** True when `file` lies inside the folder `root`. */
function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** An include's markdown (front matter dropped, template and DocFX syntax rewritten). */
function readInclude(file: string, alreadyRead: string | undefined): string | undefined {
  let text = alreadyRead;
  if (text === undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // Missing or unreadable: the renderer reports the include with its line.
      return undefined;
    }
  }
  return preprocessMarkdown(readFrontMatter(text).body);
}

function readSettings<T>(
  root: string,
  name: string,
  displayPath: (file: string) => string,
  report: (diagnostic: Diagnostic) => void,
  parse: (text: string) => { value: T; issues: { line: number; message: string }[] },
): T | undefined {
  const file = path.join(root, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Settings files are optional.
    return undefined;
  }
  const { value, issues } = parse(text);
  for (const issue of issues) report({ file: displayPath(file), line: issue.line, message: issue.message, severity: 'error' });
  return value;
}

/** Case-insensitive fallback for links written on case-insensitive file systems (DocFX on Windows). */
function lowerCaseIndex(idByFile: Map<string, string>): Map<string, string> {
  const index = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const [file, id] of idByFile) {
    const key = file.toLowerCase();
    if (index.has(key)) ambiguous.add(key);
    index.set(key, id);
  }
  for (const key of ambiguous) index.delete(key);
  return index;
}

/** One diagnostic per file, line and message (a broken link in an include shows up once). */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function categoriesOf(articles: ArticleMeta[], settings: Map<string, CategorySetting>): KbCategory[] {
  const counts = new Map<string, number>();
  for (const article of articles) counts.set(article.category, (counts.get(article.category) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => ({ id, title: settings.get(id)?.title || titleCase(id), count, order: settings.get(id)?.order }))
    .sort((a, b) =>
      a.order !== b.order
        ? (a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY)
        : a.title.localeCompare(b.title, 'en'),
    )
    .map(({ id, title, count }) => ({ id, title, count }));
}

/** "user-accounts" → "User Accounts". */
function titleCase(id: string): string {
  return id
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
