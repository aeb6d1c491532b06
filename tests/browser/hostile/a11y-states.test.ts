/**
 * Accessibility in every state of the widget: axe-core (WCAG 2.0/2.1/2.2 A and AA rules, open
 * shadow DOM included) finds nothing with the panel closed, open, showing results, an article,
 * a guided flow step in the chat, the ticket form with validation errors and the sent
 * confirmation, in English and in Arabic (RTL).
 * The whole journey works with the keyboard alone, and on a phone focus never leaves the panel.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInbox, type Inbox } from '../../../scripts/demo/inbox/inbox.ts';
import { launchChromium, type LaunchedBrowser } from '../helpers/chromium.ts';
import { hostPage, REPO_ROOT, startHostServer, type HostServer } from '../helpers/host-server.ts';
import { actAndWait, callTier0, inboxRoute, waitForWidget, siteWithFreshKb, type SiteFolder } from './kit.ts';

const AXE_OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } };
const ATTRS = 'data-ticket-endpoint="/api/tickets" data-service-worker="false"';

let axeSource: string;
let site: SiteFolder;
let server: HostServer;
let browser: LaunchedBrowser;
let inbox: Inbox;
let dataDir: string;

beforeAll(async () => {
  site = await siteWithFreshKb();
  axeSource = await readFile(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  dataDir = await mkdtemp(path.join(tmpdir(), 'tier0-a11y-inbox-'));
  inbox = createInbox({ dataDir });
  server = await startHostServer({
    root: site.dir,
    pages: {
      '/en': hostPage({ attrs: ATTRS }),
      '/ar': hostPage({ attrs: ATTRS, lang: 'ar', body: '<main><h1>صفحة المساعدة</h1><p>محتوى الصفحة.</p></main>' }),
    },
    routes: { '* /api/tickets': inboxRoute(inbox) },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
  await rm(dataDir, { recursive: true, force: true });
});

/** axe-core's violations on the whole page (shadow DOM included), as readable lines. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  // Judge the steady state, not a frame of the panel's 160 ms fade-in (colours blend mid-fade).
  await page.evaluate(() => Promise.all([
    ...document.getAnimations(),
    ...(document.querySelector('tier0-widget')?.shadowRoot?.getAnimations() ?? []),
  ].map((a) => a.finished.catch(() => undefined))));
  return page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    const { violations } = await axe.run(document, options);
    return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`));
  }, AXE_OPTIONS);
}

/** Where focus is, through the widget's shadow root. */
async function focusInfo(page: Page): Promise<{ inPanel: boolean; label: string }> {
  return page.evaluate(() => {
    const host = document.querySelector('tier0-widget');
    const el = (document.activeElement === host ? host?.shadowRoot?.activeElement : document.activeElement) as HTMLElement | null;
    return {
      inPanel: !!el?.closest('.t0-panel'),
      label: `${el?.localName ?? 'none'}|${el?.getAttribute('name') ?? ''}|${el?.getAttribute('aria-label') ?? ''}|${(el?.textContent ?? '').trim().slice(0, 60)}`,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element's description matches; fails after `max`. */
async function tabTo(page: Page, pattern: RegExp, shift = false, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    if (pattern.test((await focusInfo(page)).label)) return;
  }
  throw new Error(`focus never reached ${pattern} (last: ${(await focusInfo(page)).label})`);
}

describe.each([
  { locale: 'en', dir: 'ltr' },
  { locale: 'ar', dir: 'rtl' },
])('axe-core finds no WCAG 2.x A/AA violation ($locale)', ({ locale, dir }) => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.newPage();
    await page.goto(server.url(`/${locale}`));
    await waitForWidget(page);
  });

  afterAll(async () => {
    await page?.close();
  });

  it('with the panel closed', async () => {
    expect(await page.locator('tier0-widget .t0').getAttribute('dir')).toBe(dir);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('with the panel open', async () => {
    await actAndWait(page, 'ready', {}, () => page.locator('tier0-widget .t0-launcher').click());
    await page.locator('tier0-widget .t0-panel').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('showing results', async () => {
    await actAndWait(page, 'search', { query: 'printer offline' }, () => page.locator('tier0-widget input[role=combobox]').fill('printer offline'));
    await page.locator('tier0-widget [role=option]').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('showing an article', async () => {
    await actAndWait(page, 'article:view', {}, () => page.locator('tier0-widget [role=option]').first().click());
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on a guided flow step in the chat', async () => {
    await callTier0(page, 'search', '');
    const input = page.locator('tier0-widget input[role=combobox]');
    await input.fill('printer offline');
    await input.press('Enter');
    await page.locator('tier0-widget .t0-walk').first().click();
    await page.locator('tier0-widget .t0-flow-step').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on the ticket form with validation errors', async () => {
    await actAndWait(page, 'escalate', {}, () => callTier0(page, 'escalate', 'a11y'));
    const form = page.locator('tier0-widget form.t0-ticket');
    await form.waitFor();
    for (const field of ['input[name=email]', 'input[name=subject]', 'textarea[name=description]']) await form.locator(field).fill('');
    await form.locator('button[type=submit]').click();
    await form.locator('[aria-invalid=true]').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on the sent confirmation', async () => {
    const form = page.locator('tier0-widget form.t0-ticket');
    await form.locator('input[name=email]').fill('ada@example.com');
    await form.locator('input[name=subject]').fill('Printer offline');
    await form.locator('textarea[name=description]').fill('The printer shows offline after every step.');
    const sent = await actAndWait(page, 'ticket:sent', {}, () => form.locator('button[type=submit]').click());
    await page.locator('tier0-widget .t0-panel', { hasText: sent.ticketId! }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the axe-core run itself', () => {
  it('sees into the widget\'s shadow root (a nameless button there is reported)', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/en'));
    await waitForWidget(page);
    await page.evaluate(() => {
      const planted = document.createElement('button');
      planted.className = 'planted';
      document.querySelector('tier0-widget')!.shadowRoot!.querySelector('.t0')!.append(planted);
    });
    expect((await axeViolations(page)).some((v) => v.startsWith('button-name') && v.includes('planted'))).toBe(true);
    await page.close();
  });
});

describe('keyboard only', () => {
  it('walks ask → read → escalate → send with key presses alone', async () => {
    // A fresh profile: no conversation or draft left by the tests above.
    const own = await launchChromium();
    const page = await own.newPage();
    await page.goto(server.url('/en'));
    await waitForWidget(page);

    await tabTo(page, /^button\|.*Help/i);
    await actAndWait(page, 'open', {}, () => page.keyboard.press('Enter'));
    await page.waitForFunction(() => document.querySelector('tier0-widget')?.shadowRoot?.activeElement?.getAttribute('role') === 'combobox');
    // Ask: type the question and send it with Enter; the answer card offers the article.
    await actAndWait(page, 'search', { query: 'printer offline' }, () => page.keyboard.type('printer offline'));
    await page.keyboard.press('Enter');
    await page.locator('tier0-widget .t0-card').waitFor();
    await tabTo(page, /Open article/i);
    const view = await actAndWait(page, 'article:view', {}, () => page.keyboard.press('Enter'));
    expect(view.id).toBeTruthy();

    await tabTo(page, /Contact support/i, true);
    await actAndWait(page, 'escalate', {}, () => page.keyboard.press('Enter'));
    await page.locator('tier0-widget form.t0-ticket').waitFor();
    await tabTo(page, /^input\|email\|/);
    await page.keyboard.type('ada@example.com');
    await tabTo(page, /^input\|subject\|/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Printer offline');
    await tabTo(page, /^textarea\|description\|/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Typed with the keyboard only.');
    await tabTo(page, /^button\|\|\|Send/i);
    const sent = await actAndWait(page, 'ticket:sent', {}, () => page.keyboard.press('Enter'));
    expect(inbox.tickets().some((t) => t.ticketId === sent.ticketId)).toBe(true);
    await own.close();
  });
});

describe('phone viewport (390×844)', () => {
  it('keeps focus inside the open panel through 30 Tabs and 30 Shift+Tabs, on results and on an article', async () => {
    const phone = await launchChromium({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(server.url('/en'));
    await waitForWidget(page);
    await tabTo(page, /^button\|.*Help/i);
    await actAndWait(page, 'open', {}, () => page.keyboard.press('Enter'));
    // `open` fires before the phone modal has moved focus into its input; typing earlier loses keys.
    await expect.poll(async () => (await focusInfo(page)).label, { timeout: 10_000 }).toMatch(/^input\|/);
    await actAndWait(page, 'search', { query: 'printer' }, () => page.keyboard.type('printer'));
    const outside: string[] = [];
    const cycle = async (state: string): Promise<void> => {
      for (const key of ['Tab', 'Shift+Tab']) {
        for (let i = 0; i < 30; i++) {
          await page.keyboard.press(key);
          const focus = await focusInfo(page);
          if (!focus.inPanel) outside.push(`${state}, ${key} #${i + 1}: ${focus.label}`);
        }
      }
    };
    await cycle('results');
    await tabTo(page, /^input\|/);
    await page.keyboard.press('ArrowDown');
    await actAndWait(page, 'article:view', {}, () => page.keyboard.press('Enter'));
    await cycle('article');
    expect(outside).toEqual([]);
    await phone.close();
  });
});
