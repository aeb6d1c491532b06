/**
 * The optional status banner: known incidents ("Email is down in Paris") shown at the top of the
 * panel, so users do not search or file tickets for a problem IT already knows about.
 *
 * Feed format (parsed in core/status-feed.ts), served as JSON at the `statusUrl` option (same
 * origin, or CORS-enabled):
 *
 *   {
 *     "incidents": [
 *       {
 *         "id": "mail-2026-11-23",          required, stable per incident (dismissal is by id)
 *         "title": "Email is slow",          required, one line
 *         "severity": "minor",               required: "info" | "minor" | "major"
 *         "message": "We are on it.",        optional, plain text (never HTML)
 *         "url": "https://status.example.com/mail",   optional, http(s): "Details" link
 *         "updated": "2026-11-23T09:10:00Z"  optional, ISO 8601
 *       }
 *     ]
 *   }
 *
 * An empty list means all is well (no banner). Malformed entries are skipped and reported once
 * as `[tier0] …`. The feed is fetched when the panel opens and cached in localStorage with its
 * fetch time, so offline users still see it, marked "as of <time>".
 */
import { parseStatusFeed, type Incident } from '../core/status-feed.ts';

export { parseStatusFeed, type Incident, type Severity } from '../core/status-feed.ts';

/** The incidents to show and where they came from. */
export interface StatusSnapshot {
  incidents: Incident[];
  /** When the feed was fetched (epoch ms). */
  fetchedAt: number;
  /** True when the network failed and this is the cached copy: show "as of <time>". */
  fromCache: boolean;
}

export const STATUS_CACHE_KEY = 'tier0:status:v1';
export const STATUS_DISMISSED_KEY = 'tier0:status-dismissed:v1';
// Enough for any realistic run of incidents; keeps the stored list from growing forever.
const MAX_DISMISSED = 50;

export interface StatusFeedDeps {
  /** Absolute URL of the feed. */
  url: string;
  fetch: typeof fetch;
  /** localStorage, or null when unavailable (nothing is cached or remembered then). */
  storage: Storage | null;
  now: () => number;
  /** Receives each `[tier0]` problem once. */
  report: (message: string) => void;
  timeoutMs?: number;
}

export interface StatusFeed {
  /** Fetches the feed; on failure falls back to the cached copy; null when there is neither. */
  load(): Promise<StatusSnapshot | null>;
  /** Hides an incident for good (remembered across reloads). */
  dismiss(id: string): void;
  /** The snapshot's incidents the user has not dismissed. */
  visible(snapshot: StatusSnapshot | null): Incident[];
}

/** Creates the status feed client for one widget instance. */
export function createStatusFeed(deps: StatusFeedDeps): StatusFeed {
  const reported = new Set<string>();
  const report = (message: string): void => {
    if (reported.has(message)) return;
    reported.add(message);
    deps.report(message);
  };
  const read = (key: string): unknown => {
    try {
      const raw = deps.storage?.getItem(key);
      return raw ? (JSON.parse(raw) as unknown) : undefined;
    } catch {
      try { deps.storage?.removeItem(key); } catch { /* storage blocked: nothing to clear */ }
      return undefined; // blocked storage or corrupt JSON: behave as if nothing was stored
    }
  };
  const write = (key: string, value: unknown): void => {
    try {
      deps.storage?.setItem(key, JSON.stringify(value));
    } catch {
      // Full or blocked storage: the banner still shows now, it just won't survive offline.
    }
  };
  const dismissed = (): string[] => {
    const list = read(STATUS_DISMISSED_KEY);
    return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
  };

  const cached = (): StatusSnapshot | null => {
    const entry = read(STATUS_CACHE_KEY) as { url?: unknown; fetchedAt?: unknown; incidents?: unknown } | undefined;
    if (!entry || entry.url !== deps.url || typeof entry.fetchedAt !== 'number') return null;
    // The cache only ever holds parsed incidents, but re-validate: storage is shared with the page.
    const { incidents } = parseStatusFeed({ incidents: entry.incidents }, deps.url);
    return { incidents, fetchedAt: entry.fetchedAt, fromCache: true };
  };

  const fetchFeed = async (): Promise<StatusSnapshot | null> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? 8000);
    try {
      const res = await deps.fetch(deps.url, { cache: 'no-store', credentials: 'omit', signal: controller.signal });
      if (!res.ok) {
        report(`[tier0] the status feed ${deps.url} returned HTTP ${res.status} — check the "statusUrl" option`);
        return null;
      }
      let data: unknown;
      try {
        data = await res.json();
      } catch {
        report(`[tier0] the status feed ${deps.url} is not valid JSON — serve { "incidents": [...] }`);
        return null;
      }
      const { incidents, problems } = parseStatusFeed(data, deps.url);
      for (const problem of problems) report(problem);
      const fetchedAt = deps.now();
      write(STATUS_CACHE_KEY, { url: deps.url, fetchedAt, incidents });
      return { incidents, fetchedAt, fromCache: false };
    } catch {
      return null; // offline or timed out: expected, the cached copy is shown instead
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async load() {
      return (await fetchFeed()) ?? cached();
    },
    dismiss(id) {
      const list = dismissed().filter((d) => d !== id);
      list.push(id);
      write(STATUS_DISMISSED_KEY, list.slice(-MAX_DISMISSED));
    },
    visible(snapshot) {
      if (!snapshot) return [];
      const hidden = new Set(dismissed());
      return snapshot.incidents.filter((incident) => !hidden.has(incident.id));
    },
  };
}

/** "as of" time for a cached snapshot, in the user's language ("14:05", or a date when older). */
export function formatAsOf(fetchedAt: number, now: number, locale: string): string {
  const sameDay = new Date(fetchedAt).toDateString() === new Date(now).toDateString();
  const format = new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' });
  return format.format(fetchedAt);
}
