/**
 * The hand-off as a site drives it, in real Chromium against the demo inbox: a pre-filled form
 * sent at once is delivered (nobody is refused for being quick), and `prefill()` is never lost,
 * whenever it arrives relative to `escalate()` and the form's own loading, nor does it ever
 * overwrite what the user typed.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { createInbox, type Inbox } from '../../scripts/demo/inbox/inbox.ts';
import { launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { DIST_DIR, hostPage, startHostServer, type HostServer } from './helpers/host-server.ts';

const RUNS = 50;

let browser: LaunchedBrowser;
let server: HostServer;
let inbox: Inbox;
let posts: number;
let dataDir: string;

type Tier0Api = {
  on(name: string, handler: (payload: unknown) => void): () => void;
  escalate(reason?: string): void;
  prefill(p: object): void;
  identify(i: object): void;
};

beforeAll(async () => {
  const built = await stat(path.join(DIST_DIR, 'tier0.js')).then(() => true, () => false);
  if (!built) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  server = await startHostServer({
    pages: { '/': hostPage({ attrs: 'data-ticket-endpoint="/api/tickets" data-service-worker="false"', stub: true }) },
    routes: {
      'POST /api/tickets': async (req, res, body) => {
        posts++;
        // The host server has read the body already: hand the inbox a request that replays it.
        const replay = Object.assign(Readable.from([body]), { method: req.method, url: req.url, headers: req.headers }) as unknown as IncomingMessage;
        await inbox.handle(replay, res);
      },
    },
  });
});

afterAll(async () => {
  await server?.close();
});

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'tier0-prefill-'));
  inbox = createInbox({ dataDir });
  posts = 0;
  browser = await launchChromium();
});

afterEach(async () => {
  await browser?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A fresh page with the loader in (the stub's queue replayed, so Tier0.on returns an unsubscribe). */
async function freshPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(server.url('/'));
  await page.waitForFunction(() => !Array.isArray((window as unknown as { Tier0: { q?: unknown } }).Tier0.q));
  return page;
}

const subjectBox = (page: Page) => page.getByLabel(/^Subject/);
const sendButton = (page: Page) => page.getByRole('button', { name: 'Send to support' });

/** Sends the form as shown and waits for the inbox to hold one more ticket; returns that ticket. */
async function sendAndReceive(page: Page): Promise<Record<string, any>> {
  const before = inbox.tickets().length;
  await sendButton(page).click();
  await page.getByText(/^Sent — ticket L1-/).waitFor({ timeout: 20_000 });
  expect(inbox.tickets()).toHaveLength(before + 1);
  return inbox.tickets()[before]!.ticket as Record<string, any>;
}

/** Checks that the form shows, and the endpoint receives, exactly this prefill. */
async function expectPrefillShownAndDelivered(page: Page, subject: string, message: string): Promise<void> {
  await expect.poll(() => subjectBox(page).inputValue()).toBe(subject);
  expect(await page.getByLabel(/^Description/).inputValue()).toBe(message);
  const ticket = await sendAndReceive(page);
  expect(ticket.subject).toBe(subject);
  expect(ticket.description).toBe(message);
}

test('a user who sends a pre-filled form 0.3 s after it opens gets it delivered once, with no refusal', async () => {
  const page = await freshPage();
  await page.evaluate(() => {
    const t = (window as unknown as { Tier0: Tier0Api }).Tier0;
    t.identify({ name: 'Ada Lovelace', email: 'ada@example.com' });
    t.prefill({ subject: 'Printer jams on duplex', message: 'Every double-sided job jams on page 2.' });
    t.escalate('contact');
  });
  await sendButton(page).waitFor();
  await page.waitForTimeout(300);
  await sendButton(page).click();
  await page.getByText(/^Sent — ticket L1-/).waitFor({ timeout: 20_000 });
  expect(await page.getByText(/take a moment/i).count()).toBe(0);
  // Give a duplicate sender the chance to misbehave before counting.
  await page.waitForTimeout(500);
  expect(inbox.tickets()).toHaveLength(1);
  expect(posts).toBe(1);
  const ticket = inbox.tickets()[0]!.ticket as Record<string, any>;
  expect(ticket.subject).toBe('Printer jams on duplex');
  // The time to submit travels as a signal for the endpoint to judge.
  expect(ticket.signals.formMs).toBeGreaterThanOrEqual(250);
  expect(ticket.signals.formMs).toBeLessThan(10_000);
  expect(ticket.flowAnswers).toEqual([]);
});

test.each([
  ['prefill() then escalate()', 'prefill-first'],
  ['escalate() then prefill()', 'escalate-first'],
] as const)(`%s in the same tick always shows and delivers the prefill (${RUNS} runs)`, async (_name, order) => {
  for (let i = 0; i < RUNS; i++) {
    const page = await freshPage();
    const subject = `Same tick ${order} #${i}`;
    const message = `Message for run ${i}`;
    await page.evaluate(({ order, subject, message }) => {
      const t = (window as unknown as { Tier0: Tier0Api }).Tier0;
      t.identify({ email: 'ada@example.com' });
      if (order === 'prefill-first') {
        t.prefill({ subject, message });
        t.escalate('api');
      } else {
        t.escalate('api');
        t.prefill({ subject, message });
      }
    }, { order, subject, message });
    await expectPrefillShownAndDelivered(page, subject, message);
    await page.close();
  }
}, 600_000);

test(`prefill() 0–1,000 ms after the escalate event always shows and delivers the prefill (${RUNS} runs)`, async () => {
  for (let i = 0; i < RUNS; i++) {
    const delay = Math.round((i * 1000) / (RUNS - 1));
    const page = await freshPage();
    const subject = `After escalate, ${delay} ms`;
    const message = `Prefilled ${delay} ms after the escalate event.`;
    await page.evaluate(({ delay, subject, message }) => new Promise<void>((resolve) => {
      const t = (window as unknown as { Tier0: Tier0Api }).Tier0;
      t.identify({ email: 'ada@example.com' });
      const off = t.on('escalate', () => {
        off();
        setTimeout(() => {
          t.prefill({ subject, message });
          resolve();
        }, delay);
      });
      t.escalate('api');
    }), { delay, subject, message });
    await expectPrefillShownAndDelivered(page, subject, message);
    await page.close();
  }
}, 600_000);

test('what the user typed always wins over a later prefill(), which still fills the fields they left alone', async () => {
  const page = await freshPage();
  await page.evaluate(() => {
    const t = (window as unknown as { Tier0: Tier0Api }).Tier0;
    t.identify({ email: 'ada@example.com' });
    t.prefill({ subject: 'From the site', message: 'Site text' });
    t.escalate('api');
  });
  await expect.poll(() => subjectBox(page).inputValue()).toBe('From the site');
  await subjectBox(page).fill('In my own words');
  await page.evaluate(() => (window as unknown as { Tier0: Tier0Api }).Tier0.prefill({ subject: 'A later prefill', message: 'Later site text' }));
  await expect.poll(() => page.getByLabel(/^Description/).inputValue()).toBe('Later site text');
  expect(await subjectBox(page).inputValue()).toBe('In my own words');
  const ticket = await sendAndReceive(page);
  expect(ticket.subject).toBe('In my own words');
  expect(ticket.description).toBe('Later site text');
});
