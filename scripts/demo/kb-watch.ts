/**
 * `npm start` watches kb-content/: an author's save recompiles the KB into dist/kb/ and
 * refreshes the service worker's precache list, so the next search in an open widget picks up
 * the new manifest (the widget then says "Help content was updated"). Saves arrive in bursts
 * (editors write a temp file, then rename), so a rebuild waits for a quiet moment, and one
 * rebuild at a time runs; a save during a rebuild schedules exactly one more.
 */
import { watch } from 'node:fs';
import path from 'node:path';

export interface KbWatchOptions {
  contentDir: string;
  distDir: string;
  kbOut: string;
  /** Quiet time before a rebuild, ms. Default 300. */
  debounceMs?: number;
  /** Told after each rebuild (tests). */
  onRebuilt?: (result: { ok: boolean; articles: number }) => void;
  log?: (line: string) => void;
}

/** Starts watching; returns the function that stops it. */
export function watchKb(options: KbWatchOptions): () => void {
  const log = options.log ?? ((line: string) => console.log(line));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let pending = false;

  async function rebuild(): Promise<void> {
    const { compileKb } = await import('../kb/compile.ts');
    const kb = await compileKb({ contentDir: options.contentDir, outDir: options.kbOut });
    for (const d of kb.diagnostics) log(`${d.file}:${d.line}: ${d.severity}: ${d.message}`);
    if (kb.ok) {
      const { buildServiceWorker } = await import('../build/build-sw.ts');
      await buildServiceWorker({ distDir: options.distDir, kbDir: path.relative(options.distDir, options.kbOut) });
      log(`tier0: KB rebuilt — ${kb.stats.articles} articles`);
    } else log('tier0: the KB has errors (above); the demo keeps serving the last good build');
    options.onRebuilt?.({ ok: kb.ok, articles: kb.stats.articles });
  }

  function run(): void {
    if (running) {
      pending = true;
      return;
    }
    running = rebuild()
      .catch((error: unknown) => log(`tier0: KB rebuild failed: ${String(error)}`))
      .finally(() => {
        running = undefined;
        if (pending) {
          pending = false;
          run();
        }
      });
  }

  const watcher = watch(options.contentDir, { recursive: true }, () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, options.debounceMs ?? 300);
  });
  return () => {
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}
