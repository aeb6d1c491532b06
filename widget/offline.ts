/**
 * chunks/offline.<hash>.js — the page side of offline-first, imported by the loader at idle time
 * so none of it weighs on the 6 KB loader. Once the host page has loaded and the browser is idle
 * it registers Tier0's service worker (unless turned off or cross-origin) and warms the whole KB
 * into the HTTP cache and the in-memory store the KB client reads (widget/services/warm-up.ts);
 * it also announces a KB version newer than the one the panel loaded (kb-updates.ts `onKbUpdated`).
 */
import { shouldWarmUp, type ConnectionInfo } from './core/offline/warm-plan.ts';
import { announceKbUpdate, loadedKbVersion, watchKbUpdates } from './services/kb-updates.ts';
import { registerServiceWorker } from './services/sw-register.ts';
import { afterLoadIdle, warmUp, type WarmUpResult } from './services/warm-up.ts';
import { sharedWarmStore } from './services/warm-store.ts';

/**
 * Chunks the panel imports only later (an article, the ticket form and its strings). Without a
 * service worker they would be fetched on first use, which fails for someone who went offline
 * after the page loaded; importing them at idle puts them in the module map and the HTTP cache.
 * A glob, so a build without one of them still works.
 */
const lazyChunks = import.meta.glob(['./ui/article-view.tsx', './ui/ticket/ticket-view.tsx', './core/i18n/ticket-strings.ts']);

export interface OfflineContext {
  options: { kb: string; serviceWorker: string | false; serviceWorkerScope: string };
  /** Reports a `[tier0] …` problem once to the console. */
  report: (message: string, error?: unknown) => void;
}

export interface OfflineHandle {
  /** Settles when warm-up finished (or was skipped). */
  warmed: Promise<WarmUpResult>;
  /** Stops warm-up and listening (on `Tier0.destroy()`). */
  stop(): void;
}

/** Starts service-worker registration and KB warm-up for one widget instance. */
export function startOffline(ctx: OfflineContext): OfflineHandle {
  const abort = new AbortController();
  const container = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  let settle: (r: WarmUpResult) => void = () => {};
  const warmed = new Promise<WarmUpResult>((resolve) => { settle = resolve; });
  const cancelIdle = afterLoadIdle(() => {
    void registerServiceWorker(ctx.options, { pageUrl: location.href, container, report: ctx.report });
    const connection = (navigator as Navigator & { connection?: ConnectionInfo }).connection;
    if (shouldWarmUp(connection)) {
      for (const load of Object.values(lazyChunks)) {
        load().catch(() => undefined); // offline already: the panel retries on first use
      }
    }
    void warmUp(ctx.options.kb, { fetch: (...args) => fetch(...args), store: sharedWarmStore, connection, signal: abort.signal }).then(settle);
  }, window);
  // The worker adopted a newer KB than the panel loaded: the panel's onKbUpdated() hears it.
  const stopWatching = watchKbUpdates(container, () => loadedKbVersion(ctx.options.kb), announceKbUpdate);
  return {
    warmed,
    stop() {
      abort.abort();
      cancelIdle();
      stopWatching();
      settle({ kind: 'skipped', reason: 'aborted' });
    },
  };
}
