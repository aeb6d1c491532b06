/**
 * The relay store's accept path under load, without HTTP: `clients` callers each accepting one
 * ticket after another for `durationMs`, as the relay's request handlers would, while a delivery
 * loop claims and marks tickets delivered. Prints accepts/s, latency percentiles and how many
 * were delivered; the relay bench (HTTP, autocannon) measures the whole path.
 *
 *   npx tsx scripts/bench/bench-store.ts                     # SQLite in a temporary folder
 *   npx tsx scripts/bench/bench-store.ts postgres://…/db     # an existing PostgreSQL database
 *   npx tsx scripts/bench/bench-store.ts --postgres          # a private cluster (needs initdb)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../relay/store/open-store.ts';
import type { AcceptInput } from '../relay/relay-types.ts';

export interface StoreBenchResult {
  kind: string;
  clients: number;
  accepted: number;
  acceptsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Tickets a concurrent delivery loop (claim, recovery point, delivered) finished meanwhile. */
  delivered: number;
}

/** A ticket about the size the widget sends (a short transcript, context, no attachment). */
function input(key: string): AcceptInput {
  return {
    idempotencyKey: key,
    handoffId: key,
    status: 'queued',
    receivedAt: new Date(),
    route: { queue: 'General', priority: 3, impact: 'medium', urgency: 'medium', rated: true },
    ticket: {
      id: key,
      createdAt: new Date().toISOString(),
      requester: { name: 'Ada Lovelace', email: 'ada@example.com' },
      subject: 'Printer offline',
      description: 'The printer on floor 3 says offline since Monday. '.repeat(4),
      category: 'printing',
      fields: { impact: 'medium', urgency: 'medium' },
      transcript: Array.from({ length: 6 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', text: 'printer offline again', at: new Date().toISOString() }) as const),
      searches: ['printer offline', 'printer queue'],
      articlesViewed: [{ id: 'printing/printer-offline', helpful: false }],
      context: { url: 'https://intranet.example.com/help', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130', language: 'en', timezone: 'Europe/Berlin' },
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (value: number) => Math.round(value * 100) / 100;

/** Runs the load against the store at `url` (migrated on open) and answers the figures. */
export async function benchStore(url: string, { clients = 50, durationMs = 5000 } = {}): Promise<StoreBenchResult> {
  const store = await openStore(url);
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const latencies: number[] = [];
  const end = performance.now() + durationMs;
  let next = 0;
  const client = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      await store.accept(input(`bench-${run}-${next++}`));
      latencies.push(performance.now() - started);
    }
  };
  // A delivery loop alongside, writing what the relay's worker writes for each ticket, against a
  // help desk that answers at once: its updates compete with the accepts for the store.
  let delivered = 0;
  let accepting = true;
  const deliver = async () => {
    while (accepting) {
      const batch = await store.claim('bench', new Date(), 30_000, 50);
      if (batch.length === 0) await new Promise((r) => setTimeout(r, 20));
      await Promise.all(
        batch.map(async (record) => {
          await store.markCreateStarted(record.ticketId, 'bench', new Date());
          if (await store.markDelivered(record.ticketId, 'bench', `HD-${record.ticketId}`, new Date())) delivered++;
        }),
      );
    }
  };
  const started = performance.now();
  const delivery = deliver();
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = performance.now() - started;
  accepting = false;
  await delivery;
  await store.close();
  latencies.sort((a, b) => a - b);
  return {
    kind: store.kind,
    clients,
    accepted: latencies.length,
    acceptsPerSecond: Math.round(latencies.length / (elapsed / 1000)),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? 0),
    delivered,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = process.argv[2];
  const cleanup: Array<() => Promise<void> | void> = [];
  let url = arg;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'tier0-bench-store-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    url = `sqlite:${join(dir, 'relay.db')}`;
  } else if (url === '--postgres') {
    // The test harness's private cluster, fsync on, as a production server would run.
    const { startPostgres } = await import('../../tests/relay-helpers/postgres-instance.ts');
    const instance = await startPostgres();
    cleanup.push(() => instance.stop());
    url = instance.url;
  }
  try {
    console.log(JSON.stringify(await benchStore(url)));
  } finally {
    for (const step of cleanup) await step();
  }
}
