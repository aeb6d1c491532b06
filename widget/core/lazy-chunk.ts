/**
 * The one lazy-chunk helper: a memoised import() (one request however many callers), forgotten on
 * failure so the next call retries, and reported once as a `[tier0]` line however often it fails.
 */
import { chunkLoadFailed } from './chunk-errors.ts';

/** Wraps `load` (an import() and what it sets up); `what` names the chunk in the report. */
export function lazyChunk<T>(load: () => Promise<T>, what: string, report: (message: string, error?: unknown) => void): () => Promise<T> {
  let pending: Promise<T> | undefined;
  let reported = false;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      if (!reported) report(chunkLoadFailed(what), error);
      reported = true;
      throw error;
    }));
}
