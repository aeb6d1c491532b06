/**
 * Byte budgets on the built dist/ (gzip level 9, per file, as served):
 *   - the loader tier0.js ≤ 6 KB;
 *   - all JS of a full English session (loader + panel + every chunk loaded when opening,
 *     searching, reading an article and giving feedback) ≤ 45 KB. KB data is excluded.
 * The session set is computed from the panel build's Vite manifest (the chunk graph): every
 * chunk reachable from the panel entry and the offline entry, except lazy entries an English
 * session without escalation never needs (the ticket form and its strings, the other locales).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Manifest } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = process.env.TIER0_DIST ? path.resolve(process.env.TIER0_DIST) : path.join(ROOT, 'dist');
const MANIFEST = path.join(DIST, '.vite/panel-manifest.json');
const PANEL_ENTRY = 'widget/panel.tsx';
const KB = 1024;
export const LOADER_BUDGET = 6 * KB;
export const SESSION_BUDGET = 45 * KB;

/** Lazy entries a full session (open, search, article, feedback) in English does not load. */
const NOT_IN_SESSION = [/^widget\/ui\/ticket\//, /^widget\/core\/i18n\/ticket-strings\.ts$/, /^widget\/core\/i18n\/locales\//];

const gz = async (file: string): Promise<number> => gzipSync(await readFile(path.join(DIST, file)), { level: 9 }).length;

/** Files of the session: the panel entry and everything it imports, statically or lazily. */
export function sessionFiles(manifest: Manifest): string[] {
  const files = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k);
    for (const k of chunk.dynamicImports ?? []) if (!NOT_IN_SESSION.some((re) => re.test(k))) visit(k);
  };
  visit(PANEL_ENTRY);
  // The offline chunk (when built) is started at idle in every session.
  visit('widget/offline.ts');
  return [...files].filter((f) => f.endsWith('.js'));
}

beforeAll(() => {
  if (existsSync(path.join(DIST, 'tier0.js')) && existsSync(MANIFEST)) return;
  const r = spawnSync('npx', ['tsx', 'scripts/build-widget.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('[tier0] building dist/ for the budget test failed');
}, 120_000);

describe('byte budgets (gzip)', () => {
  test('the loader stays within 6 KB and carries no Preact', async () => {
    const size = await gz('tier0.js');
    expect(size, `tier0.js is ${size} B gzip`).toBeLessThanOrEqual(LOADER_BUDGET);
    expect(await readFile(path.join(DIST, 'tier0.js'), 'utf8')).not.toMatch(/__H|\$\$typeof|preact/);
  });

  test('a full session loads at most 45 KB of JS', async () => {
    const manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as Manifest;
    const files = sessionFiles(manifest);
    expect(files).toContain(manifest[PANEL_ENTRY]!.file);
    expect(files.some((f) => f.includes('engine'))).toBe(true);
    expect(files.some((f) => f.includes('article-view'))).toBe(true);
    const sizes = await Promise.all(['tier0.js', ...files].map(async (f) => [f, await gz(f)] as const));
    const total = sizes.reduce((sum, [, n]) => sum + n, 0);
    const detail = sizes.map(([f, n]) => `${f} ${n}`).join(', ');
    expect(total, `session JS is ${total} B gzip: ${detail}`).toBeLessThanOrEqual(SESSION_BUDGET);
  });
});
