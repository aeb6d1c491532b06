/**
 * Where the ranking evaluation's public knowledge bases are found: ../shared/eval-kb/ beside the
 * repository, and the trimmed ones committed under scripts/bench/eval/corpora/.
 */
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

/** Corpora committed with the evaluation (trimmed public KBs, each with its SOURCE.md). */
const bundledRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpora');

/** The public knowledge bases the evaluation measures ranking on, each with its query sets. */
export const EVAL_CORPORA: readonly string[] = ['gsa-tts-handbook', 'microsoft-officedocs-support', 'microsoft-supportarticles-windows', 'arduino-help-center', 'nesi-support-docs', 'ivpn-help', 'ente-help'];

/** A corpus's folder: the committed copy if there is one, else the one under evalKbRoot(). */
export function evalCorpusDir(name: string): string {
  const bundled = path.join(bundledRoot, name);
  return existsSync(bundled) ? bundled : path.join(evalKbRoot(), name);
}
