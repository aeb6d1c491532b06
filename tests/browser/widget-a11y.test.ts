/**
 * axe-core on the built widget in Chromium (shadow DOM included), WCAG 2.2 A/AA: no serious or
 * critical violations with the panel closed, open, showing results, answering and showing an
 * article, in every locale (English, French, Spanish, German, Arabic), light and dark.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { hostPage, REPO_ROOT, startHostServer, type HostServer } from './helpers/host-server.ts';
import { ensureDist } from './helpers/dist.ts';
import { launcher } from './helpers/widget-page.ts';

let server: HostServer;
let browser: LaunchedBrowser;
let axeSource: string;

beforeAll(async () => {
  ensureDist();
  axeSource = await readFile(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  server = await startHostServer({
    pages: {
      '/en': hostPage({ attrs: 'data-ticket-endpoint="/api/tickets" data-service-worker="false"' }),
      '/ar': hostPage({ lang: 'ar', attrs: 'data-ticket-endpoint="/api/tickets" data-service-worker="false"' }),
      '/fr': hostPage({ lang: 'fr', attrs: 'data-ticket-endpoint="/api/tickets" data-service-worker="false"' }),
      '/es': hostPage({ lang: 'es', attrs: 'data-ticket-endpoint="/api/tickets" data-service-worker="false"' }),
      '/de': hostPage({ lang: 'de', attrs: 'data-ticket-endpoint="/api/tickets" data-service-worker="false"' }),
      '/dark': hostPage({ attrs: 'data-ticket-endpoint="/api/tickets" data-service-worker="false" data-theme="dark"' }),
    },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation { id: string; impact: string; help: string; nodes: Array<{ target: unknown; failureSummary: string }> }

async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe.each([
  ['en', '/en', 'printer offline', /^Open article/],
  ['ar', '/ar', 'printer offline', /^فتح المقال/],
  ['fr', '/fr', 'printer offline', /^Ouvrir l’article/],
  ['es', '/es', 'printer offline', /^Abrir artículo/],
  ['de', '/de', 'printer offline', /^Artikel öffnen/],
  ['dark', '/dark', 'printer offline', /^Open article/],
])('axe (%s)', (_name, url, query, openName) => {
  test('closed, open, results, answer and article have no serious or critical violations', async () => {
    const page = await browser.newPage();
    await page.goto(server.url(url));
    await launcher(page).waitFor();
    expect(await axe(page), 'closed').toEqual([]);

    await launcher(page).click();
    const box = page.getByRole('combobox');
    await box.waitFor();
    await page.locator('.t0-chip').first().waitFor();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 250)));
    expect(await axe(page), 'open').toEqual([]);

    await box.fill(query);
    await page.getByRole('option').first().waitFor();
    await box.press('ArrowDown');
    expect(await axe(page), 'results').toEqual([]);

    await box.fill(`${query} `); // typing again clears the active option, so Enter asks
    await box.press('Enter');
    const open = page.getByRole('button', { name: openName }).first();
    await open.waitFor();
    expect(await axe(page), 'answer').toEqual([]);

    await open.click();
    await page.locator('.t0-prose p').first().waitFor();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 250)));
    expect(await axe(page), 'article').toEqual([]);
    await page.close();
  });
});

test('in forced colors (Windows High Contrast) the launcher and every panel button keep a visible edge', async () => {
  const forced = await launchChromium({ forcedColors: 'active' });
  try {
    const page = await forced.newPage();
    await page.goto(server.url('/en'));
    await launcher(page).click();
    await page.getByRole('combobox').fill('printer offline');
    await page.getByRole('combobox').press('Enter');
    await page.getByRole('button', { name: /^Open article/ }).first().waitFor();
    const edgeless = await page.evaluate(() => {
      const root = document.querySelector('tier0-widget')!.shadowRoot!;
      // Link-style buttons (article links, inline links) read as links, as they do in colour.
      return [...root.querySelectorAll<HTMLElement>('button:not(.t0-linkbtn)')]
        .filter((b) => b.getBoundingClientRect().width > 0)
        .filter((b) => {
          const s = getComputedStyle(b);
          return s.borderTopStyle === 'none' || s.borderTopWidth === '0px';
        })
        .map((b) => b.getAttribute('aria-label') ?? b.textContent);
    });
    expect(edgeless).toEqual([]);
  } finally {
    await forced.close();
  }
});
