/**
 * Shared pieces of the hostile-environment browser tests: a site folder (dist/ plus a KB built
 * from any content folder with `tier0 build`), listeners that record every sign of script
 * running or policy trouble, and small page-side helpers that reach into the widget's shadow root.
 */
import { spawnSync } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JSHandle, Page } from 'playwright-core';
import { ensureDist } from '../helpers/dist.ts';
import { DIST_DIR, REPO_ROOT, type RouteHandler } from '../helpers/host-server.ts';
import type { Inbox } from '../helpers/ticket-inbox.ts';
import type { WidgetEvents } from '../../../widget/core/events.ts';

/** `window.Tier0` as host pages call it (CONTRACT §3), and the test hooks. */
export interface Tier0Api {
  __tier0?: true;
  init(options?: Record<string, unknown>): void;
  open(): void;
  close(): void;
  toggle(): void;
  search(query: string): void;
  showArticle(id: string): void;
  escalate(reason?: string): void;
  prefill(p: Record<string, unknown>): void;
  identify(i: Record<string, unknown>): void;
  on(name: string, handler: (payload: Record<string, unknown>) => void): () => void;
  destroy(): void;
}

/** The page's window as these tests see it (no global augmentation: other suites declare their own). */
export type TestWindow = { Tier0?: Tier0Api; __xss?: string[] };

/** Calls `window.Tier0[method](...args)` in the page. */
export async function callTier0(page: Page, method: Exclude<keyof Tier0Api, '__tier0'>, ...args: unknown[]): Promise<void> {
  await page.evaluate(([m, a]) => {
    const api = (window as unknown as { Tier0: Record<string, (...x: unknown[]) => unknown> }).Tier0;
    api[m]!(...a);
  }, [method, args] as const);
}

/** A temporary copy of dist/ with an extra KB bundle compiled into `<dir>/<kbName>/`. */
export interface SiteFolder {
  dir: string;
  remove(): Promise<void>;
}

/**
 * dist/ with a KB freshly compiled from kb-content/ (dist/kb may lag behind the compiler when
 * someone builds only the widget; a stale index is refused by the widget, by design).
 */
export function siteWithFreshKb(): Promise<SiteFolder> {
  return siteWithKb(path.join(REPO_ROOT, 'kb-content'), 'kb');
}

/** Copies dist/ into a temp folder and compiles `contentDir` into it with the `tier0 build` CLI. */
export async function siteWithKb(contentDir: string, kbName: string): Promise<SiteFolder> {
  ensureDist();
  const dir = await mkdtemp(path.join(tmpdir(), 'tier0-hostile-'));
  await cp(DIST_DIR, dir, { recursive: true });
  const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/tier0.mjs'), 'build', '--content', contentDir, '--out', path.join(dir, kbName)], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`tier0 build failed (${build.status}):\n${build.stderr}`);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Runs before any page script: `alert`, `confirm`, `prompt` and `print` only record their calls in
 * `window.__xss`, so a payload that runs is caught without blocking the page.
 */
export const XSS_HOOKS = `(() => {
  window.__xss = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const record = function (...args) { window.__xss.push(name + '(' + args.map(String).join(',') + ')'); };
    Object.defineProperty(window, name, { value: record, writable: true, configurable: true });
  }
})();`;

/** What a page did that it should not have: dialogs, uncaught errors, console errors, CSP reports. */
export interface PageRecord {
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

/** Starts recording dialogs (dismissed at once), uncaught errors and console errors of a page. */
export function recordPage(page: Page): PageRecord {
  const record: PageRecord = { dialogs: [], pageErrors: [], consoleErrors: [] };
  page.on('dialog', (dialog) => {
    record.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => { /* the page may already be gone */ });
  });
  page.on('pageerror', (error) => record.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') record.consoleErrors.push(message.text());
  });
  return record;
}

/** Waits until `window.Tier0` is the real API (not the stub) and the widget's host element exists. */
export async function waitForWidget(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    return !!(window as unknown as TestWindow).Tier0?.__tier0 && !!document.querySelector('tier0-widget')?.shadowRoot;
  });
}

/** How long an expected widget event may take before the test fails with its name. */
export const EVENT_TIMEOUT_MS = 15_000;

/**
 * Subscribes to a widget event, runs `action` (Tier0 calls, key presses…), and resolves with the
 * first payload whose fields equal `match`. Subscribing first means a fast event is never missed.
 */
export async function actAndWait<K extends keyof WidgetEvents>(
  page: Page,
  event: K,
  match: Partial<Record<string, unknown>>,
  action: () => Promise<unknown>,
): Promise<WidgetEvents[K]> {
  // Wrapped in an object: evaluateHandle would otherwise wait for the promise before returning.
  const waiting = await page.evaluateHandle(([name, want]) => ({
    done: new Promise<unknown>((resolve) => {
      // Sticky events (ready) call the handler inside on(), before `off` exists.
      let settled = false;
      const off: (() => void) | undefined = (window as unknown as TestWindow).Tier0!.on(name, (payload) => {
        if (settled || !Object.entries(want).every(([k, v]) => payload[k] === v)) return;
        settled = true;
        resolve(payload);
        queueMicrotask(() => off?.());
      });
    }),
  }), [event, match] as const);
  await action();
  // A missing event fails fast with its name instead of hanging until the test's own timeout.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no "${event}" event matching ${JSON.stringify(match)} within ${EVENT_TIMEOUT_MS} ms`)), EVENT_TIMEOUT_MS);
  });
  try {
    return (await Promise.race([waiting.evaluate((w) => w.done), timeout])) as WidgetEvents[K];
  } finally {
    clearTimeout(timer);
    await waiting.dispose().catch(() => { /* the page may have closed on failure */ });
  }
}

/** A handle on the widget's open shadow root (evaluate functions against it). */
export async function shadowRoot(page: Page): Promise<JSHandle<ShadowRoot>> {
  return page.evaluateHandle(() => {
    const root = document.querySelector('tier0-widget')?.shadowRoot;
    if (!root) throw new Error('no tier0-widget shadow root');
    return root;
  });
}

/** A host-server route for the demo inbox (the server has read the body already: replay it). */
export function inboxRoute(inbox: Inbox): RouteHandler {
  return async (req, res, body) => {
    const replay = Object.assign(Readable.from([body]), { method: req.method, url: req.url, headers: req.headers }) as unknown as IncomingMessage;
    await inbox.handle(replay, res);
  };
}

/**
 * Host script, loaded from a file before the loader: records every `securitypolicyviolation`
 * (they are composed, so ones inside the widget's shadow root reach the document too).
 */
export const VIOLATION_RECORDER = `window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber + ' ' + (e.sample || ''));
}, true);`;

/** Violations recorded by VIOLATION_RECORDER. */
export function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

/** Serves a script file from a route (host pages under a CSP cannot have inline scripts). */
export function scriptRoute(source: string): RouteHandler {
  return (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    res.end(source);
  };
}
