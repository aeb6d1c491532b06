/**
 * The built widget offline, in Chromium: first use after the network dropped (warm-up, no service
 * worker), an offline reload (service worker) that never answers host pages, a refused worker
 * registration, a rebuilt KB picked up on the next visit without mixing versions, and a ticket
 * through a 503 delivered once.
 * Each test serves its own copy of dist/ under /tier0/ with the README's caching headers.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Response as PwResponse } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { buildServiceWorker } from '../../scripts/build/build-sw.ts';
import { launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { ensureDist } from './helpers/dist.ts';
import { DIST_DIR, hostPage, REPO_ROOT, startHostServer, type HostServer } from './helpers/host-server.ts';
import { launcher } from './helpers/widget-page.ts';
import { buildKb, copyContent, createTicketEndpoint, eventually, offlineHeaders, type TicketEndpoint } from './offline-helpers.ts';
import type { KbManifest } from '../../widget/core/kb-format.ts';

const MOUNT = '/tier0/';
const NO_SW = '/app/no-sw.html';
const WITH_SW = '/app/with-sw.html';
// Long enough for the ticket form's minimum time-to-submit (what a person takes anyway).
const HUMAN_PAUSE_MS = 3200;

let work: string;
let dist: string;
let content: string;
let server: HostServer;
let tickets: TicketEndpoint;
let browser: LaunchedBrowser;
let page: Page;

const pages = {
  [NO_SW]: hostPage({ mount: MOUNT, attrs: 'data-service-worker="false" data-ticket-endpoint="/api/tickets"' }),
  // Scope "/" (allowed by the Service-Worker-Allowed header) so the worker controls /app/ pages.
  [WITH_SW]: hostPage({ mount: MOUNT, attrs: 'data-service-worker-scope="/" data-ticket-endpoint="/api/tickets"' }),
};

const manifest = async (): Promise<KbManifest> => JSON.parse(await readFile(path.join(dist, 'kb/manifest.json'), 'utf8')) as KbManifest;
const setOffline = (offline: boolean) => browser.context.setOffline(offline);

/** Opens the panel, searches and opens the first result; returns the article heading's text. */
async function searchAndRead(query: string, expectedTitle: string): Promise<string> {
  await launcher(page).click();
  const box = page.getByRole('combobox', { name: 'Search help' });
  await box.fill(query);
  await page.getByRole('option', { name: new RegExp(expectedTitle.replace(/[()]/g, '\\$&')) }).first().click();
  await page.getByRole('heading', { level: 2, name: expectedTitle }).waitFor();
  // The title shows before the body is fetched and inserted: read the body once it is there.
  const prose = page.locator('.t0-prose').first();
  await expect.poll(() => prose.innerText(), { timeout: 10_000 }).not.toBe('');
  return prose.innerText();
}

/** Waits until the page's service worker is active, then reloads so it controls the page. */
async function controlledBySw(): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await launcher(page).waitFor();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

beforeAll(async () => {
  ensureDist();
  await mkdir(path.join(REPO_ROOT, 'tests/.tmp'), { recursive: true });
  work = await mkdtemp(path.join(REPO_ROOT, 'tests/.tmp/offline-widget-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

beforeEach(async (ctx) => {
  // A private copy of dist/ per test, with a KB compiled from an editable copy of the content.
  dist = path.join(work, ctx.task.id, 'dist');
  await cp(DIST_DIR, dist, { recursive: true });
  content = await copyContent(path.join(work, ctx.task.id));
  buildKb(content, dist);
  await buildServiceWorker({ distDir: dist });
  tickets = createTicketEndpoint();
  server = await startHostServer({
    root: dist,
    mount: MOUNT,
    pages,
    pathHeaders: offlineHeaders(MOUNT),
    routes: { 'POST /api/tickets': (req, res, body) => tickets.route(req, res, body) },
  });
  browser = await launchChromium();
  page = await browser.newPage();
});

afterEach(async () => {
  await browser?.close();
  await server?.close();
});

describe('offline without a service worker', () => {
  test('a page loaded online opens the widget for the first time offline, searches and reads', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url(NO_SW));
    await launcher(page).waitFor();
    // Warm-up at idle fetches every bundle file (and no worker is registered).
    const files = (await manifest()).files.map((f) => `${MOUNT}kb/${f}`);
    await eventually(() => files.every((f) => server.requests.some((r) => r.path === f)), 'warm-up to fetch the whole KB');
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);

    await setOffline(true);
    const body = await searchAndRead('paper jam', 'Clear a paper jam');
    expect(body.length).toBeGreaterThan(50);
    expect(errors).toEqual([]);
  });

  test('the ticket form opens offline the first time, from chunks warm-up fetched but never ran', async () => {
    await page.goto(server.url(NO_SW));
    await launcher(page).waitFor();
    const ticketChunk = /^\/tier0\/chunks\/ticket-view\.[\w-]+\.js$/;
    await eventually(() => server.requests.some((r) => ticketChunk.test(r.path)), 'warm-up to fetch the ticket form chunk');
    expect(await page.evaluate(() => document.querySelector('tier0-widget')?.shadowRoot?.querySelector('form') ?? null)).toBeNull();

    await setOffline(true);
    await page.evaluate(() => (window as unknown as { Tier0: { escalate(r: string): void } }).Tier0.escalate('contact'));
    await page.getByLabel(/^Subject/).waitFor();
  });

  test('warm-up fetches the ticket texts of English and the visitor\'s locale only, and no DOMPurify where setHTML exists', async () => {
    server.setPage('/fr.html', hostPage({ mount: MOUNT, lang: 'fr', attrs: 'data-service-worker="false" data-ticket-endpoint="/api/tickets"' }));
    /** The chunks this page's warm-up asked for (from the HTTP cache or not), once the ticket form's were. */
    const warmed = async (url: string): Promise<string[]> => {
      await page.goto(url);
      const names = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.includes('/chunks/')));
      await eventually(async () => (await names()).some((p) => /\/ticket-view\./.test(p)), 'warm-up to fetch the ticket form chunk');
      await page.waitForLoadState('networkidle');
      return (await names()).map((p) => p.replace(/^.*\/chunks\/([\w-]+)\.[\w-]+\.js$/, '$1')).sort();
    };
    const ticketTexts = (chunks: string[]): string[] => chunks.filter((c) => /^ticket-[a-z]{2}$/.test(c));
    const english = await warmed(server.url(NO_SW));
    expect(ticketTexts(english)).toEqual(['ticket-en']);
    expect(english.filter((c) => c.startsWith('sanitize-fallback'))).toEqual([]);
    expect(ticketTexts(await warmed(server.url('/fr.html')))).toEqual(['ticket-en', 'ticket-fr']);
  });

  test('works from warm-up memory even when the server forbids caching (Cache-Control: no-store)', async () => {
    await server.close();
    server = await startHostServer({ root: dist, mount: MOUNT, pages }); // every response no-store
    await page.goto(server.url(NO_SW));
    await launcher(page).waitFor();
    const files = (await manifest()).files.map((f) => `${MOUNT}kb/${f}`);
    await eventually(() => files.every((f) => server.requests.some((r) => r.path === f)), 'warm-up to fetch the whole KB');
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));

    await setOffline(true);
    const body = await searchAndRead('printer offline', 'Printer shows "Offline"');
    expect(body.length).toBeGreaterThan(50);
  });
});

describe('offline with the service worker', () => {
  test('an offline reload still loads the widget from the worker, which never answers the host page', async () => {
    await page.goto(server.url(WITH_SW));
    await controlledBySw();
    await setOffline(true);

    // The worker does not answer the host page: offline, its reload fails.
    await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);

    // Served by the test's own route instead, the page loads; the widget comes from the worker.
    await browser.context.route(server.url(WITH_SW), (route) => route.fulfill({ status: 200, contentType: 'text/html', body: pages[WITH_SW] }));
    const fromWorker: string[] = [];
    page.on('response', (r: PwResponse) => { if (r.fromServiceWorker()) fromWorker.push(new URL(r.url()).pathname); });
    const nav = await page.goto(server.url(WITH_SW));
    expect(nav?.fromServiceWorker()).toBe(false);
    await launcher(page).waitFor();
    await searchAndRead('paper jam', 'Clear a paper jam');
    expect(fromWorker).toEqual(expect.arrayContaining([`${MOUNT}tier0.js`, `${MOUNT}kb/manifest.json`]));
    expect(fromWorker.some((p) => !p.startsWith(MOUNT))).toBe(false);

    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      }
      return urls;
    });
    expect(cached.filter((u) => !u.startsWith('/tier0/'))).toEqual([]);
  });

  test('a refused registration (scope without Service-Worker-Allowed) is reported once and breaks nothing', async () => {
    await server.close();
    const headers = offlineHeaders(MOUNT);
    delete headers[`${MOUNT}sw.js`];
    server = await startHostServer({ root: dist, mount: MOUNT, pages, pathHeaders: headers });
    const errors: string[] = [];
    const thrown: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => thrown.push(e.message));
    await page.goto(server.url(WITH_SW));
    await launcher(page).waitFor();
    const ours = () => errors.filter((e) => e.startsWith('[tier0]'));
    await expect.poll(() => ours().length, { timeout: 15_000 }).toBe(1);
    expect(ours()[0]).toMatch(/^\[tier0\] could not register the service worker .*Service-Worker-Allowed/);
    await searchAndRead('paper jam', 'Clear a paper jam');
    // Besides the browser's own console line about the scope, nothing else went wrong.
    expect(errors.filter((e) => !e.startsWith('[tier0]') && !e.includes('Service-Worker-Allowed'))).toEqual([]);
    expect(thrown).toEqual([]);
    expect(ours()).toHaveLength(1);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
  });

  test('a rebuilt KB replaces the old one on the next visit, never mixing versions', async () => {
    await page.goto(server.url(WITH_SW));
    await controlledBySw();
    await searchAndRead('paper jam', 'Clear a paper jam');
    const before = await manifest();

    const file = path.join(content, 'printing/paper-jam.md');
    const source = await readFile(file, 'utf8');
    await writeFile(file, source
      .replace('title: Clear a paper jam', 'title: Clear a paper jam (tray 2)')
      .replace(/\n# [^\n]*\n/, '\n# Clear a paper jam (tray 2)\n\nOpen tray 2 first: the new printers jam there.\n'));
    buildKb(content, dist);
    await buildServiceWorker({ distDir: dist }); // a full redeploy, as `npm run build` does
    const after = await manifest();
    expect(after.version).not.toBe(before.version);

    await page.goto(server.url(WITH_SW));
    await launcher(page).waitFor();
    const body = await searchAndRead('paper jam', 'Clear a paper jam (tray 2)');
    expect(body).toContain('Open tray 2 first');
    await page.getByText('Help content was updated').waitFor();

    // Once the worker holds the new KB, an offline visit shows it too, index and body alike.
    await eventually(() => page.evaluate((u) => caches.match(u).then((r) => r !== undefined), server.url(`${MOUNT}kb/${after.index}`)), 'the worker to cache the new index');
    await browser.context.route(server.url(WITH_SW), (route) => route.fulfill({ status: 200, contentType: 'text/html', body: pages[WITH_SW] }));
    await setOffline(true);
    await page.goto(server.url(WITH_SW));
    await launcher(page).waitFor();
    expect(await searchAndRead('paper jam', 'Clear a paper jam (tray 2)')).toContain('Open tray 2 first');
  });

  test('a ticket that got a 503 is retried and arrives exactly once', async () => {
    tickets.plan = [503];
    tickets.retryAfter = '1';
    await page.goto(server.url(WITH_SW));
    await controlledBySw();
    await page.evaluate(() => (window as unknown as { Tier0: { escalate(r: string): void } }).Tier0.escalate('contact'));
    await page.getByLabel(/^E-mail/).fill('ada@example.com');
    await page.getByLabel(/^Subject/).fill('VPN drops every hour');
    await page.getByLabel(/^Description/).fill('Since this morning the VPN disconnects.');
    await page.waitForTimeout(HUMAN_PAUSE_MS);
    await page.getByRole('button', { name: 'Send to support' }).click();
    await page.getByText('Sent — ticket T-1').waitFor({ timeout: 30_000 });

    expect(tickets.attempts[0]?.status).toBe(503);
    // Marked for the worker's background sync too: page and worker may both deliver it.
    expect(tickets.attempts.every((a) => a.marked)).toBe(true);
    expect(tickets.accepted.size).toBe(1);
    const keys = new Set(tickets.attempts.map((a) => a.key));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toBeTruthy();
  });
});
