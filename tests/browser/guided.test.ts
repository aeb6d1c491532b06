/**
 * Guided troubleshooting in real Chromium: a flow walked in the chat by keyboard and its path in
 * the submitted ticket, self-diagnostics (offline, a server clock 5 minutes off, storage blocked
 * by the browser's cookie setting), a self-service action for "forgot password", the status
 * banner, and screenshots of a flow on desktop and phone.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createInbox, type Inbox } from './helpers/ticket-inbox.ts';
import { eventually } from './offline-helpers.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { ensureDist } from './helpers/dist.ts';
import { DIST_DIR, hostPage, startHostServer, type HostServer } from './helpers/host-server.ts';
import { waitReady } from './helpers/widget-page.ts';

// The form's minimum time-to-submit (anti-bot) is 3 s: what a person takes anyway.
const HUMAN_PAUSE_MS = 3200;
const SHOTS = path.join(tmpdir(), 'tier0-guided-shots');
const ACTIONS = JSON.stringify([{ id: 'resetPassword', url: 'https://passwordreset.example.com/' }]);
const PAGE = hostPage({
  stub: true,
  attrs: `data-ticket-endpoint="/api/tickets" data-service-worker="false" data-status-url="/status.json" data-actions='${ACTIONS}'`,
});

let browser: LaunchedBrowser;
let server: HostServer;
let inbox: Inbox;
let dataDir: string;
/** How far the server's Date header is off on the KB manifest (the clock check's probe). */
let serverClockSkewMs = 0;
let incidents: unknown[] = [];

async function ticketRoute(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  // The host server has read the body already: hand the inbox a request that replays it.
  const replay = Object.assign(Readable.from([body]), { method: req.method, url: req.url, headers: req.headers }) as unknown as IncomingMessage;
  await inbox.handle(replay, res);
}

async function manifestRoute(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  const manifest = await readFile(path.join(DIST_DIR, 'kb/manifest.json'));
  res.setHeader('Date', new Date(Date.now() + serverClockSkewMs).toUTCString());
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(manifest);
}

beforeAll(async () => {
  ensureDist();
  browser = await launchChromium();
  server = await startHostServer({
    pages: { '/': PAGE },
    routes: {
      'POST /api/tickets': (req, res, body) => ticketRoute(req, res, body),
      'GET /static/help/kb/manifest.json': (req, res) => manifestRoute(req, res),
      'GET /status.json': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ incidents }));
      },
    },
  });
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await server?.close();
  await browser?.close();
});

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'tier0-guided-'));
  inbox = createInbox({ dataDir });
  serverClockSkewMs = 0;
  incidents = [];
});

afterEach(async () => {
  await browser.context.setOffline(false);
  for (const page of browser.context.pages()) await page.close();
  const page = await browser.newPage();
  await page.goto(server.url('/'));
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
  await page.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Opens the host page with the panel open and the KB ready. */
async function openPanel(context: { newPage(): Promise<Page> } = browser, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(server.url('/'));
  await page.evaluate(() => (window as unknown as { Tier0: { open(): void } }).Tier0.open());
  await waitReady(page);
  return page;
}

async function ask(page: Page, question: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Search help' });
  await box.fill(question);
  await box.press('Enter');
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.querySelector('tier0-widget');
    return (host?.shadowRoot?.activeElement as HTMLElement | null)?.textContent ?? '';
  });
}

describe('guided troubleshooting in the chat', () => {
  test('walks a flow by keyboard, and the path taken arrives in the submitted ticket', async () => {
    const page = await openPanel();
    await ask(page, 'printer offline');
    const walk = page.getByRole('button', { name: 'Walk me through it' });
    // It sits beside or below "Open article" with a visible gap, before the guided styles load.
    const [a, b] = await Promise.all([page.getByRole('button', { name: /^Open article/ }).first().boundingBox(), walk.boundingBox()]);
    expect(Math.max(b!.x - (a!.x + a!.width), b!.y - (a!.y + a!.height))).toBeGreaterThanOrEqual(8);
    await walk.focus();
    await page.keyboard.press('Enter');

    // Focus moves to the new step's first answer; Enter answers it.
    await page.getByRole('group', { name: 'Is the printer switched on and ready?' }).waitFor();
    await expect.poll(() => focusedText(page)).toMatch(/^It.s on and ready$/);
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Can other people print to it?' }).waitFor();
    await expect.poll(() => focusedText(page)).toBe('Yes, others can print');
    // The answer given shows as the user's message; the answered step keeps no buttons.
    await expect.poll(() => page.locator('tier0-widget .t0-user').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/It.s on and ready/)]),
    );
    expect(await page.getByRole('group', { name: 'Is the printer switched on and ready?' }).count()).toBe(0);

    // Back (Enter on it) undoes the answer; answering again with Tab and Space reaches "support".
    await page.getByRole('button', { name: 'Back' }).press('Enter');
    await expect.poll(() => focusedText(page)).toMatch(/^It.s on and ready$/);
    await page.keyboard.press('Space');
    await expect.poll(() => focusedText(page)).toBe('Yes, others can print');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('No, nobody can print to it');
    await page.keyboard.press('Space');

    // "Support" hands off: the ticket form opens, pre-filled with the checks done.
    await page.getByRole('button', { name: 'Send to support' }).waitFor();
    const description = await page.getByLabel(/^Description/).inputValue();
    expect(description).toContain('Can other people print to it?');
    expect(description).toContain('No, nobody can print to it');
    await page.getByLabel(/^E-mail/).fill('ada@example.com');
    await page.waitForTimeout(HUMAN_PAUSE_MS);
    await page.getByRole('button', { name: 'Send to support' }).press('Enter');
    await expect.poll(() => inbox.tickets().length, { timeout: 20_000 }).toBe(1);

    const ticket = inbox.tickets()[0]!.ticket as { transcript: Array<{ role: string; text: string }>; description: string };
    const userLines = ticket.transcript.filter((e) => e.role === 'user').map((e) => e.text);
    expect(userLines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Is the printer switched on and ready\? → It.s on and ready$/),
      'Can other people print to it? → No, nobody can print to it',
    ]));
    expect(ticket.transcript.map((e) => e.text)).toContain('Guided troubleshooting: the user needs a person');
    expect(ticket.description).toContain('Can other people print to it?');
  });

  test('a solved flow says so and records the article as helpful', async () => {
    const page = await openPanel();
    await ask(page, 'printer offline');
    await page.getByRole('button', { name: 'Walk me through it' }).click();
    await page.getByRole('button', { name: /^It.s off or won.t wake up$/ }).click();
    await page.getByRole('button', { name: 'It prints now' }).click();
    await page.locator('tier0-widget .t0-body').getByText('Great, glad it’s fixed!').waitFor();
    const saved = await page.evaluate(() => JSON.parse(sessionStorage.getItem('tier0:conversation:v1') ?? '{}') as { articlesViewed?: unknown[] });
    expect(saved.articlesViewed).toContainEqual(expect.objectContaining({ id: 'printing/printer-offline', helpful: true }));
  });

  test('screenshots of a flow in the chat on desktop and phone', async () => {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
      const page = await openPanel(browser, viewport);
      await ask(page, 'printer offline');
      await page.getByRole('button', { name: 'Walk me through it' }).click();
      const first = page.locator('tier0-widget .t0-flow-answer').first();
      await first.waitFor();
      await first.click();
      await page.locator('tier0-widget .t0-flow-answers').waitFor();
      const box = await page.locator('tier0-widget .t0-flow-answers').boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= viewport.width).toBe(true);
      await writeFile(path.join(SHOTS, `flow-${name}.png`), await page.screenshot());
      await page.close();
    }
  });
});

describe('self-diagnostics', () => {
  async function runChecksFromChip(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Check my browser' }).click();
    await page.locator('tier0-widget .t0-body').getByText('Run a quick check of your browser? Nothing leaves your device unless you create a ticket.').waitFor();
    await page.getByRole('button', { name: 'Run checks' }).click();
    await page.getByRole('list', { name: 'Check results' }).waitFor();
  }

  test('offline: offered for "no internet", and the check reports the device offline', async () => {
    const page = await openPanel();
    // The checks are a lazy chunk: without a service worker, idle-time warm-up imports it so the
    // check still runs once the network is gone (with one, the worker's precache serves it).
    // Loaded, not just requested: its styles are then in the panel's adopted style sheet.
    await eventually(() => page.evaluate(() => [...(document.querySelector('tier0-widget')?.shadowRoot?.adoptedStyleSheets ?? [])]
      .some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('.t0-diag')))), 'warm-up to import the guided chunk');
    await browser.context.setOffline(true);
    await ask(page, 'no internet');
    await page.getByRole('button', { name: 'Run checks' }).click();
    const results = page.getByRole('list', { name: 'Check results' });
    await results.waitFor();
    expect(await results.textContent()).toContain('Internet connection: Problem');
    expect(await results.textContent()).toContain('Your device is offline.');
  });

  test('clock: a server Date 5 minutes behind means the device clock is 5 min fast', async () => {
    serverClockSkewMs = -5 * 60_000;
    const page = await openPanel();
    await runChecksFromChip(page);
    const text = await page.getByRole('list', { name: 'Check results' }).textContent();
    expect(text).toContain('Date and time: Problem');
    expect(text).toContain('Your clock is 5 min fast.');
    expect(text).toContain('Internet connection: OK');
    expect(text).toContain('Pop-ups: OK');
  });

  test('storage blocked by the browser’s cookie setting is reported', async () => {
    // A profile whose cookie setting is "block all": Chromium then refuses localStorage,
    // sessionStorage and IndexedDB to every site, exactly as a locked-down laptop does.
    const profile = await mkdtemp(path.join(tmpdir(), 'tier0-nocookies-'));
    await mkdir(path.join(profile, 'Default'), { recursive: true });
    await writeFile(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }));
    let context: BrowserContext | undefined;
    try {
      context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
      const page = await openPanel(context);
      await runChecksFromChip(page);
      const text = await page.getByRole('list', { name: 'Check results' }).textContent();
      expect(text).toContain('Cookies and storage: Problem');
      expect(text).toMatch(/localStorage, sessionStorage, IndexedDB/);
    } finally {
      await context?.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});

describe('self-service actions and status', () => {
  test('"forgot password" suggests the reset portal above the answer, in a new tab', async () => {
    const page = await openPanel();
    await ask(page, 'forgot password');
    const link = page.getByRole('link', { name: 'Reset your password (opens in a new tab)' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://passwordreset.example.com/');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
  });

  test('the status banner shows known incidents, and a dismissed one stays hidden after a reload', async () => {
    incidents = [
      { id: 'vpn-1', title: 'VPN is down in Paris', severity: 'major', message: 'Engineers are on it.' },
      { id: 'mail-1', title: 'Email is slow', severity: 'minor' },
    ];
    const page = await openPanel();
    const banner = page.getByRole('status', { name: 'Service status' });
    await banner.getByText('Email is slow').waitFor();
    expect(await banner.textContent()).toContain('Major incident: VPN is down in Paris');
    await page.getByRole('button', { name: 'Dismiss: VPN is down in Paris' }).click();
    expect(await banner.textContent()).not.toContain('VPN is down in Paris');
    await page.reload();
    await page.evaluate(() => (window as unknown as { Tier0: { open(): void } }).Tier0.open());
    await page.getByRole('status', { name: 'Service status' }).getByText('Email is slow').waitFor();
    expect(await page.getByRole('status', { name: 'Service status' }).textContent()).not.toContain('VPN is down in Paris');
  });
});
