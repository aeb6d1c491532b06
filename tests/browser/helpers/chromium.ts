/**
 * Launches Debian's Chromium (/usr/bin/chromium) through playwright-core for real-browser tests,
 * with a fresh user-data-dir per launch so no state leaks between test files.
 *
 *   const browser = await launchChromium();
 *   const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
 *   ...
 *   await browser.close();   // also removes the profile folder
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export interface LaunchedBrowser {
  /** The persistent context (one per launch); open pages with `newPage()`. */
  context: BrowserContext;
  /** Opens a page; viewport and other context-level options are set at launch. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile; options (viewport, locale, colorScheme…) apply to every page. */
export async function launchChromium(options: BrowserContextOptions & { args?: string[] } = {}): Promise<LaunchedBrowser> {
  const { args = [], ...contextOptions } = options;
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'tier0-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    viewport: { width: 1280, height: 800 },
    ...contextOptions,
  });
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
