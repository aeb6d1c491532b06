/**
 * The generic webhook: each ticket is POSTed as JSON to the configured URL, signed so the
 * receiver can trust it came from this relay and was not replayed later:
 *
 *   X-Tier0-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *   Idempotency-Key: <hand-off id>        (the same on every retry of one ticket)
 *
 * Receivers verify the HMAC over the raw body, reject a `t` older than a few minutes, and treat
 * Idempotency-Key as unique. A generic receiver has no search the relay could ask, so after a
 * crash the relay sends the ticket again with the same key and relies on that uniqueness.
 * The answer's `helpdeskId`, `ticketId` or `id` (2xx JSON) is recorded as the help desk's id.
 */
import { createHmac } from 'node:crypto';
import type { Connector, HelpdeskConfig, HelpdeskTicket } from '../relay-types.ts';
import { errorDetail, errorFromNetwork, errorFromStatus } from './http-outcome.ts';

export const SIGNATURE_HEADER = 'X-Tier0-Signature';

/** The signature header's value for a body sent at `unixSeconds`. */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** What a webhook receiver gets. */
export function webhookPayload(ticket: HelpdeskTicket) {
  return {
    event: 'ticket.created',
    ticketId: ticket.ticketId,
    handoffId: ticket.handoffId,
    queue: ticket.queue,
    priority: ticket.priority,
    impact: ticket.impact,
    urgency: ticket.urgency,
    subject: ticket.subject,
    requester: ticket.requester,
    summary: ticket.body,
    transcript: ticket.transcript,
    ticket: ticket.ticket,
  };
}

/** The webhook connector. */
export function createWebhookConnector(config: HelpdeskConfig, fetchImpl: typeof fetch = fetch): Connector {
  return {
    kind: 'webhook',
    async create(ticket) {
      const body = JSON.stringify(webhookPayload(ticket));
      let response: Response;
      try {
        response = await fetchImpl(config.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': ticket.handoffId,
            [SIGNATURE_HEADER]: signWebhook(config.secret, body, Math.floor(Date.now() / 1000)),
          },
          body,
          signal: AbortSignal.timeout(config.timeoutMs),
        });
      } catch (error) {
        return { ok: false, error: errorFromNetwork(error) };
      }
      if (!response.ok) return { ok: false, error: errorFromStatus(response.status, await errorDetail(response), response.headers.get('Retry-After')) };
      const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      const id = [answer.helpdeskId, answer.ticketId, answer.id].find((v) => typeof v === 'string' || typeof v === 'number');
      return { ok: true, value: { helpdeskId: id === undefined ? ticket.handoffId : String(id) } };
    },
    async findByHandoffId() {
      // No generic search exists; the receiver deduplicates by Idempotency-Key instead.
      return { ok: true, value: null };
    },
    async health() {
      // Any answer means the receiver is up; a probe must not create anything, so it is a HEAD.
      try {
        const response = await fetchImpl(config.url, { method: 'HEAD', signal: AbortSignal.timeout(config.timeoutMs) });
        if (response.status === 401 || response.status === 403) return { ok: false, error: errorFromStatus(response.status, 'the receiver refused the relay') };
        return { ok: true, value: { detail: `webhook answered ${response.status}` } };
      } catch (error) {
        return { ok: false, error: errorFromNetwork(error) };
      }
    },
  };
}
