/**
 * How an HTTP answer or a network failure becomes a connector outcome. One rule for every
 * connector: network errors, timeouts, 408, 425, 429 and 5xx are worth retrying; any other 4xx
 * (a bad credential, a refused field, an unknown queue) will fail the same way again, so the
 * ticket is parked for a person instead of looping.
 */
import { parseRetryAfter } from '../../../widget/core/ticket/backoff.ts';
import type { ConnectorError } from '../relay-types.ts';

const RETRYABLE = new Set([408, 425, 429]);

/** The error for a non-2xx answer. `detail` is the help desk's own message, already trimmed. */
export function errorFromStatus(status: number, detail: string, retryAfter?: string | null): ConnectorError {
  const kind = status >= 500 || RETRYABLE.has(status) ? 'retry' : 'permanent';
  // The widget's own reading of the header: seconds or an HTTP date, null when unreadable.
  const retryAfterMs = parseRetryAfter(retryAfter, Date.now()) ?? undefined;
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
