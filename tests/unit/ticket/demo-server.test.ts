import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { startDemoServer } from '../../../scripts/demo/demo-server.ts';
import { makeTicket } from './factories.ts';

let work: string;
let demo: Awaited<ReturnType<typeof startDemoServer>>;

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'tier0-demo-'));
  mkdirSync(join(work, 'dist/chunks'), { recursive: true });
  writeFileSync(join(work, 'dist/index.html'), '<!doctype html><title>Demo</title>');
  writeFileSync(join(work, 'dist/chunks/panel.abc123XY.js'), 'export {}');
  writeFileSync(join(work, 'secret.txt'), 'not for the web');
  demo = await startDemoServer({ port: 0, relayPort: 0, distDir: join(work, 'dist'), dataDir: join(work, '.data') });
});

afterEach(async () => {
  await demo.close();
  rmSync(work, { recursive: true, force: true });
});

test('serves the demo page at / and widget chunks as immutable files', async () => {
  const page = await fetch(demo.url);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(await page.text()).toContain('<title>Demo</title>');
  const chunk = await fetch(new URL('chunks/panel.abc123XY.js', demo.url));
  expect(chunk.headers.get('content-type')).toContain('text/javascript');
  expect(chunk.headers.get('cache-control')).toContain('immutable');
});

test('never serves files outside dist/', async () => {
  expect((await fetch(new URL('/..%2fsecret.txt', demo.url))).status).toBe(404);
  expect((await fetch(new URL('/%2e%2e/secret.txt', demo.url))).status).toBe(404);
});

test('relays tickets sent to the page origin and shows what Level 1 received in the inbox', async () => {
  const ticket = makeTicket({ subject: 'Sent from the demo', category: 'printing', fields: { impact: 'high', urgency: 'high' } });
  const res = await fetch(new URL('/api/tickets', demo.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': ticket.id },
    body: JSON.stringify(ticket),
  });
  expect(res.status).toBe(202);
  expect(await res.json()).toEqual({ ticketId: 'T0-1001', status: 'queued' });
  await expect.poll(() => demo.inboxTickets().length, { timeout: 5000 }).toBe(1);
  const inbox = await (await fetch(new URL('/inbox', demo.url))).text();
  expect(inbox).toContain('Sent from the demo');
  expect(inbox).toContain('Queue: Printing');
  expect(inbox).toContain('>P1<');
  expect(inbox).toContain('Tier0 hand-off T0-1001');
});

test('answers the widget with a retryable 503 when the relay is gone', async () => {
  await demo.relay.close();
  const ticket = makeTicket();
  const res = await fetch(new URL('/api/tickets', demo.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': ticket.id },
    body: JSON.stringify(ticket),
  });
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('5');
});
