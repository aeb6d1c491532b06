/**
 * The delivery worker: the outbox half of exactly-once. It leases due tickets from the store
 * (several relays on one database never share one), and for each:
 *   1. if an earlier create may have reached the help desk (createStartedAt is set), look the
 *      ticket up there by its hand-off id first, and only record it when found;
 *   2. record the recovery point (createStartedAt), then create;
 *   3. record the help desk's id, or schedule a retry with backoff and jitter, or park it on a
 *      permanent error (401, 403, 422 …) for a person to fix and `tier0 relay retry`.
 * A crash anywhere leaves the lease to expire and the next attempt to resume at step 1.
 */
import { backoffDelay } from '../../widget/core/ticket/backoff.ts';
import { toHelpdeskTicket } from './agent-summary.ts';
import type { Log } from './log.ts';
import type { Connector, ConnectorError, RelayStore, TicketRecord } from './relay-types.ts';

export interface DeliveryOptions {
  store: RelayStore;
  connector: Connector;
  log: Log;
  /** This relay's worker id (unique per process). */
  worker: string;
  concurrency: number;
  leaseMs: number;
  pollMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  fastSubmitMs: number;
  /** Told after every outcome, for /healthz and metrics. */
  onOutcome?: (outcome: DeliveryOutcome) => void;
  now?: () => Date;
  random?: () => number;
}

export type DeliveryOutcome =
  | { ticketId: string; result: 'delivered'; helpdeskId: string; recovered: boolean; ms: number }
  | { ticketId: string; result: 'retry' | 'parked'; error: ConnectorError; ms: number }
  | { ticketId: string; result: 'lease-lost'; ms: number };

export interface DeliveryWorker {
  /** Starts polling; resolves at once. */
  start(): void;
  /** Looks for work now (a ticket was just accepted) instead of at the next poll. */
  wake(): void;
  /** Stops claiming and resolves when the deliveries in flight have finished. */
  stop(): Promise<void>;
  /** Runs one claim-and-deliver round and resolves when it is done (tests, `retry`). */
  runOnce(): Promise<number>;
}

/** Creates the worker; nothing runs until start() or runOnce(). */
export function createDeliveryWorker(options: DeliveryOptions): DeliveryWorker {
  const { store, connector, log, worker } = options;
  const now = options.now ?? (() => new Date());
  const inFlight = new Set<Promise<void>>();
  let stopped = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let polling = false;
  let again = false;

  async function settle(record: TicketRecord, error: ConnectorError, started: number): Promise<void> {
    const ms = Date.now() - started;
    if (error.kind === 'permanent') {
      const held = await store.park(record.ticketId, worker, error.message);
      log('error', 'ticket.parked', { ticketId: record.ticketId, queue: record.route.queue, attempt: record.attempts, status: error.status, error: error.message });
      options.onOutcome?.(held ? { ticketId: record.ticketId, result: 'parked', error, ms } : { ticketId: record.ticketId, result: 'lease-lost', ms });
      return;
    }
    const delay = backoffDelay(record.attempts - 1, error.retryAfterMs ?? null, { baseMs: options.retryBaseMs, maxMs: options.retryMaxMs, random: options.random });
    const held = await store.retryLater(record.ticketId, worker, new Date(now().getTime() + delay), error.message);
    log('warn', 'ticket.retry', { ticketId: record.ticketId, attempt: record.attempts, retryInMs: delay, status: error.status, error: error.message });
    options.onOutcome?.(held ? { ticketId: record.ticketId, result: 'retry', error, ms } : { ticketId: record.ticketId, result: 'lease-lost', ms });
  }

  async function delivered(record: TicketRecord, helpdeskId: string, recovered: boolean, started: number): Promise<void> {
    const ms = Date.now() - started;
    const held = await store.markDelivered(record.ticketId, worker, helpdeskId, now());
    if (!held) {
      // Another relay took the ticket over after our lease ran out; it looks the ticket up
      // before creating, so it finds this one.
      log('warn', 'ticket.lease-lost', { ticketId: record.ticketId, helpdeskId });
      options.onOutcome?.({ ticketId: record.ticketId, result: 'lease-lost', ms });
      return;
    }
    log('info', 'ticket.delivered', { ticketId: record.ticketId, helpdeskId, queue: record.route.queue, priority: record.route.priority, attempt: record.attempts, recovered, ms });
    options.onOutcome?.({ ticketId: record.ticketId, result: 'delivered', helpdeskId, recovered, ms });
  }

  async function deliver(record: TicketRecord): Promise<void> {
    const started = Date.now();
    if (record.createStartedAt) {
      const found = await connector.findByHandoffId(record.handoffId, record.route.queue);
      if (!found.ok) return settle(record, found.error, started);
      if (found.value) return delivered(record, found.value.helpdeskId, true, started);
    }
    let ticket;
    try {
      ticket = toHelpdeskTicket(record, options.fastSubmitMs);
    } catch (error) {
      return settle(record, { kind: 'permanent', message: (error as Error).message }, started);
    }
    if (!(await store.markCreateStarted(record.ticketId, worker, now()))) {
      options.onOutcome?.({ ticketId: record.ticketId, result: 'lease-lost', ms: Date.now() - started });
      return;
    }
    const created = await connector.create(ticket);
    if (!created.ok) return settle(record, created.error, started);
    return delivered(record, created.value.helpdeskId, false, started);
  }

  function track(record: TicketRecord): void {
    const job = deliver(record)
      .catch((error: unknown) => {
        // A bug or a store failure: the lease expires and the ticket is tried again.
        log('error', 'ticket.delivery-failed', { ticketId: record.ticketId, error: String(error) });
      })
      .finally(() => {
        inFlight.delete(job);
        if (!stopped) schedule(0);
      });
    inFlight.add(job);
  }

  async function claimRound(): Promise<number> {
    const free = options.concurrency - inFlight.size;
    if (free <= 0) return 0;
    const claimed = await store.claim(worker, now(), options.leaseMs, free);
    for (const record of claimed) track(record);
    return claimed.length;
  }

  async function poll(): Promise<void> {
    if (polling) {
      again = true;
      return;
    }
    polling = true;
    try {
      do {
        again = false;
        // Keep claiming while there is work and room; the loop ends when the queue is empty.
        while (!stopped && (await claimRound()) > 0 && inFlight.size < options.concurrency);
      } while (again && !stopped);
    } catch (error) {
      log('error', 'store.claim-failed', { error: String(error) });
    } finally {
      polling = false;
      if (!stopped) schedule(options.pollMs);
    }
  }

  function schedule(ms: number): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void poll(), ms);
    // A waiting worker must not keep a finished process alive.
    timer.unref?.();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    wake() {
      if (!stopped) schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async runOnce() {
      const count = await claimRound();
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      return count;
    },
  };
}
