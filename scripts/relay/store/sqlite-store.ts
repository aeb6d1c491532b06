/**
 * The embedded store: one SQLite file (better-sqlite3), WAL with synchronous=FULL so an accepted
 * ticket survives a crash and a power loss, and a busy timeout so a second process on the same
 * file (a `tier0 relay retry` while the relay runs) waits instead of failing.
 *
 * Every write is a BEGIN IMMEDIATE transaction: it takes the write lock before it reads, so two
 * processes never act on the same stale read (and SQLite never answers SQLITE_BUSY_SNAPSHOT,
 * which no busy timeout retries).
 *
 * Accepts use group commit: the calls made while the event loop is busy are stored together in
 * one transaction, one fsync, when it is next free, and each caller resolves only after that
 * commit. Under load a batch holds every request that arrived during the previous commit, so
 * throughput grows with concurrency; alone, an accept waits for no timer.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AcceptInput, RelayStore, StoreStats, TicketRecord, TicketStatus } from '../relay-types.ts';
import { migrateSqlite } from './migrations.ts';
import { byDueThenAge, COLUMNS, recordFromRow, seqOf, seqsOf, type TicketRow } from './store-rows.ts';

type Row = TicketRow<number, string>;

interface PendingAccept {
  input: AcceptInput;
  resolve: (result: { record: TicketRecord; created: boolean }) => void;
  reject: (error: unknown) => void;
}

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

  let pending: PendingAccept[] = [];
  let flushScheduled = false;
  let closed = false;

  /** Stores every pending accept in one transaction, then settles each caller. */
  function flush(): void {
    flushScheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const outcomes: Array<{ ok: true; value: { record: TicketRecord; created: boolean } } | { ok: false; error: unknown }> = [];
    try {
      db.transaction(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: acceptOne(item.input) });
          } catch (error) {
            // A failed statement undoes only itself, so the rest of the batch stands; but when
            // SQLite had to roll the whole transaction back, nothing in the batch is stored.
            if (!db.inTransaction) throw error;
            outcomes.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  function acceptOne(input: AcceptInput): { record: TicketRecord; created: boolean } {
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

  /** Runs one write as a BEGIN IMMEDIATE transaction. */
  function write<T>(fn: () => T): T {
    return db.transaction(fn).immediate();
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
      if (closed) return Promise.reject(new Error('store: the SQLite store is closed'));
      return new Promise((resolve, reject) => {
        pending.push({ input, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
    },

    async get(ticketId) {
      open();
      const seq = seqOf(ticketId);
      const row = seq === null ? undefined : sql().bySeq.get(seq);
      return row ? toRecord(row) : null;
    },

    async claim(worker, now, leaseMs, limit) {
      open();
      const at = now.getTime();
      const rows = write(() => sql().claim.all({ worker, now: at, until: at + leaseMs, limit }));
      return rows.map(toRecord).sort(byDueThenAge);
    },

    async markCreateStarted(ticketId, worker, at) {
      open();
      return changed(ticketId, (seq) => sql().createStarted.run({ seq, worker, at: at.getTime() }));
    },

    async markDelivered(ticketId, worker, helpdeskId, at) {
      open();
      return changed(ticketId, (seq) => sql().delivered.run({ seq, worker, helpdeskId, at: at.getTime() }));
    },

    async retryLater(ticketId, worker, nextAttemptAt, error) {
      open();
      return changed(ticketId, (seq) => sql().retryLater.run({ seq, worker, next: nextAttemptAt.getTime(), error }));
    },

    async park(ticketId, worker, error) {
      open();
      return changed(ticketId, (seq) => sql().park.run({ seq, worker, error }));
    },

    async requeueParked(ticketIds) {
      open();
      const now = Date.now();
      const result = write(() =>
        ticketIds === undefined
          ? sql().requeueAll.run({ now })
          : sql().requeueSome.run({ now, seqs: JSON.stringify(seqsOf(ticketIds)) }),
      );
      return result.changes;
    },

    async stats() {
      open();
      const counts: StoreStats = { queued: 0, delivered: 0, parked: 0, discarded: 0, oldestQueuedAt: null };
      for (const { status, n } of sql().counts.all()) counts[status] = n;
      const oldest = sql().oldestQueued.get()?.oldest ?? null;
      return { ...counts, oldestQueuedAt: oldest === null ? null : iso(oldest) };
    },

    async ping() {
      open();
      db.prepare('SELECT 1').get();
    },

    async close() {
      if (closed) return;
      // Accepts already promised are stored before the file closes (graceful shutdown).
      flush();
      closed = true;
      db.close();
    },
  };

  /** Runs one leased-ticket update; true when it changed the ticket (the lease was ours). */
  function changed(ticketId: string, run: (seq: number) => { changes: number }): boolean {
    const seq = seqOf(ticketId);
    return seq !== null && write(() => run(seq)).changes === 1;
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
    counts: db.prepare<{ status: TicketStatus; n: number }>('SELECT status, count(*) AS n FROM tickets GROUP BY status'),
    oldestQueued: db.prepare<{ oldest: number | null }>("SELECT min(received_at) AS oldest FROM tickets WHERE status = 'queued'"),
  };
}
