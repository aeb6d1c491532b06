/**
 * One suite, both stores: what the relay's HTTP server and delivery worker rely on, proved against
 * a SQLite file and a private PostgreSQL cluster (tests/relay-helpers/postgres-instance.ts).
 * PostgreSQL missing makes the postgres half fail with the fix in the message, never skip.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RelayStore } from '../../../scripts/relay/relay-types.ts';
import { MIGRATIONS, type Migration } from '../../../scripts/relay/store/migrations.ts';
import { openStore } from '../../../scripts/relay/store/open-store.ts';
import { makeAccept, postgresKind, sqliteKind } from '../../relay-helpers/store-kinds.ts';

const CHILD = join(import.meta.dirname, '../../relay-helpers/store-child.ts');
const T0 = new Date('2026-12-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each([sqliteKind(), postgresKind()])('$name store', (kind) => {
  const opened: RelayStore[] = [];

  /** Opens (and migrates) a store; closed after the test. */
  async function open(url: string): Promise<RelayStore> {
    const store = await openStore(url);
    opened.push(store);
    return store;
  }
  async function fresh(): Promise<{ url: string; store: RelayStore }> {
    const url = await kind.freshUrl();
    return { url, store: await open(url) };
  }

  beforeAll(() => kind.setup(), 60_000);
  afterAll(() => kind.teardown(), 30_000);
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it(`opens as kind ${kind.name} and answers ping`, async () => {
    const { store } = await fresh();
    expect(store.kind).toBe(kind.name);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  describe('accept', () => {
    it('stores a queued ticket due at once, with an id from the sequence starting at T0-1001', async () => {
      const { store } = await fresh();
      const input = makeAccept({ receivedAt: T0 });
      const { record, created } = await store.accept(input);
      expect(created).toBe(true);
      expect(record).toEqual({
        ticketId: 'T0-1001',
        idempotencyKey: input.idempotencyKey,
        handoffId: input.handoffId,
        status: 'queued',
        ticket: input.ticket,
        route: input.route,
        receivedAt: T0.toISOString(),
        attempts: 0,
        nextAttemptAt: T0.toISOString(),
        createStartedAt: null,
        helpdeskId: null,
        deliveredAt: null,
        lastError: null,
      });
      expect((await store.accept(makeAccept())).record.ticketId).toBe('T0-1002');
      expect(await store.get('T0-1001')).toEqual(record);
    });

    it('answers null for an id it never gave', async () => {
      const { store } = await fresh();
      await store.accept(makeAccept());
      for (const id of ['T0-9999', 'T0-abc', '1001', '', 'T0-1001; DROP TABLE tickets']) expect(await store.get(id)).toBeNull();
    });

    it('returns the first record for a replayed idempotency key, and stores nothing new', async () => {
      const { store } = await fresh();
      const first = await store.accept(makeAccept({ idempotencyKey: 'same' }));
      const again = await store.accept(makeAccept({ idempotencyKey: 'same', handoffId: 'other', receivedAt: at(5000) }));
      expect(again).toEqual({ record: first.record, created: false });
      expect((await store.stats()).queued).toBe(1);
    });

    it('creates exactly one record when 20 accepts of one key arrive at once', async () => {
      const { store } = await fresh();
      const results = await Promise.all(Array.from({ length: 20 }, () => store.accept(makeAccept({ idempotencyKey: 'burst' }))));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.record.ticketId)).size).toBe(1);
      expect((await store.stats()).queued).toBe(1);
    });

    it('creates exactly one record when two relays on one database accept the same keys at once', async () => {
      const { url, store: a } = await fresh();
      const b = await open(url);
      const keys = Array.from({ length: 10 }, (_, i) => `shared-${i}`);
      // Opposite orders in the two relays: their batches must not deadlock on each other's keys.
      const burst = (store: RelayStore, order: string[]) => order.flatMap((key) => [0, 1, 2].map(() => store.accept(makeAccept({ idempotencyKey: key }))));
      const results = await Promise.all([...burst(a, keys), ...burst(b, [...keys].reverse())]);
      expect(results.filter((r) => r.created)).toHaveLength(keys.length);
      for (const key of keys) {
        expect(new Set(results.filter((r) => r.record.idempotencyKey === key).map((r) => r.record.ticketId)).size).toBe(1);
      }
      expect((await a.stats()).queued).toBe(keys.length);
    });

    it('answers each of a burst of new and replayed keys its own record', async () => {
      const { store } = await fresh();
      const old = await store.accept(makeAccept({ idempotencyKey: 'old' }));
      const results = await Promise.all(['new-1', 'old', 'new-2', 'new-1'].map((key) => store.accept(makeAccept({ idempotencyKey: key }))));
      expect(results.map((r) => [r.record.idempotencyKey, r.created])).toEqual([
        ['new-1', true],
        ['old', false],
        ['new-2', true],
        ['new-1', false],
      ]);
      expect(results[1]!.record).toEqual(old.record);
      expect(results[3]!.record).toEqual(results[0]!.record);
      expect(new Set(results.map((r) => r.record.ticketId)).size).toBe(3);
    });

    it('fails only the accept that cannot be stored, not the others arriving with it', async () => {
      const { store } = await fresh();
      const bad = makeAccept({ idempotencyKey: 'bad' });
      // JSON.stringify throws on a BigInt: this one accept fails inside a shared commit.
      (bad.ticket as unknown as { fields: Record<string, unknown> }).fields.size = 10n;
      const results = await Promise.allSettled([
        store.accept(makeAccept({ idempotencyKey: 'a' })),
        store.accept(bad),
        store.accept(makeAccept({ idempotencyKey: 'b' })),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await store.stats()).queued).toBe(2);
    });

    it('stores the accepts already made when it closes', async () => {
      const { url, store } = await fresh();
      const pending = [store.accept(makeAccept({ idempotencyKey: 'x' })), store.accept(makeAccept({ idempotencyKey: 'y' }))];
      await store.close();
      const ids = (await Promise.all(pending)).map((r) => r.record.ticketId);
      await expect(store.accept(makeAccept())).rejects.toThrow();
      const reopened = await open(url);
      for (const id of ids) expect((await reopened.get(id))?.status).toBe('queued');
    });

    it('keeps an accepted ticket across a close and reopen', async () => {
      const { url, store } = await fresh();
      const { record } = await store.accept(makeAccept());
      await store.close();
      const reopened = await open(url);
      expect(await reopened.get(record.ticketId)).toEqual(record);
    });

    it('keeps what it answered when the relay process is killed right after', async () => {
      const url = await kind.freshUrl();
      await (await open(url)).close(); // migrated, so the child's time goes to accepting
      const lines = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, 'crash', 'dying', '25'], { stdio: ['ignore', 'pipe', 'inherit'] });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.once('error', reject);
        child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(stdout) : reject(new Error(`child exited without crashing: ${stdout}`))));
      });
      const answered = (JSON.parse(lines.trim()) as string[]).map((line) => line.split('=') as [string, string]);
      expect(answered).toHaveLength(25);
      const reopened = await open(url);
      for (const [key, ticketId] of answered) expect((await reopened.get(ticketId))?.idempotencyKey).toBe(key);
    }, 60_000);

    it('keeps no ticket body for a discarded (bot) ticket, and never offers it for delivery', async () => {
      const { store } = await fresh();
      // Even when the caller passes the body by mistake, none of it is written.
      const { record, created } = await store.accept(makeAccept({ status: 'discarded', receivedAt: T0 }));
      expect(created).toBe(true);
      expect(record).toMatchObject({ status: 'discarded', ticket: null, nextAttemptAt: null });
      expect(await store.get(record.ticketId)).toMatchObject({ ticket: null });
      expect(await store.claim('w1', at(60_000), 30_000, 10)).toEqual([]);
      expect(await store.stats()).toMatchObject({ discarded: 1, queued: 0 });
    });
  });

  describe('claim and leases', () => {
    it('leases due tickets oldest first, up to the limit, and counts each attempt', async () => {
      const { store } = await fresh();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await store.accept(makeAccept({ receivedAt: at(i) }))).record.ticketId);
      const claimed = await store.claim('w1', at(1000), 30_000, 2);
      expect(claimed.map((r) => r.ticketId)).toEqual(ids.slice(0, 2));
      expect(claimed.map((r) => r.attempts)).toEqual([1, 1]);
      expect((await store.claim('w1', at(1000), 30_000, 10)).map((r) => r.ticketId)).toEqual([ids[2]]);
      expect(await store.claim('w1', at(1000), 30_000, 10)).toEqual([]);
    });

    it('does not lease a ticket before it is due', async () => {
      const { store } = await fresh();
      const { record } = await store.accept(makeAccept({ receivedAt: at(10_000) }));
      expect(await store.claim('w1', at(9_999), 30_000, 10)).toEqual([]);
      expect((await store.claim('w1', at(10_000), 30_000, 10)).map((r) => r.ticketId)).toEqual([record.ticketId]);
    });

    it('leaves a leased ticket to its worker until the lease expires, then lets another take it over', async () => {
      const { store } = await fresh();
      const { record } = await store.accept(makeAccept({ receivedAt: T0 }));
      expect(await store.claim('old', T0, 1000, 10)).toHaveLength(1);
      expect(await store.claim('new', at(999), 1000, 10)).toEqual([]);
      const takenOver = await store.claim('new', at(1000), 1000, 10);
      expect(takenOver.map((r) => [r.ticketId, r.attempts])).toEqual([[record.ticketId, 2]]);

      expect(await store.markCreateStarted(record.ticketId, 'old', at(1001))).toBe(false);
      expect(await store.markDelivered(record.ticketId, 'old', 'RT-1', at(1001))).toBe(false);
      expect(await store.retryLater(record.ticketId, 'old', at(5000), 'boom')).toBe(false);
      expect(await store.park(record.ticketId, 'old', 'HTTP 401')).toBe(false);
      expect(await store.get(record.ticketId)).toMatchObject({ status: 'queued', helpdeskId: null, lastError: null, createStartedAt: null });

      expect(await store.markDelivered(record.ticketId, 'new', 'RT-7', at(1500))).toBe(true);
      expect(await store.get(record.ticketId)).toMatchObject({
        status: 'delivered',
        helpdeskId: 'RT-7',
        deliveredAt: at(1500).toISOString(),
        nextAttemptAt: null,
      });
      // Delivered is final: a late answer from any worker changes nothing.
      expect(await store.markDelivered(record.ticketId, 'new', 'RT-8', at(1600))).toBe(false);
      expect(await store.claim('other', at(999_999), 1000, 10)).toEqual([]);
    });

    it('never gives two workers on two connections the same ticket', async () => {
      const { url, store: a } = await fresh();
      const b = await open(url);
      const total = 200;
      await Promise.all(Array.from({ length: total }, (_, i) => a.accept(makeAccept({ receivedAt: at(i) }))));
      const seen: string[] = [];
      const work = async (store: RelayStore, worker: string) => {
        for (;;) {
          const batch = await store.claim(worker, at(60_000), 60_000, 2);
          if (batch.length === 0) return;
          seen.push(...batch.map((r) => r.ticketId));
        }
      };
      await Promise.all([a, b].flatMap((store, s) => [0, 1, 2, 3].map((w) => work(store, `w${s}-${w}`))));
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });

    it('records the recovery point only while the lease runs, and keeps it across a retry', async () => {
      const { store } = await fresh();
      const { record } = await store.accept(makeAccept({ receivedAt: T0 }));
      await store.claim('w1', T0, 1000, 1);
      expect(await store.markCreateStarted(record.ticketId, 'w1', at(100))).toBe(true);
      expect(await store.markCreateStarted(record.ticketId, 'w2', at(100))).toBe(false);
      expect((await store.get(record.ticketId))?.createStartedAt).toBe(at(100).toISOString());

      expect(await store.retryLater(record.ticketId, 'w1', at(2000), 'HTTP 503')).toBe(true);
      expect(await store.get(record.ticketId)).toMatchObject({
        status: 'queued',
        createStartedAt: at(100).toISOString(),
        nextAttemptAt: at(2000).toISOString(),
        lastError: 'HTTP 503',
        attempts: 1,
      });
      expect(await store.claim('w1', at(1999), 1000, 1)).toEqual([]);
      const [again] = await store.claim('w1', at(2000), 1000, 1);
      expect(again).toMatchObject({ ticketId: record.ticketId, attempts: 2, createStartedAt: at(100).toISOString() });
      // Past the lease's end the worker may not start a create: another may be taking over.
      expect(await store.markCreateStarted(record.ticketId, 'w1', at(3000))).toBe(false);
    });

    it('releases the lease on retryLater, so the ticket is claimable as soon as it is due', async () => {
      const { store } = await fresh();
      const { record } = await store.accept(makeAccept({ receivedAt: T0 }));
      await store.claim('w1', T0, 60_000, 1);
      await store.retryLater(record.ticketId, 'w1', at(10), 'timeout');
      expect((await store.claim('w2', at(10), 60_000, 1)).map((r) => r.ticketId)).toEqual([record.ticketId]);
    });
  });

  describe('parking', () => {
    async function parked(store: RelayStore, n: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const { record } = await store.accept(makeAccept({ receivedAt: at(i) }));
        ids.push(record.ticketId);
      }
      const claimed = await store.claim('w1', at(1000), 60_000, n);
      for (const r of claimed) expect(await store.park(r.ticketId, 'w1', 'HTTP 401: bad token')).toBe(true);
      return ids;
    }

    it('parks a ticket out of the queue with its error', async () => {
      const { store } = await fresh();
      const [id] = await parked(store, 1);
      expect(await store.get(id!)).toMatchObject({ status: 'parked', lastError: 'HTTP 401: bad token', nextAttemptAt: null });
      expect(await store.claim('w2', at(999_999), 1000, 10)).toEqual([]);
    });

    it('requeues the parked tickets it is given, due now', async () => {
      const { store } = await fresh();
      const ids = await parked(store, 3);
      const before = Date.now();
      expect(await store.requeueParked([ids[0]!, 'T0-424242', 'nonsense'])).toBe(1);
      const record = await store.get(ids[0]!);
      expect(record?.status).toBe('queued');
      expect(Date.parse(record!.nextAttemptAt!)).toBeGreaterThanOrEqual(before - 5);
      expect(Date.parse(record!.nextAttemptAt!)).toBeLessThanOrEqual(Date.now() + 5);
      expect((await store.get(ids[1]!))?.status).toBe('parked');
      expect(await store.requeueParked([])).toBe(0);
      expect((await store.claim('w2', new Date(), 1000, 10)).map((r) => r.ticketId)).toEqual([ids[0]]);
    });

    it('requeues every parked ticket when given no ids, and only parked ones', async () => {
      const { store } = await fresh();
      const ids = await parked(store, 2);
      const { record: waiting } = await store.accept(makeAccept({ receivedAt: at(5) }));
      expect(await store.requeueParked()).toBe(2);
      expect(await store.requeueParked()).toBe(0);
      expect((await store.get(ids[1]!))?.status).toBe('queued');
      expect((await store.get(waiting.ticketId))?.nextAttemptAt).toBe(at(5).toISOString());
    });
  });

  it('forgets the bodies of tickets delivered before the retention date, keeping their answers', async () => {
    const { store } = await fresh();
    const old = (await store.accept(makeAccept({ receivedAt: at(0) }))).record;
    const recent = (await store.accept(makeAccept({ receivedAt: at(1) }))).record;
    const waiting = (await store.accept(makeAccept({ receivedAt: at(2) }))).record;
    const claimed = await store.claim('w', at(10), 60_000, 2);
    expect(claimed.map((r) => r.ticketId)).toEqual([old.ticketId, recent.ticketId]);
    await store.markDelivered(old.ticketId, 'w', 'RT-1', at(100));
    await store.markDelivered(recent.ticketId, 'w', 'RT-2', at(5000));
    expect(await store.forgetDelivered(at(1000))).toBe(1);
    expect(await store.get(old.ticketId)).toMatchObject({ status: 'delivered', helpdeskId: 'RT-1', ticket: null });
    expect((await store.get(recent.ticketId))?.ticket).not.toBeNull();
    // A ticket still waiting for delivery is never forgotten, however old.
    expect(await store.forgetDelivered(at(999_999))).toBe(1);
    expect((await store.get(waiting.ticketId))?.ticket).not.toBeNull();
    // A replay of the forgotten one still gets its first answer.
    const replay = await store.accept({ ...makeAccept({ receivedAt: at(9) }), idempotencyKey: old.idempotencyKey });
    expect(replay).toMatchObject({ created: false, record: { ticketId: old.ticketId, helpdeskId: 'RT-1' } });
  });

  it('counts tickets per status and reports the oldest queued', async () => {
    const { store } = await fresh();
    expect(await store.stats()).toEqual({ queued: 0, delivered: 0, parked: 0, discarded: 0, oldestQueuedAt: null });
    const recs = [];
    for (let i = 0; i < 5; i++) recs.push((await store.accept(makeAccept({ receivedAt: at(i * 1000) }))).record);
    await store.accept(makeAccept({ status: 'discarded', receivedAt: at(-5000) }));
    const claimed = await store.claim('w', at(10_000), 60_000, 2);
    await store.markDelivered(claimed[0]!.ticketId, 'w', 'RT-1', at(10_001));
    await store.park(claimed[1]!.ticketId, 'w', 'HTTP 403');
    expect(await store.stats()).toEqual({
      queued: 3,
      delivered: 1,
      parked: 1,
      discarded: 1,
      oldestQueuedAt: at(2000).toISOString(),
    });
  });

  describe('migrations', () => {
    type Applied = { version: number; name: string; applied_at: string };
    const appliedRows = (url: string) => kind.query<Applied>(url, 'SELECT version, name, applied_at FROM schema_migrations ORDER BY version');

    it('applies every step on start and records each once; a second migrate() changes nothing', async () => {
      const { url, store } = await fresh();
      const first = await appliedRows(url);
      expect(first.map((r) => [r.version, r.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
      const { record } = await store.accept(makeAccept());
      await store.migrate();
      await (await open(url)).migrate();
      expect(await appliedRows(url)).toEqual(first);
      expect(await store.get(record.ticketId)).toEqual(record);
    });

    it('brings a database made by an earlier relay up to date, keeping its tickets', async () => {
      const url = await kind.freshUrl();
      expect(await kind.migrateWith(url, MIGRATIONS.slice(0, 1))).toEqual([1]);
      await kind.query(
        url,
        `INSERT INTO tickets (idempotency_key, handoff_id, status, route, received_at) VALUES ('old', 'h', 'parked', '{}', ${kind.name === 'sqlite' ? '0' : "'1970-01-01T00:00:00Z'"})`,
      );
      const store = await open(url);
      expect((await appliedRows(url)).map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await store.get('T0-1001')).toMatchObject({ idempotencyKey: 'old', status: 'parked' });
    });

    it('runs a new step once, however often the relay starts', async () => {
      const url = await kind.freshUrl();
      const probe: Migration = {
        version: MIGRATIONS.length + 1,
        name: 'probe',
        sqlite: 'CREATE TABLE probe (n integer); INSERT INTO probe VALUES (1);',
        postgres: 'CREATE TABLE probe (n integer); INSERT INTO probe VALUES (1);',
      };
      expect(await kind.migrateWith(url, MIGRATIONS)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await kind.migrateWith(url, [...MIGRATIONS, probe])).toEqual([probe.version]);
      expect(await kind.migrateWith(url, [...MIGRATIONS, probe])).toEqual([]);
      expect(await kind.query(url, 'SELECT n FROM probe')).toEqual([{ n: 1 }]);
    });

    it('leaves the schema as it was when a step fails', async () => {
      const url = await kind.freshUrl();
      const broken: Migration = { version: 99, name: 'broken', sqlite: 'CREATE TABLE half (n integer); NOT SQL;', postgres: 'CREATE TABLE half (n integer); NOT SQL;' };
      await expect(kind.migrateWith(url, [...MIGRATIONS, broken])).rejects.toThrow();
      expect(await kind.migrateWith(url, MIGRATIONS)).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('lets two relays starting together on a fresh database migrate it exactly once', async () => {
      const url = await kind.freshUrl();
      const stores = await Promise.all([open(url), open(url), open(url)]);
      expect((await appliedRows(url)).map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      await Promise.all(stores.map((s) => s.migrate()));
      expect((await stores[0]!.accept(makeAccept())).record.ticketId).toBe('T0-1001');
    });

    it('refuses a database migrated by a newer relay', async () => {
      const { url, store } = await fresh();
      await store.close();
      await kind.query(url, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')");
      await expect(openStore(url)).rejects.toThrow(/schema version 999, newer than this relay knows .* upgrade the relay/);
    });
  });
});
