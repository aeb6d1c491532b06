/**
 * What a new user hit in real Chromium (issue "Tried as a new user would"): English KB text in an
 * Arabic panel, focus after "Contact support", a flow step scrolled out of view, the chat losing
 * its place after an article, and the layout of the chat's results and flow answers.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { ensureDist } from './helpers/dist.ts';
import { hostPage, startHostServer, type HostServer } from './helpers/host-server.ts';
import { focused, waitReady } from './helpers/widget-page.ts';

const ATTRS = 'data-ticket-endpoint="/api/tickets" data-service-worker="false"';
let browser: LaunchedBrowser;
let server: HostServer;

beforeAll(async () => {
  ensureDist();
  browser = await launchChromium();
  server = await startHostServer({
    pages: {
      '/': hostPage({ stub: true, attrs: ATTRS }),
      '/ar': hostPage({ stub: true, lang: 'ar', attrs: ATTRS }),
    },
  });
});

afterAll(async () => {
  await server?.close();
  await browser?.close();
});

afterEach(async () => {
  for (const page of browser.context.pages()) await page.close();
  const page = await browser.newPage();
  await page.goto(server.url('/'));
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
  await page.close();
});

async function openPanel(path = '/', viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  await page.goto(server.url(path));
  await page.evaluate(() => (window as unknown as { Tier0: { open(): void } }).Tier0.open());
  await waitReady(page);
  return page;
}

async function ask(page: Page, question: string): Promise<void> {
  const box = page.locator('tier0-widget input[role="combobox"]');
  await box.fill(question);
  await box.press('Enter');
  await page.locator('tier0-widget .t0-user').filter({ hasText: question }).last().waitFor();
}

/** The text direction Chromium resolved for each element matching `selector` in the widget. */
function directions(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector('tier0-widget')!.shadowRoot!;
    return [...root.querySelectorAll(sel)].map((el) => getComputedStyle(el).direction);
  }, selector);
}

/** Where `selector`'s last match sits relative to the conversation's visible area. */
function visibility(page: Page, selector: string): Promise<{ top: number; bottom: number; viewTop: number; viewBottom: number }> {
  return page.evaluate((sel) => {
    const root = document.querySelector('tier0-widget')!.shadowRoot!;
    const all = root.querySelectorAll(sel);
    const r = all[all.length - 1]!.getBoundingClientRect();
    const v = root.querySelector('.t0-body')!.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, viewTop: v.top, viewBottom: v.bottom };
  }, selector);
}

function bodyScrollTop(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('tier0-widget')!.shadowRoot!.querySelector('.t0-body')!.scrollTop);
}

/** Resolves once the page has painted and run what it deferred to after paint (Preact's effects). */
async function afterPaint(page: Page): Promise<void> {
  for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('tier0-widget')!.shadowRoot!.activeElement as HTMLElement | null)?.textContent ?? '');
}

describe('right-to-left with English KB text', () => {
  test('flow steps, answers and the answer chosen keep their own direction in an Arabic panel', async () => {
    const page = await openPanel('/ar');
    await ask(page, 'printer offline');
    await page.locator('tier0-widget button.t0-walk').click();
    await page.locator('tier0-widget .t0-flow-answer').first().waitFor();
    expect(await directions(page, '.t0-panel')).toEqual(['rtl']);
    expect(await directions(page, '.t0-flow-title')).toEqual(['ltr']);
    expect(await directions(page, '.t0-flow-body')).toEqual(['ltr']);
    expect(new Set(await directions(page, '.t0-flow-answer'))).toEqual(new Set(['ltr']));
    await page.locator('tier0-widget .t0-flow-answer').first().click();
    await page.locator('tier0-widget .t0-flow-step').nth(1).waitFor();
    // The user's own bubbles: what they typed and the answer they picked.
    expect(await directions(page, '.t0-user [dir="auto"]')).toEqual(['ltr', 'ltr']);
    // "Let's work through it together: {title}": the English title is isolated in the sentence.
    expect(await directions(page, '.t0-bot bdi')).toContain('ltr');
    await page.close();
  });
});

describe('focus', () => {
  test('"Contact support" in the header moves focus to the form\'s first field, by keyboard and by mouse', async () => {
    const page = await openPanel('/');
    const contact = page.locator('tier0-widget .t0-header button').filter({ hasText: 'Contact support' });
    await contact.focus();
    await page.keyboard.press('Enter');
    await page.locator('tier0-widget form.t0-ticket').waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ inWidget: true, tag: 'INPUT' });
    expect(await page.evaluate(() => (document.querySelector('tier0-widget')!.shadowRoot!.activeElement as HTMLInputElement).id)).toBe(
      await page.evaluate(() => document.querySelector('tier0-widget')!.shadowRoot!.querySelector<HTMLInputElement>('form.t0-ticket input:not([tabindex="-1"])')!.id),
    );
    await page.locator('tier0-widget .t0-header button[aria-label="Back"]').click();
    await contact.click();
    await page.locator('tier0-widget form.t0-ticket').waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ inWidget: true, tag: 'INPUT' });
    await page.close();
  });

  test('starting a flow by keyboard focuses the first answer with the step, question first, in view', async () => {
    const page = await openPanel('/', { width: 390, height: 700 });
    for (const q of ['vpn', 'wifi', 'password expired']) await ask(page, q);
    await ask(page, 'printer offline');
    await page.locator('tier0-widget button.t0-walk').last().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe("It's on and ready");
    const title = await visibility(page, '.t0-flow-step .t0-flow-title');
    expect(title.top).toBeGreaterThanOrEqual(title.viewTop);
    expect(title.bottom).toBeLessThanOrEqual(title.viewBottom);
    // The next step, after an answer by keyboard: its question is in view too.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('tier0-widget .t0-flow-step').count()).toBe(2);
    await expect.poll(() => focusedText(page)).toBe('Yes, others can print');
    const next = await visibility(page, '.t0-flow-step .t0-flow-title');
    expect(next.top).toBeGreaterThanOrEqual(next.viewTop);
    expect(next.bottom).toBeLessThanOrEqual(next.viewBottom);
    await page.close();
  });

  test('Back from an article returns the chat to the same place, with focus on what opened it', async () => {
    const page = await openPanel('/', { width: 1280, height: 800 });
    for (const q of ['printer offline', 'vpn', 'wifi', 'password expired', 'outlook keeps asking for password']) await ask(page, q);
    // The last answer scrolls itself into view after paint; let that happen before scrolling away.
    await afterPaint(page);
    const back = async (): Promise<{ top: number; label: string | null }> => {
      await page.locator('tier0-widget .t0-article-title').waitFor();
      await page.locator('tier0-widget .t0-header button[aria-label="Back"]').click();
      await page.locator('tier0-widget .t0-thread').waitFor();
      return {
        top: await bodyScrollTop(page),
        label: await page.evaluate(() => (document.querySelector('tier0-widget')!.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('aria-label') ?? null),
      };
    };

    // Scroll up to the second answer and open it from its card, by keyboard.
    const open = page.locator('tier0-widget .t0-card button.t0-btn-primary').nth(1);
    await open.scrollIntoViewIfNeeded();
    await open.focus();
    const before = await bodyScrollTop(page);
    const label = await open.getAttribute('aria-label');
    expect(before).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    const returned = await back();
    expect(Math.abs(returned.top - before)).toBeLessThanOrEqual(1);
    expect(returned.label).toBe(label);

    // Scrolled, focused and activated within one frame (as assistive technology can), before any
    // scroll event: the place is still the one the user left.
    const third = await page.locator('tier0-widget .t0-card button.t0-btn-primary').nth(2).getAttribute('aria-label');
    const left = await page.evaluate((name) => {
      const root = document.querySelector('tier0-widget')!.shadowRoot!;
      const body = root.querySelector<HTMLElement>('.t0-body')!;
      const button = [...root.querySelectorAll<HTMLButtonElement>('.t0-card button.t0-btn-primary')].find((b) => b.getAttribute('aria-label') === name)!;
      body.scrollTop = 0;
      body.scrollTop = button.getBoundingClientRect().top - body.getBoundingClientRect().top - 40;
      button.focus({ preventScroll: true });
      const top = body.scrollTop;
      button.click();
      return top;
    }, third);
    expect(left).toBeGreaterThan(0);
    const again = await back();
    expect(Math.abs(again.top - left)).toBeLessThanOrEqual(1);
    expect(again.label).toBe(third);
    await page.close();
  });
});

describe('layout of the chat, the article and the form', () => {
  test('live results open in a tray above the box, with the conversation still in view; no match says so there', async () => {
    const page = await openPanel('/', { width: 390, height: 760 });
    await ask(page, 'printer offline');
    const box = page.locator('tier0-widget input[role="combobox"]');
    await box.fill('vpn');
    const listbox = page.locator('tier0-widget [role="listbox"]');
    await listbox.waitFor();
    const layout = await page.evaluate(() => {
      const root = document.querySelector('tier0-widget')!.shadowRoot!;
      const rect = (sel: string) => root.querySelector(sel)!.getBoundingClientRect();
      return { body: rect('.t0-body'), tray: rect('.t0-suggest'), composer: rect('.t0-composer'), thread: root.querySelector('.t0-thread') !== null, panel: rect('.t0-panel') };
    });
    expect(layout.thread).toBe(true);
    // The tray sits between the conversation and the box, and leaves the conversation at least half.
    expect(layout.tray.bottom).toBeLessThanOrEqual(layout.composer.top + 1);
    expect(layout.body.bottom).toBeLessThanOrEqual(layout.tray.top + 1);
    expect(layout.body.height).toBeGreaterThanOrEqual(layout.tray.height);
    expect(await page.locator('tier0-widget .t0-user').filter({ hasText: 'printer offline' }).isVisible()).toBe(true);

    await box.fill('zzqqxxkk');
    const hint = page.locator('tier0-widget .t0-suggest .t0-hint');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('No matching articles yet');
    expect(await page.locator('tier0-widget .t0-thread .t0-msg').count()).toBeGreaterThan(1);
    await page.close();
  });

  test('in the article, a flow\'s "solved" and "support" answers are controls tagged with the outcome', async () => {
    const page = await openPanel('/');
    await page.evaluate(() => (window as unknown as { Tier0: { showArticle(id: string): void } }).Tier0.showArticle('printing/printer-offline'));
    await page.locator('tier0-widget .t0-article-title').waitFor();
    await page.locator('tier0-widget .t0-prose section.t0-flow').waitFor();
    expect(await page.locator('tier0-widget .t0-prose em[data-tier0-flow-end]').count()).toBe(0);
    const solved = page.locator('tier0-widget .t0-prose button.t0-flow-end[data-outcome="solved"]');
    const support = page.locator('tier0-widget .t0-prose button.t0-flow-end[data-outcome="support"]');
    expect(await solved.count()).toBeGreaterThan(3);
    expect(await support.count()).toBeGreaterThan(2);
    expect(await solved.first().textContent()).toBe('It prints now Solved');
    const style = await solved.first().evaluate((el) => {
      const link = el.closest('ul')!.querySelector('a')!;
      return { color: getComputedStyle(el).color, linkColor: getComputedStyle(link).color, fontStyle: getComputedStyle(el).fontStyle, height: el.getBoundingClientRect().height };
    });
    expect(style).toMatchObject({ color: style.linkColor, fontStyle: 'normal' });
    expect(style.height).toBeGreaterThanOrEqual(24);
    await solved.first().click();
    await page.locator('tier0-widget .t0-article-feedback [role="status"]').filter({ hasText: 'Thanks' }).waitFor();
    await support.first().click();
    await page.locator('tier0-widget form.t0-ticket').waitFor();
    await page.close();
  });

  test('technical details are one checkbox per item in rows at least 24px high, no Remove buttons', async () => {
    const page = await openPanel('/');
    await page.locator('tier0-widget .t0-header button').filter({ hasText: 'Contact support' }).click();
    await page.locator('tier0-widget form.t0-ticket').waitFor();
    await page.locator('tier0-widget .t0-details summary').click();
    const boxes = page.locator('tier0-widget .t0-details input[type="checkbox"]');
    const n = await boxes.count();
    expect(n).toBeGreaterThan(5);
    expect(await page.locator('tier0-widget .t0-details button').count()).toBe(0);
    const tops = await boxes.evaluateAll((els) => els.map((el) => el.closest('label')!.getBoundingClientRect().height));
    expect(Math.min(...tops)).toBeGreaterThanOrEqual(24);
    await page.close();
  });
});
