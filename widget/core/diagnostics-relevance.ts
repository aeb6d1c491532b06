/**
 * The pure side of Tier 0 self-diagnostics (the checks themselves run in
 * widget/services/diagnostics.ts): finding values, the articles that fix each problem, the
 * minimum browser versions and clock offset from an HTTP `Date` header. Which checks are worth
 * offering for what the user typed is diagnostic-triggers.ts.
 */
import { describeUserAgent, type UaData } from './ticket/user-agent.ts';
import type { DiagnosticId } from './diagnostic-triggers.ts';

// The trigger side is its own small module: the panel needs it on every question, the checks
// themselves only once the user asks for them.
export { DIAGNOSTIC_IDS, relevantDiagnostics, type DiagnosticId } from './diagnostic-triggers.ts';

export type FindingStatus = 'ok' | 'problem' | 'unknown';

/** The result of one check: plain JSON, kept in the state and sent as ticket `context.diagnostics`. */
export interface Finding {
  id: DiagnosticId;
  status: FindingStatus;
  /** Technical one-liner for the Level 1 agent (English, like the rest of the ticket context). */
  detail: string;
  /** The KB article that fixes this kind of problem. */
  articleId?: string;
  /** Which user-facing text to show: the strings key `guided.diag.<code>`. */
  code: string;
  /** Placeholders for that text. */
  values?: Record<string, string | number>;
}

export type DiagnosticArticleKey = DiagnosticId | 'captivePortal';

/** Default fixing articles; a site owner's KB may use other ids (`diagnosticArticles()`). */
export const DEFAULT_DIAGNOSTIC_ARTICLES: Readonly<Record<DiagnosticArticleKey, string>> = Object.freeze({
  offline: 'network/no-wifi',
  captivePortal: 'network/captive-portal',
  clock: 'devices/fix-clock',
  storage: 'browser/enable-cookies',
  browser: 'browser/update-browser',
  popups: 'browser/allow-pop-ups',
});

/** The fixing-article table with overrides applied (non-string overrides are ignored). */
export function diagnosticArticles(
  overrides: Partial<Record<DiagnosticArticleKey, unknown>> = {},
): Record<DiagnosticArticleKey, string> {
  const table = { ...DEFAULT_DIAGNOSTIC_ARTICLES };
  for (const key of Object.keys(table) as DiagnosticArticleKey[]) {
    const value = overrides[key];
    if (typeof value === 'string' && value.trim() !== '') table[key] = value.trim();
  }
  return table;
}

/**
 * Oldest major version treated as up to date, by browser. The one place to update.
 * How: about twice a year, set Chrome, Edge and Opera to the current stable major minus 12 (about
 * a year of releases; https://chromiumdash.appspot.com/schedule), Firefox to the oldest ESR
 * still supported (https://whattrainisitnow.com), Safari to the version on the oldest macOS/iOS
 * Apple still patches, Samsung Internet to about a year back. Browsers not listed are never
 * called outdated: we cannot tell, and a false alarm sends users on a pointless errand.
 */
export const MIN_BROWSER_VERSIONS: Readonly<Record<string, number>> = Object.freeze({
  chrome: 138,
  chromium: 138,
  edge: 138,
  opera: 122,
  firefox: 140,
  safari: 18,
  'samsung internet': 27,
});

export const CLOCK_TOLERANCE_MS = 60_000;

/** Compares dotted version strings numerically ("10.2" > "9.14"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const pb = b.split('.').map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** The browser's table key and major version, from client hints when present, else the UA string. */
export function browserVersion(userAgent: string, data?: UaData | null): { name: string; key: string; major: number } | null {
  // One UA parser in the widget: the ticket's describeUserAgent ("Chrome 131", "Microsoft Edge 120").
  const match = /^(.*\S)\s+(\d+)\S*$/.exec(describeUserAgent(userAgent, data).browser);
  if (!match) return null;
  const name = match[1] ?? '';
  const key = name.toLowerCase().replace(/^(?:google|microsoft|headless)\s+/, '');
  return { name, key, major: Number(match[2]) };
}

/** Whether the browser is older than the minimum table (unknown browsers are not outdated). */
export function isOutdated(key: string, major: number, table: Readonly<Record<string, number>> = MIN_BROWSER_VERSIONS): boolean {
  const minimum = table[key];
  return minimum !== undefined && major < minimum;
}

/** Parses an HTTP `Date` header to epoch ms, or null when absent or unreadable. */
export function parseHttpDate(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * How far the device clock is ahead of the server's (negative: behind), in ms. The server stamped
 * `Date` somewhere between sending and receiving, so it is compared with the midpoint; the header
 * is truncated to the second, hence the half second added. Null without a usable header.
 */
export function clockOffsetMs(dateHeader: string | null | undefined, sentAt: number, receivedAt: number): number | null {
  const server = parseHttpDate(dateHeader);
  if (server === null) return null;
  return Math.round((sentAt + receivedAt) / 2 - (server + 500));
}

/** Whether a clock offset breaks sign-in (MFA codes and tokens allow about a minute of drift). */
export function isClockOff(offsetMs: number): boolean {
  return Math.abs(offsetMs) > CLOCK_TOLERANCE_MS;
}
