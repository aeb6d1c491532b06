/**
 * Byte budget of the loader on the built dist/ (gzip level 9, as served): tier0.js ≤ 6 KB and
 * carries no Preact. The session budget (all JS a full session downloads) is measured the way the
 * issue defines it, in Chromium: tests/browser/session-budget.test.ts.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = process.env.TIER0_DIST ? path.resolve(process.env.TIER0_DIST) : path.join(ROOT, 'dist');
export const LOADER_BUDGET = 6 * 1024;

beforeAll(() => {
  if (existsSync(path.join(DIST, 'tier0.js'))) return;
  const r = spawnSync('npx', ['tsx', 'scripts/build/build-widget.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('[tier0] building dist/ for the budget test failed');
}, 120_000);

describe('byte budgets (gzip)', () => {
  test('the loader stays within 6 KB and carries no Preact', async () => {
    const code = await readFile(path.join(DIST, 'tier0.js'));
    const size = gzipSync(code, { level: 9 }).length;
    expect(size, `tier0.js is ${size} B gzip`).toBeLessThanOrEqual(LOADER_BUDGET);
    expect(code.toString('utf8')).not.toMatch(/__H|\$\$typeof|preact/);
  });
});
