/**
 * The embedded store: one SQLite file (better-sqlite3), WAL with synchronous=FULL so an accepted
 * ticket survives a crash and a power loss, and a busy timeout so a second process on the same
 * file (a `tier0 relay retry` while the relay runs) waits instead of failing.
 *
 * Every write is a BEGIN IMMEDIATE transaction: it takes the write lock before it reads, so two
 * processes never act on the same stale read (and SQLite never answers SQLITE_BUSY_SNAPSHOT,
 * which no busy timeout retries).
 *
 * All writes use group commit (group-commit.ts): the calls made while the previous batch
 * committed are stored together in one transaction, one fsync, and each caller resolves only
 * after that commit. Alone, a write waits for no timer.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AcceptInput, RelayStore, StoreStats, TicketRecord, TicketStatus } from '../relay-types.ts';
import { groupCommit, type Settled } from './group-commit.ts';
import { migrateSqlite } from './migrations.ts';
import { byDueThenAge, COLUMNS, recordFromRow, seqOf, seqsOf, type TicketRow } from './store-rows.ts';

type Row = TicketRow<number, string>;

type Accepted = { record: TicketRecord; created: boolean };

export interface SqliteStoreOptions {
  /** How long a write waits for another process's write lock before failing (default 5 s). */
  busyTimeoutMs?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const toRecord = (row: Row) => recordFromRow(row, iso, (text: string) => JSON.parse(text) as unknown);

/** Opens (and creates, with its folder) the SQLite store at `file`; call migrate() before use. */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): RelayStore {
  // The folder holds personal data (the tickets): only the relay's user may read a new one.
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');

  // Prepared on first use: the tables exist only after migrate().
  let statements: ReturnType<typeof prepare> | undefined;
  const sql = () => (statements ??= prepare(db));

  let closed = false;

  /** Runs a batch of writes in one transaction; one result per write. */
  function commitWrites(batch: Array<() => unknown>): Settled<unknown>[] {
    return db.transaction(() =>
      batch.map((run): Settled<unknown> => {
        try {
          return { ok: true, value: run() };
        } catch (error) {
          // A failed statement undoes only itself, so the rest of the batch stands; but when
          // SQLite had to roll the whole transaction back, nothing in the batch is stored.
          if (!db.inTransaction) throw error;
          return { ok: false, error };
        }
      }),
    ).immediate();
  }
  // One writer per file: one batch at a time, the next formed while it commits. Accepts and the
  // delivery worker's updates share commits, so delivering does not cost an fsync per step.
  const writes = groupCommit(commitWrites, { maxInFlight: 1, maxBatch: 500 });

  /** Runs `fn` inside the next group commit; resolves with its result once that is durable. */
  function write<T>(fn: () => T): Promise<T> {
    if (closed) return Promise.reject(new Error('store: the SQLite store is closed'));
    return writes.submit(fn) as Promise<T>;
  }

  function acceptOne(input: AcceptInput): Accepted {
    const s = sql();
    const discarded = input.status === 'discarded';
    const received = input.receivedAt.getTime();
    const inserted = s.insert.get({
      key: input.idempotencyKey,
      handoff: input.handoffId,
      status: input.status,
      // A bot's ticket is answered like any other, but nothing it sent is kept.
      ticket: discarded || input.ticket === null ? null : JSON.stringify(input.ticket),
      route: JSON.stringify(input.route),
      received,
      next: discarded ? null : received,
    });
    if (inserted) return { record: toRecord(inserted), created: true };
    const existing = s.byKey.get(input.idempotencyKey);
    if (!existing) throw new Error(`store: idempotency key conflict without a stored ticket (${input.idempotencyKey})`);
    return { record: toRecord(existing), created: false };
  }

  function open(): void {
    if (closed) throw new Error('store: the SQLite store is closed');
  }

  return {
    kind: 'sqlite',

    async migrate() {
      open();
      migrateSqlite(db);
    },

    accept(input) {
      return write(() => acceptOne(input));
    },

    async get(ticketId) {
      open();
      const seq = seqOf(ticketId);
      const row = seq === null ? undefined : sql().bySeq.get(seq);
      return row ? toRecord(row) : null;
    },

    async claim(worker, now, leaseMs, limit) {
      const at = now.getTime();
      const rows = await write(() => sql().claim.all({ worker, now: at, until: at + leaseMs, limit }));
      return rows.map(toRecord).sort(byDueThenAge);
    },

    markCreateStarted(ticketId, worker, at) {
      return changed(ticketId, (seq) => sql().createStarted.run({ seq, worker, at: at.getTime() }));
    },

    markDelivered(ticketId, worker, helpdeskId, at) {
      return changed(ticketId, (seq) => sql().delivered.run({ seq, worker, helpdeskId, at: at.getTime() }));
    },

    retryLater(ticketId, worker, nextAttemptAt, error) {
      return changed(ticketId, (seq) => sql().retryLater.run({ seq, worker, next: nextAttemptAt.getTime(), error }));
    },

    park(ticketId, worker, error) {
      return changed(ticketId, (seq) => sql().park.run({ seq, worker, error }));
    },

    async requeueParked(ticketIds) {
      const now = Date.now();
      const result = await write(() =>
        ticketIds === undefined
          ? sql().requeueAll.run({ now })
          : sql().requeueSome.run({ now, seqs: JSON.stringify(seqsOf(ticketIds)) }),
      );
      return result.changes;
    },

    async forgetDelivered(before) {
      return (await write(() => sql().forget.run({ before: before.getTime() }))).changes;
    },

    async stats() {
      open();
      const stats: StoreStats = { queued: 0, delivered: 0, parked: 0, discarded: 0, oldestQueuedAt: null };
      for (const { status, n, oldest } of sql().counts.all()) {
        stats[status] = n;
        if (status === 'queued' && oldest !== null) stats.oldestQueuedAt = iso(oldest);
      }
      return stats;
    },

    async ping() {
      open();
      db.prepare('SELECT 1').get();
    },

    async close() {
      if (closed) return;
      closed = true;
      // Writes already made are stored before the file closes (graceful shutdown).
      await writes.drain();
      db.close();
    },
  };

  /** Runs one leased-ticket update; true when it changed the ticket (the lease was ours). */
  async function changed(ticketId: string, run: (seq: number) => { changes: number }): Promise<boolean> {
    const seq = seqOf(ticketId);
    return seq !== null && (await write(() => run(seq))).changes === 1;
  }
}

/** The statements, prepared once per connection. Times are epoch milliseconds. */
function prepare(db: Database.Database) {
  // A leased ticket is changed only by the worker holding the lease, and only while queued.
  const leased = "seq = @seq AND status = 'queued' AND lease_owner = @worker";
  const release = 'lease_owner = NULL, lease_until = NULL';
  return {
    insert: db.prepare<Row>(
      `INSERT INTO tickets (idempotency_key, handoff_id, status, ticket, route, received_at, next_attempt_at)
       VALUES (@key, @handoff, @status, @ticket, @route, @received, @next)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING ${COLUMNS}`,
    ),
    byKey: db.prepare<Row>(`SELECT ${COLUMNS} FROM tickets WHERE idempotency_key = ?`),
    bySeq: db.prepare<Row>(`SELECT ${COLUMNS} FROM tickets WHERE seq = ?`),
    claim: db.prepare<Row>(
      `UPDATE tickets SET lease_owner = @worker, lease_until = @until, attempts = attempts + 1
       WHERE seq IN (
         SELECT seq FROM tickets
         WHERE status = 'queued' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
         ORDER BY next_attempt_at, seq
         LIMIT @limit)
       RETURNING ${COLUMNS}`,
    ),
    // The recovery point is written only while the lease still runs: once it has expired another
    // worker may take the ticket over, and a create sent now could race that worker's.
    createStarted: db.prepare(`UPDATE tickets SET create_started_at = @at WHERE ${leased} AND lease_until > @at`),
    delivered: db.prepare(
      `UPDATE tickets SET status = 'delivered', helpdesk_id = @helpdeskId, delivered_at = @at,
         next_attempt_at = NULL, last_error = NULL, ${release}
       WHERE ${leased}`,
    ),
    retryLater: db.prepare(`UPDATE tickets SET next_attempt_at = @next, last_error = @error, ${release} WHERE ${leased}`),
    park: db.prepare(
      `UPDATE tickets SET status = 'parked', next_attempt_at = NULL, last_error = @error, ${release} WHERE ${leased}`,
    ),
    requeueAll: db.prepare("UPDATE tickets SET status = 'queued', next_attempt_at = @now WHERE status = 'parked'"),
    requeueSome: db.prepare(
      `UPDATE tickets SET status = 'queued', next_attempt_at = @now
       WHERE status = 'parked' AND seq IN (SELECT value FROM json_each(@seqs))`,
    ),
    forget: db.prepare("UPDATE tickets SET ticket = NULL WHERE status = 'delivered' AND delivered_at < @before AND ticket IS NOT NULL"),
    counts: db.prepare<{ status: TicketStatus; n: number; oldest: number | null }>(
      'SELECT status, count(*) AS n, min(received_at) AS oldest FROM tickets GROUP BY status',
    ),
  };
}
