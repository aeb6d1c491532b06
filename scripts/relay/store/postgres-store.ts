/**
 * The shared store: PostgreSQL through a `pg` pool, so several relays can work from one database.
 * The queue is the `tickets` table itself: `claim` picks due rows with FOR UPDATE SKIP LOCKED, so
 * two relays claiming at once each get different tickets and neither waits for the other.
 *
 * Each method is one statement (its own transaction) except `accept`'s read-back, which must be a
 * second statement: a statement's snapshot may predate the row whose key made the insert do
 * nothing, so only a later statement is sure to see it. PostgreSQL's own group commit covers
 * concurrent accepts (synchronous_commit on: each resolves after its WAL is flushed).
 */
import pg from 'pg';
import type { Pool } from 'pg';
import type { RelayStore, StoreStats, TicketStatus } from '../relay-types.ts';
import { migratePostgres } from './migrations.ts';
import { byDueThenAge, COLUMNS, recordFromRow, seqOf, seqsOf, type TicketRow } from './store-rows.ts';

type Row = TicketRow<Date, unknown>;

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  max?: number;
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

/** Opens a pool on `url`; call migrate() before use. Connects lazily, on the first query. */
export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): RelayStore {
  const pool: Pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: 'tier0-relay' });
  // An idle connection the server dropped (restart, failover) is discarded by the pool and the
  // next query opens a new one; without a listener the error would crash the process.
  pool.on('error', () => undefined);
  let closing: Promise<void> | undefined;

  /** Runs one leased-ticket update; true when it changed the ticket (the lease was ours). */
  async function changed(ticketId: string, text: string, values: unknown[]): Promise<boolean> {
    const seq = seqOf(ticketId);
    if (seq === null) return false;
    const result = await pool.query(text, [seq, ...values]);
    return result.rowCount === 1;
  }

  return {
    kind: 'postgres',

    async migrate() {
      await migratePostgres(pool);
    },

    async accept(input) {
      const discarded = input.status === 'discarded';
      const inserted = await pool.query<Row>(
        `INSERT INTO tickets (idempotency_key, handoff_id, status, ticket, route, received_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING ${COLUMNS}`,
        [
          input.idempotencyKey,
          input.handoffId,
          input.status,
          // A bot's ticket is answered like any other, but nothing it sent is kept.
          discarded || input.ticket === null ? null : JSON.stringify(input.ticket),
          JSON.stringify(input.route),
          input.receivedAt,
          discarded ? null : input.receivedAt,
        ],
      );
      const created = inserted.rows[0];
      if (created) return { record: toRecord(created), created: true };
      const existing = await pool.query<Row>(`SELECT ${COLUMNS} FROM tickets WHERE idempotency_key = $1`, [input.idempotencyKey]);
      const row = existing.rows[0];
      if (!row) throw new Error(`store: idempotency key conflict without a stored ticket (${input.idempotencyKey})`);
      return { record: toRecord(row), created: false };
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
      await pool.query('SELECT 1');
    },

    close() {
      // pg rejects a second end(); a second close() answers the first one's promise instead.
      return (closing ??= pool.end());
    },
  };
}
