/**
 * The delivery state machine: tickets wait in a durable store and are sent, one tab at a time,
 * until the endpoint accepts them (removed, `sent`) or refuses them for good (removed, `failed`;
 * the draft stays with the form). Retries follow backoff.ts. Everything the outside world
 * provides (clock, timers, fetch, storage, cross-tab lock) is injected, so tests drive it with
 * fakes and the same code runs in every tab.
 */
import { backoffDelay, parseRetryAfter, type BackoffOptions } from '../../core/ticket/backoff.ts';
import type { Ticket } from '../../core/ticket/ticket-types.ts';
import type { OutboxEntry, OutboxEvent, OutboxStore } from './outbox-types.ts';
import { sendOnce, type SendOnceInput } from './send-once.ts';

export interface OutboxDeps {
  store: OutboxStore;
  fetch: typeof fetch;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** Runs `fn` while no other tab runs it (Web Locks, or the fallback in tab-lock.ts). */
  lock: <T>(fn: () => Promise<T>) => Promise<T>;
  challenge?: SendOnceInput['challenge'];
  random?: () => number;
  backoff?: BackoffOptions;
}

export interface Outbox {
  /** Stores the ticket and starts sending it; resolves once it is stored (or kept in memory). */
  enqueue(ticket: Ticket, endpoint: string, draftKey?: string): Promise<{ persisted: boolean }>;
  /** Sends every ticket that is due, then schedules the next attempt. */
  drain(): Promise<void>;
  /** Makes every ticket due now (back online, tab visible) except those held by Retry-After. */
  flush(): Promise<void>;
  pending(): Promise<OutboxEntry[]>;
  subscribe(listener: (event: OutboxEvent) => void): () => void;
  /** Replaces the challenge hook (the options can arrive after the outbox was created). */
  setChallenge(challenge: SendOnceInput['challenge']): void;
  readonly storeKind: OutboxStore['kind'];
  dispose(): void;
}

/** Creates the outbox over injected clock, timers, fetch, store and lock. */
export function createOutbox(deps: OutboxDeps): Outbox {
  const listeners = new Set<(event: OutboxEvent) => void>();
  let challenge = deps.challenge;
  let timer: unknown = null;
  let draining: Promise<void> | null = null;
  let again = false;
  let disposed = false;

  const emit = (event: OutboxEvent) => {
    // A copy, so a listener that unsubscribes while handling does not skip its neighbour.
    for (const listener of [...listeners]) listener(event);
  };

  async function attempt(entry: OutboxEntry): Promise<void> {
    emit({ type: 'sending', id: entry.id });
    const result = await sendOnce({ fetch: deps.fetch, endpoint: entry.endpoint, ticket: entry.ticket, challenge });
    if (result.kind === 'sent') {
      await deps.store.remove(entry.id);
      emit(result.ticketId === undefined ? { type: 'sent', id: entry.id } : { type: 'sent', id: entry.id, ticketId: result.ticketId });
      return;
    }
    if (result.kind === 'failed') {
      await deps.store.remove(entry.id);
      emit({ type: 'failed', id: entry.id, error: result.error, status: result.status });
      return;
    }
    const now = deps.now();
    const retryAfterMs = parseRetryAfter(result.retryAfter, now);
    const delay = backoffDelay(entry.attempts, retryAfterMs, { ...deps.backoff, random: deps.random ?? Math.random });
    const next: OutboxEntry = {
      ...entry,
      attempts: entry.attempts + 1,
      nextAt: now + delay,
      notBefore: retryAfterMs == null ? 0 : now + retryAfterMs,
      offline: result.offline,
    };
    await deps.store.put(next);
    emit({ type: 'waiting', id: entry.id, offline: result.offline, retryAt: next.nextAt, error: result.error });
  }

  async function drainOnce(): Promise<void> {
    await deps.lock(async () => {
      // Read inside the lock: another tab may have delivered some of these meanwhile.
      const entries = await deps.store.all();
      for (const entry of entries.sort((a, b) => a.queuedAt - b.queuedAt)) {
        if (disposed) return;
        if (entry.nextAt <= deps.now()) await attempt(entry);
      }
    });
  }

  async function schedule(): Promise<void> {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    if (disposed) return;
    const entries = await deps.store.all();
    if (entries.length === 0) return;
    const earliest = Math.min(...entries.map((e) => e.nextAt));
    timer = deps.setTimer(() => {
      timer = null;
      void drain();
    }, Math.max(0, earliest - deps.now()));
  }

  function drain(): Promise<void> {
    if (draining) {
      // A drain is running; run once more after it so nothing enqueued meanwhile waits a timer.
      again = true;
      return draining;
    }
    draining = (async () => {
      try {
        // A ticket enqueued while this runs sets `again`, also during schedule(), which may have
        // read the store before the ticket was put there: go round once more rather than leave it
        // waiting for the next `online` or tab switch.
        for (;;) {
          again = false;
          await drainOnce();
          if (again && !disposed) continue;
          await schedule();
          if (!again || disposed) break;
        }
      } finally {
        draining = null;
      }
    })();
    return draining;
  }

  return {
    storeKind: deps.store.kind,
    async enqueue(ticket, endpoint, draftKey) {
      const now = deps.now();
      const entry: OutboxEntry = {
        id: ticket.id,
        endpoint,
        ticket,
        attempts: 0,
        nextAt: now,
        notBefore: 0,
        queuedAt: now,
        offline: false,
        ...(draftKey ? { draftKey } : {}),
      };
      const persisted = await deps.store.put(entry);
      emit({ type: 'queued', id: ticket.id, persisted });
      void drain();
      return { persisted };
    },
    drain,
    async flush() {
      const now = deps.now();
      for (const entry of await deps.store.all()) {
        const due = Math.max(now, entry.notBefore);
        if (entry.nextAt > due) await deps.store.put({ ...entry, nextAt: due });
      }
      await drain();
    },
    pending: () => deps.store.all(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setChallenge(next) {
      challenge = next;
    },
    dispose() {
      disposed = true;
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
      listeners.clear();
    },
  };
}
