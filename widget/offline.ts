/**
 * chunks/offline.<hash>.js — the page side of offline-first, imported by the loader at idle time
 * so none of it weighs on the 6 KB loader. Once the host page has loaded and the browser is idle
 * it registers Tier0's service worker (unless turned off or cross-origin) and warms the whole KB
 * into the HTTP cache and the in-memory store the KB client reads (widget/services/warm-up.ts),
 * and, only without a service worker, the chunks needed later (see warmChunks); it also announces a KB version newer than the one the panel loaded (kb-updates.ts `onKbUpdated`).
 */
import { shouldWarmUp, type ConnectionInfo } from './core/offline/warm-plan.ts';
import { announceKbUpdate, loadedKbVersion, watchKbUpdates } from './services/kb-updates.ts';
import { registerServiceWorker, type SwStatus } from './services/sw-register.ts';
import { afterLoadIdle, warmUp, type WarmUpResult } from './services/warm-up.ts';
import { sharedWarmStore } from './services/warm-store.ts';

/**
 * Offline readiness of chunks the panel imports only later. A service worker that controls the
 * page, or was just registered, precaches every chunk, so then nothing is warmed here (its
 * precache requests also refresh the HTTP cache, which serves pages outside its scope). Without
 * one, a user who went offline after the page loaded would find them missing: the panel imports
 * what reading and guided help need into the module map (`warmPanel`, which works even when the
 * server forbids caching); the ticket form's chunks are only fetched into the HTTP cache at low
 * priority (hashed, immutable), never parsed until someone escalates.
 */
/**
 * The ticket form's chunk files (paths relative to dist/, comma-separated), written into this
 * chunk by scripts/build/build-widget.ts once the chunk graph is known; stays the marker elsewhere.
 */
const TICKET_CHUNKS = '__TIER0_TICKET_CHUNKS__';

/**
 * The ticket chunk URLs to warm for a visitor in `locale` (none when not built by
 * build-widget.ts): the shared files, plus those written `<locale>:<file>` for this locale only.
 */
export function ticketChunkUrls(list: string, base: string, locale: string): string[] {
  return list.split(',').flatMap((entry) => {
    const at = entry.indexOf(':');
    const file = entry.slice(at + 1);
    return file.endsWith('.js') && (at < 0 || entry.slice(0, at) === locale) ? [new URL(`../${file}`, base).href] : [];
  });
}

/** Whether this page must warm later chunks itself: no worker controls it, none was just registered. */
export function needsChunkWarmUp(controlled: boolean, sw: SwStatus['kind']): boolean {
  return !controlled && sw !== 'registered';
}

/** Warms the later chunks when no service worker will serve them (see above). Never throws. */
function warmChunks(signal: AbortSignal, warmPanel: () => void, locale: string): void {
  warmPanel();
  for (const url of ticketChunkUrls(TICKET_CHUNKS, import.meta.url, locale)) {
    fetch(url, { priority: 'low', signal } as RequestInit)
      .then((r) => r.arrayBuffer())
      .catch(() => undefined); // offline or aborted: the ticket slot retries on first use
  }
}

export interface OfflineContext {
  options: { kb: string; serviceWorker: string | false; serviceWorkerScope: string; statusUrl?: string | undefined };
  /** The UI locale the loader resolved: only its ticket texts are warmed (English always is). */
  locale?: string;
  /** Reports a `[tier0] …` problem once to the console. */
  report: (message: string, error?: unknown) => void;
  /** Imports the panel and its lazy chunks (PanelController.warm); failures are retried on use. */
  warmPanel?: () => void;
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
    const connection = (navigator as Navigator & { connection?: ConnectionInfo }).connection;
    void registerServiceWorker(ctx.options, { pageUrl: location.href, container, report: ctx.report }).then((sw) => {
      if (needsChunkWarmUp(!!container?.controller, sw.kind) && !abort.signal.aborted && shouldWarmUp(connection)) warmChunks(abort.signal, ctx.warmPanel ?? (() => {}), ctx.locale ?? 'en');
    });
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
