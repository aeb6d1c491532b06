/**
 * The service worker itself in real Chromium, on a minimal dist/ (stand-in loader and chunk, the
 * real KB compiler and the real sw.js build): what it serves offline, what it never touches, how
 * a rebuilt KB is adopted, and background sync of tickets. The full widget on top of it is
 * covered by offline-widget.test.ts.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { buildServiceWorker } from '../../scripts/build/build-sw.ts';
import { launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { REPO_ROOT, startHostServer, type HostServer, type RouteHandler } from './helpers/host-server.ts';
import { buildKb, copyContent, createTicketEndpoint, eventually, offlineHeaders, type TicketEndpoint } from './offline-helpers.ts';
import type { KbIndex, KbManifest } from '../../widget/core/kb-format.ts';

const MOUNT = '/tier0/';
let work: string;
let dist: string;
let content: string;
let server: HostServer;
let routes: Record<string, RouteHandler>;
let tickets: TicketEndpoint;
let browser: LaunchedBrowser;
let page: Page;

const hostPage = `<!doctype html><html lang="en"><head><title>Host app</title></head><body>
<h1>Host app</h1>
<script src="/tier0/tier0.js"></script>
<script>
  window.swReady = navigator.serviceWorker.register('/tier0/sw.js', { scope: '/' }).then(() => navigator.serviceWorker.ready).then(() => true);
  window.kbUpdates = [];
  navigator.serviceWorker.addEventListener('message', (e) => { if (e.data && e.data.type === 'tier0:kb-updated') window.kbUpdates.push(e.data.version); });
</script></body></html>`;

const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(path.join(dist, file), 'utf8')) as T;

/** Paths under Tier0's folder that reached the server (not answered from the worker's cache). */
const tier0Requests = (): string[] => server.requests.filter((r) => r.path.startsWith(MOUNT)).map((r) => r.path.slice(MOUNT.length));

/** Answers a path with a fixed response from now on (a half-deployed build, a captive portal). */
const answer = (p: string, status: number, type: string, body: string): void => {
  routes[`GET ${p}`] = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  };
};

/** Opens the host page and reloads it once the worker is active, so the worker controls it. */
const openControlled = async (): Promise<void> => {
  await page.goto(server.url('/app/page.html'));
  await page.evaluate(() => (window as unknown as { swReady: Promise<boolean> }).swReady);
  await page.reload();
  await page.evaluate(() => (window as unknown as { swReady: Promise<boolean> }).swReady);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
};

/** Fetches from the page; resolves to status and text, or to the error message. */
const pageFetch = (url: string, init?: RequestInit) =>
  page.evaluate(async ({ url, init }) => {
    try {
      const res = await fetch(url, init as RequestInit | undefined);
      return { ok: res.ok, status: res.status, text: await res.text() };
    } catch (error) {
      return { ok: false, status: 0, text: String(error) };
    }
  }, { url, init });

const setOffline = (offline: boolean) => browser.context.setOffline(offline);

beforeAll(async () => {
  await mkdir(path.join(REPO_ROOT, 'tests/.tmp'), { recursive: true });
  work = await mkdtemp(path.join(REPO_ROOT, 'tests/.tmp/offline-sw-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

beforeEach(async (ctx) => {
  // Each test gets its own dist/, server and browser profile (fresh worker, caches and queue).
  dist = path.join(work, ctx.task.id, 'dist');
  await mkdir(path.join(dist, 'chunks'), { recursive: true });
  await writeFile(path.join(dist, 'tier0.js'), 'window.tier0Loaded = true;');
  await writeFile(path.join(dist, 'chunks/panel.Ab12Cd34.js'), 'export const panel = true;');
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>demo</title>');
  content = await copyContent(path.join(work, ctx.task.id));
  buildKb(content, dist);
  await buildServiceWorker({ distDir: dist });
  tickets = createTicketEndpoint();
  routes = {
    'POST /api/tickets': (req, res, body) => tickets.route(req, res, body),
    'GET /api/users': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('[]');
    },
  };
  server = await startHostServer({ root: dist, mount: MOUNT, pages: { '/app/page.html': hostPage }, pathHeaders: offlineHeaders(MOUNT), routes });
  browser = await launchChromium();
  page = await browser.newPage();
});

afterEach(async () => {
  await browser?.close();
  await server?.close();
});

describe('Tier0 service worker', () => {
  test('serves the loader and the whole KB offline from its precache', async () => {
    await openControlled();
    const manifest = await readJson<KbManifest>('kb/manifest.json');
    const index = await readJson<KbIndex>(`kb/${manifest.index}`);
    const article = index.articles[0]!;
    const fromWorker: string[] = [];
    page.on('response', (r) => { if (r.fromServiceWorker()) fromWorker.push(new URL(r.url()).pathname); });

    await setOffline(true);
    const got = await page.evaluate(async ({ indexFile, body }) => {
      const m = await (await fetch('/tier0/kb/manifest.json', { cache: 'no-cache' })).json();
      const i = await (await fetch(`/tier0/kb/${indexFile}`)).json();
      const b = await (await fetch(`/tier0/kb/${body}`)).json();
      const loader = await (await fetch('/tier0/tier0.js')).text();
      const chunk = await (await fetch('/tier0/chunks/panel.Ab12Cd34.js')).text();
      return { version: m.version, articles: i.articles.length, bodyId: b.id, loader, chunk };
    }, { indexFile: manifest.index, body: article.body });

    expect(got).toEqual({
      version: manifest.version,
      articles: index.articles.length,
      bodyId: article.id,
      loader: 'window.tier0Loaded = true;',
      chunk: 'export const panel = true;',
    });
    expect(fromWorker).toEqual(expect.arrayContaining(['/tier0/kb/manifest.json', `/tier0/kb/${manifest.index}`, '/tier0/tier0.js']));
  });

  test('falls back to the cached manifest when a captive portal answers instead of the server', async () => {
    await openControlled();
    const manifest = await readJson<KbManifest>('kb/manifest.json');
    answer('/tier0/kb/manifest.json', 200, 'text/html', '<!doctype html><h1>Sign in to Hotel Wi-Fi</h1>');
    const got = await pageFetch('/tier0/kb/manifest.json', { cache: 'no-cache' });
    expect(tier0Requests()).toContain('kb/manifest.json');
    expect(JSON.parse(got.text).version).toBe(manifest.version);
  });

  test('never caches or answers host pages and host API calls', async () => {
    await openControlled();
    expect((await pageFetch('/api/users')).ok).toBe(true);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      }
      return urls;
    });
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.filter((u) => !u.startsWith('/tier0/'))).toEqual([]);
    expect(cached).not.toContain('/tier0/index.html');

    await setOffline(true);
    expect((await pageFetch('/api/users')).ok).toBe(false);
    // The host page itself is not served by the worker: an offline reload fails.
    await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  });

  test('adopts a rebuilt KB for offline use only after fetching all its files', async () => {
    await openControlled();
    const before = await readJson<KbManifest>('kb/manifest.json');
    const file = path.join(content, 'printing/paper-jam.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: Clear a paper jam', 'title: Clear a paper jam (new tray)'));
    buildKb(content, dist); // the KB alone is redeployed; sw.js still precaches the old one
    const after = await readJson<KbManifest>('kb/manifest.json');
    expect(after.version).not.toBe(before.version);

    expect(JSON.parse((await pageFetch('/tier0/kb/manifest.json', { cache: 'no-cache' })).text).version).toBe(after.version);
    await page.waitForFunction((v) => (window as unknown as { kbUpdates: string[] }).kbUpdates.includes(v), after.version);

    await setOffline(true);
    const offline = await page.evaluate(async () => {
      const m = await (await fetch('/tier0/kb/manifest.json', { cache: 'no-cache' })).json();
      const i = await (await fetch(`/tier0/kb/${m.index}`)).json();
      const meta = i.articles.find((a: { id: string }) => a.id === 'printing/paper-jam');
      const b = await (await fetch(`/tier0/kb/${meta.body}`)).json();
      return { version: m.version, title: meta.title, bodyId: b.id };
    });
    expect(offline).toEqual({ version: after.version, title: 'Clear a paper jam (new tray)', bodyId: 'printing/paper-jam' });
  });

  test('keeps the previous KB offline when a file of the new build cannot be fetched', async () => {
    await openControlled();
    const before = await readJson<KbManifest>('kb/manifest.json');
    const file = path.join(content, 'printing/paper-jam.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\n\nOne more paragraph.\n`);
    buildKb(content, dist);
    const after = await readJson<KbManifest>('kb/manifest.json');
    const newIndex = await readJson<KbIndex>(`kb/${after.index}`);
    const changedBody = newIndex.articles.find((a) => a.id === 'printing/paper-jam')!.body;
    answer(`/tier0/kb/${changedBody}`, 404, 'text/plain', 'not found'); // a half-finished deploy

    expect(JSON.parse((await pageFetch('/tier0/kb/manifest.json', { cache: 'no-cache' })).text).version).toBe(after.version);
    // Once the worker has asked for the missing file, the new manifest can no longer be adopted.
    await eventually(() => tier0Requests().includes(`kb/${changedBody}`), 'the adoption to ask for the missing file');

    await setOffline(true);
    const offline = await page.evaluate(async () => {
      const m = await (await fetch('/tier0/kb/manifest.json', { cache: 'no-cache' })).json();
      const i = await (await fetch(`/tier0/kb/${m.index}`)).json();
      const meta = i.articles.find((a: { id: string }) => a.id === 'printing/paper-jam');
      const b = await (await fetch(`/tier0/kb/${meta.body}`)).json();
      return { version: m.version, bodyId: b.id };
    });
    expect(offline).toEqual({ version: before.version, bodyId: 'printing/paper-jam' });
  });
});

describe('updates while a page is open', () => {
  test('a new worker takes over at once, yet keeps the previous build hashed files for open pages', async () => {
    // Chunks not HTTP-cacheable, so only the worker's own caches can hold the old one.
    await server.close();
    const headers = { ...offlineHeaders(MOUNT), [`${MOUNT}chunks/`]: { 'Cache-Control': 'no-store' } };
    server = await startHostServer({ root: dist, mount: MOUNT, pages: { '/app/page.html': hostPage }, pathHeaders: headers, routes });
    await openControlled();
    // Redeploy: the old chunk is gone from the server, a new one replaces it, sw.js is rebuilt.
    await rm(path.join(dist, 'chunks/panel.Ab12Cd34.js'));
    await writeFile(path.join(dist, 'chunks/panel.Ef56Gh78.js'), 'export const panel = 2;');
    await writeFile(path.join(dist, 'tier0.js'), 'window.tier0Loaded = 2;');
    await buildServiceWorker({ distDir: dist });

    await page.evaluate(async () => {
      const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      await (await navigator.serviceWorker.getRegistration('/'))!.update();
      await changed; // skipWaiting + clients.claim: no need to close the tab
    });
    const got = await page.evaluate(async () => ({
      // The panel this page already runs may still import its old chunks.
      oldChunk: await (await fetch('/tier0/chunks/panel.Ab12Cd34.js')).text(),
      newChunk: await (await fetch('/tier0/chunks/panel.Ef56Gh78.js')).text(),
      loader: await (await fetch('/tier0/tier0.js')).text(),
    }));
    expect(got).toEqual({ oldChunk: 'export const panel = true;', newChunk: 'export const panel = 2;', loader: 'window.tier0Loaded = 2;' });
  });
});

describe('ticket background sync', () => {
  const post = (key: string, marked = true) =>
    pageFetch('/api/tickets', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...(marked ? { 'X-Tier0-Ticket': '1' } : {}) },
      body: JSON.stringify({ id: key, subject: 'VPN down' }),
    });

  test('replays a ticket that got a 503, with the same Idempotency-Key, and it is accepted once', async () => {
    await openControlled();
    tickets.plan = [503];
    tickets.retryAfter = '0';
    expect((await post('k-503')).status).toBe(503); // the page outbox sees the failure too
    await eventually(() => tickets.accepted.has('k-503'), 'the worker to replay the ticket');
    const replays = tickets.attempts.filter((a) => a.key === 'k-503');
    expect(replays.map((a) => a.status)).toEqual([503, 201]);
    expect(new Set(replays.map((a) => a.body)).size).toBe(1);

    // The page's own outbox retries too: the endpoint deduplicates by key.
    expect(JSON.parse((await post('k-503')).text)).toEqual({ ticketId: tickets.accepted.get('k-503') });
    expect(tickets.accepted.size).toBe(1);
  });

  test('replays a ticket posted while offline once the network is back', async () => {
    await openControlled();
    await setOffline(true);
    expect((await post('k-offline')).ok).toBe(false);
    expect(tickets.attempts).toHaveLength(0);
    await setOffline(false);
    await eventually(() => tickets.accepted.has('k-offline'), 'the worker to replay the offline ticket');
    expect(tickets.attempts.filter((a) => a.key === 'k-offline').map((a) => a.status)).toEqual([201]);
  });

  test('never retries a 4xx, and never touches unmarked POSTs', async () => {
    await openControlled();
    tickets.plan = [422, 503, 503];
    tickets.retryAfter = '0';
    expect((await post('k-422')).status).toBe(422);
    expect((await post('k-unmarked', false)).status).toBe(503);
    expect((await post('k-later')).status).toBe(503);
    await eventually(() => tickets.accepted.has('k-later'), 'the worker to replay the retryable ticket');
    // The queue replays in order, so anything queued before k-later has been tried by now.
    expect(tickets.attempts.filter((a) => a.key === 'k-422')).toHaveLength(1);
    expect(tickets.attempts.filter((a) => a.key === 'k-unmarked')).toHaveLength(1);
  });
});

describe('sw.js imported into the site own worker', () => {
  /** The site serves its own worker at /host-sw.js, which imports Tier0's. */
  const useHostWorker = (source: string): void => {
    server.setPage('/app/page.html', `<!doctype html><html lang="en"><head><title>Host app</title></head><body>
<script>
  window.swReady = navigator.serviceWorker.register('/host-sw.js', { scope: '/' }).then(() => navigator.serviceWorker.ready).then(() => true);
</script></body></html>`);
    routes['GET /host-sw.js'] = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-cache' });
      res.end(source);
    };
  };

  test('precaches and serves Tier0 files from Tier0 folder, not the host worker folder', async () => {
    useHostWorker("importScripts('/tier0/sw.js');\nself.addEventListener('install', () => self.skipWaiting());");
    await openControlled();
    const manifest = await readJson<KbManifest>('kb/manifest.json');
    await setOffline(true);
    const got = await page.evaluate(async () => {
      const m = await (await fetch('/tier0/kb/manifest.json', { cache: 'no-cache' })).json();
      const loader = await (await fetch('/tier0/tier0.js')).text();
      return { version: m.version, loader, caches: await caches.keys() };
    });
    expect(got.version).toBe(manifest.version);
    expect(got.loader).toBe('window.tier0Loaded = true;');
    expect(got.caches.filter((c) => c.startsWith('tier0-')).every((c) => c.endsWith(server.url('/tier0/')))).toBe(true);
  });

  test('leaves the life cycle to the site: never calls skipWaiting() or clients.claim()', async () => {
    // The site's worker counts calls to the two life-cycle APIs, then imports Tier0.
    useHostWorker(`
      const calls = { skipWaiting: 0, claim: 0 };
      const skip = self.skipWaiting.bind(self);
      self.skipWaiting = () => { calls.skipWaiting += 1; return skip(); };
      const claim = self.clients.claim.bind(self.clients);
      self.clients.claim = () => { calls.claim += 1; return claim(); };
      importScripts('/tier0/sw.js');
      self.addEventListener('message', (e) => { if (e.data === 'calls') e.source.postMessage(calls); });`);
    await page.goto(server.url('/app/page.html'));
    const calls = await page.evaluate(async () => {
      await (window as unknown as { swReady: Promise<boolean> }).swReady;
      const reg = await navigator.serviceWorker.ready;
      return new Promise((resolve) => {
        navigator.serviceWorker.addEventListener('message', (e) => resolve(e.data), { once: true });
        navigator.serviceWorker.startMessages();
        reg.active!.postMessage('calls');
      });
    });
    expect(calls).toEqual({ skipWaiting: 0, claim: 0 });
  });
});
