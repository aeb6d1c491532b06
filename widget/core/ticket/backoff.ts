/**
 * Retry timing for ticket delivery: exponential backoff with full jitter (a random delay in
 * [0, base·2^attempt]) so that many widgets coming back online do not retry in lockstep, never
 * sooner than the endpoint's Retry-After, and capped so a ticket is retried at least every
 * `maxMs`.
 */
export interface BackoffOptions {
  /** Delay scale of the first retry, ms. Default 1000. */
  baseMs?: number;
  /** Longest delay, Retry-After included, ms. Default 5 minutes. */
  maxMs?: number;
  /** Source of randomness in [0, 1). Default Math.random. */
  random?: () => number;
}

export const BACKOFF_DEFAULTS = Object.freeze({ baseMs: 1000, maxMs: 5 * 60_000 });

/**
 * Parses a Retry-After header (delay-seconds or an HTTP date) into milliseconds from `now`;
 * null when missing or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/** The delay before retry number `attempt` (0 for the first retry), honouring Retry-After. */
export function backoffDelay(attempt: number, retryAfterMs: number | null = null, options: BackoffOptions = {}): number {
  const baseMs = options.baseMs ?? BACKOFF_DEFAULTS.baseMs;
  const maxMs = options.maxMs ?? BACKOFF_DEFAULTS.maxMs;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  const jitter = Math.floor(random() * ceiling);
  return Math.min(maxMs, Math.max(jitter, retryAfterMs ?? 0));
}

/**
 * The one retry rule (CONTRACT §4), shared by the page's outbox and the service worker: 408, 429
 * and 5xx are worth retrying; any other status is final.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}
