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
  demo = await startDemoServer({ port: 0, distDir: join(work, 'dist'), dataDir: join(work, '.data') });
});

afterEach(async () => {
  await new Promise<void>((resolve) => demo.server.close(() => resolve()));
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

test('receives tickets and lists them in the inbox on the same origin', async () => {
  const res = await fetch(new URL('/api/tickets', demo.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': makeTicket().id },
    body: JSON.stringify(makeTicket({ subject: 'Sent from the demo' })),
  });
  expect(await res.json()).toEqual({ ticketId: 'L1-1001' });
  const inbox = await (await fetch(new URL('/inbox', demo.url))).text();
  expect(inbox).toContain('Sent from the demo');
  expect(demo.inbox.tickets()).toHaveLength(1);
});
