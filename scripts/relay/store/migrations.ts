/**
 * The store's schema as numbered steps, one SQL text per dialect, applied in order and recorded
 * in `schema_migrations`. A step once released is never edited: a change is a new step, so a
 * database created by any earlier relay reaches the same schema.
 *
 * Both runners apply every missing step in one transaction under a lock held across processes
 * (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory transaction lock), so relays starting
 * together never migrate twice, and a failing step leaves the schema as it was.
 */
import type Database from 'better-sqlite3';
import type { Pool } from 'pg';

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

/** Ticket ids are "T0-" + the row's number from the database's own sequence, from 1001. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'tickets',
    // Times are epoch milliseconds in SQLite (integers compare exactly), timestamptz in PostgreSQL.
    // json, not jsonb: nothing queries inside a ticket, and json keeps the body as it came.
    sqlite: `
      CREATE TABLE tickets (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key TEXT NOT NULL UNIQUE,
        handoff_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'delivered', 'parked', 'discarded')),
        ticket TEXT,
        route TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        lease_owner TEXT,
        lease_until INTEGER,
        create_started_at INTEGER,
        helpdesk_id TEXT,
        delivered_at INTEGER,
        last_error TEXT
      );
      INSERT INTO sqlite_sequence (name, seq) VALUES ('tickets', 1000);
      CREATE INDEX tickets_due ON tickets (next_attempt_at, seq) WHERE status = 'queued';
    `,
    postgres: `
      CREATE TABLE tickets (
        seq bigint GENERATED ALWAYS AS IDENTITY (START WITH 1001) PRIMARY KEY,
        idempotency_key text NOT NULL UNIQUE,
        handoff_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'delivered', 'parked', 'discarded')),
        ticket json,
        route json NOT NULL,
        received_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        lease_owner text,
        lease_until timestamptz,
        create_started_at timestamptz,
        helpdesk_id text,
        delivered_at timestamptz,
        last_error text
      );
      CREATE INDEX tickets_due ON tickets (next_attempt_at, seq) WHERE status = 'queued';
    `,
  },
  {
    version: 2,
    name: 'tickets by status',
    // stats() (and /healthz with it) counts per status and finds the oldest queued ticket
    // without reading the delivered history.
    sqlite: 'CREATE INDEX tickets_status ON tickets (status, received_at);',
    postgres: 'CREATE INDEX tickets_status ON tickets (status, received_at);',
  },
]);

/** Any fixed 64-bit number: the advisory lock that serialises migrations across relays. */
const PG_MIGRATION_LOCK = 7_430_213_901_017;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at text NOT NULL
)`;

/** The steps not yet applied, in order; throws when the database is newer than this code. */
function missingSteps(applied: ReadonlySet<number>, steps: readonly Migration[]): Migration[] {
  const known = new Set(steps.map((s) => s.version));
  const unknown = [...applied].filter((v) => !known.has(v));
  if (unknown.length > 0) {
    throw new Error(
      `store: the database has schema version ${Math.max(...unknown)}, newer than this relay knows (${Math.max(0, ...known)}) — upgrade the relay`,
    );
  }
  const sorted = [...steps].sort((a, b) => a.version - b.version);
  sorted.forEach((s, i) => {
    if (i > 0 && s.version === sorted[i - 1]!.version) throw new Error(`store: migration ${s.version} is listed twice`);
  });
  return sorted.filter((s) => !applied.has(s.version));
}

/** Applies the missing steps to a SQLite database; resolves to the versions it applied. */
export function migrateSqlite(db: Database.Database, steps: readonly Migration[] = MIGRATIONS): number[] {
  const run = db.transaction(() => {
    db.exec(CREATE_TABLE);
    const rows = db.prepare<{ version: number }>('SELECT version FROM schema_migrations').all();
    const todo = missingSteps(new Set(rows.map((r) => r.version)), steps);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const step of todo) {
      db.exec(step.sqlite);
      record.run(step.version, step.name, new Date().toISOString());
    }
    return todo.map((s) => s.version);
  });
  // IMMEDIATE takes the write lock before reading what is applied, so a second process waits
  // (busy_timeout) and then finds the steps done instead of applying them again.
  return run.immediate();
}

/** Applies the missing steps to a PostgreSQL database; resolves to the versions it applied. */
export async function migratePostgres(pool: Pool, steps: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // A transaction-scoped lock: released by COMMIT or ROLLBACK, so a pooled connection never
    // keeps it by mistake. CREATE TABLE IF NOT EXISTS alone races between two relays.
    await client.query('SELECT pg_advisory_xact_lock($1)', [PG_MIGRATION_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const todo = missingSteps(new Set(rows.map((r) => r.version)), steps);
    for (const step of todo) {
      await client.query(step.postgres);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        step.version,
        step.name,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
    return todo.map((s) => s.version);
  } catch (error) {
    // The original error matters more than a failed rollback on a broken connection.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
