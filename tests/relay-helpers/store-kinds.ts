/**
 * The two store kinds as the shared store suite sees them: how to get a fresh, empty store URL
 * and how to read the database behind the store's back (to check what it recorded).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migratePostgres, migrateSqlite, type Migration } from '../../scripts/relay/store/migrations.ts';
import { parseStoreUrl } from '../../scripts/relay/store/open-store.ts';
import type { AcceptInput, RelayTicket, Route } from '../../scripts/relay/relay-types.ts';
import { makeTicket } from '../unit/ticket/factories.ts';
import { startPostgres, type PostgresInstance } from './postgres-instance.ts';

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  /** Once per test file (starts PostgreSQL). */
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A URL for a new, empty database. */
  freshUrl(): Promise<string>;
  /** Runs one SQL query on the database at `url` through its own connection. */
  query<Row = Record<string, unknown>>(url: string, sql: string): Promise<Row[]>;
  /** Runs the migration runner with `steps` on its own connection. */
  migrateWith(url: string, steps: readonly Migration[]): Promise<number[]>;
}

export function sqliteKind(): StoreKind {
  let dir = '';
  let n = 0;
  const withDb = <T>(url: string, fn: (db: Database.Database) => T): T => {
    const location = parseStoreUrl(url);
    if (location.kind !== 'sqlite') throw new Error('not a sqlite URL');
    mkdirSync(dirname(location.file), { recursive: true });
    const db = new Database(location.file, { timeout: 5000 });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  return {
    name: 'sqlite',
    async setup() {
      dir = mkdtempSync(join(tmpdir(), 'tier0-store-'));
    },
    async teardown() {
      rmSync(dir, { recursive: true, force: true });
    },
    async freshUrl() {
      return `sqlite:${join(dir, `db-${++n}`, 'relay.db')}`;
    },
    async query<Row>(url: string, sql: string) {
      return withDb(url, (db) => {
        const statement = db.prepare<Row>(sql);
        if (statement.reader) return statement.all();
        statement.run();
        return [];
      });
    },
    async migrateWith(url, steps) {
      return withDb(url, (db) => migrateSqlite(db, steps));
    },
  };
}

export function postgresKind(): StoreKind {
  let instance: PostgresInstance | undefined;
  return {
    name: 'postgres',
    async setup() {
      // fsync off: these tests check logic and concurrency, not the disk; the cluster is thrown away.
      instance = await startPostgres({ fsync: false });
    },
    async teardown() {
      await instance?.stop();
    },
    async freshUrl() {
      if (!instance) throw new Error('postgres kind: setup() did not run');
      return instance.createDatabase();
    },
    async query<Row>(url: string, sql: string) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<Row>(sql)).rows;
      } finally {
        await client.end();
      }
    },
    async migrateWith(url, steps) {
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      try {
        return await migratePostgres(pool, steps);
      } finally {
        await pool.end();
      }
    },
  };
}

export function makeRoute(overrides: Partial<Route> = {}): Route {
  return { queue: 'General', priority: 3, impact: 'medium', urgency: 'medium', rated: true, ...overrides };
}

export function makeAccept(overrides: Partial<AcceptInput> = {}): AcceptInput {
  const key = overrides.idempotencyKey ?? `key-${Math.random().toString(36).slice(2)}`;
  const ticket: RelayTicket = { ...makeTicket({ id: `handoff-${key}` }), flowAnswers: [{ flow: 'printer', step: 'cable', answer: 'yes' }] };
  return {
    idempotencyKey: key,
    handoffId: ticket.id,
    ticket,
    route: makeRoute(),
    status: 'queued',
    receivedAt: new Date('2026-12-01T09:00:00.000Z'),
    ...overrides,
  };
}
