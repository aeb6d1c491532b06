/**
 * sw.js — Tier0's service worker. Built by scripts/build/build-sw.ts as an IIFE; workbox-build's
 * injectManifest replaces `self.__WB_MANIFEST` with every file of dist/ (loader, chunks, the whole
 * KB bundle) and their revisions, so the widget opens, searches and reads offline.
 *
 * Two set-ups (scripts/offline-README-section.md):
 *  - standalone: registered by the widget as `sw.js` beside the loader;
 *  - imported: `importScripts('/tier0/sw.js')` inside the site's own worker. Then the site owns
 *    the worker's life cycle, so Tier0 never calls skipWaiting()/clients.claim() for it.
 *
 * What it answers (pure rules in widget/core/offline/sw-routes.ts): only URLs under Tier0's own
 * folder, never a navigation, so host pages and API calls are never cached even when the worker's
 * scope covers the whole site; plus same-origin ticket POSTs the page marks with `X-Tier0-Ticket`,
 * which go to the network as usual and are also queued for background sync when they fail.
 *
 * Safe updates:
 *  - Precaching is atomic: a new worker's install fetches every file before it activates; if any
 *    fetch fails the install fails, and the old worker keeps serving its own, complete cache.
 *  - `kb/manifest.json` is network-first (3 s timeout) so a KB rebuilt without a new worker is
 *    picked up on the next visit; a fetched manifest only becomes the offline fallback once its
 *    index and every file it names are cached (widget/core/offline/manifest-adoption.ts).
 *  - Standalone, a new worker takes over at once (skipWaiting + clients.claim) so fixes reach
 *    users on their next page load instead of after every tab is closed. A mid-session switch
 *    cannot mix an old index with new bodies: the panel keeps the index it loaded in memory and
 *    asks for bodies by content-hashed name, so it gets exactly the bodies that index was built
 *    with, never a newer body under an old name. The hashed files of the previous build (its
 *    chunks, index and bodies, which the server has usually deleted) stay cached for one more
 *    generation, so a page still running that build keeps working; the page's warm-up memory
 *    (widget/services/warm-up.ts) holds its bodies too.
 */
import { cacheNames, clientsClaim, setCacheNameDetails } from 'workbox-core';
import { getCacheKeyForURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { Queue } from 'workbox-background-sync';
import { routeFor, tier0Base, TICKET_HEADER, type RouteKind } from './core/offline/sw-routes.ts';
import { classifyReplay, isDue } from './core/offline/ticket-replay.ts';
import { adoptionStep, manifestFiles } from './core/offline/manifest-adoption.ts';
import type { KbManifest } from './core/kb-format.ts';

/** The few service-worker globals used here (the project's TS lib is DOM, not WebWorker). */
interface ExtendableEvt extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwGlobal {
  location: Location;
  registration: ServiceWorkerRegistration;
  clients: { matchAll(o: { type: 'window'; includeUncontrolled: boolean }): Promise<Array<{ postMessage(m: unknown): void }>> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvt) => void): void;
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
  /** Set by a host worker before importScripts() when the stack trace cannot name this file. */
  TIER0_SW_URL?: string;
}
interface QueueEntry {
  request: Request;
  timestamp?: number;
  metadata?: object;
}
interface TicketMeta {
  key: string;
  notBefore?: number;
}

const MANIFEST_TIMEOUT_SECONDS = 3;
const ADOPT_CONCURRENCY = 4;

const sw = self as unknown as SwGlobal;

/**
 * This file's own URL. `self.location` is the worker's main script, which is this file when
 * standalone but the site's worker when imported; a script cannot ask which file it was loaded
 * from, but every engine names it in the stack trace of an error created during evaluation.
 */
function ownUrl(): { url: string; imported: boolean } {
  const main = sw.location.href.split('#')[0] ?? sw.location.href;
  if (typeof sw.TIER0_SW_URL === 'string') {
    const url = new URL(sw.TIER0_SW_URL, main).href;
    return { url, imported: url !== main };
  }
  const match = /(https?:\/\/[^\s()'"@]+?):\d+:\d+/.exec(new Error('locate').stack ?? '');
  // Unreadable stack: behave as imported (no skipWaiting/claim), the harmless assumption.
  if (!match?.[1]) return { url: main, imported: true };
  return { url: match[1], imported: match[1] !== main };
}

const me = ownUrl();
const base = tier0Base(me.url);
const names = {
  manifest: `tier0-kb-manifest-${base}`,
  immutable: `tier0-immutable-${base}`,
  /** Hashed files of the build before this worker's, for pages still running that build. */
  previous: `tier0-previous-${base}`,
};

// Our own cache names: a host worker importing us may run its own Workbox precache, whose
// activate step deletes every entry it does not know from *its* cache.
setCacheNameDetails({ prefix: 'tier0', suffix: base });

const routeOf = (request: Request): RouteKind =>
  routeFor(
    { url: request.url, method: request.method, mode: request.mode, ticketHeader: request.headers.has(TICKET_HEADER) },
    { base },
  );

// --- KB manifest: network-first, adopted into the offline cache only when complete -------------

let adopting: Promise<void> | undefined;

const cachedManifestVersion = async (url: string): Promise<string | null> => {
  const res = (await caches.match(url, { cacheName: names.manifest })) ?? (await matchPrecache(url));
  if (!res) return null;
  try {
    const json = (await res.json()) as { version?: unknown };
    return typeof json.version === 'string' ? json.version : null;
  } catch {
    return null; // a corrupt cached manifest: any readable fetched one replaces it
  }
};

/** Fetches what a new manifest names, then stores it as the offline fallback and tells the pages. */
const adopt = async (response: Response, url: string): Promise<void> => {
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return; // not JSON (a captive portal's page): keep the cached manifest
  }
  const immutable = await caches.open(names.immutable);
  const cachedKeys = new Set((await immutable.keys()).map((r) => r.url));
  const isCached = (u: string): boolean => cachedKeys.has(u) || getCacheKeyForURL(u) !== undefined;
  const current = await cachedManifestVersion(url);
  let step = adoptionStep(json, url, current, isCached);
  if (step.kind === 'fetch') {
    const queue = [...step.missing];
    let failed = false;
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next && !failed; next = queue.shift()) {
        try {
          const res = await fetch(next, { credentials: 'same-origin' });
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          await immutable.put(next, res);
          cachedKeys.add(next);
        } catch {
          failed = true; // incomplete: the old manifest stays the offline fallback
        }
      }
    };
    await Promise.all(Array.from({ length: ADOPT_CONCURRENCY }, worker));
    if (failed) return;
    step = adoptionStep(json, url, current, isCached);
  }
  if (step.kind !== 'adopt') return;
  const manifests = await caches.open(names.manifest);
  await manifests.put(url, new Response(JSON.stringify(json), { headers: { 'Content-Type': 'application/json' } }));
  // Runtime copies of earlier KB versions are no longer anyone's offline fallback.
  const keep = new Set(manifestFiles(json as KbManifest, url));
  const folder = new URL('./', url).href;
  for (const request of await immutable.keys()) {
    if (request.url.startsWith(folder) && !keep.has(request.url)) await immutable.delete(request);
  }
  for (const client of await sw.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    client.postMessage({ type: 'tier0:kb-updated', version: step.version });
  }
};

registerRoute(
  ({ request }) => routeOf(request) === 'manifest',
  new NetworkFirst({
    cacheName: names.manifest,
    networkTimeoutSeconds: MANIFEST_TIMEOUT_SECONDS,
    plugins: [
      {
        // Adoption decides what is cached, never the strategy itself.
        cacheWillUpdate: async () => null,
        fetchDidSucceed: async ({ request, response, event }) => {
          const type = response.headers.get('Content-Type') ?? '';
          // An error page or a captive portal's login page is not a manifest: throwing makes
          // NetworkFirst fall back to the cached one. (Not "must be JSON": some servers send
          // .json as text/plain, and the page must still see a new KB then.)
          if (!response.ok || /html/i.test(type)) throw new Error(`tier0: unusable manifest response ${response.status}`);
          const url = request.url.split('#')[0] ?? request.url;
          adopting ??= adopt(response.clone(), url).finally(() => { adopting = undefined; });
          (event as unknown as ExtendableEvt).waitUntil(adopting);
          return response;
        },
        // Nothing adopted at runtime yet: the manifest precached with this worker.
        handlerDidError: async ({ request }) => (await matchPrecache(request.url)) ?? Response.error(),
      },
    ],
  }),
);

// --- Precache: loader, chunks and the whole KB, revisioned at build time -----------------------

// Entries are relative to dist/; resolve them against Tier0's folder, not the main script's
// (they differ when imported). Only dist/ files are listed, so this route is Tier0-only too.
const entries = (self as unknown as SwGlobal).__WB_MANIFEST.map((e) => ({ ...e, url: new URL(e.url, base).href }));

// Before this worker's activation deletes the previous build's precache entries, keep its hashed
// files (chunks, KB index and bodies) one generation longer: a page still running that build
// may import a chunk or open a body by its old name, and the server no longer has it.
sw.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await caches.delete(names.previous);
    const listed = new Set(entries.map((e) => e.url));
    const previous = await caches.open(names.previous);
    for (const name of [cacheNames.precache, names.immutable]) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        // Hashed entries are precached under their plain URL (revisioned ones carry a query).
        if (listed.has(request.url) || routeOf(new Request(request.url)) !== 'immutable') continue;
        const response = await cache.match(request);
        if (response) await previous.put(request.url, response);
      }
    }
  })());
});

// No directory index or clean URLs: those map folder/page URLs, which are not Tier0's to serve.
precacheAndRoute(entries, { directoryIndex: '', cleanURLs: false });

// Content-hashed files not in this worker's precache (a KB rebuilt after it was installed, or
// the previous build's): a hashed name never changes content, so cache-first is always correct.
registerRoute(
  ({ request }) => routeOf(request) === 'immutable',
  new CacheFirst({
    cacheName: names.immutable,
    plugins: [{ cachedResponseWillBeUsed: async ({ request, cachedResponse }) => cachedResponse ?? caches.match(request.url, { cacheName: names.previous }) }],
  }),
);

// --- Ticket background sync, in addition to the page's own outbox ------------------------------

const keyOf = (entry: QueueEntry): string | undefined => (entry.metadata as TicketMeta | undefined)?.key;

const replay = async ({ queue }: { queue: Queue }): Promise<void> => {
  const keep: QueueEntry[] = [];
  for (let entry = await queue.shiftRequest(); entry; entry = await queue.shiftRequest()) {
    const meta = entry.metadata as TicketMeta | undefined;
    if (!isDue(meta?.notBefore, Date.now())) {
      keep.push(entry); // the endpoint asked for a pause (Retry-After)
      continue;
    }
    let res: Response | null = null;
    try {
      res = await fetch(entry.request.clone());
    } catch {
      res = null; // still offline
    }
    const outcome = classifyReplay(res?.status ?? null, res?.headers.get('Retry-After') ?? null, Date.now());
    // A 4xx is dropped here: the page outbox got the same answer and shows it to the user.
    if (outcome.kind === 'retry') keep.push({ ...entry, metadata: { ...meta, notBefore: outcome.notBefore } });
  }
  for (const entry of keep) await queue.pushRequest(entry);
  // Throwing tells the browser to fire the sync again later. Without sync events (replay at
  // start-up) there is nobody to tell, and the next start-up retries anyway.
  if (keep.length && 'sync' in sw.registration) throw new Error(`tier0: ${keep.length} ticket(s) still queued`);
};

const tickets = new Queue('tier0-tickets', { onSync: replay, maxRetentionTime: 7 * 24 * 60 });

/** Queues a failed ticket once per Idempotency-Key (the page retries the same ticket too). */
const enqueue = async (request: Request, key: string, notBefore: number): Promise<void> => {
  if ((await tickets.getAll()).some((e) => keyOf(e) === key)) return;
  await tickets.pushRequest({ request, metadata: { key, notBefore } satisfies TicketMeta });
};

/** Drops queued copies of a ticket the page has just delivered itself. */
const forget = async (key: string): Promise<void> => {
  const all = await tickets.getAll();
  if (!all.some((e) => keyOf(e) === key)) return;
  const others: QueueEntry[] = [];
  for (let entry = await tickets.shiftRequest(); entry; entry = await tickets.shiftRequest()) {
    if (keyOf(entry) !== key) others.push(entry);
  }
  for (const entry of others) await tickets.pushRequest(entry);
};

registerRoute(
  ({ request }) => routeOf(request) === 'ticket',
  async ({ request, event }) => {
    const key = request.headers.get('Idempotency-Key');
    const copy = request.clone();
    let res: Response | null = null;
    try {
      res = await fetch(request);
    } catch {
      res = null;
    }
    // Without a key a replay could not be deduplicated by the endpoint: never queue it.
    if (key) {
      const outcome = classifyReplay(res?.status ?? null, res?.headers.get('Retry-After') ?? null, Date.now());
      const work = outcome.kind === 'retry' ? enqueue(copy, key, outcome.notBefore) : forget(key);
      (event as unknown as ExtendableEvt).waitUntil(work);
    }
    // The page outbox sees exactly what the network said and keeps its own retry schedule.
    return res ?? Response.error();
  },
  'POST',
);

// --- Life cycle --------------------------------------------------------------------------------

if (!me.imported) {
  sw.addEventListener('install', () => { void sw.skipWaiting(); });
  clientsClaim();
}

sw.addEventListener('activate', (event) => {
  // This worker's precache holds the newest complete KB as of its deploy; what the previous
  // worker adopted at runtime is at most as new, so the offline fallback starts again from the
  // precache (and runtime copies stop taking space).
  event.waitUntil(Promise.all([caches.delete(names.manifest), caches.delete(names.immutable)]));
});
