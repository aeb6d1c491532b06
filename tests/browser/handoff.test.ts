/**
 * The Level 1 hand-off in real Chromium against a local ticket endpoint (the demo inbox behind
 * switchable failures): delivery exactly once through 503s, a closed tab, an offline period; a
 * refused ticket keeps its draft; the ticket's contents and masking; keyboard-only use.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createInbox, type Inbox } from '../../scripts/demo/inbox/inbox.ts';
import { launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { DIST_DIR, hostPage, startHostServer, type HostServer } from './helpers/host-server.ts';

/** What the endpoint does with the next POSTs; after the plan runs out it stores tickets. */
type Step = { kind: 'status'; status: number; body: unknown; retryAfter?: string } | { kind: 'drop' };

interface Endpoint {
  inbox: Inbox;
  plan: Step[];
  /** While true every POST's connection is dropped (the endpoint is down). */
  down: boolean;
  posts: Array<{ key: string | undefined }>;
}

let browser: LaunchedBrowser;
let server: HostServer;
let endpoint: Endpoint;
let dataDir: string;

function makeEndpoint(dir: string): Endpoint {
  return { inbox: createInbox({ dataDir: dir }), plan: [], down: false, posts: [] };
}

async function ticketRoute(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  const key = req.headers['idempotency-key'];
  endpoint.posts.push({ key: Array.isArray(key) ? key[0] : key });
  const step = endpoint.down ? ({ kind: 'drop' } as const) : endpoint.plan.shift();
  if (step?.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  if (step?.kind === 'status') {
    res.writeHead(step.status, { 'Content-Type': 'application/json', ...(step.retryAfter ? { 'Retry-After': step.retryAfter } : {}) });
    res.end(JSON.stringify(step.body));
    return;
  }
  // The host server has read the body already: hand the inbox a request that replays it.
  const replay = Object.assign(Readable.from([body]), { method: req.method, url: req.url, headers: req.headers }) as unknown as IncomingMessage;
  await endpoint.inbox.handle(replay, res);
}

/** Polls until `fn` returns a truthy value (the outbox works on its own schedule). */
async function eventually<T>(fn: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const PAGE = hostPage({ attrs: 'data-ticket-endpoint="/api/tickets" data-service-worker="false"', stub: true });

async function openForm(page: Page, setup = ''): Promise<void> {
  await page.goto(server.url('/'));
  await page.evaluate(`(() => { ${setup}; Tier0.escalate('contact'); })()`);
  await page.getByRole('button', { name: 'Send to support' }).waitFor();
}

async function fillAndSend(page: Page, email = 'ada@example.com'): Promise<void> {
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel(/^Subject/).fill('Printer offline on floor 3');
  await page.getByLabel(/^Description/).fill('It shows offline since this morning.');
  await page.getByRole('button', { name: 'Send to support' }).click();
}

beforeAll(async () => {
  const built = await stat(path.join(DIST_DIR, 'tier0.js')).then(() => true, () => false);
  if (!built) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  server = await startHostServer({ pages: { '/': PAGE }, routes: { 'POST /api/tickets': (req, res, body) => ticketRoute(req, res, body) } });
});

afterAll(async () => {
  await server?.close();
});

// A fresh browser profile per test: drafts and queued tickets must not leak between tests.
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'tier0-handoff-'));
  endpoint = makeEndpoint(dataDir);
  browser = await launchChromium();
});

afterEach(async () => {
  await browser?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('Level 1 hand-off', () => {
  test('delivers exactly once through two 503s with Retry-After and shows the ticketId', async () => {
    endpoint.plan.push(
      { kind: 'status', status: 503, body: { error: 'busy' }, retryAfter: '1' },
      { kind: 'status', status: 503, body: { error: 'busy' }, retryAfter: '1' },
    );
    const page = await browser.newPage();
    const events: unknown[] = [];
    await page.exposeFunction('recordEvent', (name: string, payload: unknown) => events.push([name, payload]));
    await openForm(page, `['ticket:queued','ticket:sent','ticket:failed'].forEach((n) => Tier0.on(n, (p) => window.recordEvent(n, p)))`);
    await fillAndSend(page);
    await expect.poll(() => page.getByText('Sent — ticket L1-1001').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(endpoint.inbox.tickets()).toHaveLength(1);
    expect(endpoint.posts).toHaveLength(3);
    const id = endpoint.inbox.tickets()[0]!.ticket.id;
    expect(endpoint.posts.map((p) => p.key)).toEqual([id, id, id]);
    expect(events).toEqual([
      ['ticket:queued', { id }],
      ['ticket:sent', { id, ticketId: 'L1-1001' }],
    ]);
  });

  test('delivers once a ticket submitted while the endpoint was down, after the tab was closed', async () => {
    endpoint.down = true;
    const page = await browser.newPage();
    await openForm(page);
    await fillAndSend(page);
    await page.getByText('Saved — it will be sent when you’re back online').waitFor();
    await page.close();
    expect(endpoint.inbox.tickets()).toHaveLength(0);

    endpoint.down = false;
    const later = await browser.newPage();
    await later.goto(server.url('/'));
    await eventually(() => endpoint.inbox.tickets().length === 1);
    // Give any duplicate sender (another retry, a second instance) the chance to misbehave.
    await later.waitForTimeout(1500);
    expect(endpoint.inbox.tickets()).toHaveLength(1);
    expect(new Set(endpoint.posts.map((p) => p.key)).size).toBe(1);
  });

  test('sends a ticket submitted offline when the connection returns, without a reload', async () => {
    const page = await browser.newPage();
    await openForm(page);
    await browser.context.setOffline(true);
    await fillAndSend(page);
    await page.getByText('Saved — it will be sent when you’re back online').waitFor();
    expect(endpoint.inbox.tickets()).toHaveLength(0);
    await browser.context.setOffline(false);
    await page.getByText('Sent — ticket L1-1001').waitFor({ timeout: 20_000 });
    expect(endpoint.inbox.tickets()).toHaveLength(1);
  });

  test('shows the endpoint’s 422 message and keeps the draft across a reload', async () => {
    endpoint.plan.push({ kind: 'status', status: 422, body: { error: 'Tickets from this address need a manager’s approval.' } });
    const page = await browser.newPage();
    await openForm(page);
    await fillAndSend(page, 'temp@example.com');
    const alert = page.getByRole('alert').filter({ hasText: 'Tickets from this address need a manager’s approval.' });
    await alert.waitFor();
    await page.reload();
    await page.evaluate(() => (window as unknown as { Tier0: { escalate(): void } }).Tier0.escalate());
    await expect.poll(() => page.getByLabel(/^E-mail/).inputValue()).toBe('temp@example.com');
    expect(await page.getByLabel(/^Subject/).inputValue()).toBe('Printer offline on floor 3');
    expect(await page.getByLabel(/^Description/).inputValue()).toBe('It shows offline since this morning.');
    expect(endpoint.inbox.tickets()).toHaveLength(0);
  });

  test('carries requester, conversation, searches, articles and context, with secrets masked', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/'));
    await page.evaluate(() => {
      const t = (window as unknown as { Tier0: { identify(i: object): void; open(): void } }).Tier0;
      t.identify({ name: 'Ada Lovelace', email: 'ada@example.com' });
      t.open();
    });
    const box = page.getByRole('combobox', { name: 'Search help' });
    await box.fill('printer offline');
    await box.press('Enter');
    await page.getByRole('button', { name: 'No', exact: true }).first().click();
    await box.fill('my password is hunter2');
    await box.press('Enter');
    await page.evaluate(() => (window as unknown as { Tier0: { escalate(r: string): void } }).Tier0.escalate('not-helpful'));
    await page.getByRole('button', { name: 'Send to support' }).waitFor();
    expect(await page.getByLabel(/^Subject/).inputValue()).toBe('printer offline');
      await page.getByRole('button', { name: 'Send to support' }).click();
    await page.getByText('Sent — ticket L1-1001').waitFor({ timeout: 20_000 });

    const [stored] = endpoint.inbox.tickets();
    const ticket = stored!.ticket as Record<string, any>;
    expect(ticket.requester).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(ticket.subject).toBe('printer offline');
    expect(ticket.description).toContain('printer offline');
    expect(ticket.searches).toContain('printer offline');
    expect(ticket.articlesViewed).toContainEqual(expect.objectContaining({ id: 'printing/printer-offline', helpful: false }));
    expect(ticket.transcript).toContainEqual(expect.objectContaining({ role: 'user', text: 'printer offline' }));
    expect(ticket.transcript.some((e: { role: string }) => e.role === 'assistant')).toBe(true);
    expect(ticket.context).toMatchObject({
      url: server.url('/'),
      userAgent: expect.stringContaining('Chrome'),
      language: expect.any(String),
      timezone: expect.any(String),
      online: true,
      widgetVersion: expect.any(String),
      kbVersion: expect.any(String),
    });
    // Impact and urgency were left unset: the help desk applies its default, not a made-up P3.
    expect(ticket.fields).toEqual({ escalationReason: 'not-helpful' });
    expect(typeof ticket.id).toBe('string');
    expect(Number.isNaN(Date.parse(ticket.createdAt))).toBe(false);
    const json = JSON.stringify(ticket);
    expect(json).not.toContain('hunter2');
    expect(json).toContain('my password is ••••••');
  });

  test('the file picker is styled like the form, and "optional" is said once', async () => {
    const page = await browser.newPage();
    await openForm(page);
    const picker = page.getByLabel(/^Screenshot or file/);
    const style = await picker.evaluate((el) => {
      const own = getComputedStyle(el);
      const button = getComputedStyle(el, '::file-selector-button');
      const subject = getComputedStyle(el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).getElementById('t0-tk-subject')! : el);
      return { font: own.fontFamily, subjectFont: subject.fontFamily, buttonFont: button.fontFamily, radius: button.borderTopLeftRadius, border: button.borderTopStyle };
    });
    expect(style.font).toBe(style.subjectFont);
    expect(style.buttonFont).toBe(style.subjectFont);
    expect(style.radius).toBe('10px');
    expect(style.border).toBe('solid');
    const field = page.locator('tier0-widget .t0-field', { has: picker });
    expect((await field.innerText()).match(/optional/gi)).toHaveLength(1);
  });

  test('works with the keyboard alone: validation errors, focus, fixing and sending', async () => {
    const page = await browser.newPage();
    await openForm(page);
    const focused = () => page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? `${el.tagName.toLowerCase()}#${el.id}` : '';
    });
    await page.getByLabel(/^Name/).focus();
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      order.push(await focused());
      await page.keyboard.press('Tab');
    }
    expect(order.slice(0, 9)).toEqual([
      'input#t0-tk-name',
      'input#t0-tk-email',
      'input#t0-tk-remember',
      'input#t0-tk-subject',
      'textarea#t0-tk-description',
      'select#t0-tk-category',
      'select#t0-tk-impact',
      'select#t0-tk-urgency',
      'input#t0-tk-attachment',
    ]);
    expect(order).not.toContain('input#t0-tk-hp');

      await page.getByRole('button', { name: 'Send to support' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('input#t0-tk-email');
    const summary = page.getByRole('alert').filter({ hasText: 'Please fix 3 problems' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Enter a subject');
    const email = page.getByLabel(/^E-mail/);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain('t0-tk-email-error');
    expect(await page.locator('#t0-tk-email-error').textContent()).toBe('Enter your e-mail address so support can reply.');
    expect(await page.getByLabel(/^Subject/).getAttribute('aria-invalid')).toBe('true');

    await page.keyboard.type('ada@example.com');
    await page.keyboard.press('Tab'); // past "Remember my e-mail address", left unticked
    await page.keyboard.press('Tab');
    await page.keyboard.type('Printer offline');
    await page.keyboard.press('Tab');
    await page.keyboard.type('It shows offline.');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter'); // Enter in a text field submits the form
    await page.getByText('Sent — ticket L1-1001').waitFor({ timeout: 20_000 });
    expect(endpoint.inbox.tickets()).toHaveLength(1);
  });
});
