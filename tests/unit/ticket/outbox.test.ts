import { describe, expect, test } from 'vitest';
import { createOutbox, type OutboxDeps } from '../../../widget/services/outbox/outbox.ts';
import { createMemoryStore, withMemoryFallback } from '../../../widget/services/outbox/memory-store.ts';
import type { OutboxEvent, OutboxStore } from '../../../widget/services/outbox/outbox-types.ts';
import { makeTicket } from './factories.ts';

const ENDPOINT = 'https://help.example.com/api/tickets';

// Lets every pending promise chain (drain → fetch → store) run to completion.
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

function makeClock(start = Date.parse('2026-11-23T08:00:00Z')) {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      timers.set(++nextId, { at: now + ms, fn });
      return nextId;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    /** Moves time forward, firing due timers in order. */
    async advance(ms: number) {
      const target = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await settle();
      }
      now = target;
    },
    pendingTimers: () => [...timers.values()].map((t) => t.at - now),
  };
}

type Reply = Response | Error;

function makeFetch(replies: Reply[]) {
  const calls: Array<{ url: string; headers: Record<string, string>; body: unknown }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) });
    const reply = replies.shift() ?? new Response('{"ticketId":"L1-9999"}', { status: 201 });
    if (reply instanceof Error) throw reply;
    return reply;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

function mutex(): OutboxDeps['lock'] {
  let tail: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

function makeOutbox(overrides: Partial<OutboxDeps> & { replies?: Reply[] } = {}) {
  const clock = makeClock();
  const { fetch, calls } = makeFetch(overrides.replies ?? []);
  const store = overrides.store ?? createMemoryStore();
  const events: OutboxEvent[] = [];
  const outbox = createOutbox({
    store,
    fetch,
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    lock: mutex(),
    random: () => 0.5,
    ...overrides,
  });
  outbox.subscribe((e) => events.push(e));
  return { outbox, clock, calls, store, events };
}

describe('outbox', () => {
  test('sends a ticket enqueued while a drain is finishing (a submit right after the form opened)', async () => {
    const inner = createMemoryStore();
    let calls = 0;
    let release: () => void = () => {};
    // The drain's last read of the store (its schedule step, after flush and drainOnce) answers
    // with what it read before the ticket was put there, and only once the ticket is in: the
    // race a submit made right after the form opened hits.
    const store: OutboxStore = {
      kind: inner.kind,
      put: inner.put,
      remove: inner.remove,
      all: async () => {
        calls++;
        if (calls !== 3) return inner.all();
        const before = await inner.all();
        await new Promise<void>((resolve) => { release = resolve; });
        return before;
      },
    };
    const { outbox, calls: posts, events } = makeOutbox({ store });
    const flushing = outbox.flush();
    await settle();
    await outbox.enqueue(makeTicket(), ENDPOINT);
    release();
    await flushing;
    await settle();
    expect(posts).toHaveLength(1);
    expect(events.map((e) => e.type)).toEqual(['queued', 'sending', 'sent']);
  });

  test('delivers a ticket with its Idempotency-Key and reports the endpoint’s ticketId', async () => {
    const { outbox, calls, events, store } = makeOutbox({ replies: [json(201, { ticketId: 'L1-1001' })] });
    const ticket = makeTicket();
    await outbox.enqueue(ticket, ENDPOINT);
    await settle();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(ENDPOINT);
    expect(calls[0]?.headers['Idempotency-Key']).toBe(ticket.id);
    expect(calls[0]?.headers['Content-Type']).toBe('application/json');
    expect(calls[0]?.body).toEqual(ticket);
    expect(events.map((e) => e.type)).toEqual(['queued', 'sending', 'sent']);
    expect(events.at(-1)).toEqual({ type: 'sent', id: ticket.id, ticketId: 'L1-1001' });
    expect(await store.all()).toEqual([]);
  });

  test('retries 503s no sooner than Retry-After, with the same key, until delivered once', async () => {
    const { outbox, calls, events, clock } = makeOutbox({
      replies: [json(503, { error: 'busy' }, { 'Retry-After': '1' }), json(503, {}, { 'Retry-After': '1' }), json(200, { ticketId: 'L1-1002' })],
    });
    await outbox.enqueue(makeTicket(), ENDPOINT);
    await settle();
    expect(calls).toHaveLength(1);
    expect(clock.pendingTimers()).toEqual([1000]);
    await clock.advance(999);
    expect(calls).toHaveLength(1);
    await clock.advance(1);
    expect(calls).toHaveLength(2);
    await clock.advance(5000);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.headers['Idempotency-Key']))).toEqual(new Set([makeTicket().id]));
    expect(events.filter((e) => e.type === 'sent')).toEqual([{ type: 'sent', id: makeTicket().id, ticketId: 'L1-1002' }]);
    expect(clock.pendingTimers()).toEqual([]);
  });

  test('retries network errors, 408 and 429 with growing jittered delays', async () => {
    const { outbox, calls, events, clock } = makeOutbox({
      replies: [new TypeError('Failed to fetch'), json(408, {}), json(429, {}), json(201, {})],
    });
    await outbox.enqueue(makeTicket(), ENDPOINT);
    await settle();
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      waits.push(...clock.pendingTimers());
      await clock.advance(clock.pendingTimers()[0] ?? 0);
    }
    // random() = 0.5 → half of 1 s, 2 s, 4 s.
    expect(waits).toEqual([500, 1000, 2000]);
    expect(calls).toHaveLength(4);
    expect(events.filter((e) => e.type === 'waiting').map((e) => (e as { offline: boolean }).offline)).toEqual([true, false, false]);
    expect(events.at(-1)?.type).toBe('sent');
  });

  test('refuses for good on other 4xx: the endpoint’s error, removed, never retried', async () => {
    const { outbox, calls, events, store, clock } = makeOutbox({ replies: [json(422, { error: 'requester.email is missing' })] });
    await outbox.enqueue(makeTicket(), ENDPOINT);
    await settle();
    await clock.advance(600_000);
    expect(calls).toHaveLength(1);
    expect(events.at(-1)).toEqual({ type: 'failed', id: makeTicket().id, error: 'requester.email is missing', status: 422 });
    expect(await store.all()).toEqual([]);
  });

  test('falls back to the status when a 4xx has no JSON error', async () => {
    const { outbox, events } = makeOutbox({ replies: [new Response('nope', { status: 403 })] });
    await outbox.enqueue(makeTicket(), ENDPOINT);
    await settle();
    expect(events.at(-1)).toMatchObject({ type: 'failed', error: 'HTTP 403' });
  });

  test('sends at once when back online instead of waiting out the backoff', async () => {
    const { outbox, calls, clock } = makeOutbox({
      replies: [new TypeError('offline'), new TypeError('offline'), new TypeError('offline'), json(201, {})],
      random: () => 0.99,
    });
    await outbox.enqueue(makeTicket(), ENDPOINT);
    await settle();
    await clock.advance(clock.pendingTimers()[0] ?? 0);
    await clock.advance(clock.pendingTimers()[0] ?? 0);
    expect(calls).toHaveLength(3);
    expect(clock.pendingTimers()[0]).toBeGreaterThan(3000);
    await outbox.flush();
    await settle();
    expect(calls).toHaveLength(4);
  });

  test('keeps honouring Retry-After when the tab comes back', async () => {
    const { outbox, calls } = makeOutbox({ replies: [json(503, {}, { 'Retry-After': '120' })] });
    await outbox.enqueue(makeTicket(), ENDPOINT);
    await settle();
    await outbox.flush();
    await settle();
    expect(calls).toHaveLength(1);
  });

  test('sends a ticket left by an earlier page from the durable store', async () => {
    const store = createMemoryStore();
    const first = makeOutbox({ store, replies: [new TypeError('offline')] });
    await first.outbox.enqueue(makeTicket(), ENDPOINT);
    await settle();
    first.outbox.dispose(); // the tab is closed
    const second = makeOutbox({ store, replies: [json(201, { ticketId: 'L1-1003' })] });
    await second.outbox.flush();
    await settle();
    expect(second.calls).toHaveLength(1);
    expect(second.events.at(-1)).toMatchObject({ type: 'sent', ticketId: 'L1-1003' });
    expect(await store.all()).toEqual([]);
  });

  test('posts a ticket once when two tabs drain the same store at the same time', async () => {
    const store = createMemoryStore();
    const lock = mutex();
    const a = makeOutbox({ store, lock });
    const b = makeOutbox({ store, lock });
    await a.outbox.enqueue(makeTicket(), ENDPOINT);
    await Promise.all([a.outbox.drain(), b.outbox.drain(), b.outbox.flush()]);
    await settle();
    expect(a.calls.length + b.calls.length).toBe(1);
  });

  test('asks the challenge hook for a fresh token at every attempt', async () => {
    let n = 0;
    const { outbox, calls, clock } = makeOutbox({
      replies: [json(503, {}), json(201, {})],
      challenge: async () => `token-${++n}`,
    });
    await outbox.enqueue(makeTicket(), ENDPOINT);
    await settle();
    await clock.advance(clock.pendingTimers()[0] ?? 0);
    expect(calls.map((c) => c.headers['X-Tier0-Challenge'])).toEqual(['token-1', 'token-2']);
  });

  test('keeps a ticket in memory and says so when the durable store refuses it', async () => {
    const full: OutboxStore = { kind: 'localstorage', all: async () => [], put: async () => false, remove: async () => {} };
    const store = withMemoryFallback(full);
    const { outbox, events, calls } = makeOutbox({ store, replies: [new TypeError('offline')] });
    const { persisted } = await outbox.enqueue(makeTicket(), ENDPOINT);
    await settle();
    expect(persisted).toBe(false);
    expect(events[0]).toEqual({ type: 'queued', id: makeTicket().id, persisted: false });
    expect(await store.all()).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });
});
