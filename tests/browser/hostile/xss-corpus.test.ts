/**
 * Every article of the XSS corpus (tests/fixtures/xss-kb: DOMPurify's fixture payloads plus our
 * markdown-specific vectors), opened in the widget in Chromium, on both runtime sanitizer paths:
 * the browser's `setHTML` and the DOMPurify fallback (forced by removing `setHTML` before any
 * page script runs, as in a browser without the Sanitizer API).
 *
 * The bundle is compiled WITHOUT the compiler's own sanitizing step (mocked out below), so the
 * runtime sanitizer faces every payload raw: the build-time step is tested on its own
 * (tests/unit/kb/sanitize-html.test.ts, tests/unit/security/sanitize-vectors.test.ts).
 * Each path runs once on a page with no CSP (a policy would hide a sanitizer hole instead of
 * proving there is none) and once under the strict CSP with Trusted Types enforced.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JSHandle, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compileKb } from '../../../scripts/kb/compile.ts';
import type { ArticleBody, KbIndex, KbManifest } from '../../../widget/core/kb-format.ts';
import type { Flow } from '../../../widget/core/flow-types.ts';
import { launchChromium, type LaunchedBrowser } from '../helpers/chromium.ts';
import { ensureDist } from '../helpers/dist.ts';
import { DIST_DIR, hostPage, REPO_ROOT, startHostServer, type HostServer } from '../helpers/host-server.ts';
import { findDangers } from '../../unit/security/find-dangers.ts';
import { actAndWait, callTier0, type TestWindow, recordPage, scriptRoute, shadowRoot, VIOLATION_RECORDER, violations, waitForWidget, XSS_HOOKS, type PageRecord } from './kit.ts';

// The compiler's sanitizing step passes HTML through untouched: the runtime must cope alone.
vi.mock('../../../scripts/kb/sanitize-html.ts', () => ({
  createArticleSanitizer: () => ({ sanitizeBody: (body: ArticleBody) => body }),
}));

const CONTENT = path.join(REPO_ROOT, 'tests/fixtures/xss-kb/content');
const IMG = '<img src=x onerror=alert(1)>';
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types tier0";
/** A browser without the HTML Sanitizer API. */
const NO_SET_HTML = 'delete Element.prototype.setHTML; delete ShadowRoot.prototype.setHTML;';

const VARIANTS = [
  { name: 'native setHTML, no CSP', fallback: false, csp: '' },
  { name: 'DOMPurify fallback, no CSP', fallback: true, csp: '' },
  { name: 'native setHTML, strict CSP with Trusted Types', fallback: false, csp: STRICT_CSP },
  { name: 'DOMPurify fallback, strict CSP with Trusted Types', fallback: true, csp: STRICT_CSP },
];

let siteDir: string;
let index: KbIndex;

beforeAll(async () => {
  ensureDist();
  siteDir = await mkdtemp(path.join(tmpdir(), 'tier0-xss-'));
  await cp(DIST_DIR, siteDir, { recursive: true });
  const result = await compileKb({ contentDir: CONTENT, outDir: path.join(siteDir, 'xss-kb') });
  if (!result.ok) throw new Error('the xss corpus did not compile');
  const manifest = JSON.parse(await readFile(path.join(siteDir, 'xss-kb/manifest.json'), 'utf8')) as KbManifest;
  index = JSON.parse(await readFile(path.join(siteDir, 'xss-kb', manifest.index), 'utf8')) as KbIndex;
});

afterAll(async () => {
  await rm(siteDir, { recursive: true, force: true });
});

/** The compiled guided flow of an article, read from the bundle the page is served. */
async function flowOf(id: string): Promise<Flow> {
  return (await bodyOf(id)).flow!;
}

/** The compiled body of an article, as the page is served it. */
async function bodyOf(id: string): Promise<ArticleBody> {
  const meta = index.articles.find((a) => a.id === id)!;
  return JSON.parse(await readFile(path.join(siteDir, 'xss-kb', meta.body), 'utf8')) as ArticleBody;
}

describe.each(VARIANTS)('the XSS corpus in the widget: $name', ({ fallback, csp }) => {
  let server: HostServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let record: PageRecord;
  let root: JSHandle<ShadowRoot>;
  const chunks: string[] = [];

  beforeAll(async () => {
    server = await startHostServer({
      root: siteDir,
      ...(csp ? { headers: { 'Content-Security-Policy': csp } } : {}),
      pages: { '/': hostPage({ head: '<script src="/host.js"></script>', attrs: 'data-kb="/static/help/xss-kb/" data-service-worker="false" data-ticket-endpoint="/api/tickets"' }) },
      routes: { 'GET /host.js': scriptRoute(VIOLATION_RECORDER) },
    });
    browser = await launchChromium();
    page = await browser.newPage();
    record = recordPage(page);
    page.on('request', (r) => chunks.push(new URL(r.url()).pathname));
    await page.addInitScript(XSS_HOOKS);
    if (fallback) await page.addInitScript(NO_SET_HTML);
    // Payload URLs pointing elsewhere (kept https images) must not leave the machine.
    await page.route((url) => url.origin !== server.origin, (route) => route.abort());
    await page.goto(server.url('/'));
    await waitForWidget(page);
    await actAndWait(page, 'ready', {}, () => callTier0(page, 'open'));
    root = await shadowRoot(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Nothing ran: no recorded alert-family call, no dialog, no uncaught error, no console error,
   * no Trusted Types or other violation. Two kinds of noise are expected: payload images
   * (src=x, or other sites' under the CSP's img-src) fail to load; and under the CSP, Chromium
   * reports `script-src-attr` / `style-src-*` for a raw payload's `on*` handler or `style`
   * attribute it met while the sanitizer took the payload apart (blocked; the no-CSP runs prove
   * no handler runs, and findDangers that none is left). Bundles built by `tier0 build` hold no
   * handlers or style attributes, so real sites never see those reports.
   */
  async function expectNothingRan(): Promise<void> {
    expect(await page.evaluate(() => (window as unknown as TestWindow).__xss)).toEqual([]);
    expect(record.dialogs).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    const noise = csp ? /^Failed to load resource|^Refused to load the image|^Loading the image|^Executing inline event handler|^Applying inline style/ : /^Failed to load resource/;
    expect(record.consoleErrors.filter((e) => !noise.test(e)).slice(0, 8)).toEqual([]);
    expect((await violations(page)).filter((v) => !/^(img-src|script-src-attr|style-src-attr|style-src-elem) /.test(v))).toEqual([]);
  }

  it('compiles one article per vector, left raw for the runtime sanitizer', async () => {
    expect(index.articles.length).toBe(168);
    // Not vacuous: the bundle the page gets still carries the payloads.
    expect((await bodyOf('dompurify/001')).html + (await bodyOf('tier0/flow')).html).toMatch(/onerror=/i);
  });

  it('opens every article without running script or leaving script-capable markup', async () => {
    const problems: string[] = [];
    for (const meta of index.articles) {
      await actAndWait(page, 'article:view', { id: meta.id }, () => callTier0(page, 'showArticle', meta.id));
      const dangers = await root.evaluate(findDangers);
      if (dangers.length > 0) problems.push(`${meta.id}: ${dangers.join(' | ')}`);
      const shown = await root.evaluate((r, id) => {
        const h = r.querySelector('#t0-article-title');
        return {
          text: h?.textContent ?? null,
          elements: h?.childElementCount ?? -1,
          // Proves the body walked above is this article's (each starts with "Vector <id>.").
          body: !!r.querySelector('.t0-prose')?.textContent?.includes(`Vector ${id}.`),
        };
      }, meta.id);
      if (shown.text !== meta.title || shown.elements !== 0 || !shown.body) problems.push(`${meta.id}: rendered as ${JSON.stringify(shown)}`);
    }
    expect(problems).toEqual([]);
    await expectNothingRan();
    // The path under test is the one that ran: the fallback chunk loads only without setHTML.
    expect(chunks.some((p) => /\/chunks\/sanitize-fallback\.[^/]+\.js$/.test(p))).toBe(fallback);
    // ~10 s on an idle machine; the margin is for a loaded CI runner, not for waiting.
  }, 120_000);

  it('shows a front-matter title holding HTML literally, in the article and in search results', async () => {
    await actAndWait(page, 'article:view', { id: 'tier0/front-matter-title' }, () => callTier0(page, 'showArticle', 'tier0/front-matter-title'));
    expect(await root.evaluate((r) => r.querySelector('#t0-article-title')?.textContent)).toBe(`${IMG} title`);

    const search = await actAndWait(page, 'search', { query: 'frontmatterxss' }, () => callTier0(page, 'search', 'frontmatterxss'));
    expect(search.results.map((r) => r.title)).toContain(`${IMG} title`);
    const titles = await root.evaluate((r) => [...r.querySelectorAll('[role=option] .t0-option-title')].map((el) => el.textContent));
    expect(titles).toContain(`${IMG} title`);
    expect(await root.evaluate(findDangers)).toEqual([]);
    await expectNothingRan();
  });

  it('renders search titles and snippets of payload articles as text only', async () => {
    for (const query of ['dompurify', 'mxss', 'clobbering', 'entity description', 'xss']) {
      const search = await actAndWait(page, 'search', { query }, () => callTier0(page, 'search', query));
      expect(search.results.length, query).toBeGreaterThan(0);
      const shown = await root.evaluate((r) => [...r.querySelectorAll('[role=option]')].map((li) => ({
        title: li.querySelector('.t0-option-title')?.textContent ?? '',
        // Only text containers: a title or snippet parsed as HTML would add other elements.
        tags: [...li.querySelectorAll('*')].map((el) => el.localName).filter((n) => !['span', 'p', 'mark'].includes(n)),
      })));
      expect(shown.map((s) => s.title), query).toEqual(search.results.map((r) => r.title));
      expect(shown.flatMap((s) => s.tags), query).toEqual([]);
      expect(await root.evaluate(findDangers), query).toEqual([]);
    }
    // A snippet made of entity-escaped HTML is shown as those characters, not as an element.
    const snippets = await root.evaluate((r) => [...r.querySelectorAll('[role=option] .t0-snippet')].map((p) => p.textContent ?? ''));
    expect(snippets.join('\n')).toContain('<');
    await expectNothingRan();
  });

  it('keeps what the user types and the answers it gets as text in the transcript', async () => {
    const typed = `${IMG} frontmatterxss`;
    await actAndWait(page, 'search', { query: typed }, () => callTier0(page, 'search', typed));
    await page.locator('input[role=combobox]').press('Enter');
    const user = page.locator('.t0-user').last();
    await user.waitFor();
    expect(await user.evaluate((el) => el.querySelector('img'))).toBeNull();
    expect(await user.textContent()).toContain(typed);
    const card = page.locator('.t0-card h3').last();
    await card.waitFor();
    expect(await card.textContent()).toBe(`${IMG} title`);
    expect(await root.evaluate(findDangers)).toEqual([]);
    await expectNothingRan();
  });

  it('walks a guided flow whose steps and answers hold HTML, all shown as text in the chat', async () => {
    await callTier0(page, 'search', '');
    const input = page.locator('tier0-widget input[role=combobox]');
    await input.fill('flowxss');
    await input.press('Enter');
    await page.locator('tier0-widget .t0-walk').last().click();
    const flow = await flowOf('tier0/flow');
    const one = flow.steps.one!;
    // The compiled titles and labels hold `<img …>` as characters: they must show as such.
    expect(one.title).toContain(IMG);
    expect(one.answers[0]!.label).toContain(IMG);
    const first = page.locator('tier0-widget .t0-flow-step[data-step=one]').last();
    await first.waitFor();
    expect(await first.locator('.t0-flow-title').textContent()).toBe(one.title);
    expect(await first.locator('.t0-flow-answer').allTextContents()).toEqual(one.answers.map((a) => a.label));
    expect(await first.locator('.t0-flow-title img, .t0-flow-answer img').count()).toBe(0);
    await first.locator('.t0-flow-answer').first().click();
    await page.locator('tier0-widget .t0-flow-step[data-step=two]').last().waitFor();
    expect(await page.locator('tier0-widget .t0-user').last().textContent()).toContain(one.answers[0]!.label);
    expect(await root.evaluate(findDangers)).toEqual([]);
    await expectNothingRan();
  });

  it('shows a category named with HTML as text on the topic chips (home view after the answer)', async () => {
    const chips = await root.evaluate((r) => [...r.querySelectorAll('.t0-chip')].map((c) => ({ text: c.textContent, elements: c.childElementCount })));
    expect(chips.some((c) => c.text?.includes('<img') && c.elements === 0)).toBe(true);
    await expectNothingRan();
  });
});
