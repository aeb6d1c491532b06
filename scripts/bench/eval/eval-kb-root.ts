/** Where the real public knowledge bases (../shared/eval-kb/ beside the repository) are found. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * `$TIER0_EVAL_KB`, else `../shared/eval-kb` beside the repository, else `/work/shared/eval-kb`
 * (CI runs from a fresh clone in a temp folder, away from `../shared`).
 */
export function evalKbRoot(): string {
  if (process.env.TIER0_EVAL_KB) return path.resolve(process.env.TIER0_EVAL_KB);
  const candidates = [path.resolve(repoRoot, '../shared/eval-kb'), '/work/shared/eval-kb'];
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0]!;
}
