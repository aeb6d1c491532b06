/**
 * Two relay processes sharing one PostgreSQL: 1,000 tickets sent to them at once (and a tenth of
 * them sent again to the other relay) reach a fast local help desk exactly once each.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFakeHelpdesk, type FakeHelpdesk } from '../relay-helpers/fake-helpdesk.ts';
import { startPostgres, type PostgresInstance } from '../relay-helpers/postgres-instance.ts';
import { postTicket, startRelayProcess, type RelayProcess } from '../relay-helpers/relay-process.ts';
import { makeTicket } from '../unit/ticket/factories.ts';

let dir: string;
let pg: PostgresInstance;
let fake: FakeHelpdesk;
let relays: RelayProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tier0-relay-pg-'));
  [pg, fake] = await Promise.all([startPostgres(), startFakeHelpdesk()]);
});

afterAll(async () => {
  await Promise.all(relays.map((r) => r.stop()));
  await fake?.close();
  await pg?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('1,000 tickets sent at once to two relays on one PostgreSQL reach the help desk exactly once each', async () => {
  const config = {
    port: 0,
    origins: ['*'],
    store: pg.url,
    // The fake never deduplicates, so a create that timed out after it arrived would be counted
    // twice (a real receiver dedupes by Idempotency-Key): the timeout is far above what a
    // loaded machine takes, so every count here is the relay's own doing.
    helpdesk: { kind: 'webhook', url: fake.url, secret: fake.secret, timeoutMs: 30_000 },
    // One address sends everything here: the limits are for real clients, not this test.
    limits: { perClientBurst: 100_000, perClientPerMinute: 6_000_000, globalBurst: 100_000, globalPerSecond: 100_000 },
    delivery: { concurrency: 16, pollMs: 100 },
  };
  // Started one after the other: the second finds the schema migrated (and must not redo it).
  relays = [await startRelayProcess(dir, config, 'a'), await startRelayProcess(dir, config, 'b')];
  const [a, b] = relays as [RelayProcess, RelayProcess];

  const tickets = Array.from({ length: 1000 }, (_, i) => makeTicket({ id: `pg-${i}`, subject: `Ticket ${i}` }));
  const sends = tickets.map((t, i) => postTicket(i % 2 === 0 ? a.url : b.url, t));
  // Every tenth ticket is also sent to the other relay at the same moment (a widget retrying
  // through a load balancer).
  const replays = tickets.filter((_, i) => i % 10 === 0).map((t, j) => postTicket(j % 2 === 0 ? b.url : a.url, t));
  const answers = await Promise.all([...sends, ...replays]);
  expect(answers.map((r) => r.status).filter((s) => s !== 202)).toEqual([]);
  const bodies = (await Promise.all(answers.map((r) => r.json()))) as Array<{ ticketId: string }>;
  // A replay gets the first answer's ticketId, whichever relay answered first.
  for (let j = 0; j < 100; j++) expect(bodies[1000 + j]!.ticketId).toBe(bodies[j * 10]!.ticketId);
  expect(new Set(bodies.slice(0, 1000).map((b) => b.ticketId)).size).toBe(1000);

  await expect.poll(() => fake.received.length, { timeout: 90_000, interval: 250 }).toBeGreaterThanOrEqual(1000);
  // Let any duplicate that was going to happen arrive.
  await new Promise((r) => setTimeout(r, 1500));
  const counts = fake.counts();
  expect(counts.size).toBe(1000);
  expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
  expect(fake.received).toHaveLength(1000);

  // Both relays took part in delivering.
  const delivered = relays.map((r) => r.logs().filter((l) => l.event === 'ticket.delivered').length);
  expect(delivered[0]! + delivered[1]!).toBe(1000);
  expect(Math.min(...delivered)).toBeGreaterThan(0);
  const health = await (await fetch(`${a.url}/healthz`)).json();
  expect(health).toMatchObject({ ok: true, store: { kind: 'postgres' }, queue: { queued: 0, delivered: 1000 } });
});
