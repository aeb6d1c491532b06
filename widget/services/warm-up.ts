/**
 * Warm-up without a service worker. The moment users most need help is when the network is the
 * problem (VPN down, broken Wi-Fi, captive portal), usually after the page itself loaded fine. So
 * once the host page has loaded and the browser is idle, fetch the KB manifest, the index and
 * every bundle file, a few at a time at low priority, into:
 *  - the HTTP cache: hashed files are served `Cache-Control: public, max-age=31536000, immutable`,
 *    so later requests (images in articles too) are answered without the network;
 *  - an in-memory store of parsed JSON the KB client reuses, which works even where the HTTP
 *    cache would revalidate (the manifest is `no-cache`) or evicted the files.
 * The panel chunk is already imported at idle time by the loader, so a first open works offline.
 * Skipped when the user asked to save data or is on 2g (widget/core/offline/warm-plan.ts).
 */
import { manifestFiles, parseManifest } from '../core/offline/manifest-adoption.ts';
import { shouldWarmUp, type ConnectionInfo } from '../core/offline/warm-plan.ts';
import type { WarmStore } from './warm-store.ts';

export interface WarmUpDeps {
  fetch: typeof fetch;
  store: WarmStore;
  /** `navigator.connection`, where the browser has it. */
  connection?: ConnectionInfo | undefined;
  /** Files fetched at once. Default 3: enough to finish quickly, few enough not to crowd the page. */
  concurrency?: number;
  /** Stops starting new fetches (e.g. on `Tier0.destroy()`). */
  signal?: AbortSignal;
}

export type WarmUpResult =
  | { kind: 'skipped'; reason: 'save-data' | 'aborted' }
  | { kind: 'failed'; error: string }
  | { kind: 'done'; version: string; fetched: number; failed: number };

/** `fetch` init for background requests: low priority where supported, never blocking the page. */
const lowPriority = (signal: AbortSignal | undefined, extra?: RequestInit): RequestInit =>
  ({ ...extra, priority: 'low', credentials: 'same-origin', ...(signal ? { signal } : {}) }) as RequestInit;

/** Fetches the manifest, then every file it names, `concurrency` at a time. Never throws. */
export async function warmUp(kbBase: string, deps: WarmUpDeps): Promise<WarmUpResult> {
  if (!shouldWarmUp(deps.connection)) return { kind: 'skipped', reason: 'save-data' };
  const manifestUrl = new URL('manifest.json', kbBase).href;
  let json: unknown;
  try {
    const res = await deps.fetch(manifestUrl, lowPriority(deps.signal, { cache: 'no-cache' }));
    if (!res.ok) return { kind: 'failed', error: `HTTP ${res.status} for ${manifestUrl}` };
    json = await res.json();
  } catch (error) {
    if (deps.signal?.aborted) return { kind: 'skipped', reason: 'aborted' };
    return { kind: 'failed', error: String(error) };
  }
  const parsed = parseManifest(json);
  if (!parsed.ok) return { kind: 'failed', error: `${manifestUrl}: ${parsed.reason}` };
  deps.store.set(manifestUrl, json);

  const queue = manifestFiles(parsed.manifest, manifestUrl).filter((url) => deps.store.get(url) === undefined);
  let fetched = 0;
  let failed = 0;
  const worker = async (): Promise<void> => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      if (deps.signal?.aborted) return;
      try {
        const res = await deps.fetch(url, lowPriority(deps.signal));
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        // JSON is kept parsed for the KB client; media only needs to reach the HTTP cache.
        if (/\.json$/i.test(new URL(url).pathname)) deps.store.set(url, await res.json());
        else await res.arrayBuffer();
        fetched += 1;
      } catch {
        failed += 1; // one missing article must not stop the rest; the panel fetches it on demand
      }
    }
  };
  const width = Math.max(1, Math.floor(deps.concurrency ?? 3));
  await Promise.all(Array.from({ length: width }, worker));
  if (deps.signal?.aborted) return { kind: 'skipped', reason: 'aborted' };
  return { kind: 'done', version: parsed.manifest.version, fetched, failed };
}

/** The bits of `window` that scheduling uses (a fake in tests). */
export interface IdleWindow {
  document: { readyState: DocumentReadyState };
  addEventListener(type: 'load', fn: () => void, opts: { once: true }): void;
  removeEventListener(type: 'load', fn: () => void): void;
  requestIdleCallback?: (fn: () => void, opts: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/**
 * Runs `fn` once the page has loaded and the browser is idle (`requestIdleCallback`, else a
 * short timeout), so warm-up never competes with the host page's own loading. Returns a cancel.
 */
export function afterLoadIdle(fn: () => void, win: IdleWindow): () => void {
  let cancelled = false;
  let idleId: number | undefined;
  let timer: unknown;
  const idle = (): void => {
    if (cancelled) return;
    if (win.requestIdleCallback) idleId = win.requestIdleCallback(fn, { timeout: 10_000 });
    else timer = win.setTimeout(fn, 2000);
  };
  if (win.document.readyState === 'complete') idle();
  else win.addEventListener('load', idle, { once: true });
  return () => {
    cancelled = true;
    win.removeEventListener('load', idle);
    if (idleId !== undefined) win.cancelIdleCallback?.(idleId);
    if (timer !== undefined) win.clearTimeout(timer);
  };
}
