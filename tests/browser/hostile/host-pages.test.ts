/**
 * The widget on host pages that fight back: aggressive global CSS, another copy of Preact, a
 * Trusted Types policy named `dompurify` of their own, elements clobbering our names, a modal
 * above or below the widget. Size, fonts and behaviour must match a clean page; the page gains
 * only `window.Tier0`, and `destroy()` leaves it exactly as it was.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../helpers/chromium.ts';
import { hostPage, REPO_ROOT, startHostServer, type HostServer } from '../helpers/host-server.ts';
import { actAndWait, callTier0, recordPage, scriptRoute, VIOLATION_RECORDER, violations, waitForWidget, type PageRecord, type TestWindow, siteWithFreshKb, type SiteFolder } from './kit.ts';

const QUERY = 'printer offline';
const KB_ATTRS = 'data-service-worker="false"';

// Not transform/filter/contain on <html>/<body>: those make the page a containing block for
// every position:fixed descendant, the widget's too (see the security README section).
const AGGRESSIVE_CSS = `
html { font-size: 10px !important; }
* { font-family: "Comic Sans MS", "Courier New", monospace !important; font-size: 31px !important; font-weight: 900 !important;
    font-style: italic !important; color: #f0f !important; background: #ff0 !important; padding: 13px !important; margin: 7px !important;
    line-height: 3 !important; letter-spacing: 3px !important; text-transform: uppercase !important; box-sizing: content-box !important;
    border: 3px dashed red !important; display: block !important; width: auto !important; min-height: 40px !important;
    visibility: visible !important; opacity: .9 !important; direction: rtl !important;
    cursor: wait !important; text-align: right !important; white-space: pre !important; }
button, input, div, p, a, span, svg, h2, ul, li { display: inline-block !important; width: 333px !important; height: 77px !important;
    padding: 21px !important; font: italic 900 27px/5 serif !important; position: static !important; float: left !important; }
a { color: #0f0 !important; text-decoration: line-through !important; }
svg { width: 500px !important; height: 500px !important; fill: red !important; }
[hidden] { display: block !important; }
:focus { outline: 9px solid lime !important; }
`;

/** Host module: runs a second Preact (the site's own) and re-renders on a click, like a real app. */
const HOST_PREACT = `
import { h, render } from '/vendor/preact.mjs';
window.preact = { h, render }; // what the UMD build would leave on the page
let clicks = 0;
const draw = () => render(h('button', { id: 'host-btn', type: 'button', onClick: () => { clicks += 1; draw(); } }, 'host preact ' + clicks), document.getElementById('host-app'));
draw();
`;

/** Host script (external, before the loader): the site's own `dompurify` Trusted Types policy, used. */
const HOST_DOMPURIFY_POLICY = `${VIOLATION_RECORDER}
const policy = trustedTypes.createPolicy('dompurify', { createHTML: (s) => s });
document.addEventListener('DOMContentLoaded', () => { document.getElementById('host-html').innerHTML = policy.createHTML('<b>host html</b>'); });
`;

const CLOBBERING = `<main><h1>Clobbering page</h1>
<form name="Tier0"></form><img id="Tier0" alt=""><a id="tier0-root" href="#top">root</a><img name="tier0" alt="">
<form name="tier0"></form><div id="trustedTypes"></div><img name="DOMPurify" alt=""><div id="DOMPurify"></div>
<div id="preact"></div><form id="tier0-widget"></form></main>`;

let site: SiteFolder;
let server: HostServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  site = await siteWithFreshKb();
  const preact = await readFile(path.join(REPO_ROOT, 'node_modules/preact/dist/preact.mjs'), 'utf8');
  server = await startHostServer({
    root: site.dir,
    pages: {
      '/clean': hostPage({ attrs: KB_ATTRS }),
      '/aggressive-css': hostPage({ attrs: KB_ATTRS, head: `<style>${AGGRESSIVE_CSS}</style>`, body: '<main><h1>Loud page</h1><p>Text <a href="#x">link</a></p><button type="button">Host button</button><input aria-label="host input"></main>' }),
      '/preact': hostPage({ attrs: KB_ATTRS, head: '<script type="module" src="/host-preact.js"></script>', body: '<main><h1>Preact page</h1><div id="host-app"></div></main>' }),
      '/clobbering': hostPage({ attrs: KB_ATTRS, body: CLOBBERING }),
      '/dynamic': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dynamic</title></head><body><main><h1>Dynamic</h1><p>Text.</p></main></body></html>',
      '/modal-below': hostPage({ attrs: `${KB_ATTRS} data-z-index="4000"`, head: '<style>#host-modal{position:fixed;inset:0;z-index:5000;background:rgba(0,0,0,.4)}</style>', body: '<main><h1>Modal</h1></main><div id="host-modal" role="dialog" aria-label="Host modal"></div>' }),
      '/modal-above': hostPage({ attrs: `${KB_ATTRS} data-z-index="6000"`, head: '<style>#host-modal{position:fixed;inset:0;z-index:5000;background:rgba(0,0,0,.4)}</style>', body: '<main><h1>Modal</h1></main><div id="host-modal" role="dialog" aria-label="Host modal"></div>' }),
    },
    routes: {
      'GET /host-preact.js': scriptRoute(HOST_PREACT),
      'GET /vendor/preact.mjs': scriptRoute(preact),
      'GET /host-dompurify.js': scriptRoute(HOST_DOMPURIFY_POLICY),
    },
  });
  server.setPage('/dompurify-policy', hostPage({ attrs: KB_ATTRS, head: '<script src="/host-dompurify.js"></script>', body: '<main><h1>Policy page</h1><div id="host-html"></div></main>' }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

type Box = { x: number; y: number; width: number; height: number } | null;

/** What a user sees and gets: sizes, fonts and the results of open → search → article. */
interface Measures {
  launcher: Box;
  panel: Box;
  fonts: Record<string, string>;
  results: string[];
  article: string;
}

/** Opens the widget, searches and reads an article, measuring along the way. */
async function measure(page: Page): Promise<Measures> {
  await waitForWidget(page);
  const launcher = page.locator('tier0-widget .t0-launcher');
  const launcherBox = await launcher.boundingBox();
  await actAndWait(page, 'ready', {}, () => launcher.click());
  const panel = page.locator('tier0-widget .t0-panel');
  await panel.waitFor();
  const input = page.locator('tier0-widget input[role=combobox]');
  const search = await actAndWait(page, 'search', { query: QUERY }, () => input.fill(QUERY));
  const fonts = await page.evaluate(() => {
    const root = document.querySelector('tier0-widget')!.shadowRoot!;
    const font = (selector: string): string => {
      const el = root.querySelector(selector);
      if (!el) return 'missing';
      const s = getComputedStyle(el);
      return `${s.fontFamily} ${s.fontSize} ${s.fontWeight} ${s.fontStyle} ${s.lineHeight} ${s.color} ${s.textTransform} ${s.letterSpacing}`;
    };
    return { launcher: font('.t0-launcher'), title: font('#t0-title'), input: font('input[role=combobox]'), option: font('[role=option] .t0-option-title') };
  });
  const panelBox = await panel.boundingBox();
  const first = search.results[0]!;
  await actAndWait(page, 'article:view', { id: first.id }, () => page.locator('tier0-widget [role=option]').first().click());
  const article = await page.locator('tier0-widget #t0-article-title').textContent() ?? '';
  return { launcher: launcherBox, panel: panelBox, fonts, results: search.results.map((r) => r.id), article };
}

async function visit(pathname: string): Promise<{ page: Page; record: PageRecord }> {
  const page = await browser.newPage();
  const record = recordPage(page);
  await page.goto(server.url(pathname));
  return { page, record };
}

describe('hostile host pages', () => {
  let clean: Measures;

  beforeAll(async () => {
    const { page } = await visit('/clean');
    clean = await measure(page);
    await page.close();
  });

  it('looks and behaves the same under aggressive global !important CSS', async () => {
    const { page, record } = await visit('/aggressive-css');
    expect(await measure(page)).toEqual(clean);
    expect(record.pageErrors).toEqual([]);
    await page.close();
  });

  it('works beside the page\'s own copy of Preact, which keeps working too', async () => {
    const { page, record } = await visit('/preact');
    await page.locator('#host-btn').waitFor();
    expect(await measure(page)).toEqual(clean);
    await page.locator('#host-btn').click();
    expect(await page.locator('#host-btn').textContent()).toBe('host preact 1');
    expect(record.pageErrors).toEqual([]);
    await page.close();
  });

  it('never touches the page\'s own "dompurify" Trusted Types policy (no duplicates allowed)', async () => {
    const page = await browser.newPage();
    const record = recordPage(page);
    // The CSP is per page: only this route gets it.
    await page.route(server.url('/dompurify-policy'), async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "require-trusted-types-for 'script'; trusted-types dompurify tier0" } });
    });
    await page.goto(server.url('/dompurify-policy'));
    expect(await measure(page)).toEqual(clean);
    expect(await page.locator('#host-html b').textContent()).toBe('host html');
    expect(await violations(page)).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    expect(record.consoleErrors.filter((e) => /trusted type|content security/i.test(e))).toEqual([]);
    await page.close();
  });

  it('is not fooled by elements named Tier0, tier0, trustedTypes, DOMPurify or preact', async () => {
    const { page, record } = await visit('/clobbering');
    expect(await measure(page)).toEqual(clean);
    expect(record.pageErrors).toEqual([]);
    await callTier0(page, 'destroy');
    // The page's own named elements are what `window.Tier0` means again.
    expect(await page.evaluate(() => {
      const value = (window as unknown as { Tier0: unknown }).Tier0;
      return value instanceof HTMLCollection ? value.length : -1;
    })).toBe(2);
    expect(await page.locator('tier0-widget').count()).toBe(0);
    await page.close();
  });

  it('sits below a host modal when its zIndex is lower', async () => {
    const { page } = await visit('/modal-below');
    await waitForWidget(page);
    const box = (await page.locator('tier0-widget .t0-launcher').boundingBox())!;
    const topmost = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.id ?? document.elementFromPoint(x!, y!)?.localName, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(topmost).toBe('host-modal');
    await page.close();
  });

  it('sits above a host modal when its zIndex is higher, launcher and open panel', async () => {
    const { page } = await visit('/modal-above');
    await waitForWidget(page);
    const at = (b: { x: number; y: number; width: number; height: number }) => page.evaluate(([x, y]) => {
      const el = document.elementFromPoint(x!, y!);
      return el?.id || el?.localName;
    }, [b.x + b.width / 2, b.y + b.height / 2]);
    expect(await at((await page.locator('tier0-widget .t0-launcher').boundingBox())!)).toBe('tier0-widget');
    await actAndWait(page, 'open', {}, () => callTier0(page, 'open'));
    expect(await at((await page.locator('tier0-widget .t0-panel').boundingBox())!)).toBe('tier0-widget');
    await page.close();
  });
});

describe('what the widget leaves on the page', () => {
  /**
   * Event listeners on window, document, <html> and <body> added by the page's own scripts (those
   * with a URL), read through the DevTools protocol; Playwright's injected helpers have no URL.
   */
  async function listeners(page: Page): Promise<string[]> {
    const cdp = await page.context().newCDPSession(page);
    const urls = new Map<string, string>();
    cdp.on('Debugger.scriptParsed', (e) => urls.set(e.scriptId, e.url));
    await cdp.send('Debugger.enable');
    const out: string[] = [];
    for (const expression of ['window', 'document', 'document.documentElement', 'document.body']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
      for (const l of found) {
        const url = urls.get(l.scriptId) ?? '';
        if (url) out.push(`${expression} ${l.type}${l.useCapture ? ' capture' : ''} ${new URL(url).pathname}`);
      }
    }
    await cdp.detach();
    return out.sort();
  }

  it('adds only window.Tier0, and destroy() restores the DOM, globals, style sheets and listeners', async () => {
    const { page, record } = await visit('/dynamic');
    const listenersBefore = await listeners(page);
    const before = await page.evaluate(() => {
      const names = Object.getOwnPropertyNames(window);
      const script = document.createElement('script');
      script.src = '/static/help/tier0.js';
      script.setAttribute('data-service-worker', 'false');
      script.setAttribute('data-ticket-endpoint', '/api/tickets');
      document.head.append(script);
      // The loader runs later (a dynamic script is async): this is the page before the widget.
      return { names, html: document.documentElement.outerHTML, sheets: document.adoptedStyleSheets.length };
    });
    await waitForWidget(page);
    await actAndWait(page, 'ready', {}, () => callTier0(page, 'open'));
    const search = await actAndWait(page, 'search', { query: QUERY }, () => callTier0(page, 'search', QUERY));
    await actAndWait(page, 'article:view', { id: search.results[0]!.id }, () => callTier0(page, 'showArticle', search.results[0]!.id));
    await actAndWait(page, 'escalate', {}, () => callTier0(page, 'escalate'));
    await page.locator('tier0-widget form').waitFor();

    const gained = await page.evaluate((names) => Object.getOwnPropertyNames(window).filter((n) => !names.includes(n)), before.names);
    expect(gained).toEqual(['Tier0']);

    await callTier0(page, 'destroy');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before.html);
    expect(await page.evaluate(() => Object.getOwnPropertyNames(window))).toEqual(before.names);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(before.sheets);
    // The outbox chunk is disposed asynchronously (a dynamic import): wait for it, don't sleep.
    await expect.poll(() => listeners(page), { timeout: 10_000 }).toEqual(listenersBefore);

    // Keys that used to reach the widget now do nothing at all.
    for (const key of ['Escape', 'Tab', 'Enter', '?', '/']) await page.keyboard.press(key);
    expect(await page.locator('tier0-widget').count()).toBe(0);
    expect((await page.evaluate(() => (window as unknown as TestWindow).Tier0)) ?? null).toBeNull();
    expect(record.pageErrors).toEqual([]);
    await page.close();
  });
});
