/**
 * The whole journey — open, search, read, escalate, send — on a host page under the strictest
 * CSP a careful site runs, with Trusted Types enforced: it works, the widget's styles apply, and
 * not a single `securitypolicyviolation` fires. Then again with only our policy name allowed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInbox, type Inbox } from '../../../scripts/demo/inbox/inbox.ts';
import { launchChromium, type LaunchedBrowser } from '../helpers/chromium.ts';
import { hostPage, startHostServer, type HostServer } from '../helpers/host-server.ts';
import { actAndWait, inboxRoute, recordPage, scriptRoute, VIOLATION_RECORDER, violations, waitForWidget, type PageRecord, siteWithFreshKb, type SiteFolder } from './kit.ts';

/** The policy of the brief, verbatim. */
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

const VARIANTS = [
  { name: 'strict CSP with Trusted Types required', csp: STRICT_CSP },
  { name: 'strict CSP allowing only the "tier0" policy name', csp: `${STRICT_CSP}; trusted-types tier0` },
];

/** CSP and Trusted Types complaints Chromium prints to the console. */
const cspConsole = (record: PageRecord): string[] => record.consoleErrors.filter((e) => /content security policy|trusted ?type|refused to/i.test(e));

describe.each(VARIANTS)('$name', ({ csp }) => {
  let site: SiteFolder;
  let server: HostServer;
  let browser: LaunchedBrowser;
  let inbox: Inbox;
  let dataDir: string;
  let page: Page;
  let record: PageRecord;

  beforeAll(async () => {
    site = await siteWithFreshKb();
    dataDir = await mkdtemp(path.join(tmpdir(), 'tier0-csp-inbox-'));
    inbox = createInbox({ dataDir });
    server = await startHostServer({
      root: site.dir,
      headers: { 'Content-Security-Policy': csp },
      pages: { '/': hostPage({ head: '<script src="/host.js"></script>', attrs: 'data-ticket-endpoint="/api/tickets"' }) },
      routes: { 'GET /host.js': scriptRoute(VIOLATION_RECORDER), '* /api/tickets': inboxRoute(inbox) },
    });
    browser = await launchChromium();
    page = await browser.newPage();
    record = recordPage(page);
    await page.goto(server.url('/'));
    await waitForWidget(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('applies the widget\'s own styles to the launcher', async () => {
    const style = await page.locator('tier0-widget .t0-launcher').evaluate((el) => {
      const s = getComputedStyle(el);
      // A fixed inline-flex box computes to display: flex (blockified).
      return { position: s.position, background: s.backgroundColor, radius: s.borderRadius, minHeight: s.minHeight, display: s.display };
    });
    expect(style).toEqual({ position: 'fixed', background: 'rgb(37, 99, 235)', radius: '24px', minHeight: '48px', display: 'flex' });
  });

  it('opens, searches, reads an article, escalates and sends a ticket without one violation', async () => {
    await actAndWait(page, 'ready', {}, () => page.locator('tier0-widget .t0-launcher').click());
    const panel = page.locator('tier0-widget .t0-panel');
    await panel.waitFor();
    expect(await panel.evaluate((el) => {
      const s = getComputedStyle(el);
      return { position: s.position, display: s.display, width: s.width, radius: s.borderTopLeftRadius };
    })).toEqual({ position: 'fixed', display: 'flex', width: '400px', radius: '16px' });

    const search = await actAndWait(page, 'search', { query: 'printer offline' }, () => page.locator('tier0-widget input[role=combobox]').fill('printer offline'));
    expect(search.results.length).toBeGreaterThan(0);
    const first = search.results[0]!;
    await actAndWait(page, 'article:view', { id: first.id }, () => page.locator('tier0-widget [role=option]').first().click());
    // Sanitized article HTML went in through the Trusted Types policy.
    expect(await page.locator('tier0-widget .t0-prose p').count()).toBeGreaterThan(0);

    await actAndWait(page, 'escalate', {}, () => page.locator('tier0-widget .t0-header button', { hasText: 'Contact support' }).click());
    const form = page.locator('tier0-widget form.t0-ticket');
    await form.waitFor();
    await form.locator('input[name=email]').fill('ada@example.com');
    await form.locator('input[name=subject]').fill('Printer still offline');
    await form.locator('textarea[name=description]').fill('The printer on floor 2 shows offline after the steps.');
    const sent = await actAndWait(page, 'ticket:sent', {}, () => form.locator('button[type=submit]').click());
    expect(sent.ticketId).toMatch(/^L1-\d+$/);
    expect(inbox.tickets().map((t) => t.ticketId)).toEqual([sent.ticketId]);
    await page.locator('tier0-widget .t0-panel', { hasText: sent.ticketId! }).waitFor();

    expect(await violations(page)).toEqual([]);
    expect(cspConsole(record)).toEqual([]);
    // Nothing else either: the service worker registered (a TrustedScriptURL), the KB loaded.
    expect(record.consoleErrors).toEqual([]);
    expect(record.pageErrors).toEqual([]);
  });
});
