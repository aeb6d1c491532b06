/**
 * Makes sure the built dist/ exists before real-browser tests (`npm test` builds it first; a
 * direct `npx vitest run tests/browser/…` on a fresh clone builds it here).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST_DIR, REPO_ROOT } from './host-server.ts';

/** Builds the KB and the widget into dist/ when either is missing. */
export function ensureDist(): void {
  const run = (args: string[]): void => {
    const r = spawnSync('npx', args, { cwd: REPO_ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`[tier0] "npx ${args.join(' ')}" failed while preparing dist/ for browser tests`);
  };
  if (!existsSync(path.join(DIST_DIR, 'kb/manifest.json'))) run(['tier0', 'build']);
  if (!existsSync(path.join(DIST_DIR, 'tier0.js'))) run(['tsx', 'scripts/build/build-widget.ts']);
}
