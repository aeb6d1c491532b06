/**
 * How an HTTP answer or a network failure becomes a connector outcome. One rule for every
 * connector: network errors, timeouts, 408, 425, 429 and 5xx are worth retrying; any other 4xx
 * (a bad credential, a refused field, an unknown queue) will fail the same way again, so the
 * ticket is parked for a person instead of looping.
 */
import type { ConnectorError } from '../relay-types.ts';

const RETRYABLE = new Set([408, 425, 429]);

/** Milliseconds from a Retry-After header (seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The error for a non-2xx answer. `detail` is the help desk's own message, already trimmed. */
export function errorFromStatus(status: number, detail: string, retryAfter?: string | null): ConnectorError {
  const kind = status >= 500 || RETRYABLE.has(status) ? 'retry' : 'permanent';
  const retryAfterMs = parseRetryAfter(retryAfter);
  return { kind, status, message: `HTTP ${status}${detail ? `: ${detail}` : ''}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

/** The error for a request that got no answer (refused, reset, timed out): always retried. */
export function errorFromNetwork(error: unknown): ConnectorError {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const reason = e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timed out' : (e.cause?.code ?? e.cause?.message ?? e.message ?? String(error));
  return { kind: 'retry', message: `no answer from the help desk (${reason})` };
}

/** A help desk's error body, shortened for logs and the parked ticket's lastError. */
export async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}
