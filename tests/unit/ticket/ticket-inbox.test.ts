import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as fs from 'node:fs';
import { createInbox, type Inbox } from '../../browser/helpers/ticket-inbox.ts';
import { makeTicket } from './factories.ts';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, fsyncSync: vi.fn(real.fsyncSync), writeSync: vi.fn(real.writeSync) };
});

let dataDir: string;
let server: Server;
let base: string;
let inbox: Inbox;

async function start(): Promise<void> {
  inbox = createInbox({ dataDir });
  server = createServer((req, res) => {
    void inbox.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function stop(): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

const post = (body: unknown, key?: string) =>
  fetch(`${base}/api/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tier0-inbox-'));
  await start();
});

afterEach(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('demo inbox', () => {
  test('numbers tickets L1-1001, L1-1002… and answers 201 with the ticketId', async () => {
    const a = await post(makeTicket({ id: 'a' }), 'a');
    const b = await post(makeTicket({ id: 'b' }), 'b');
    expect(a.status).toBe(201);
    expect(await a.json()).toEqual({ ticketId: 'L1-1001' });
    expect(await b.json()).toEqual({ ticketId: 'L1-1002' });
    expect(inbox.tickets().map((t) => t.ticketId)).toEqual(['L1-1001', 'L1-1002']);
  });

  test('answers a replayed Idempotency-Key with the same ticketId and stores no duplicate', async () => {
    const first = await (await post(makeTicket(), 'key-1')).json();
    const again = await post(makeTicket(), 'key-1');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ticketId: first.ticketId, duplicate: true });
    expect(inbox.tickets()).toHaveLength(1);
  });

  test('deduplicates concurrent retries of the same ticket', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map(() => post(makeTicket(), 'same').then((r) => r.json())));
    expect(new Set(answers.map((a) => a.ticketId))).toEqual(new Set(['L1-1001']));
    expect(inbox.tickets()).toHaveLength(1);
  });

  test('rebuilds the idempotency keys and numbering from tickets.jsonl after a restart', async () => {
    await post(makeTicket({ id: 'x' }), 'x');
    await stop();
    await start();
    expect(await (await post(makeTicket({ id: 'x' }), 'x')).json()).toEqual({ ticketId: 'L1-1001', duplicate: true });
    expect(await (await post(makeTicket({ id: 'y' }), 'y')).json()).toEqual({ ticketId: 'L1-1002' });
  });

  test('appends each ticket as a JSON line and fsyncs it before answering', async () => {
    const fsync = vi.mocked(fs.fsyncSync);
    fsync.mockClear();
    const res = await post(makeTicket(), 'k');
    expect(res.status).toBe(201);
    expect(fsync).toHaveBeenCalledTimes(1);
    const lines = readFileSync(join(dataDir, 'tickets.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ ticketId: 'L1-1001', idempotencyKey: 'k', ticket: makeTicket() });
  });

  test('skips a torn last line left by a crash', async () => {
    await stop();
    writeFileSync(join(dataDir, 'tickets.jsonl'), `${JSON.stringify({ ticketId: 'L1-1001', idempotencyKey: 'k1', receivedAt: 'now', ticket: makeTicket() })}\n{"ticketId":"L1-10`);
    await start();
    expect(inbox.tickets().map((t) => t.ticketId)).toEqual(['L1-1001']);
  });

  test.each([
    [{ ...makeTicket(), subject: '' }, 'subject is missing'],
    [{ ...makeTicket(), requester: { name: 'Ada' } }, 'requester.email is missing'],
    [{ ...makeTicket(), requester: { name: 'Ada', email: 'nope' } }, 'requester.email is not an e-mail address'],
    [{ ...makeTicket(), transcript: [{ role: 'robot', text: 'x' }] }, 'each transcript entry needs role "user" or "assistant" and text'],
    [{ ...makeTicket(), tier0_hp_website: 'http://spam.example' }, 'this ticket looks automated and was not accepted'],
  ])('rejects an invalid ticket with 422 and a readable error (%#)', async (body, error) => {
    const res = await post(body, 'bad');
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error });
    expect(inbox.tickets()).toHaveLength(0);
  });

  test('rejects a body that is not JSON with 400', async () => {
    const res = await post('{not json', 'bad');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'the body is not valid JSON' });
  });

  test('answers CORS preflights for other origins, allowing the ticket headers', async () => {
    const res = await fetch(`${base}/api/tickets`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://site.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://site.example');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Content-Type, Idempotency-Key/);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  test('leaves other routes to the caller', async () => {
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });
});
