/** Small page-level helpers for driving the widget in Chromium (through its open shadow root). */
import type { Page } from 'playwright-core';

/** The launcher button. */
export const launcher = (page: Page) => page.locator('tier0-widget button.t0-launcher');

/** Where focus is: the focused element inside the widget's shadow root, or the document's. */
export function focused(page: Page): Promise<{ inWidget: boolean; className: string; role: string | null; tag: string }> {
  return page.evaluate(() => {
    const host = document.querySelector('tier0-widget');
    const inner = host?.shadowRoot?.activeElement ?? null;
    const el = (document.activeElement === host ? inner : document.activeElement) as HTMLElement | null;
    return { inWidget: document.activeElement === host && !!inner, className: el?.className ?? '', role: el?.getAttribute('role') ?? null, tag: el?.tagName ?? '' };
  });
}

/** Waits until the KB is loaded (the `ready` event fired). */
export function waitReady(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((resolve) => (window as unknown as { Tier0: { on(n: string, h: (p: unknown) => void): void } }).Tier0.on('ready', resolve)));
}

/**
 * A user who searched, found an answer that did not help, and asked for a person: identified,
 * the form open and ready to send (impact and urgency left for the test to set).
 */
export async function askForHelpAfterSearching(page: Page, query: string, who: { name: string; email: string }): Promise<void> {
  await page.evaluate((identity) => {
    const t = (window as unknown as { Tier0: { identify(i: object): void; open(): void } }).Tier0;
    t.identify(identity);
    t.open();
  }, who);
  const box = page.getByRole('combobox', { name: 'Search help' });
  await box.fill(query);
  await box.press('Enter');
  await page.getByRole('button', { name: 'No', exact: true }).first().click();
  await page.evaluate(() => (window as unknown as { Tier0: { escalate(): void } }).Tier0.escalate());
  await page.getByRole('button', { name: 'Send to support' }).waitFor();
}
