/**
 * The relay's HTTP face (contract §5): `POST /tickets` answers once the ticket is durably stored,
 * never after a help-desk round trip; `OPTIONS /tickets` answers CORS preflights for the
 * configured site origins; `GET /healthz` and `GET /metrics` are for monitoring. Rejections are
 * decided before the body is read where they can be (origin, rate limits, declared size), and
 * every 4xx carries `{ "error": "…" }` in words the widget can show as they are.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { HONEYPOT_FIELD } from '../../widget/core/ticket/ticket-types.ts';
import type { RelayConfig } from './config.ts';
import type { DeliveryOutcome, DeliveryWorker } from './delivery.ts';
import type { Log } from './log.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createRateLimiter } from './rate-limit.ts';
import type { Connector, RelayStore, RelayTicket, TicketRecord } from './relay-types.ts';
import { routeTicket } from './routing.ts';
import { ticketProblem } from './validate-ticket.ts';

export interface RelayServerDeps {
  config: RelayConfig;
  store: RelayStore;
  connector: Connector;
  log: Log;
  /** Woken after each accepted ticket so delivery starts at once. */
  worker?: Pick<DeliveryWorker, 'wake'>;
  metrics?: Metrics;
  now?: () => number;
}

export interface HelpdeskHealth {
  ok: boolean;
  detail: string;
  checkedAt: string | null;
}

export interface RelayServer {
  app: FastifyInstance;
  metrics: Metrics;
  /** Updates the help desk's known health from a delivery outcome (a create is the best probe). */
  noteOutcome(outcome: DeliveryOutcome): void;
  /** Asks the help desk now and remembers the answer. */
  checkHelpdesk(): Promise<HelpdeskHealth>;
}

const ALLOWED_HEADERS = 'Content-Type, Idempotency-Key, X-Tier0-Challenge, X-Tier0-Ticket';
// Printable ASCII without spaces: what a UUID, a ULID or any sane key is made of.
const KEY_RE = /^[\x21-\x7e]{1,200}$/;

function mb(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** What the widget is told about a record: the same ticketId for the same key, always. */
function answerOf(record: TicketRecord) {
  // Parked and discarded tickets read as queued: the first waits for a person, and a bot must
  // not learn that its ticket was spotted.
  const delivered = record.status === 'delivered';
  return { ticketId: record.ticketId, status: delivered ? 'delivered' : 'queued', ...(delivered && record.helpdeskId ? { helpdeskId: record.helpdeskId } : {}) };
}

/** Builds the Fastify app over an open store and connector; listen() is the caller's. */
export function createRelayServer(deps: RelayServerDeps): RelayServer {
  const { config, store, log } = deps;
  const now = deps.now ?? Date.now;
  const metrics = deps.metrics ?? createMetrics();
  const perClient = createRateLimiter({ burst: config.limits.perClientBurst, perSecond: config.limits.perClientPerMinute / 60 });
  const global = createRateLimiter({ burst: config.limits.globalBurst, perSecond: config.limits.globalPerSecond });
  const anyOrigin = config.origins.includes('*');
  const originAllowed = (origin: string | undefined) => origin === undefined || anyOrigin || config.origins.includes(origin);
  let helpdesk: HelpdeskHealth = { ok: true, detail: 'not checked yet', checkedAt: null };

  const app = Fastify({ logger: false, bodyLimit: config.limits.maxBodyBytes, trustProxy: config.trustProxy });
  // JSON only: a text/plain POST is how a page skips the CORS preflight, and tickets need none.
  app.removeContentTypeParser('text/plain');

  const fail = (reply: FastifyReply, status: number, error: string, reason: string) => {
    metrics.rejected(reason);
    return reply.code(status).header('Cache-Control', 'no-store').send({ error });
  };

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return fail(reply, 413, `the ticket is too large: at most ${mb(config.limits.maxBodyBytes)}, attachments included`, 'too-large');
    if (status === 415) return fail(reply, 415, 'send the ticket as JSON (Content-Type: application/json)', 'content-type');
    if (status === 400) return fail(reply, 400, error.code?.includes('EMPTY') ? 'the body is empty: send the ticket as JSON' : 'the body is not valid JSON', 'json');
    log('error', 'http.error', { route: request.routeOptions.url, error: error.message });
    return reply.code(500).send({ error: 'the relay failed to handle this request; it is safe to send it again' });
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    if (request.url.split('?')[0] !== '/tickets') return;
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!originAllowed(origin)) {
        return fail(reply, 403, `this site (${origin}) may not send tickets here: add it to "origins" in the relay's configuration`, 'origin');
      }
      reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
      // Without this the widget cannot read Retry-After cross-origin and uses its own backoff.
      reply.header('Access-Control-Expose-Headers', 'Retry-After, Date');
    }
    if (request.method !== 'POST') return;
    const at = now();
    const globalTake = global.take('*', at);
    const clientTake = globalTake.ok ? perClient.take(request.ip, at) : globalTake;
    if (!clientTake.ok) {
      metrics.rateLimited();
      const seconds = Math.max(1, Math.ceil(clientTake.retryAfterMs / 1000));
      return reply
        .code(429)
        .header('Retry-After', String(seconds))
        .send({ error: `too many tickets ${globalTake.ok ? 'from this address' : 'right now'}: try again in ${seconds} s` });
    }
  });

  app.options('/tickets', async (_request, reply) => {
    return reply
      .code(204)
      .header('Access-Control-Allow-Methods', 'POST, OPTIONS')
      .header('Access-Control-Allow-Headers', ALLOWED_HEADERS)
      .header('Access-Control-Max-Age', '600')
      .send();
  });

  app.post('/tickets', async (request: FastifyRequest, reply) => {
    const body = request.body as Record<string, unknown> | undefined;
    const problem = ticketProblem(body);
    if (problem) return fail(reply, 422, problem, 'invalid');
    const header = request.headers['idempotency-key'];
    const key = (Array.isArray(header) ? header[0] : header) ?? String(body!.id);
    if (!KEY_RE.test(key)) return fail(reply, 400, 'the Idempotency-Key header must be 1–200 visible characters (the ticket id)', 'key');

    const { [HONEYPOT_FIELD]: honeypot, ...ticket } = body as RelayTicket & Record<string, unknown>;
    const isBot = typeof honeypot === 'string' && honeypot.trim() !== '';
    const route = routeTicket(ticket as RelayTicket, config.routing, config.helpdesk.queue);
    let result: { record: TicketRecord; created: boolean };
    try {
      result = await store.accept({
        idempotencyKey: key,
        handoffId: String(ticket.id),
        ticket: isBot ? null : (ticket as RelayTicket),
        route,
        status: isBot ? 'discarded' : 'queued',
        receivedAt: new Date(now()),
      });
    } catch (error) {
      log('error', 'store.accept-failed', { error: String(error) });
      metrics.rejected('store');
      return reply.code(503).header('Retry-After', '5').send({ error: 'the relay cannot store tickets right now; your ticket is kept and sent again' });
    }
    const { record, created } = result;
    if (created) {
      metrics.accepted(isBot);
      log('info', isBot ? 'ticket.discarded' : 'ticket.accepted', { ticketId: record.ticketId, queue: route.queue, priority: route.priority, ...(isBot ? { signal: 'honeypot' } : {}) });
      if (!isBot) deps.worker?.wake();
    } else {
      metrics.replayed();
      reply.header('Idempotent-Replayed', 'true');
      log('info', 'ticket.replayed', { ticketId: record.ticketId, status: record.status });
    }
    return reply.code(202).header('Cache-Control', 'no-store').send(answerOf(record));
  });

  app.get('/healthz', async (_request, reply) => {
    let storeOk = true;
    let storeDetail: string = store.kind;
    let stats = null;
    try {
      await store.ping();
      stats = await store.stats();
    } catch (error) {
      storeOk = false;
      storeDetail = `${store.kind}: ${(error as Error).message}`;
    }
    const ok = storeOk && helpdesk.ok;
    const parked = stats?.parked ?? 0;
    const reasons = [
      ...(storeOk ? [] : [`the store is unreachable (${storeDetail})`]),
      ...(helpdesk.ok ? [] : [`the help desk is unreachable (${helpdesk.detail})`]),
      ...(parked > 0 ? [`${parked} ticket(s) parked after a permanent help-desk error: fix the cause, then run "npx tier0 relay retry"`] : []),
    ];
    const oldest = stats?.oldestQueuedAt ? Math.round((now() - Date.parse(stats.oldestQueuedAt)) / 1000) : 0;
    return reply
      .code(ok ? 200 : 503)
      .header('Cache-Control', 'no-store')
      .send({
        ok,
        status: !ok ? 'down' : parked > 0 ? 'degraded' : 'ok',
        ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
        store: { ok: storeOk, kind: store.kind },
        helpdesk: { ok: helpdesk.ok, kind: deps.connector.kind, detail: helpdesk.detail, checkedAt: helpdesk.checkedAt },
        queue: stats ? { queued: stats.queued, parked: stats.parked, delivered: stats.delivered, discarded: stats.discarded, oldestQueuedSeconds: oldest } : null,
      });
  });

  app.get('/metrics', async (_request, reply) => {
    const stats = await store.stats().catch(() => null);
    return reply.type('text/plain; version=0.0.4').send(metrics.render(stats, helpdesk.ok));
  });

  return {
    app,
    metrics,
    noteOutcome(outcome) {
      metrics.delivery(outcome);
      const at = new Date(now()).toISOString();
      if (outcome.result === 'delivered') helpdesk = { ok: true, detail: 'last delivery succeeded', checkedAt: at };
      else if (outcome.result === 'retry') helpdesk = { ok: false, detail: outcome.error.message, checkedAt: at };
    },
    async checkHelpdesk() {
      const answer = await deps.connector.health();
      const at = new Date(now()).toISOString();
      helpdesk = answer.ok ? { ok: true, detail: answer.value.detail ?? 'reachable', checkedAt: at } : { ok: false, detail: answer.error.message, checkedAt: at };
      return helpdesk;
    },
  };
}
