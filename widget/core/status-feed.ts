/**
 * The status feed's format and its pure parser (fetching, caching and dismissal are in
 * services/status-banner.ts). Feed format, served as JSON at the `statusUrl` option (same
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

export type Severity = 'info' | 'minor' | 'major';

export interface Incident {
  id: string;
  title: string;
  severity: Severity;
  message?: string;
  url?: string;
  updated?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { major: 0, minor: 1, info: 2 };

/** Parses a feed document: the valid incidents (most severe, then most recent first) and problems. */
export function parseStatusFeed(data: unknown, feedUrl: string): { incidents: Incident[]; problems: string[] } {
  const problems: string[] = [];
  const list = data && typeof data === 'object' ? (data as { incidents?: unknown }).incidents : undefined;
  if (!Array.isArray(list)) {
    problems.push(`[tier0] the status feed ${feedUrl} has no "incidents" list — serve { "incidents": [] } when all is well`);
    return { incidents: [], problems };
  }
  const incidents: Incident[] = [];
  const seen = new Set<string>();
  list.forEach((raw: unknown, index) => {
    const entry = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const { id, title, severity, message, url, updated } = entry;
    const bad = (why: string): void => {
      problems.push(`[tier0] status feed incident ${typeof id === 'string' && id ? `"${id}"` : `#${index}`} ${why} — see the feed format in the README`);
    };
    if (typeof id !== 'string' || id.trim() === '') return bad('has no id');
    if (seen.has(id)) return bad('is listed twice');
    if (typeof title !== 'string' || title.trim() === '') return bad('has no title');
    if (severity !== 'info' && severity !== 'minor' && severity !== 'major') return bad(`has severity "${String(severity)}" (use info, minor or major)`);
    const incident: Incident = { id, title: title.trim(), severity };
    if (typeof message === 'string' && message.trim() !== '') incident.message = message.trim();
    if (url != null) {
      const safe = typeof url === 'string' ? httpUrl(url, feedUrl) : null;
      if (safe) incident.url = safe;
      else bad(`has a url that is not http(s) ("${String(url)}"); the link was left out`);
    }
    if (typeof updated === 'string' && !Number.isNaN(Date.parse(updated))) incident.updated = updated;
    seen.add(id);
    incidents.push(incident);
  });
  incidents.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
    || (b.updated ? Date.parse(b.updated) : 0) - (a.updated ? Date.parse(a.updated) : 0));
  return { incidents, problems };
}

function httpUrl(value: string, base: string): string | null {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null; // unparsable: the caller reports it
  }
}

