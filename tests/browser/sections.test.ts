/**
 * Answers at the right section: a search hit names the section that answers, and Open article
 * lands there with the heading focused (for screen readers and keyboard users) and highlighted.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { hostPage, startHostServer, type HostServer } from './helpers/host-server.ts';
import { ensureDist } from './helpers/dist.ts';
import { focused, launcher, waitReady } from './helpers/widget-page.ts';

let server: HostServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  ensureDist();
  server = await startHostServer({ pages: { '/': hostPage({ attrs: 'data-service-worker="false"' }) } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(server.url('/'));
  await launcher(page).waitFor();
  await page.evaluate(() => window.Tier0.open());
  await waitReady(page);
  return { page, errors };
}

/** The focused element's id inside the widget, and whether it is highlighted and on screen. */
const focusedHeading = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('tier0-widget')!.shadowRoot!;
    const el = root.activeElement as HTMLElement | null;
    const body = root.querySelector('.t0-body')!.getBoundingClientRect();
    const box = el?.getBoundingClientRect();
    return {
      tag: el?.tagName ?? '',
      id: el?.id ?? '',
      highlighted: el?.classList.contains('t0-target') ?? false,
      visible: !!box && box.top >= body.top - 1 && box.top < body.bottom,
    };
  });

describe('answers at the right section', () => {
  test('a live result shows its section, and choosing it by keyboard opens the article there, focused and highlighted', async () => {
    const { page, errors } = await open();
    const box = page.getByRole('combobox', { name: 'Search help' });
    await box.focus();
    await page.keyboard.type('vpn keeps disconnecting');
    const option = page.getByRole('option').first();
    await option.waitFor();
    expect(await option.textContent()).toContain('If the VPN connects but then drops');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: "VPN won't connect" }).waitFor();
    await expect.poll(() => focusedHeading(page)).toEqual({ tag: 'H2', id: 'if-the-vpn-connects-but-then-drops', highlighted: true, visible: true });
    // The highlight is brief: it fades and its class goes.
    await expect.poll(() => focusedHeading(page).then((f) => f.highlighted), { timeout: 4000 }).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a chat answer shows the section and its text; Open article lands there and Back returns to the answer', async () => {
    const { page, errors } = await open();
    const searched = page.evaluate(() => new Promise((resolve) => window.Tier0.on('search', resolve)));
    const box = page.getByRole('combobox', { name: 'Search help' });
    await box.fill('vpn keeps disconnecting');
    await box.press('Enter');
    const card = page.locator('.t0-card').first();
    await card.waitFor();
    expect(await card.locator('.t0-section').textContent()).toContain('If the VPN connects but then drops');
    // The snippet comes from that section, not from the top of the article.
    expect(await card.locator('.t0-snippet').textContent()).toContain('Stay on one network');
    // The search event carries the section too (additive to contract §3's payload).
    expect(((await searched) as { results: unknown[] }).results[0]).toMatchObject({
      id: 'network/vpn-connect',
      section: { anchor: 'if-the-vpn-connects-but-then-drops', heading: 'If the VPN connects but then drops' },
    });
    const openButton = page.getByRole('button', { name: /Open article: VPN won't connect › If the VPN connects but then drops/ });
    await openButton.click();
    await expect.poll(() => focusedHeading(page)).toMatchObject({ id: 'if-the-vpn-connects-but-then-drops', visible: true });
    await page.getByRole('button', { name: 'Back' }).click();
    await page.locator('.t0-card').first().waitFor();
    expect(await page.locator('.t0-card .t0-section').first().textContent()).toContain('If the VPN connects but then drops');
    await expect.poll(() => focused(page).then((f) => f.inWidget)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a chat answer offers the other sections the question reaches; each opens the article there, by keyboard', async () => {
    const { page, errors } = await open();
    const box = page.getByRole('combobox', { name: 'Search help' });
    await box.fill('vpn keeps disconnecting');
    await box.press('Enter');
    const more = page.locator('.t0-card').first().getByRole('list', { name: 'Also in this article:' });
    await more.waitFor();
    expect(await more.getByRole('button').allTextContents()).toContain('› Where to find the VPN app');
    const jump = page.getByRole('button', { name: "Open article: VPN won't connect › Where to find the VPN app" });
    await jump.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedHeading(page)).toEqual({ tag: 'H2', id: 'where-to-find-the-vpn-app', highlighted: true, visible: true });
    await page.getByRole('button', { name: 'Back' }).click();
    await page.locator('.t0-card').first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an article opened without a section still focuses its title', async () => {
    const { page } = await open();
    await page.evaluate(() => window.Tier0.showArticle('network/vpn-connect'));
    await page.getByRole('heading', { level: 2, name: "VPN won't connect" }).waitFor();
    await expect.poll(() => focusedHeading(page).then((f) => f.id)).toBe('t0-article-title');
    await page.close();
  });
});
