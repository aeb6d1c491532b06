/**
 * A fast local help desk for relay tests and the bench: a webhook receiver on loopback that
 * verifies the relay's signature, records every create it receives (it does NOT deduplicate,
 * so a duplicate delivery shows up as two), answers an id, and can be told to fail.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedTicket {
  idempotencyKey: string;
  helpdeskId: string;
  payload: Record<string, unknown>;
}

export type FakeMode = { kind: 'ok' } | { kind: 'status'; status: number; retryAfter?: string } | { kind: 'hang' };

export interface FakeHelpdesk {
  url: string;
  secret: string;
  received: ReceivedTicket[];
  /** Creates per Idempotency-Key (a value above 1 is a duplicate ticket). */
  counts(): Map<string, number>;
  /** How the next requests are answered. */
  setMode(mode: FakeMode): void;
  /** Requests refused for a bad signature. */
  badSignatures: number;
  close(): Promise<void>;
}

/** Verifies `t=…,v1=…` over the raw body as a receiver should. */
export function verifySignature(secret: string, header: string | undefined, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  if (Math.abs(nowSeconds - Number(m[1])) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}

/** Starts the fake help desk on a free loopback port. */
export async function startFakeHelpdesk(secret = 'test-webhook-secret'): Promise<FakeHelpdesk> {
  let mode: FakeMode = { kind: 'ok' };
  let next = 1;
  const received: ReceivedTicket[] = [];
  const state = { badSignatures: 0 };
  const server: Server = createServer((req, res) => {
    if (req.method === 'HEAD') {
      res.writeHead(mode.kind === 'status' ? mode.status : 204).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (mode.kind === 'hang') return; // never answers: the relay's timeout must fire
      if (mode.kind === 'status') {
        res.writeHead(mode.status, { 'Content-Type': 'application/json', ...(mode.retryAfter ? { 'Retry-After': mode.retryAfter } : {}) });
        res.end(JSON.stringify({ error: `fake failure ${mode.status}` }));
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      if (!verifySignature(secret, req.headers['x-tier0-signature'] as string | undefined, body)) {
        state.badSignatures++;
        res.writeHead(401).end('bad signature');
        return;
      }
      const helpdeskId = `FAKE-${next++}`;
      received.push({ idempotencyKey: String(req.headers['idempotency-key']), helpdeskId, payload: JSON.parse(body) as Record<string, unknown> });
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: helpdeskId }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tickets`,
    secret,
    received,
    counts() {
      const counts = new Map<string, number>();
      for (const r of received) counts.set(r.idempotencyKey, (counts.get(r.idempotencyKey) ?? 0) + 1);
      return counts;
    },
    setMode(m) {
      mode = m;
    },
    get badSignatures() {
      return state.badSignatures;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
