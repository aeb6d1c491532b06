/** Test helpers for the KB compiler: throwaway content folders and console capture. */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, vi } from 'vitest';
import { compileKb, type CompileOptions, type CompileResult } from '../../../scripts/kb/compile.ts';
import type { ArticleBody } from '../../../widget/core/kb-format.ts';

const created: string[] = [];

afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder, removed after the test. */
export function makeTempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tier0-kb-'));
  created.push(dir);
  return dir;
}

/** Writes a content folder from `relative path → text` (Uint8Array for binary files). */
export function makeKb(files: Record<string, string | Uint8Array>): string {
  const dir = makeTempDir();
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** Compiles `files` as a content folder; `outDir: null` checks, otherwise builds to a temp folder. */
export async function compileFiles(
  files: Record<string, string | Uint8Array>,
  options: Partial<CompileOptions> = {},
): Promise<CompileResult & { contentDir: string; outDir: string | null }> {
  const contentDir = makeKb(files);
  const outDir = options.outDir === null ? null : (options.outDir ?? path.join(makeTempDir(), 'kb'));
  const result = await compileKb({ ...options, contentDir, outDir });
  return { ...result, contentDir, outDir };
}

/** Diagnostics as printed (`path:line: message`), with the content folder cut from paths. */
export function printed(result: CompileResult, contentDir: string): string[] {
  return result.diagnostics.map(
    (d) => `${path.relative(contentDir, d.file).split(path.sep).join('/')}:${d.line}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`,
  );
}

/** Captures console.log / console.error output while `run` runs. */
export async function captureConsole<T>(run: () => Promise<T>): Promise<{ value: T; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(args.join(' ')));
  try {
    return { value: await run(), out, err };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** A 1×1 PNG. */
export const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64'),
);

/** The compiled body of article `id` from a build written to `outDir`. */
export function readBody(result: CompileResult, outDir: string | null, id: string): ArticleBody {
  const meta = result.index.articles.find((article) => article.id === id);
  if (!meta || !outDir) throw new Error(`no built article "${id}"`);
  return JSON.parse(readFileSync(path.join(outDir, meta.body), 'utf8')) as ArticleBody;
}
