/**
 * The session byte budget, measured the way it is defined: all JS a host page has downloaded
 * after a full English session in Chromium (page load and idle warm-up, open, search, read an
 * article, give feedback), gzip level 9 per file as served. KB data (JSON) is excluded.
 * Byte counts are deterministic for a given build, so this is a budget, not a timing.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { DIST_DIR, hostPage, startHostServer, type HostServer } from './helpers/host-server.ts';
import { ensureDist } from './helpers/dist.ts';
import { launcher, waitReady } from './helpers/widget-page.ts';
import { LOCALES, launcherStrings } from '../../widget/core/i18n/locale.ts';

const MOUNT = '/static/help/';
// The budget: 45 KB (46,080 B) for a full session on a browser with the HTML Sanitizer
// API (article HTML goes in through setHTML; DOMPurify is the fallback chunk, not in this session).
// Measured 45,950 B: the loader 5,934 and the panel 40,016, which holds the article view and the
// offline support's page side (all three were fetched at idle anyway; as separate chunks they cost
// ~1.5 KB more in gzip streams and cross-chunk glue). 130 B of headroom. The loader has its own
// budget (6 KB, tests/unit/budget.test.ts). Lazy chunks a plain desktop session never loads: guided
// help (a walk's messages, the browser check card and what the live region says for them) and its
// flow moves, diagnostics, the ticket form, the status banner (only with a statusUrl, at mount),
// self-service actions, the phone layout's styles, scroll lock and focus trap, and spelling
// correction (loaded the first time a query has a word the KB does not know).
const SESSION_BUDGET = 45 * 1024;
/** A browser without the HTML Sanitizer API, which takes the DOMPurify fallback. */
const NO_SET_HTML = 'delete Element.prototype.setHTML; delete ShadowRoot.prototype.setHTML;';

let server: HostServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  ensureDist();
  server = await startHostServer({ pages: { '/': hostPage({ attrs: 'data-ticket-endpoint="/api/tickets"' }) } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The JS files (relative to dist/) a full session downloads, each with its gzip size. */
async function session(init?: string): Promise<{ sizes: (readonly [string, number])[]; total: number }> {
  const page = await browser.context.newPage();
  if (init) await page.addInitScript(init);
  const scripts = new Set<string>();
  page.on('response', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith(MOUNT) && p.endsWith('.js') && r.request().resourceType() !== 'other') scripts.add(p.slice(MOUNT.length));
  });
  await page.goto(server.url('/'));
  await waitReady(page);
  await launcher(page).click();
  await page.keyboard.type('printer offline');
  await page.keyboard.press('Enter');
  const open = page.getByRole('button', { name: 'Open article' }).first();
  await open.click();
  await page.getByRole('heading', { level: 2, name: 'Printer shows "Offline"' }).waitFor();
  const yes = page.getByRole('group', { name: /helpful/i }).getByRole('button', { name: 'Yes' });
  await yes.click();
  await page.waitForLoadState('networkidle');
  await page.close();

  const sizes = await Promise.all([...scripts].sort().map(async (f) => {
    const bytes = await readFile(path.join(DIST_DIR, f));
    return [f, gzipSync(bytes, { level: 9 }).length] as const;
  }));
  return { sizes, total: sizes.reduce((sum, [, n]) => sum + n, 0) };
}

const describeSizes = (sizes: (readonly [string, number])[]): string => sizes.map(([f, n]) => `${f} ${n}`).join(', ');

test(`a full session (open, search, article, feedback) with the native Sanitizer downloads at most ${SESSION_BUDGET / 1024} KB of JS`, async () => {
  const { sizes, total } = await session();
  const files = sizes.map(([f]) => f);
  // The loader and the panel (article view and offline support inside), nothing else: no DOMPurify
  // fallback, guided help, flow moves, diagnostics, ticket form, phone-only modal parts, or the
  // set-up of the self-service actions this site does not configure.
  expect(files).toEqual([expect.stringMatching(/^chunks\/panel\.[^/]+\.js$/), 'tier0.js']);
  console.log(`session JS, native Sanitizer: ${total} B gzip (${describeSizes(sizes)})`);
  expect(total, `session JS is ${total} B gzip: ${describeSizes(sizes)}`).toBeLessThanOrEqual(SESSION_BUDGET);
});

test('the same session without setHTML adds exactly the DOMPurify fallback chunk', async () => {
  const native = await session();
  const { sizes, total } = await session(NO_SET_HTML);
  const extra = sizes.filter(([f]) => !native.sizes.some(([g]) => g === f));
  expect(extra.map(([f]) => f)).toEqual([expect.stringMatching(/^chunks\/sanitize-fallback\.[^/]+\.js$/)]);
  expect(total).toBe(native.total + extra[0]![1]);
  console.log(`session JS, DOMPurify fallback: ${total} B gzip (${describeSizes(sizes)})`);
});

test('the panel chunk carries English only: no other locale’s launcher texts, no import of the ticket form’s locale tables', async () => {
  const chunks = path.join(DIST_DIR, 'chunks');
  const panelFile = (await readdir(chunks)).find((f) => /^panel\.[^/]+\.js$/.test(f));
  expect(panelFile).toBeDefined();
  const code = await readFile(path.join(chunks, panelFile!), 'utf8');
  // The launcher's texts are the loader's (core/i18n/locale.ts); the panel's tables leave them out.
  for (const locale of LOCALES.filter((l) => l !== 'en')) expect(code).not.toContain(launcherStrings[locale].launcherFailed);
  // The UI tables' loader imports only UI tables; the ticket view loads its own locale's texts.
  expect(code).not.toMatch(/import\(`\.\/ticket-(fr|es|de|ar)\./);
});
