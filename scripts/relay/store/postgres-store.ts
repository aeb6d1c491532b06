/**
 * The shared store: PostgreSQL through `pg` pools, so several relays can work from one database.
 * The queue is the `tickets` table itself: `claim` picks due rows with FOR UPDATE SKIP LOCKED, so
 * two relays claiming at once each get different tickets and neither waits for the other.
 *
 * Each method is one statement (its own transaction) except `accept`'s read-back, which must be a
 * second statement: a statement's snapshot may predate the row whose key made the insert do
 * nothing, so only a later statement is sure to see it. Concurrent accepts are group-committed
 * (group-commit.ts): one multi-row INSERT per batch, so a burst costs a few commits, not one each.
 */
import pg from 'pg';
import type { Pool } from 'pg';
import type { AcceptInput, RelayStore, StoreStats, TicketRecord, TicketStatus } from '../relay-types.ts';
import { groupCommit, type Settled } from './group-commit.ts';
import { migratePostgres } from './migrations.ts';
import { byDueThenAge, COLUMNS, recordFromRow, seqOf, seqsOf, type TicketRow } from './store-rows.ts';

type Row = TicketRow<Date, unknown>;

export interface PostgresStoreOptions {
  /** Connections in all (default 10): half for accepting tickets, half for everything else. */
  max?: number;
}

type Accepted = { record: TicketRecord; created: boolean };

/** An accept's values in the INSERT's column order. */
function columnsOf(input: AcceptInput): unknown[] {
  const discarded = input.status === 'discarded';
  const received = input.receivedAt.toISOString();
  return [
    input.idempotencyKey,
    input.handoffId,
    input.status,
    // A bot's ticket is answered like any other, but nothing it sent is kept.
    discarded || input.ticket === null ? null : JSON.stringify(input.ticket),
    JSON.stringify(input.route),
    received,
    discarded ? null : received,
  ];
}

const toRecord = (row: Row) =>
  recordFromRow(
    row,
    (time: Date) => time.toISOString(),
    (value: unknown) => value,
  );

// A leased ticket is changed only by the worker holding the lease, and only while queued.
const LEASED = "seq = $1 AND status = 'queued' AND lease_owner = $2";
const RELEASE = 'lease_owner = NULL, lease_until = NULL';

function newPool(url: string, max: number): Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'tier0-relay' });
  // An idle connection the server dropped (restart, failover) is discarded by the pool and the
  // next query opens a new one; without a listener the error would crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/** Opens the pools on `url`; call migrate() before use. Connects lazily, on the first query. */
export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): RelayStore {
  const max = Math.max(2, options.max ?? 10);
  // Accepts have their own connections: an HTTP answer never queues behind delivery work.
  const acceptSize = Math.floor(max / 2);
  const acceptPool = newPool(url, acceptSize);
  const pool = newPool(url, max - acceptSize);
  let closing: Promise<void> | undefined;

  /** Runs one leased-ticket update; true when it changed the ticket (the lease was ours). */
  async function changed(ticketId: string, text: string, values: unknown[]): Promise<boolean> {
    const seq = seqOf(ticketId);
    if (seq === null) return false;
    const result = await pool.query(text, [seq, ...values]);
    return result.rowCount === 1;
  }

  /** Stores one accept: INSERT … ON CONFLICT DO NOTHING, then read back the winner. */
  async function acceptOne(input: AcceptInput): Promise<Accepted> {
    const inserted = await acceptPool.query<Row>(
      `INSERT INTO tickets (idempotency_key, handoff_id, status, ticket, route, received_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      columnsOf(input),
    );
    const created = inserted.rows[0];
    if (created) return { record: toRecord(created), created: true };
    const existing = await acceptPool.query<Row>(`SELECT ${COLUMNS} FROM tickets WHERE idempotency_key = $1`, [input.idempotencyKey]);
    const row = existing.rows[0];
    if (!row) throw new Error(`store: idempotency key conflict without a stored ticket (${input.idempotencyKey})`);
    return { record: toRecord(row), created: false };
  }

  /** Stores a batch of accepts in one statement (one commit), then reads back the keys already taken. */
  async function acceptMany(batch: AcceptInput[]): Promise<Settled<Accepted>[]> {
    // The first call with a key is the one that may create; later ones in the batch replay it.
    const first = new Map<string, number>();
    batch.forEach((input, i) => {
      if (!first.has(input.idempotencyKey)) first.set(input.idempotencyKey, i);
    });
    // In key order: two batches sharing keys then lock them in the same order and never deadlock.
    const unique = [...first.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, i]) => columnsOf(batch[i]!));
    const column = (c: number) => unique.map((values) => values[c]);
    const inserted = await acceptPool.query<Row>(
      `INSERT INTO tickets (idempotency_key, handoff_id, status, ticket, route, received_at, next_attempt_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::json[], $5::json[], $6::timestamptz[], $7::timestamptz[])
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [0, 1, 2, 3, 4, 5, 6].map(column),
    );
    const created = new Map(inserted.rows.map((row) => [row.idempotency_key, row]));
    const taken = [...first.keys()].filter((key) => !created.has(key));
    const existing = new Map<string, Row>();
    if (taken.length > 0) {
      const { rows } = await acceptPool.query<Row>(`SELECT ${COLUMNS} FROM tickets WHERE idempotency_key = ANY($1::text[])`, [taken]);
      for (const row of rows) existing.set(row.idempotency_key, row);
    }
    return batch.map((input, i): Settled<Accepted> => {
      const key = input.idempotencyKey;
      const mine = created.get(key);
      if (mine) return { ok: true, value: { record: toRecord(mine), created: first.get(key) === i } };
      const row = existing.get(key);
      if (!row) return { ok: false, error: new Error(`store: idempotency key conflict without a stored ticket (${key})`) };
      return { ok: true, value: { record: toRecord(row), created: false } };
    });
  }

  const settle = (promise: Promise<Accepted>): Promise<Settled<Accepted>> =>
    promise.then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error }),
    );

  // One batch per accept connection at a time; under load the batches grow instead.
  const accepts = groupCommit(
    async (batch: AcceptInput[]): Promise<Settled<Accepted>[]> => {
      if (batch.length === 1) return [await settle(acceptOne(batch[0]!))];
      try {
        return await acceptMany(batch);
      } catch {
        // One by one, only the accept that cannot be stored fails. Anything the batch did store
        // is found again by its key (a replay, so answered as not created).
        return Promise.all(batch.map((input) => settle(acceptOne(input))));
      }
    },
    { maxInFlight: acceptSize, maxBatch: 200 },
  );

  return {
    kind: 'postgres',

    async migrate() {
      await migratePostgres(pool);
    },

    accept(input) {
      return accepts.submit(input);
    },

    async get(ticketId) {
      const seq = seqOf(ticketId);
      if (seq === null) return null;
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM tickets WHERE seq = $1`, [seq]);
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async claim(worker, now, leaseMs, limit) {
      const { rows } = await pool.query<Row>(
        `WITH picked AS (
           SELECT seq FROM tickets
           WHERE status = 'queued' AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until <= $2)
           ORDER BY next_attempt_at, seq
           LIMIT $4
           FOR UPDATE SKIP LOCKED)
         UPDATE tickets t SET lease_owner = $1, lease_until = $3, attempts = t.attempts + 1
         FROM picked WHERE t.seq = picked.seq
         RETURNING ${COLUMNS.split(', ').map((c) => `t.${c}`).join(', ')}`,
        [worker, now, new Date(now.getTime() + leaseMs), limit],
      );
      return rows.map(toRecord).sort(byDueThenAge);
    },

    // The recovery point is written only while the lease still runs: once it has expired another
    // worker may take the ticket over, and a create sent now could race that worker's.
    markCreateStarted: (ticketId, worker, at) =>
      changed(ticketId, `UPDATE tickets SET create_started_at = $3 WHERE ${LEASED} AND lease_until > $3`, [worker, at]),

    markDelivered: (ticketId, worker, helpdeskId, at) =>
      changed(
        ticketId,
        `UPDATE tickets SET status = 'delivered', helpdesk_id = $3, delivered_at = $4,
           next_attempt_at = NULL, last_error = NULL, ${RELEASE}
         WHERE ${LEASED}`,
        [worker, helpdeskId, at],
      ),

    retryLater: (ticketId, worker, nextAttemptAt, error) =>
      changed(ticketId, `UPDATE tickets SET next_attempt_at = $3, last_error = $4, ${RELEASE} WHERE ${LEASED}`, [
        worker,
        nextAttemptAt,
        error,
      ]),

    park: (ticketId, worker, error) =>
      changed(
        ticketId,
        `UPDATE tickets SET status = 'parked', next_attempt_at = NULL, last_error = $3, ${RELEASE} WHERE ${LEASED}`,
        [worker, error],
      ),

    async requeueParked(ticketIds) {
      const now = new Date();
      const result =
        ticketIds === undefined
          ? await pool.query("UPDATE tickets SET status = 'queued', next_attempt_at = $1 WHERE status = 'parked'", [now])
          : await pool.query(
              "UPDATE tickets SET status = 'queued', next_attempt_at = $1 WHERE status = 'parked' AND seq = ANY($2::bigint[])",
              [now, seqsOf(ticketIds)],
            );
      return result.rowCount ?? 0;
    },

    async forgetDelivered(before) {
      const result = await pool.query("UPDATE tickets SET ticket = NULL WHERE status = 'delivered' AND delivered_at < $1 AND ticket IS NOT NULL", [before]);
      return result.rowCount ?? 0;
    },

    async stats() {
      const { rows } = await pool.query<{ status: TicketStatus; n: number; oldest: Date | null }>(
        `SELECT status, count(*)::int AS n, min(received_at) AS oldest FROM tickets GROUP BY status`,
      );
      const stats: StoreStats = { queued: 0, delivered: 0, parked: 0, discarded: 0, oldestQueuedAt: null };
      for (const { status, n, oldest } of rows) {
        stats[status] = n;
        if (status === 'queued' && oldest) stats.oldestQueuedAt = oldest.toISOString();
      }
      return stats;
    },

    async ping() {
      await Promise.all([acceptPool.query('SELECT 1'), pool.query('SELECT 1')]);
    },

    close() {
      // Accepts already made are stored first (graceful shutdown). pg rejects a second end(),
      // so a second close() answers the first one's promise.
      return (closing ??= accepts.drain().then(() => Promise.all([acceptPool.end(), pool.end()])).then(() => undefined));
    },
  };
}
