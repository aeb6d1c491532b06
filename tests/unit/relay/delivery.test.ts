import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createDeliveryWorker, type DeliveryOptions, type DeliveryOutcome } from '../../../scripts/relay/delivery.ts';
import type { RelayStore } from '../../../scripts/relay/relay-types.ts';
import { openStore } from '../../../scripts/relay/store/open-store.ts';
import { createMemoryHelpdesk, type MemoryHelpdesk } from '../../relay-helpers/memory-helpdesk.ts';
import { makeTicket } from '../ticket/factories.ts';

let dir: string;
let store: RelayStore;
let desk: MemoryHelpdesk;
let outcomes: DeliveryOutcome[];
let clock: number;

const route = { queue: 'Printing', priority: 2, impact: 'high', urgency: 'medium', rated: true } as const;

function worker(overrides: Partial<DeliveryOptions> = {}) {
  return createDeliveryWorker({
    store,
    connector: desk,
    log: () => {},
    worker: 'w1',
    concurrency: 4,
    leaseMs: 10_000,
    pollMs: 50,
    retryBaseMs: 1000,
    retryMaxMs: 60_000,
    fastSubmitMs: 1500,
    onOutcome: (o) => outcomes.push(o),
    now: () => new Date(clock),
    random: () => 0.5,
    ...overrides,
  });
}

async function accept(id: string) {
  const ticket = makeTicket({ id });
  return (await store.accept({ idempotencyKey: id, handoffId: id, ticket, route, status: 'queued', receivedAt: new Date(clock) })).record;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tier0-delivery-'));
  store = await openStore(`sqlite:${path.join(dir, 'relay.db')}`);
  desk = createMemoryHelpdesk();
  outcomes = [];
  clock = Date.now(); // requeueParked() stamps the real time
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('delivery worker', () => {
  test('delivers a queued ticket once and records the help desk id', async () => {
    const record = await accept('a');
    await worker().runOnce();
    expect(desk.created.map((t) => t.ticketId)).toEqual([record.ticketId]);
    expect(await store.get(record.ticketId)).toMatchObject({ status: 'delivered', helpdeskId: 'MEM-1', attempts: 1 });
    // A second round finds nothing to do.
    expect(await worker().runOnce()).toBe(0);
    expect(desk.created).toHaveLength(1);
    // The first attempt had no recovery point: no lookup was needed.
    expect(desk.lookups).toEqual([]);
  });

  test('retries a retryable failure with backoff (honouring Retry-After), then delivers', async () => {
    const record = await accept('b');
    desk.failNext({ kind: 'retry', message: 'HTTP 503', status: 503, retryAfterMs: 5000 });
    await worker().runOnce();
    let stored = await store.get(record.ticketId);
    expect(stored).toMatchObject({ status: 'queued', lastError: 'HTTP 503', attempts: 1 });
    // Not due before Retry-After (jitter would have said 500 ms).
    expect(Date.parse(stored!.nextAttemptAt!) - clock).toBe(5000);
    clock += 4000;
    expect(await worker().runOnce()).toBe(0);
    clock += 1000;
    await worker().runOnce();
    stored = await store.get(record.ticketId);
    expect(stored).toMatchObject({ status: 'delivered', attempts: 2 });
    // The failed attempt may have reached the help desk: the retry looked first.
    expect(desk.lookups).toEqual(['b']);
    expect(desk.created).toHaveLength(1);
  });

  test('backs off exponentially with jitter, capped', async () => {
    const record = await accept('c');
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      desk.failNext({ kind: 'retry', message: 'refused' });
      await worker({ retryMaxMs: 30_000 }).runOnce();
      const stored = await store.get(record.ticketId);
      delays.push(Date.parse(stored!.nextAttemptAt!) - clock);
      clock = Date.parse(stored!.nextAttemptAt!);
    }
    // random() = 0.5: half of min(cap, base·2^n).
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });

  test('parks a ticket on a permanent error instead of looping, and a requeue delivers it', async () => {
    const record = await accept('d');
    desk.failNext({ kind: 'permanent', message: 'HTTP 401: bad token', status: 401 });
    await worker().runOnce();
    expect(await store.get(record.ticketId)).toMatchObject({ status: 'parked', lastError: 'HTTP 401: bad token' });
    clock += 3_600_000;
    expect(await worker().runOnce()).toBe(0);
    expect(outcomes.map((o) => o.result)).toEqual(['parked']);
    expect(await store.requeueParked()).toBe(1);
    await worker().runOnce();
    expect(await store.get(record.ticketId)).toMatchObject({ status: 'delivered' });
    expect(desk.created).toHaveLength(1);
  });

  test('after a crash between "created" and "recorded", finds the ticket instead of creating it again', async () => {
    const record = await accept('e');
    // What a relay killed mid-delivery leaves: a lease it never released, the recovery point set,
    // and the ticket already in the help desk.
    await store.claim('dead-relay', new Date(clock), 10_000, 10);
    await store.markCreateStarted(record.ticketId, 'dead-relay', new Date(clock));
    await desk.create({ ...(await import('../../../scripts/relay/agent-summary.ts')).toHelpdeskTicket((await store.get(record.ticketId))!, 1500) });
    expect(await worker().runOnce()).toBe(0); // the dead relay's lease still holds
    clock += 10_001;
    await worker().runOnce();
    expect(desk.created).toHaveLength(1);
    expect(await store.get(record.ticketId)).toMatchObject({ status: 'delivered', helpdeskId: 'MEM-1' });
    expect(outcomes).toEqual([expect.objectContaining({ result: 'delivered', recovered: true })]);
  });

  test('two workers on one store deliver each ticket exactly once', async () => {
    for (let i = 0; i < 40; i++) await accept(`t${i}`);
    desk.hold();
    const a = worker({ worker: 'wa', concurrency: 8 });
    const b = worker({ worker: 'wb', concurrency: 8 });
    const rounds = Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    setTimeout(() => desk.release(), 50);
    await rounds;
    while ((await a.runOnce()) + (await b.runOnce()) > 0);
    expect(desk.created).toHaveLength(40);
    expect(new Set(desk.created.map((t) => t.handoffId)).size).toBe(40);
  });

  test('stop() waits for deliveries in flight', async () => {
    await accept('f');
    desk.hold();
    const w = worker();
    w.start();
    await expect.poll(() => store.stats().then((s) => s.queued)).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    let stopped = false;
    const stopping = w.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    desk.release();
    await stopping;
    expect(desk.created).toHaveLength(1);
    expect((await store.stats()).delivered).toBe(1);
  });
});
