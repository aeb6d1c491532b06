/**
 * The widget's figures from issue #3, measured in Debian's Chromium on a copy of the built dist/
 * (part of `tier0 bench`; alone: `npx tsx scripts/bench/bench-widget.ts`, JSON on stdout, progress on
 * stderr). Benchmark figures, never a timed test: the machine's load moves them.
 *
 * - open: launcher click → the panel's first frame with focus in the search input, on a warm page
 *   (HTTP cache with the README's caching headers; then the service worker controlling the page).
 * - typing: keydown → the listbox showing that input's results, over a 1,000-article KB, and
 *   whether that happened before the keystroke's next animation frame.
 * - bytes: gzip -9 of the loader and of all JS a full session downloads (the session budget's
 *   definition, tests/browser/session-budget.test.ts), with the browser's Sanitizer (`setHTML`)
 *   and with the DOMPurify fallback; and each path's article render time (`Tier0.showArticle`
 *   → `article:view`, over the KB's first articles).
 *
 * Times are taken inside the page (performance.now()), so Playwright's round trips are not in
 * them. The page-side code is a plain string: tsx wraps named functions in a `__name` helper that
 * does not exist in the page, which would break functions serialized by `page.evaluate`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../../tests/browser/helpers/chromium.ts';
import { DIST_DIR, hostPage, startHostServer, type HostServer } from '../../tests/browser/helpers/host-server.ts';
import { launcher, waitReady } from '../../tests/browser/helpers/widget-page.ts';
import { offlineHeaders } from '../../tests/browser/offline-helpers.ts';
import { matchPages } from '../../widget/core/glob.ts';
import type { KbIndex, KbManifest } from '../../widget/core/kb-format.ts';
import { loadSearchEngine } from '../../widget/core/search/engine.ts';
import { findCorrections } from '../../widget/core/search/corrections.ts';
import { LIVE_LIMIT } from '../../widget/services/widget-controller.ts';
import { compileKb } from '../kb/compile.ts';

/** Issue #3's targets; KB as the session budget test counts it (1,024 bytes). */
export const WIDGET_TARGETS = Object.freeze({ openMs: 100, loaderGzipBytes: 6 * 1024, sessionGzipBytes: 45 * 1024 });

export interface WidgetBenchOptions {
  /** The built widget (default dist/, or $TIER0_DIST); copied first, as a build may rewrite it meanwhile. */
  distDir?: string;
  /** A compiled 1,000-article KB bundle and queries for it; generated here (as `tier0 bench` does) when absent. */
  largeKb?: { bundleDir: string; queries: readonly string[] };
  /** Progress lines (default: stderr). */
  log?: (message: string) => void;
}

const MOUNT = '/static/help/';
const REPEAT_OPENS = 10;
const FIRST_OPENS = 5;
const TYPED_QUERIES = 32;
/** Milliseconds Playwright waits between key down and up, and between keys: about 150 words a minute. */
const KEY_DELAY_MS = 35;
const HOST_PATH = '/';

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rejects with `[tier0] … timed out` after `ms`: a widget that never gets ready must not hang the bench. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`[tier0] timed out after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Console errors of a page, to explain a timeout. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The widget's `ready` event (KB and engine loaded), within 30 s; else fails with the page's console errors. */
async function whenReady(page: Page, errors: readonly string[]): Promise<{ articles: number }> {
  try {
    return (await within(30_000, 'the widget\'s ready event', waitReady(page))) as { articles: number };
  } catch (error) {
    throw new Error(`${(error as Error).message}${errors.length ? ` (console: ${errors.slice(0, 3).join(' | ')})` : ''}`);
  }
}

/** Median, p95 and max of a sample, rounded to 0.1 ms. */
function summary(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN);
  return { n: sorted.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}

/** `count` items spread evenly over `items`, so generated and hand-written queries both appear. */
function sampleEvenly<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

/**
 * Why a copy of dist/ cannot be served as it is, or undefined: a build caught half-way writes a
 * loader naming chunks that are not there yet, or a worker precaching files of another build.
 */
async function distProblem(dir: string): Promise<string | undefined> {
  const exists = (rel: string) => stat(path.join(dir, rel)).then((s) => s.isFile(), () => false);
  const loader = await readFile(path.join(dir, 'tier0.js'), 'utf8');
  for (const rel of new Set(loader.match(/chunks\/[\w.-]+\.js/g) ?? [])) {
    if (!(await exists(rel))) return `tier0.js names ${rel}, which is missing`;
  }
  if (existsSync(path.join(dir, 'sw.js'))) {
    const worker = await readFile(path.join(dir, 'sw.js'), 'utf8');
    for (const [, rel] of worker.matchAll(/"url":"([^"]+)"/g)) {
      if (!(await exists(rel!))) return `sw.js precaches ${rel}, which is missing`;
    }
  }
  const manifestFile = path.join(dir, 'kb/manifest.json');
  if (!existsSync(manifestFile)) return 'kb/manifest.json is missing';
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as KbManifest;
  for (const rel of [manifest.index, ...manifest.files]) {
    if (!(await exists(path.join('kb', rel)))) return `kb/manifest.json names ${rel}, which is missing`;
  }
  return undefined;
}

/** Copies dist/ into `into`, again (up to three times) while the copy is inconsistent. */
async function snapshotDist(distDir: string, into: string, log: (message: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await rm(into, { recursive: true, force: true });
    await cp(distDir, into, { recursive: true });
    const problem = await distProblem(into);
    if (!problem) return;
    if (attempt === 3) throw new Error(`[tier0] the copy of ${distDir} is inconsistent (${problem}) — is a build running? Rebuild with "npm run build"`);
    log(`the copy of dist/ is inconsistent (${problem}); copying again in 5 s`);
    await sleep(5000);
  }
}

/**
 * Installed in every document before the page's scripts. `armOpen` times one launcher click
 * (capture listener on the host element) to the first animation frame in which the dialog is laid
 * out and the shadow root's active element is the search input; `armTyping` times every
 * keystroke from keydown to the listbox showing the results expected for the input's new value.
 */
const PAGE_INSTRUMENT = String.raw`(() => {
  const B = (window.__tier0Bench = {});
  const host = () => document.querySelector('tier0-widget');
  const openReady = (h) => {
    const r = h.shadowRoot;
    const dialog = r && r.querySelector('[role="dialog"]');
    if (!dialog) return false;
    const box = dialog.getBoundingClientRect();
    const active = r.activeElement;
    return box.width > 0 && box.height > 0 && document.activeElement === h && !!active && active.matches('input.t0-input');
  };
  B.armOpen = () => {
    const h = host();
    B.open = new Promise((resolve) => {
      h.addEventListener('click', () => {
        const t0 = performance.now();
        const readyState = document.readyState;
        const r = h.shadowRoot;
        let focusAt, frameAt, fadeAt;
        const onFocus = () => { if (focusAt === undefined && openReady(h)) focusAt = performance.now(); };
        const onFade = (e) => { if (e.animationName === 't0-in' && fadeAt === undefined) fadeAt = performance.now(); };
        r.addEventListener('focusin', onFocus);
        r.addEventListener('animationend', onFade);
        const finish = (timedOut) => {
          r.removeEventListener('focusin', onFocus);
          r.removeEventListener('animationend', onFade);
          const since = (t) => (t === undefined ? null : t - t0);
          const panel = performance.getEntriesByType('resource').find((e) => e.name.includes('/chunks/panel.'));
          resolve({
            timedOut,
            readyState,
            frameMs: since(frameAt),
            focusMs: since(focusAt),
            fadeInDoneMs: since(fadeAt),
            panelChunk: panel ? { startMs: panel.startTime - t0, endMs: panel.responseEnd - t0, transferBytes: panel.transferSize } : null,
          });
        };
        const poll = () => {
          const now = performance.now();
          if (frameAt === undefined && openReady(h)) frameAt = now;
          if (frameAt !== undefined && (fadeAt !== undefined || now - frameAt > 1000)) return finish(false);
          if (now - t0 > 10000) return finish(true);
          requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }, { capture: true, once: true });
    });
  };
  B.armTyping = (expected) => {
    const r = host().shadowRoot;
    B.keys = [];
    let waiting = [];
    const shown = () => {
      const list = r.getElementById('t0-results');
      if (!list || list.hidden) return [];
      // Title and snippet, marks bracketed: a keystroke that only moves the highlight changes it.
      return Array.from(list.querySelectorAll('[role="option"]'), (o) => o.querySelector('.t0-option-title').textContent
        + Array.from(o.querySelectorAll('.t0-snippet > *'), (n) => (n.tagName === 'MARK' ? '[' + n.textContent + ']' : n.textContent)).join(''));
    };
    const check = (now) => {
      if (!waiting.length) return;
      const got = shown();
      for (const k of waiting) {
        const want = expected[k.value];
        if (want && got.length === want.length && got.every((t, i) => t === want[i])) k.reflectedAt = now;
      }
      waiting = waiting.filter((k) => k.reflectedAt === undefined);
    };
    window.addEventListener('keydown', (e) => {
      if (e.key.length !== 1) return;
      const k = { downAt: performance.now() };
      B.keys.push(k);
      requestAnimationFrame(() => { check(performance.now()); k.frameAt = performance.now(); });
    }, true);
    // Capture on window runs before the widget's own input handler: the DOM still shows the
    // previous keystroke's results here, so a match means this keystroke changes nothing.
    window.addEventListener('input', (e) => {
      const k = B.keys[B.keys.length - 1];
      if (!k || k.value !== undefined) return;
      k.value = e.composedPath()[0].value;
      k.inputAt = performance.now();
      for (const other of waiting) other.superseded = true;
      waiting = expected[k.value] ? [k] : [];
      check(k.inputAt);
      k.unchanged = k.reflectedAt !== undefined;
    }, true);
    new MutationObserver(() => check(performance.now())).observe(r, { subtree: true, childList: true, characterData: true, attributes: true });
  };
  B.takeKeys = () => { const keys = B.keys; B.keys = []; return keys; };
  // The earliest click there can be: the moment the loader has drawn the launcher, before the
  // page's load event and so before the idle-time (and hover) preload of the panel chunk.
  if (location.search.includes('tier0-bench=early-click')) {
    new MutationObserver((_, observer) => {
      const h = host();
      const button = h && h.shadowRoot && h.shadowRoot.querySelector('button.t0-launcher');
      if (!button) return;
      observer.disconnect();
      B.armOpen();
      button.click();
    }).observe(document, { childList: true, subtree: true });
  }
})();`;

interface OpenSample {
  timedOut: boolean;
  /** document.readyState at the click. */
  readyState: string;
  frameMs: number | null;
  focusMs: number | null;
  fadeInDoneMs: number | null;
  panelChunk: { startMs: number; endMs: number; transferBytes: number } | null;
}

interface KeySample {
  downAt: number;
  frameAt?: number;
  inputAt?: number;
  value?: string;
  reflectedAt?: number;
  unchanged?: boolean;
  superseded?: boolean;
}

async function clickAndTime(page: Page): Promise<OpenSample> {
  await page.evaluate('window.__tier0Bench.armOpen()');
  await launcher(page).click();
  return (await within(15_000, 'the panel to open', page.evaluate('window.__tier0Bench.open'))) as OpenSample;
}

/** Closes the panel the way a keyboard user does and waits until focus is back on the launcher. */
async function closeWithEscape(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForFunction(`(() => { const r = document.querySelector('tier0-widget').shadowRoot;
    return !r.querySelector('[role="dialog"]') && r.activeElement && r.activeElement.matches('.t0-launcher'); })()`);
}

/** Resolves to whether Tier0's worker controls the page, waiting up to `ms` for it to activate. */
function workerReady(page: Page, ms: number): Promise<boolean> {
  return page.evaluate(`Promise.race([
    navigator.serviceWorker.ready.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), ${ms})),
  ])`) as Promise<boolean>;
}

const openFigures = (samples: readonly OpenSample[]) => {
  const times = (key: 'frameMs' | 'focusMs' | 'fadeInDoneMs') => samples.map((s) => s[key]).filter((v): v is number => v !== null);
  return {
    frame: summary(times('frameMs')),
    focus: summary(times('focusMs')),
    fadeInDone: summary(times('fadeInDoneMs')),
    timedOut: samples.filter((s) => s.timedOut).length,
  };
};

/**
 * Serves the dist/ copy under the README's caching headers, opens the host page (with the given
 * loader attributes) instrumented in Chromium, and waits until the KB is ready and the network idle.
 */
async function openHostPage(root: string, attrs: string) {
  const server = await startHostServer({ root, mount: MOUNT, pages: { [HOST_PATH]: hostPage({ mount: MOUNT, attrs }) }, pathHeaders: offlineHeaders(MOUNT) });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = consoleErrors(page);
    await page.addInitScript(PAGE_INSTRUMENT);
    await page.goto(server.url(HOST_PATH));
    const ready = await whenReady(page, errors);
    await page.waitForLoadState('networkidle');
    return { server, browser, page, errors, ready };
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
}

/**
 * One warm-page scenario: a cold load fills the caches; then the first open of each of
 * `FIRST_OPENS` reloads (clicked by Playwright, and clicked from inside the page as early as
 * possible), then `REPEAT_OPENS` opens of one idle page, closed with Escape in between.
 */
async function benchOpen(root: string, withWorker: boolean, log: (message: string) => void) {
  const attrs = `data-ticket-endpoint="/api/tickets"${withWorker ? ' data-service-worker-scope="/"' : ''}`;
  const { server, browser, page, errors } = await openHostPage(root, attrs);
  try {
    if (withWorker && !(await workerReady(page, 15000))) {
      throw new Error(`[tier0] the service worker did not activate within 15 s${errors.length ? ` (console: ${errors.slice(0, 3).join(' | ')})` : ''}`);
    }

    // Clicked by Playwright as soon as the launcher is clickable after a reload; by then the
    // panel chunk has usually been preloaded (hover, idle time): see panelChunkStartMs.
    const first: OpenSample[] = [];
    let warmRequests: string[] = [];
    let controlled = false;
    for (let run = 0; run < FIRST_OPENS; run++) {
      const seen = server.requests.length;
      await page.reload({ waitUntil: 'commit' });
      await launcher(page).waitFor();
      first.push(await clickAndTime(page));
      warmRequests = server.requests.slice(seen).map((r) => r.path);
      controlled = (await page.evaluate('!!navigator.serviceWorker.controller')) as boolean;
      await closeWithEscape(page);
    }

    // Clicked from inside the page the moment the launcher exists (PAGE_INSTRUMENT): the worst
    // case, as the panel chunk is only requested by the click.
    const earliest: OpenSample[] = [];
    for (let run = 0; run < FIRST_OPENS; run++) {
      await page.goto(server.url(`${HOST_PATH}?tier0-bench=early-click`));
      earliest.push(await within(15_000, 'the early click to open the panel', page.evaluate('window.__tier0Bench.open')) as OpenSample);
      await closeWithEscape(page);
    }

    await whenReady(page, errors);
    await page.waitForLoadState('networkidle');
    const repeat: OpenSample[] = [];
    for (let run = 0; run < REPEAT_OPENS; run++) {
      repeat.push(await clickAndTime(page));
      await closeWithEscape(page);
      await sleep(100);
    }
    log(`open (${withWorker ? 'service worker' : 'HTTP cache'}): earliest ${openFigures(earliest).frame.medianMs} ms, `
      + `first ${openFigures(first).frame.medianMs} ms, repeat ${openFigures(repeat).frame.medianMs} ms (medians)`);
    const runs = (samples: readonly OpenSample[]) => samples.map((s) => ({
      readyState: s.readyState,
      frameMs: s.frameMs === null ? null : round(s.frameMs),
      focusMs: s.focusMs === null ? null : round(s.focusMs),
      // Negative: requested (or received) before the click.
      panelChunkStartMs: s.panelChunk ? round(s.panelChunk.startMs) : null,
      panelChunkEndMs: s.panelChunk ? round(s.panelChunk.endMs) : null,
    }));
    return {
      controlledByWorker: controlled,
      // What the last warm reload still fetched from the server, up to the click.
      warmReloadRequests: warmRequests,
      earliestOpen: { ...openFigures(earliest), runs: runs(earliest) },
      firstOpen: { ...openFigures(first), runs: runs(first) },
      repeatOpen: openFigures(repeat),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The 1,000-article KB for the typing figures: the bench's own, or generated and compiled the same way. */
async function largeKb(scratch: string, log: (message: string) => void): Promise<{ bundleDir: string; queries: readonly string[] }> {
  // Imported here: bench.ts imports this module lazily, and only the standalone run needs these.
  const { readDevQueries, trainSyntheticModel, writeSyntheticCorpus } = await import('./bench.ts');
  log('generating 1000 articles');
  const contentDir = path.join(scratch, 'synthetic-1000');
  const queries = await writeSyntheticCorpus(1000, contentDir, await trainSyntheticModel(), await readDevQueries());
  const bundleDir = path.join(scratch, 'synthetic-1000-bundle');
  const result = await compileKb({ contentDir, outDir: bundleDir });
  if (!result.ok) throw new Error(`[tier0] the synthetic 1,000-article KB does not build: ${result.diagnostics.find((d) => d.severity === 'error')?.message}`);
  return { bundleDir, queries };
}

/**
 * What the listbox must show after each prefix of each query: the text of every option (title and
 * snippet), from the same engine, index, limit and page boost as the widget.
 */
async function expectedOptions(bundleDir: string, queries: readonly string[]): Promise<Record<string, string[]>> {
  const manifest = JSON.parse(await readFile(path.join(bundleDir, 'manifest.json'), 'utf8')) as KbManifest;
  const engine = loadSearchEngine(JSON.parse(await readFile(path.join(bundleDir, manifest.index), 'utf8')) as KbIndex, findCorrections);
  const boost = matchPages(engine.articles, HOST_PATH);
  const expected: Record<string, string[]> = {};
  for (const query of queries) {
    for (let end = 1; end <= query.length; end++) {
      const typed = query.slice(0, end);
      expected[typed] ??= typed.trim()
        ? engine.search(typed, { limit: LIVE_LIMIT, boost }).hits
          .map((hit) => hit.title + hit.snippet.map((part) => (part.mark ? `[${part.text}]` : part.text)).join(''))
        : [];
    }
  }
  return expected;
}

/** Types the queries into the panel over the 1,000-article KB, keystroke by keystroke. */
async function benchTyping(root: string, kb: { bundleDir: string; queries: readonly string[] }, log: (message: string) => void) {
  await rm(path.join(root, 'kb'), { recursive: true, force: true });
  await cp(kb.bundleDir, path.join(root, 'kb'), { recursive: true });
  const queries = sampleEvenly(kb.queries, TYPED_QUERIES);
  const expected = await expectedOptions(kb.bundleDir, queries);
  // No worker: this copy's sw.js still precaches the other KB's files. Caching headers as the
  // README asks, so the idle warm-up of 1,000 articles is over before typing starts.
  const { server, browser, page, ready } = await openHostPage(root, 'data-service-worker="false"');
  try {
    await launcher(page).click();
    await page.waitForFunction(`document.querySelector('tier0-widget').shadowRoot.activeElement?.matches('input.t0-input')`);
    await page.evaluate(`window.__tier0Bench.armTyping(${JSON.stringify(expected)})`);
    log(`typing ${queries.length} queries over ${ready.articles} articles`);
    const keys: KeySample[] = [];
    for (const query of queries) {
      await page.keyboard.type(query, { delay: KEY_DELAY_MS });
      await sleep(300);
      keys.push(...((await page.evaluate('window.__tier0Bench.takeKeys()')) as KeySample[]));
      await page.keyboard.press('Escape'); // clears the box (a second Escape would close the panel)
      await sleep(100);
    }
    const measured = keys.filter((k) => k.value !== undefined && expected[k.value] !== undefined);
    const reflected = measured.filter((k) => k.reflectedAt !== undefined);
    const changed = reflected.filter((k) => !k.unchanged);
    const inFrame = (k: KeySample) => k.reflectedAt !== undefined && k.frameAt !== undefined && k.reflectedAt <= k.frameAt;
    const share = (part: number, whole: number) => (whole ? round(part / whole, 3) : null);
    const late = reflected.filter((k) => !inFrame(k));
    return {
      articles: ready.articles,
      queries: queries.length,
      keystrokes: measured.length,
      keyDelayMs: KEY_DELAY_MS,
      // keydown → the listbox shows this input's results (at once when they equal the last ones).
      toResults: summary(reflected.map((k) => k.reflectedAt! - k.downAt)),
      // The same over keystrokes whose results differ from the previous keystroke's.
      toChangedResults: summary(changed.map((k) => k.reflectedAt! - k.downAt)),
      // keydown → the next animation frame (the deadline for "within the frame").
      toNextFrame: summary(measured.filter((k) => k.frameAt !== undefined).map((k) => k.frameAt! - k.downAt)),
      inFrameShare: share(measured.filter(inFrame).length, measured.length),
      inFrameShareChanged: share(changed.filter(inFrame).length, changed.length),
      unchangedKeystrokes: reflected.length - changed.length,
      lateKeystrokes: late.length,
      slowestLate: late.sort((a, b) => (b.reflectedAt! - b.downAt) - (a.reflectedAt! - a.downAt)).slice(0, 5)
        .map((k) => ({ typed: k.value, ms: round(k.reflectedAt! - k.downAt), frameMs: k.frameAt === undefined ? null : round(k.frameAt - k.downAt) })),
      // Not shown before the next keystroke replaced them (superseded), or never shown at all.
      superseded: measured.filter((k) => k.superseded && k.reflectedAt === undefined).length,
      neverShown: measured.filter((k) => !k.superseded && k.reflectedAt === undefined).length,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A browser without the HTML Sanitizer API: articles then go through the DOMPurify fallback chunk. */
const NO_SET_HTML = 'delete Element.prototype.setHTML; delete ShadowRoot.prototype.setHTML;';
/** Articles shown one after another to time rendering (the KB's first ones, in id order). */
const RENDER_ARTICLES = 20;

/**
 * Page side: `Tier0.showArticle(id)` → the `article:view` event (the article is in the DOM), per
 * id, in ms. A string, like PAGE_INSTRUMENT, so tsx does not wrap it (see the header).
 */
const TIME_ARTICLES = `async (ids) => {
  const times = [];
  for (const id of ids) {
    const started = performance.now();
    await new Promise((resolve) => {
      let off;
      off = window.Tier0.on('article:view', (p) => { if (p.id === id) { resolve(); queueMicrotask(() => off && off()); } });
      window.Tier0.showArticle(id);
    });
    times.push(performance.now() - started);
  }
  return times;
}`;

/**
 * One full session (page load and idle, open, search, article, feedback) on `root`: the JS files it
 * downloaded with their gzip -9 sizes (the session budget's way), then the article render time
 * over RENDER_ARTICLES articles. `fallback`: as a browser without `setHTML` (DOMPurify chunk).
 */
async function benchSession(root: string, fallback: boolean, articleIds: readonly string[]) {
  const server: HostServer = await startHostServer({ root, mount: MOUNT, pages: { [HOST_PATH]: hostPage({ mount: MOUNT, attrs: 'data-ticket-endpoint="/api/tickets"' }) } });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    if (fallback) await page.addInitScript(NO_SET_HTML);
    const errors = consoleErrors(page);
    const scripts = new Set<string>();
    page.on('response', (r) => {
      const p = new URL(r.url()).pathname;
      if (p.startsWith(MOUNT) && p.endsWith('.js') && r.request().resourceType() !== 'other') scripts.add(p.slice(MOUNT.length));
    });
    await page.goto(server.url(HOST_PATH));
    await whenReady(page, errors);
    await launcher(page).click();
    await page.keyboard.type('printer offline');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Open article' }).first().click();
    const feedback = page.getByRole('group', { name: /helpful/i });
    await feedback.waitFor();
    await feedback.getByRole('button', { name: 'Yes' }).click();
    await page.waitForLoadState('networkidle');
    const files = await Promise.all([...scripts].sort().map((rel) => gzip9(root, rel)));
    // Bodies come from idle warm-up's memory, so this times the view, not the network.
    const render = summary(await page.evaluate(`(${TIME_ARTICLES})(${JSON.stringify(articleIds)})`) as number[]);
    return { gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), bytes: files.reduce((sum, f) => sum + f.bytes, 0), files, render };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function gzip9(root: string, rel: string) {
  const bytes = await readFile(path.join(root, rel));
  return { file: rel, bytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength };
}

/**
 * Gzip -9 of the loader and of every JS file a full session downloads, with the native Sanitizer
 * (the budget's case) and with the DOMPurify fallback; and each path's article render time.
 */
async function benchBytes(root: string, log: (message: string) => void) {
  const loader = await gzip9(root, 'tier0.js');
  const manifest = JSON.parse(await readFile(path.join(root, 'kb/manifest.json'), 'utf8')) as KbManifest;
  const index = JSON.parse(await readFile(path.join(root, 'kb', manifest.index), 'utf8')) as KbIndex;
  const ids = index.articles.map((a) => a.id).slice(0, RENDER_ARTICLES);
  const native = await benchSession(root, false, ids);
  const fallback = await benchSession(root, true, ids);
  log(`bytes: loader ${loader.gzipBytes} B gzip, session ${native.gzipBytes} B gzip (native Sanitizer), ${fallback.gzipBytes} B gzip (DOMPurify fallback)`);
  log(`article render (showArticle → article:view): median ${native.render.medianMs} ms native, ${fallback.render.medianMs} ms fallback`);
  return {
    loader: { ...loader, targetGzipBytes: WIDGET_TARGETS.loaderGzipBytes },
    session: { gzipBytes: native.gzipBytes, bytes: native.bytes, targetGzipBytes: WIDGET_TARGETS.sessionGzipBytes, files: native.files },
    sessionFallback: { gzipBytes: fallback.gzipBytes, bytes: fallback.bytes, files: fallback.files },
    articleRender: { native: native.render, fallback: fallback.render },
  };
}

/** Why the widget cannot be measured here, or undefined. */
function skipReason(distDir: string): string | undefined {
  if (!existsSync(CHROMIUM_PATH)) return `${CHROMIUM_PATH} is missing (apt-get install -y chromium)`;
  if (!existsSync(path.join(distDir, 'tier0.js'))) return `${path.join(distDir, 'tier0.js')} is missing (npm run build)`;
  return undefined;
}

/** Measures the widget in Chromium; resolves to JSON-able figures, or `{ skipped }` when it cannot run. */
export async function benchWidget(options: WidgetBenchOptions = {}) {
  const log = options.log ?? ((message: string) => process.stderr.write(`tier0 bench: widget: ${message}\n`));
  const distDir = path.resolve(options.distDir ?? DIST_DIR);
  const skipped = skipReason(distDir);
  if (skipped) return { skipped };
  const started = performance.now();
  const loadAtStart = loadavg();
  const scratch = await mkdtemp(path.join(tmpdir(), 'tier0-bench-widget-'));
  try {
    const snapshot = path.join(scratch, 'dist');
    await snapshotDist(distDir, snapshot, log);
    // A second copy gets the 1,000-article KB; the first keeps the build's own KB (kb-content/).
    const large = path.join(scratch, 'dist-1000');
    await cp(snapshot, large, { recursive: true });
    // Each part fails alone (its error in the JSON), so one broken part keeps the others' figures.
    const failures: string[] = [];
    const part = async <T>(name: string, run: () => Promise<T>): Promise<T | { failed: string }> => {
      try {
        return await run();
      } catch (error) {
        log(`${name}: failed: ${(error as Error).message}`);
        failures.push(name);
        return { failed: (error as Error).message };
      }
    };
    const bytes = await part('bytes', () => benchBytes(snapshot, log));
    log('open with a warm HTTP cache');
    const httpCache = await part('open.httpCache', () => benchOpen(snapshot, false, log));
    log('open with the service worker controlling the page');
    const serviceWorker = await part('open.serviceWorker', () => benchOpen(snapshot, true, log));
    const typing = await part('typing', async () => benchTyping(large, options.largeKb ?? await largeKb(scratch, log), log));

    // The issue's target holds for every click, so the slowest one is compared with it; null
    // where nothing was measured.
    const atMost = (limit: number, values: Array<number | undefined>) => {
      const known = values.filter((v): v is number => v !== undefined && !Number.isNaN(v));
      return known.length ? Math.max(...known) <= limit : null;
    };
    const scenarios = [httpCache, serviceWorker].flatMap((s) => ('firstOpen' in s ? [s] : []));
    return {
      chromium: spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim(),
      ms: round(performance.now() - started, 0),
      // Other work on the machine (a test run, a build) inflates every time below.
      loadAverage: { atStart: loadAtStart.map((v) => round(v, 2)), atEnd: loadavg().map((v) => round(v, 2)) },
      targets: WIDGET_TARGETS,
      meetsTargets: {
        warmOpenMax: atMost(WIDGET_TARGETS.openMs, scenarios.flatMap((s) => [s.firstOpen.frame.maxMs, s.repeatOpen.frame.maxMs])),
        earliestOpenMax: atMost(WIDGET_TARGETS.openMs, scenarios.map((s) => s.earliestOpen.frame.maxMs)),
        resultsInFrame: 'inFrameShare' in typing ? typing.inFrameShare === 1 : null,
        loaderGzip: 'loader' in bytes ? bytes.loader.gzipBytes <= WIDGET_TARGETS.loaderGzipBytes : null,
        sessionGzip: 'session' in bytes ? bytes.session.gzipBytes <= WIDGET_TARGETS.sessionGzipBytes : null,
      },
      failures,
      open: { httpCache, serviceWorker },
      typing,
      bytes,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const report = await benchWidget();
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
