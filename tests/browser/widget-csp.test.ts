/**
 * The built widget under a strict CSP with Trusted Types enforced: no inline styles or style
 * elements needed (constructed stylesheets only), article HTML goes through the `tier0` policy
 * (DOMPurify must not try to create its own), and nothing is refused.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { hostPage, startHostServer, type HostServer } from './helpers/host-server.ts';
import { ensureDist } from './helpers/dist.ts';
import { launcher } from './helpers/widget-page.ts';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types tier0',
].join('; ');

let server: HostServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  ensureDist();
  server = await startHostServer({
    pages: { '/': hostPage({ attrs: 'data-ticket-endpoint="/api/tickets" data-service-worker="false"' }) },
    headers: { 'Content-Security-Policy': CSP },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A page of the strict-CSP host with the panel open and "printer offline" searched, collecting
 * console errors and warnings; `prepare` runs before the page loads.
 */
async function searchedPage(prepare?: (page: Page) => unknown) {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await prepare?.(page);
  await page.goto(server.url('/'));
  await launcher(page).click();
  const box = page.getByRole('combobox');
  await box.waitFor();
  await box.fill('printer offline');
  await page.getByRole('option').first().waitFor();
  return { page, problems, box };
}

test('works under style-src self and Trusted Types with nothing refused', async () => {
  const { page, problems, box } = await searchedPage((page) =>
    // Violations are reported as events on the document; keep them in the page to read later.
    page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        document.documentElement.dataset.violations = `${document.documentElement.dataset.violations ?? ''}${e.violatedDirective}:${e.blockedURI};`;
      });
    }),
  );
  await box.press('ArrowDown');
  await box.press('Enter');
  await page.locator('.t0-prose p').first().waitFor();
  const state = await page.evaluate(() => ({
    violations: document.documentElement.dataset.violations ?? '',
    launcherBg: getComputedStyle(document.querySelector('tier0-widget')!.shadowRoot!.querySelector('.t0-launcher')!).backgroundColor,
    proseLinks: document.querySelector('tier0-widget')!.shadowRoot!.querySelectorAll('.t0-prose a').length,
  }));
  expect(state.violations).toBe('');
  expect(problems).toEqual([]);
  // Styles applied: the launcher has the default accent, not a transparent unstyled button.
  expect(state.launcherBg).toBe('rgb(37, 99, 235)');
  expect(state.proseLinks).toBeGreaterThan(0);
  await page.close();
});

test('a misspelt query loads the spelling correction under the strict CSP and shows the corrected results', async () => {
  const scripts: string[] = [];
  const { page, problems, box } = await searchedPage((page) => {
    page.on('request', (r) => { if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname); });
  });
  // Spelled right: no spelling correction downloaded.
  expect(scripts.filter((p) => p.includes('/corrections.'))).toEqual([]);
  await box.fill('pasword resett');
  await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/password/i);
  expect(scripts.filter((p) => p.includes('/corrections.'))).toHaveLength(1);
  expect(problems).toEqual([]);
  await page.close();
});
