/**
 * The built widget (dist/) embedded in host pages served from a sub-path, driven in Chromium by
 * keyboard and through the JS API.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { hostPage, startHostServer, STUB_SNIPPET, type HostServer } from './helpers/host-server.ts';
import { ensureDist } from './helpers/dist.ts';
import { focused, launcher, waitReady } from './helpers/widget-page.ts';

let server: HostServer;
let browser: LaunchedBrowser;

const HOSTILE_CSS = `<style>
html { font-size: 10px !important; }
* { font-family: "Comic Sans MS", cursive !important; line-height: 3 !important; letter-spacing: 2px !important; box-sizing: content-box !important; padding: 7px !important; margin: 5px !important; color: #f0f !important; text-transform: uppercase !important; }
button { font-size: 30px !important; border: 5px solid red !important; border-radius: 0 !important; background: yellow !important; min-width: 200px !important; }
input { font-size: 28px !important; height: 80px !important; width: 50px !important; }
div { display: block !important; opacity: .9 !important; }
tier0-widget { display: none; transform: scale(0.5); }
</style>`;

// Offline support (service worker) has its own tests; here it stays off so console errors mean us.
const SW_OFF = 'data-service-worker="false"';

const pages: Record<string, string> = {
  '/': hostPage({ attrs: `data-ticket-endpoint="/api/tickets" ${SW_OFF}`, body: '<main><h1>Intranet</h1><p>Welcome.</p></main>' }),
  '/plain': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title><link rel="icon" href="data:,"></head><body><main><h1>Intranet</h1></main></body></html>',
  '/ar': hostPage({ lang: 'ar', attrs: `data-ticket-endpoint="/api/tickets" ${SW_OFF}` }),
  '/hostile': hostPage({ head: HOSTILE_CSS, attrs: `data-ticket-endpoint="/api/tickets" ${SW_OFF}` }),
  '/unreachable': hostPage({ attrs: `data-kb="/nowhere/kb/" ${SW_OFF}` }),
  '/stub': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stub</title><link rel="icon" href="data:,">
    <script>${STUB_SNIPPET}</script>
    <script>
      var seen = [];
      Tier0.on('ready', function (p) { seen.push(['ready', p]); });
      Tier0.on('open', function () { seen.push(['open']); });
      Tier0.on('search', function (p) { seen.push(['search', p]); });
      Tier0.on('article:view', function (p) { seen.push(['article:view', p]); });
      Tier0.on('open', function () { throw new Error('site handler bug'); });
      Tier0.search('printer offline');
      document.addEventListener('DOMContentLoaded', function () {
        var s = document.createElement('script'); s.src = '/static/help/tier0.js'; s.async = true; s.dataset.serviceWorker = 'false'; document.head.appendChild(s);
      });
    </script></head><body><main><h1>Stub</h1></main></body></html>`,
  '/bad-option': hostPage({ attrs: `data-position="middle" ${SW_OFF}` }),
  '/other': hostPage({ attrs: SW_OFF, body: '<main><h1>Another page of the site</h1></main>' }),
  '/long': hostPage({ attrs: SW_OFF, body: `<main><h1>Long page</h1>${'<p>Paragraph of host content.</p>'.repeat(200)}</main>` }),
};

beforeAll(async () => {
  ensureDist();
  server = await startHostServer({ pages });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(server.url(path));
  await launcher(page).waitFor();
  return { page, errors };
}

describe('keyboard', () => {
  test('Tab to the launcher, Enter, type, ArrowDown, Enter opens the article; Escape returns focus to the launcher', async () => {
    const { page, errors } = await open('/');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ inWidget: true, className: 't0-launcher' });
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    const box = page.getByRole('combobox', { name: 'Search help' });
    await expect.poll(() => focused(page)).toMatchObject({ role: 'combobox' });
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    expect(await launcher(page).getAttribute('aria-controls')).toBe('t0-panel');
    await page.keyboard.type('printer offline');
    // The results of the whole query (those of a prefix may show first, then be replaced).
    await page.getByRole('option').filter({ hasText: 'Printer shows "Offline"' }).first().waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => box.getAttribute('aria-activedescendant')).toBe('t0-opt-0');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Printer shows "Offline"' }).waitFor();
    await page.locator('.t0-prose p').first().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toMatchObject({ inWidget: true, className: 't0-launcher' });
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('JS API', () => {
  test('replays calls queued by the stub, calls late ready subscribers, and survives a throwing handler', async () => {
    const { page, errors } = await open('/stub');
    await page.getByRole('option').first().waitFor();
    expect(await page.getByRole('combobox').inputValue()).toBe('printer offline');
    await expect.poll(() => page.evaluate(() => (window as unknown as { seen: unknown[][] }).seen.map((e) => e[0]))).toEqual(['open', 'ready', 'search']);
    const search = await page.evaluate(() => (window as unknown as { seen: unknown[][] }).seen.find((e) => e[0] === 'search')![1]) as { query: string; results: Array<{ id: string; title: string; score: number }> };
    expect(search.query).toBe('printer offline');
    expect(search.results[0]).toMatchObject({ id: 'printing/printer-offline' });
    expect(errors.filter((e) => e.includes('[tier0] a "open" event handler threw'))).toHaveLength(1);
    const late = await page.evaluate(() => new Promise((r) => window.Tier0.on('ready', r)));
    expect(late).toEqual({ articles: expect.any(Number) });
    await page.evaluate(() => window.Tier0.showArticle('printing/paper-jam'));
    await page.getByRole('heading', { level: 2, name: 'Clear a paper jam' }).waitFor();
    await expect.poll(() => page.evaluate(() => (window as unknown as { seen: unknown[][] }).seen.at(-1))).toEqual(['article:view', { id: 'printing/paper-jam', title: 'Clear a paper jam' }]);
    await page.close();
  });

  test('adds no global but Tier0', async () => {
    const { page: plain } = await (async () => {
      const p = await browser.newPage();
      await p.goto(server.url('/plain'));
      return { page: p };
    })();
    const baseline = await plain.evaluate(() => Object.keys(window));
    await plain.close();
    const { page } = await open('/');
    await page.evaluate(() => window.Tier0.open());
    await page.getByRole('combobox').waitFor();
    await waitReady(page);
    const keys = await page.evaluate(() => Object.keys(window));
    expect(keys.filter((k) => !baseline.includes(k))).toEqual(['Tier0']);
    await page.close();
  });

  test('destroy() removes every node, the global and the scroll lock, leaving the DOM as before', async () => {
    const { page } = await open('/long', { width: 390, height: 844 });
    const before = await page.evaluate(() => ({ html: document.documentElement.outerHTML, sheets: document.adoptedStyleSheets.length }));
    await page.evaluate(() => window.scrollTo(0, 900));
    await page.evaluate(() => window.Tier0.open());
    await page.getByRole('combobox').waitFor();
    await page.evaluate(() => window.Tier0.destroy());
    // Let any late frame callbacks run: nothing may touch the page after destroy().
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const after = await page.evaluate(() => ({ html: document.documentElement.outerHTML, sheets: document.adoptedStyleSheets.length, tier0: 'Tier0' in window, y: window.scrollY }));
    expect(after.tier0).toBe(false);
    expect(after.sheets).toBe(before.sheets);
    expect(after.html).toBe(before.html.replace(/<tier0-widget[^>]*><\/tier0-widget>/, ''));
    expect(after.html).not.toContain('tier0-widget');
    expect(after.y).toBe(900);
    await page.close();
  });
});

describe('conversation', () => {
  test('the transcript survives navigation to another page of the same site', async () => {
    const { page } = await open('/');
    await launcher(page).click();
    const box = page.getByRole('combobox');
    await box.waitFor();
    await waitReady(page);
    await box.fill('printer offline');
    await box.press('Enter');
    await page.getByText('This article should help:').first().waitFor();
    await page.goto(server.url('/other'));
    await launcher(page).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/printer offline$/).waitFor();
    expect(await dialog.getByText('This article should help:').count()).toBe(1);
    await page.close();
  });

  test('reopened on the same page, the panel picks the conversation up at the latest exchange', async () => {
    const { page } = await open('/');
    await launcher(page).click();
    const box = page.getByRole('combobox');
    await waitReady(page);
    for (const [i, question] of ['paper jam', 'printer offline'].entries()) {
      await box.fill(question);
      await box.press('Enter');
      await expect.poll(() => page.getByText('This article should help:', { exact: true }).count()).toBe(i + 1);
    }
    await page.keyboard.press('Escape');
    await launcher(page).click();
    await box.waitFor();
    // Polled: the latest message is scrolled to after paint, which a loaded machine may delay.
    const view = () =>
      page.evaluate(() => {
        const root = document.querySelector('tier0-widget')!.shadowRoot!;
        const body = root.querySelector('.t0-body')!;
        const users = root.querySelectorAll('.t0-user');
        const last = users[users.length - 1]!;
        const rect = last.getBoundingClientRect();
        const frame = body.getBoundingClientRect();
        return { text: last.textContent, scrolled: body.scrollTop > 0, inView: rect.top >= frame.top && rect.bottom <= frame.bottom };
      });
    await expect.poll(view).toEqual({ text: expect.stringContaining('printer offline'), scrolled: true, inView: true });
    await page.close();
  });
});

describe('phone', () => {
  test('opens full screen as a modal, traps focus, and locks then restores page scroll exactly', async () => {
    const { page } = await open('/long', { width: 390, height: 844 });
    await page.evaluate(() => {
      document.documentElement.style.cssText = 'overflow-y: scroll; scroll-behavior: auto;';
      document.body.style.cssText = 'color: rgb(10, 20, 30);';
      window.scrollTo(0, 1234);
    });
    const before = await page.evaluate(() => ({ html: document.documentElement.getAttribute('style'), body: document.body.getAttribute('style'), y: window.scrollY }));
    await launcher(page).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
    await page.getByRole('combobox').waitFor();
    for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
    expect((await focused(page)).inWidget).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).inWidget).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toMatchObject({ className: 't0-launcher' });
    await expect.poll(() => page.evaluate(() => ({ html: document.documentElement.getAttribute('style'), body: document.body.getAttribute('style'), y: window.scrollY }))).toEqual(before);
    await page.close();
  });

  test('turned sideways (844×390) it still opens full screen as a modal', async () => {
    const { page } = await open('/', { width: 844, height: 390 });
    await launcher(page).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: 844, height: 390 });
    await page.close();
  });

  test('touch targets are at least 44px', async () => {
    const { page } = await open('/', { width: 390, height: 844 });
    await launcher(page).click();
    await page.getByRole('button', { name: 'Printing & scanning' }).waitFor();
    const small = await page.evaluate(() => {
      const root = document.querySelector('tier0-widget')!.shadowRoot!;
      return [...root.querySelectorAll('button, input')].map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0 && (r.height < 44 || r.width < 44)).length;
    });
    expect(small).toBe(0);
    await page.close();
  });
});

describe('isolation and i18n', () => {
  test('Arabic pages get a right-to-left widget in Arabic', async () => {
    const { page } = await open('/ar');
    expect(await launcher(page).textContent()).toBe('مساعدة');
    await launcher(page).click();
    const box = page.getByRole('combobox', { name: 'ابحث في المساعدة' });
    await box.waitFor();
    expect(await box.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    const dialog = await page.getByRole('dialog').boundingBox();
    const send = await page.getByRole('button', { name: 'إرسال' }).boundingBox();
    expect(send!.x).toBeLessThan(dialog!.x + dialog!.width / 2);
    await page.close();
  });

  test('hostile host CSS changes neither the size nor the fonts of the widget', async () => {
    const measure = async (path: string) => {
      const { page } = await open(path);
      await launcher(page).click();
      await page.getByRole('button', { name: 'Printing & scanning' }).waitFor();
      const m = await page.evaluate(async () => {
        const root = document.querySelector('tier0-widget')!.shadowRoot!;
        // Measure the settled layout, not a frame of the opening animation. Only finite ones: the
        // loading spinner spins forever, and its animation is cancelled when the KB arrives.
        await Promise.all(root.getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)));
        const box = (sel: string) => { const r = root.querySelector(sel)!.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); };
        const style = (sel: string) => { const s = getComputedStyle(root.querySelector(sel)!); return [s.fontSize, s.fontFamily, s.lineHeight, s.boxSizing, s.textTransform]; };
        return { panel: box('.t0-panel'), launcher: box('.t0-launcher'), input: box('.t0-input'), chip: box('.t0-chip'), fonts: [style('.t0-panel'), style('.t0-input'), style('.t0-chip'), style('.t0-launcher')] };
      });
      await page.close();
      return m;
    };
    expect(await measure('/hostile')).toEqual(await measure('/'));
  });

  test('no style attributes or <style> elements in the widget (works under style-src self)', async () => {
    const { page } = await open('/');
    await page.evaluate(() => window.Tier0.showArticle('printing/printer-offline'));
    await page.locator('.t0-prose p').first().waitFor();
    const found = await page.evaluate(() => {
      const root = document.querySelector('tier0-widget')!.shadowRoot!;
      return { styleAttrs: root.querySelectorAll('[style]').length, styleEls: root.querySelectorAll('style').length, sheets: root.adoptedStyleSheets.length };
    });
    // Launcher, theme variables, panel, and the guided chunk's and the phone layout's (each filled
    // when its chunk arrives).
    expect(found).toEqual({ styleAttrs: 0, styleEls: 0, sheets: 5 });
    await page.close();
  });
});

describe('failures', () => {
  test('init() is idempotent and a bad option is reported once, to the console only', async () => {
    const { page, errors } = await open('/bad-option');
    await page.evaluate(() => {
      const t = window.Tier0 as unknown as { init(o?: object): void };
      t.init({ position: 'middle' });
      t.init();
    });
    expect(await page.locator('tier0-widget').count()).toBe(1);
    await launcher(page).click();
    // The site owner's mistake stays in the console: the visitor's panel shows help, no alert.
    await page.getByRole('combobox', { name: 'Search help' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('tier0-widget').textContent()).not.toContain('middle');
    expect(errors.filter((e) => e.includes('position "middle"'))).toEqual(['[tier0] position "middle" is not supported — use "right" or "left"']);
    // The fallback placement is applied: bottom right.
    const box = await launcher(page).boundingBox();
    expect(box!.x + box!.width).toBeGreaterThan(1200);
    await page.close();
  });

  test('an unreachable KB is reported once as a [tier0] error and shown with Retry', async () => {
    const { page, errors } = await open('/unreachable');
    await launcher(page).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Help articles couldn’t be loaded');
    const tier0Errors = errors.filter((e) => e.startsWith('[tier0]'));
    expect(tier0Errors).toHaveLength(1);
    expect(tier0Errors[0]).toMatch(/^\[tier0\] .+ — .+/);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await alert.waitFor();
    expect(errors.filter((e) => e.startsWith('[tier0]'))).toHaveLength(1);
    await page.close();
  });

  test('a panel that cannot load is said next to the launcher, and the next click retries', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    let blocked = true;
    await page.route('**/chunks/panel.*.js', (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(server.url('/'));
    await launcher(page).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Help could not load. Check your connection, then try again.');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(errors.some((e) => e.startsWith('[tier0] cannot load the help panel'))).toBe(true);

    blocked = false;
    await launcher(page).click();
    await page.getByRole('dialog', { name: 'Help' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    await page.close();
  });
});

declare global {
  interface Window {
    Tier0: {
      open(): void;
      search(q: string): void;
      showArticle(id: string): void;
      destroy(): void;
      on(name: string, handler: (payload: unknown) => void): () => void;
    };
  }
}
