import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../scripts/relay/config.ts';
import type { RelayStore } from '../../../scripts/relay/relay-types.ts';
import { createRelayServer, type RelayServer } from '../../../scripts/relay/relay-server.ts';
import { openStore } from '../../../scripts/relay/store/open-store.ts';
import { createMemoryHelpdesk, type MemoryHelpdesk } from '../../relay-helpers/memory-helpdesk.ts';
import { makeTicket } from '../ticket/factories.ts';

const SITE = 'https://intranet.example.com';
let dir: string;
let store: RelayStore;
let desk: MemoryHelpdesk;
let relay: RelayServer;
let wakes: number;
let logs: string[];
let clock: number;

async function setUp(raw: Record<string, unknown> = {}) {
  const config = resolveConfig({ origins: [SITE], routing: { queues: { printing: 'Printing' } }, helpdesk: { queue: 'General L1' }, ...raw }, {}, 'test', dir);
  relay = createRelayServer({
    config,
    store,
    connector: desk,
    log: (level, event, fields) => logs.push(JSON.stringify({ level, event, ...fields })),
    worker: { wake: () => void wakes++ },
    now: () => clock,
  });
  await relay.app.ready();
}

function post(body: unknown, headers: Record<string, string> = {}) {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const key = typeof body === 'object' && body && 'id' in body ? String((body as { id: string }).id) : 'k';
  return relay.app.inject({ method: 'POST', url: '/tickets', payload, headers: { 'content-type': 'application/json', origin: SITE, 'idempotency-key': key, ...headers } });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tier0-relay-http-'));
  store = await openStore(`sqlite:${path.join(dir, 'relay.db')}`);
  desk = createMemoryHelpdesk();
  wakes = 0;
  logs = [];
  clock = Date.now();
});

afterEach(async () => {
  await relay?.app.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('POST /tickets', () => {
  test('stores the ticket, routed and prioritised, answers 202 at once and wakes delivery', async () => {
    await setUp();
    const ticket = makeTicket({ category: 'printing', fields: { impact: 'high', urgency: 'high' } });
    const res = await post(ticket);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ ticketId: 'T0-1001', status: 'queued' });
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
    expect(res.headers['access-control-expose-headers']).toContain('Retry-After');
    expect(await store.get('T0-1001')).toMatchObject({ status: 'queued', handoffId: ticket.id, route: { queue: 'Printing', priority: 1, rated: true } });
    expect(wakes).toBe(1);
    expect(desk.created).toHaveLength(0); // never a help-desk round trip before answering
  });

  test('a replayed Idempotency-Key gets the first answer, never a second ticket (also 20 at once)', async () => {
    await setUp();
    const ticket = makeTicket();
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(ticket)));
    expect(new Set(answers.map((a) => a.json().ticketId))).toEqual(new Set(['T0-1001']));
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    expect((await store.stats()).queued).toBe(1);
    expect(wakes).toBe(1);
  });

  test('once delivered, a replay says so with the help desk id', async () => {
    await setUp();
    const ticket = makeTicket();
    await post(ticket);
    await store.claim('w', new Date(), 10_000, 1);
    await store.markDelivered('T0-1001', 'w', 'RT-77', new Date());
    expect((await post(ticket)).json()).toEqual({ ticketId: 'T0-1001', status: 'delivered', helpdeskId: 'RT-77' });
  });

  test.each([
    ['invalid JSON', () => post('{"id": "x", '), 400, 'the body is not valid JSON'],
    ['an empty body', () => post(''), 400, 'the body is empty: send the ticket as JSON'],
    ['a missing e-mail', () => post(makeTicket({ requester: { name: 'Ada', email: '' } })), 422, 'requester.email is missing'],
    ['a bad e-mail', () => post(makeTicket({ requester: { name: 'Ada', email: 'ada at example' } })), 422, 'requester.email is not an e-mail address'],
    ['no subject', () => post(makeTicket({ subject: ' ' })), 422, 'subject is missing'],
    ['a list instead of a ticket', () => post([1, 2]), 422, 'the body must be a JSON object'],
    ['a wrong origin', () => post(makeTicket(), { origin: 'https://evil.example' }), 403, 'this site (https://evil.example) may not send tickets here: add it to "origins" in the relay\'s configuration'],
    ['text instead of JSON', () => post('hello', { 'content-type': 'text/plain' }), 415, 'send the ticket as JSON (Content-Type: application/json)'],
    ['a bad Idempotency-Key', () => post(makeTicket(), { 'idempotency-key': 'has spaces in it' }), 400, 'the Idempotency-Key header must be 1–200 visible characters (the ticket id)'],
  ])('%s gets a clear 4xx and stores nothing', async (_name, send, status, error) => {
    await setUp();
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ error });
    expect(await store.stats()).toMatchObject({ queued: 0, discarded: 0 });
    expect(wakes).toBe(0);
  });

  test('a 10 MB body is refused with 413 and stores nothing', async () => {
    await setUp();
    const ticket = makeTicket({ description: 'x'.repeat(10 * 1024 * 1024) });
    const res = await post(ticket);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: 'the ticket is too large: at most 8 MB, attachments included' });
    expect((await store.stats()).queued).toBe(0);
  });

  test('a filled honeypot is answered like any other ticket and never delivered; nothing of it is kept', async () => {
    await setUp();
    const ticket = { ...makeTicket(), tier0_hp_website: 'http://spam.example' };
    const res = await post(ticket);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ ticketId: 'T0-1001', status: 'queued' });
    expect(await store.get('T0-1001')).toMatchObject({ status: 'discarded', ticket: null });
    expect(await store.claim('w', new Date(Date.now() + 3_600_000), 1000, 10)).toEqual([]);
    expect(wakes).toBe(0);
  });

  test('a fast submit is a signal, never a refusal', async () => {
    await setUp();
    const res = await post({ ...makeTicket(), signals: { formMs: 300 } });
    expect(res.statusCode).toBe(202);
    expect((await store.get('T0-1001'))?.status).toBe('queued');
  });

  test('rate limits per client and globally with 429 and Retry-After, and keeps nothing of refused ones', async () => {
    await setUp({ limits: { perClientBurst: 3, perClientPerMinute: 6 } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await post(makeTicket({ id: `id-${i}` }))).statusCode);
    expect(codes).toEqual([202, 202, 202, 429]);
    const refused = await post(makeTicket({ id: 'id-9' }));
    expect(refused.headers['retry-after']).toBe('10');
    expect(refused.json().error).toBe('too many tickets from this address: try again in 10 s');
    // Another client is not held back by the first.
    expect((await post(makeTicket({ id: 'other' }), { 'x-forwarded-for': '1' })).statusCode).toBe(429);
    expect((await relay.app.inject({ method: 'POST', url: '/tickets', payload: JSON.stringify(makeTicket({ id: 'o2' })), headers: { 'content-type': 'application/json' }, remoteAddress: '10.1.2.3' })).statusCode).toBe(202);
    clock += 10_000;
    expect((await post(makeTicket({ id: 'later' }))).statusCode).toBe(202);
    expect((await store.stats()).queued).toBe(5);
  });

  test('the global limit holds across clients', async () => {
    await setUp({ limits: { globalBurst: 2, globalPerSecond: 1 } });
    const send = (ip: string, id: string) =>
      relay.app.inject({ method: 'POST', url: '/tickets', payload: JSON.stringify(makeTicket({ id })), headers: { 'content-type': 'application/json' }, remoteAddress: ip });
    expect((await send('10.0.0.1', 'a')).statusCode).toBe(202);
    expect((await send('10.0.0.2', 'b')).statusCode).toBe(202);
    const third = await send('10.0.0.3', 'c');
    expect(third.statusCode).toBe(429);
    expect(third.json().error).toBe('too many tickets right now: try again in 1 s');
  });

  test('logs ids, queues and priorities, never who sent what', async () => {
    await setUp();
    await post(makeTicket({ requester: { name: 'Ada Lovelace', email: 'ada@example.com' }, subject: 'my secret subject' }));
    const all = logs.join('\n');
    expect(all).toContain('"event":"ticket.accepted"');
    expect(all).toContain('"ticketId":"T0-1001"');
    for (const personal of ['Ada', 'ada@example.com', 'secret subject', '127.0.0.1']) expect(all).not.toContain(personal);
  });
});

describe('CORS preflight', () => {
  test('answers an allowed origin with the methods and headers the widget sends', async () => {
    await setUp();
    const res = await relay.app.inject({ method: 'OPTIONS', url: '/tickets', headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' } });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
    expect(res.headers['access-control-allow-methods']).toBe('POST, OPTIONS');
    expect(String(res.headers['access-control-allow-headers'])).toContain('Idempotency-Key');
    expect(res.headers.vary).toBe('Origin');
  });

  test('refuses other origins', async () => {
    await setUp();
    const res = await relay.app.inject({ method: 'OPTIONS', url: '/tickets', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(res.statusCode).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('GET /healthz', () => {
  test('ok when the store and the help desk answer', async () => {
    await setUp();
    await relay.checkHelpdesk();
    const res = await relay.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, status: 'ok', store: { ok: true, kind: 'sqlite' }, helpdesk: { ok: true, kind: 'memory' }, queue: { queued: 0, parked: 0 } });
  });

  test('degraded (still 200: it keeps taking tickets) while tickets are parked, with the fix in the reason', async () => {
    await setUp();
    await post(makeTicket());
    await store.claim('w', new Date(), 10_000, 1);
    await store.park('T0-1001', 'w', 'HTTP 401');
    const res = await relay.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, status: 'degraded', queue: { parked: 1 } });
    expect(res.json().reason).toContain('npx tier0 relay retry');
  });

  test('503 with the reason when the help desk is unreachable', async () => {
    await setUp();
    desk.down = true;
    await relay.checkHelpdesk();
    const res = await relay.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ ok: false, status: 'down', reason: 'the help desk is unreachable (memory help desk is down)' });
    // A delivery that succeeds is proof enough that it is back.
    relay.noteOutcome({ ticketId: 'T0-1', result: 'delivered', helpdeskId: 'X', recovered: false, ms: 5 });
    expect((await relay.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  test('503 when the store is gone; POST answers a retryable 503 instead of losing the ticket', async () => {
    await setUp();
    await store.close();
    const health = await relay.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(503);
    expect(health.json().store.ok).toBe(false);
    const res = await post(makeTicket());
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    store = await openStore(`sqlite:${path.join(dir, 'relay.db')}`);
  });
});

describe('GET /metrics', () => {
  test('counts accepted, replayed and rejected tickets in the Prometheus text format', async () => {
    await setUp();
    const ticket = makeTicket();
    await post(ticket);
    await post(ticket);
    await post('{');
    const text = (await relay.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toContain('tier0_relay_tickets_accepted_total 1');
    expect(text).toContain('tier0_relay_tickets_replayed_total 1');
    expect(text).toContain('tier0_relay_requests_rejected_total{reason="json"} 1');
    expect(text).toContain('tier0_relay_queue_tickets{status="queued"} 1');
  });
});
