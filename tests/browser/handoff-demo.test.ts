/**
 * `npm start`'s whole path (dist/, the relay behind the page's /api/tickets, the inbox
 * connector): a ticket sent from the demo page shows up in the inbox page as Level 1 sees it
 * (queue, priority, summary first), and the demo's second page shows contextual suggestions.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startDemoServer } from '../../scripts/demo/demo-server.ts';
import { launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { askForHelpAfterSearching } from './helpers/widget-page.ts';
import { DIST_DIR } from './helpers/host-server.ts';

let browser: LaunchedBrowser;
let demo: Awaited<ReturnType<typeof startDemoServer>>;
let dataDir: string;

beforeAll(async () => {
  const built = await stat(path.join(DIST_DIR, 'index.html')).then(() => true, () => false);
  if (!built) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  dataDir = await mkdtemp(path.join(tmpdir(), 'tier0-demo-inbox-'));
  demo = await startDemoServer({ port: 0, relayPort: 0, distDir: DIST_DIR, dataDir, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('the demo inbox shows a ticket sent from the demo page as Level 1 receives it through the relay', async () => {
  const page = await browser.newPage();
  await page.goto(demo.url);
  await askForHelpAfterSearching(page, 'printer offline', { name: 'Dana Kim', email: 'dana@example.com' });
  await page.getByRole('button', { name: 'Send to support' }).click();
  await page.getByText(/T0-1001/).first().waitFor({ timeout: 20_000 });
  await expect.poll(() => demo.inboxTickets().length, { timeout: 10_000 }).toBe(1);

  const inbox = await browser.newPage();
  await inbox.goto(new URL('/inbox', demo.url).href);
  const ticket = inbox.getByRole('article');
  expect(await ticket.count()).toBe(1);
  const text = (await ticket.textContent()) ?? '';
  expect(text).toContain('L1-1001');
  expect(text).toContain('Queue: Printing');
  expect(text).toMatch(/P\d/);
  expect(text).toContain('Dana Kim');
  expect(text).toContain('dana@example.com');
  expect(text).toContain('Tier0 hand-off T0-1001');
  expect(text).toContain(`Problem, in the user's words: "printer offline"`);
  expect(text).toContain('Searched: "printer offline"');
  expect(text).toMatch(/Environment: .*time zone/);
  // The conversation is folded below the summary, as an attachment would be.
  await inbox.getByText('Conversation (transcript.txt)').click();
  expect(await inbox.locator('pre.transcript').textContent()).toContain('User: printer offline');
});

test('the demo Account page suggests the starter KB account articles first, below the conversation kept from Expenses', async () => {
  const page = await browser.newPage();
  await page.goto(demo.url);
  await page.evaluate(() => (window as unknown as { Tier0: { open(): void } }).Tier0.open());
  const box = page.getByRole('combobox', { name: 'Search help' });
  await box.fill('paper jam');
  await box.press('Enter');
  await page.getByRole('button', { name: /^Open article/ }).first().waitFor();
  // Expenses has no `pages:` article: nothing is suggested there.
  expect(await page.getByRole('region', { name: 'Suggested for this page' }).count()).toBe(0);

  await page.getByRole('link', { name: 'Account' }).click();
  await page.waitForURL(/account\.html$/);
  await page.evaluate(() => (window as unknown as { Tier0: { open(): void } }).Tier0.open());
  const suggested = page.getByRole('region', { name: 'Suggested for this page' });
  await suggested.waitFor();
  const titles = await suggested.getByRole('button').allTextContents();
  expect(titles).toEqual(expect.arrayContaining(['Change your password', 'Set up multi-factor authentication (MFA)']));
  expect(await page.locator('tier0-widget .t0-user').first().textContent()).toContain('paper jam');
  await page.close();
});
