/**
 * The widget embedded from another origin (a CDN): the host page on one origin, dist/ on another.
 * Chunks are ES modules and the KB is fetched, so the CDN must answer with CORS; with it the
 * widget searches and reads, without it the page gets a readable `[tier0]` error, never a broken
 * page. The service worker is skipped, since a worker can only be registered on the page's origin.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { ensureDist } from './helpers/dist.ts';
import { startHostServer, type HostServer } from './helpers/host-server.ts';
import { launcher } from './helpers/widget-page.ts';

const MOUNT = '/static/help/';
let cdn: HostServer;
let closedCdn: HostServer;
let site: HostServer;
let browser: LaunchedBrowser;

const embed = (origin: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Site</title><link rel="icon" href="data:,">`
  + `<script src="${origin}${MOUNT}tier0.js" async></script></head><body><main><h1>Site</h1></main></body></html>`;

beforeAll(async () => {
  ensureDist();
  cdn = await startHostServer({ headers: { 'Access-Control-Allow-Origin': '*' } });
  closedCdn = await startHostServer();
  site = await startHostServer({ pages: { '/': embed(cdn.origin), '/closed': embed(closedCdn.origin) } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([cdn?.close(), closedCdn?.close(), site?.close()]);
});

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('from a CDN that answers with CORS, it searches and reads, and registers no service worker', async () => {
  expect(new URL(cdn.origin).origin).not.toBe(new URL(site.origin).origin);
  const page = await browser.newPage();
  const errors = consoleErrors(page);
  await page.goto(site.url('/'));
  await launcher(page).click();
  const box = page.getByRole('combobox', { name: 'Search help' });
  await box.fill('printer offline');
  await page.getByRole('option', { name: /Printer shows "Offline"/ }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Printer shows "Offline"' }).waitFor();
  const prose = page.locator('tier0-widget .t0-prose').first();
  await expect.poll(() => prose.innerText()).not.toBe('');

  // Chunks and the KB came from the CDN, resolved against the loader's URL.
  expect(cdn.requests.some((r) => r.path.startsWith(`${MOUNT}chunks/panel.`))).toBe(true);
  expect(cdn.requests.some((r) => r.path === `${MOUNT}kb/manifest.json`)).toBe(true);
  expect(site.requests.filter((r) => r.path !== '/')).toEqual([]);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('from a CDN without CORS, the page keeps working and the console says what to fix', async () => {
  const page = await browser.newPage();
  const errors = consoleErrors(page);
  await page.goto(site.url('/closed'));
  await launcher(page).click();
  await expect.poll(() => errors.some((e) => e.startsWith('[tier0] cannot load the help panel'))).toBe(true);
  // The host page itself is untouched and still scriptable.
  expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Site');
  expect(await page.evaluate(() => typeof (window as unknown as { Tier0?: { open?: unknown } }).Tier0?.open)).toBe('function');
  await page.close();
});
