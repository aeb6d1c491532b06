/**
 * One delivery attempt (CONTRACT.md §4), classified: sent (2xx), retry (network error, 408,
 * 429, 5xx) or failed (any other status, permanent). Never throws.
 */
import { isRetryableStatus } from '../../core/ticket/backoff.ts';
import type { Ticket } from '../../core/ticket/ticket-types.ts';

export type SendResult =
  | { kind: 'sent'; ticketId?: string }
  | { kind: 'retry'; offline: boolean; retryAfter: string | null; error: string }
  | { kind: 'failed'; status: number; error: string };

export interface SendOnceInput {
  fetch: typeof fetch;
  endpoint: string;
  ticket: Ticket;
  /** Anti-abuse token, asked for at every attempt so a ticket queued offline never carries a stale one. */
  challenge?: (() => Promise<string | null | undefined> | string | null | undefined) | undefined;
}

async function readJson(res: Response): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await res.json();
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  } catch {
    // Not JSON (or empty): the status alone decides.
    return null;
  }
}

/** POSTs the ticket once with its Idempotency-Key and classifies the outcome. */
export async function sendOnce(input: SendOnceInput): Promise<SendResult> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Idempotency-Key': input.ticket.id,
  };
  if (input.challenge) {
    try {
      const token = await input.challenge();
      if (token) headers['X-Tier0-Challenge'] = token;
    } catch (error) {
      // The challenge provider is unreachable: the same as being offline for this attempt.
      return { kind: 'retry', offline: true, retryAfter: null, error: `challenge: ${String(error)}` };
    }
  }
  let res: Response;
  try {
    res = await input.fetch(input.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify(input.ticket),
      credentials: 'same-origin',
    });
  } catch (error) {
    return { kind: 'retry', offline: true, retryAfter: null, error: String(error) };
  }
  const body = await readJson(res);
  if (res.ok) {
    const ticketId = body?.ticketId;
    return typeof ticketId === 'string' || typeof ticketId === 'number' ? { kind: 'sent', ticketId: String(ticketId) } : { kind: 'sent' };
  }
  const message = typeof body?.error === 'string' && body.error.trim() !== '' ? body.error : `HTTP ${res.status}`;
  if (isRetryableStatus(res.status)) return { kind: 'retry', offline: false, retryAfter: res.headers.get('Retry-After'), error: message };
  return { kind: 'failed', status: res.status, error: message };
}
