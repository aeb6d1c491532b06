/**
 * Every article of the XSS corpus (tests/fixtures/xss-kb: DOMPurify's fixture payloads plus our
 * markdown-specific vectors), compiled by `tier0 build` and opened in the widget in Chromium.
 * The host page has NO CSP on purpose: a policy would hide a sanitizer hole instead of proving
 * there is none.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JSHandle, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleBody, KbIndex, KbManifest } from '../../../widget/core/kb-format.ts';
import type { Flow } from '../../../widget/core/flow-types.ts';
import { launchChromium, type LaunchedBrowser } from '../helpers/chromium.ts';
import { hostPage, REPO_ROOT, startHostServer, type HostServer } from '../helpers/host-server.ts';
import { findDangers } from '../../unit/security/find-dangers.ts';
import { actAndWait, callTier0, type TestWindow, recordPage, shadowRoot, siteWithKb, waitForWidget, XSS_HOOKS, type PageRecord, type SiteFolder } from './kit.ts';

const CONTENT = path.join(REPO_ROOT, 'tests/fixtures/xss-kb/content');
const IMG = '<img src=x onerror=alert(1)>';

let site: SiteFolder;
let server: HostServer;
let browser: LaunchedBrowser;
let page: Page;
let record: PageRecord;
let root: JSHandle<ShadowRoot>;
let index: KbIndex;

beforeAll(async () => {
  site = await siteWithKb(CONTENT, 'xss-kb');
  const manifest = JSON.parse(await readFile(path.join(site.dir, 'xss-kb/manifest.json'), 'utf8')) as KbManifest;
  index = JSON.parse(await readFile(path.join(site.dir, 'xss-kb', manifest.index), 'utf8')) as KbIndex;
  server = await startHostServer({
    root: site.dir,
    pages: { '/': hostPage({ attrs: 'data-kb="/static/help/xss-kb/" data-service-worker="false" data-ticket-endpoint="/api/tickets"' }) },
  });
  browser = await launchChromium();
  page = await browser.newPage();
  record = recordPage(page);
  await page.addInitScript(XSS_HOOKS);
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
  await site?.remove();
});

/** The compiled guided flow of an article, read from the bundle the page is served. */
async function flowOf(id: string): Promise<Flow> {
  const meta = index.articles.find((a) => a.id === id)!;
  const body = JSON.parse(await readFile(path.join(site.dir, 'xss-kb', meta.body), 'utf8')) as ArticleBody;
  return body.flow!;
}

/** Nothing ran: no recorded alert-family call, no dialog, no uncaught error, no console error. */
async function expectNothingRan(): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as TestWindow).__xss)).toEqual([]);
  expect(record.dialogs).toEqual([]);
  expect(record.pageErrors).toEqual([]);
  // Payload images (src=x) fail to load, which the console reports; nothing else may appear.
  expect(record.consoleErrors.filter((e) => !/^Failed to load resource/.test(e))).toEqual([]);
}

describe('the XSS corpus in the widget', () => {
  it('compiles one article per vector', () => {
    expect(index.articles.length).toBe(168);
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
