/**
 * Which strategy the Tier0 service worker applies to a request, as a pure decision.
 *
 * The worker may be registered with a scope wider than Tier0's folder (or imported into the site's
 * own worker), so it sees every request of the host page: its pages, its API calls, its assets.
 * It must never answer those — caching a host page or an API response would serve stale or
 * private data that the site owner never chose to cache. So every cached route is confined to
 * Tier0's own folder (where `tier0.js`, `chunks/`, `kb/` and `sw.js` are deployed), navigations
 * are never handled, and the one exception is a same-origin ticket POST the page marked with the
 * `X-Tier0-Ticket` header (background sync), which still goes to the network as sent.
 */

/** Marks a ticket POST for the worker (set by the page on same-origin endpoints only). */
export const TICKET_HEADER = 'X-Tier0-Ticket';

export type RouteKind =
  /** KB `manifest.json`: network-first with a short timeout, cached copy as fallback. */
  | 'manifest'
  /** A content-hashed file (KB index, article bodies, media, lazy chunks): cache-first, immutable. */
  | 'immutable'
  /** Another file of Tier0's folder (loader, demo page…): only served when precached. */
  | 'precache'
  /** A marked same-origin ticket POST: network, queued for background sync on failure. */
  | 'ticket'
  /** Not Tier0's: the worker does not call respondWith, the browser handles it as usual. */
  | 'pass';

export interface RouteRequest {
  url: string;
  method: string;
  /** `Request.mode`; `navigate` for page loads. */
  mode: string;
  /**
   * The request carries `X-Tier0-Ticket`. A header rather than a list of endpoints sent by
   * postMessage: a worker restarted by the POST itself would not have read a stored list yet.
   */
  ticketHeader: boolean;
}

export interface RouteContext {
  /** Tier0's folder, absolute, ending in `/` (the folder of the deployed `sw.js`). */
  base: string;
}

/**
 * Paths (relative to Tier0's folder) whose names carry a content hash, per kb-format.ts and the
 * widget build: `<kb>/index.<hash>.json`, `<kb>/articles/<hash>.json`, `<kb>/media/<name>.<hash>.<ext>`,
 * and every file in `chunks/` (`<name>.<hash>.<ext>`). Matching the known layout rather than
 * "looks like a hash" keeps a file that merely has a long name (and could change in place) out of
 * the never-revalidated cache.
 */
export const IMMUTABLE_PATHS: readonly RegExp[] = [
  /(^|\/)index\.[0-9a-f]{8,}\.json$/,
  /(^|\/)articles\/[0-9a-f]{8,}\.json$/,
  /(^|\/)media\/[^/]+\.[0-9a-f]{8,}\.[a-z0-9]+$/i,
  /^chunks\/[^/]+$/,
];

/** Tier0's folder from the URL of its `sw.js` (absolute, with a trailing slash). */
export function tier0Base(scriptUrl: string): string {
  return new URL('./', scriptUrl).href;
}

/** The path of `url` relative to `base`, or null when it lies outside (other origin or folder). */
export function pathInBase(url: string, base: string): string | null {
  let u: URL;
  let b: URL;
  try {
    u = new URL(url);
    b = new URL(base);
  } catch {
    return null;
  }
  if (u.origin !== b.origin || !u.pathname.startsWith(b.pathname)) return null;
  return u.pathname.slice(b.pathname.length);
}

/** Decides how the Tier0 worker treats a request; anything not Tier0's is `pass`. */
export function routeFor(req: RouteRequest, ctx: RouteContext): RouteKind {
  if (req.method === 'POST') return req.ticketHeader && sameOrigin(req.url, ctx.base) ? 'ticket' : 'pass';
  if (req.method !== 'GET' || req.mode === 'navigate') return 'pass';
  const path = pathInBase(req.url, ctx.base);
  if (path === null || path === '') return 'pass';
  if (path === 'manifest.json' || path.endsWith('/manifest.json')) return 'manifest';
  if (IMMUTABLE_PATHS.some((re) => re.test(path))) return 'immutable';
  return 'precache';
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
