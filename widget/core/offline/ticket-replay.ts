/**
 * How the service worker's background-sync queue treats the outcome of a ticket POST. Workbox's
 * Queue only re-queues on network errors; CONTRACT §4 also retries 408, 429 and 5xx (honouring
 * Retry-After) and never retries any other 4xx, so the worker classifies every outcome here.
 */
import { isRetryableStatus, parseRetryAfter } from '../ticket/backoff.ts';

export type ReplayOutcome =
  /** 2xx: delivered, drop it from the queue. */
  | { kind: 'delivered' }
  /** Keep it queued; do not replay before `notBefore` (ms since epoch). */
  | { kind: 'retry'; notBefore: number }
  /** Permanent failure (4xx other than 408/429): drop it, the page shows the user why. */
  | { kind: 'drop'; status: number };

/**
 * Classifies a delivery attempt: `null` status means the request never got a response (offline,
 * DNS, CORS…). `retryAfter` is the raw header value.
 */
export function classifyReplay(status: number | null, retryAfter: string | null, now: number): ReplayOutcome {
  if (status === null) return { kind: 'retry', notBefore: now };
  if (status >= 200 && status <= 299) return { kind: 'delivered' };
  if (isRetryableStatus(status)) return { kind: 'retry', notBefore: now + (parseRetryAfter(retryAfter, now) ?? 0) };
  return { kind: 'drop', status };
}

/** True when a queued entry may be replayed now (its Retry-After has passed). */
export function isDue(notBefore: number | undefined, now: number): boolean {
  return notBefore === undefined || notBefore <= now;
}
