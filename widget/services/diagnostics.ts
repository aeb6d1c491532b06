/**
 * Tier 0 self-diagnostics: quick checks of the user's own browser, run only after they agree
 * (the "Run checks" button). Nothing leaves the device: the one request is a reachability probe
 * of the KB's own manifest, and findings only travel in a ticket the user chooses to send.
 *
 * Every browser API comes in through `DiagnosticsEnv`, so each check runs in Node with fakes.
 * Each check returns a `Finding` value and never throws: a check that cannot tell says `unknown`.
 */
import {
  browserVersion,
  clockOffsetMs,
  DIAGNOSTIC_IDS,
  diagnosticArticles,
  isClockOff,
  isOutdated,
  MIN_BROWSER_VERSIONS,
  type DiagnosticArticleKey,
  type DiagnosticId,
  type Finding,
} from '../core/diagnostics-relevance.ts';
import type { UaData } from '../core/ticket/user-agent.ts';

/** The browser as the checks see it; `diagnosticsEnv()` builds the real one. */
export interface DiagnosticsEnv {
  navigator: { onLine?: boolean; cookieEnabled?: boolean; userAgent: string; userAgentData?: UaData | null };
  fetch: typeof fetch;
  now: () => number;
  /** Getters, because merely reading `window.localStorage` throws when storage is blocked. */
  localStorage: () => Storage | null | undefined;
  sessionStorage: () => Storage | null | undefined;
  indexedDB: () => IDBFactory | null | undefined;
  /** `window.open`; only ever called from the user's click. */
  open?: (url: string, target: string, features: string) => { close(): void } | null;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
}

export interface DiagnosticsOptions {
  /** The KB bundle folder (absolute URL ending in `/`): its manifest is the reachability probe. */
  kbUrl: string;
  /** Fixing-article overrides. */
  articles?: Partial<Record<DiagnosticArticleKey, string>>;
  /** Probe timeout. Default 5 s. */
  timeoutMs?: number;
  /** Minimum browser versions (default MIN_BROWSER_VERSIONS). */
  minVersions?: Readonly<Record<string, number>>;
}

/** What the probe learned: reachability, and the server's clock for the clock check. */
interface ProbeResult {
  outcome: 'ok' | 'offline' | 'unreachable' | 'timeout' | 'captivePortal';
  detail: string;
  /** Device minus server time, when the response carried a readable `Date` header. */
  offsetMs: number | null;
}

const PROBE_KEY = 'tier0-probe';

/** The real browser environment (only call in a browser). */
export function diagnosticsEnv(win: Window & typeof globalThis = window): DiagnosticsEnv {
  const guarded = <T>(get: () => T): (() => T | null) => () => {
    try {
      return get();
    } catch {
      return null; // SecurityError: storage is blocked for this origin, which is what we test
    }
  };
  return {
    navigator: win.navigator as DiagnosticsEnv['navigator'],
    fetch: (...args) => win.fetch(...args),
    now: () => Date.now(),
    localStorage: guarded(() => win.localStorage),
    sessionStorage: guarded(() => win.sessionStorage),
    indexedDB: guarded(() => win.indexedDB),
    open: (url, target, features) => win.open(url, target, features),
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (id) => win.clearTimeout(id as number),
  };
}

/** Fetches the KB manifest, bypassing every cache, to learn whether the network really works. */
export async function probe(env: DiagnosticsEnv, kbUrl: string, timeoutMs = 5000): Promise<ProbeResult> {
  if (env.navigator.onLine === false) {
    return { outcome: 'offline', detail: 'navigator.onLine is false', offsetMs: null };
  }
  const target = new URL('manifest.json', kbUrl);
  // A unique query string misses the service worker's precache too, so only the network answers.
  target.searchParams.set(PROBE_KEY, String(env.now()));
  const controller = new AbortController();
  let timedOut = false;
  const timer = env.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const sentAt = env.now();
  let res: Response;
  try {
    res = await env.fetch(target.href, { cache: 'no-store', redirect: 'follow', credentials: 'omit', signal: controller.signal });
  } catch (error) {
    env.clearTimeout(timer);
    if (timedOut) return { outcome: 'timeout', detail: `no answer from ${target.origin} within ${timeoutMs} ms`, offsetMs: null };
    return { outcome: 'unreachable', detail: `cannot reach ${target.origin}: ${String(error)}`, offsetMs: null };
  }
  env.clearTimeout(timer);
  const receivedAt = env.now();
  const offsetMs = clockOffsetMs(res.headers.get('date'), sentAt, receivedAt);
  const finalUrl = res.url || target.href;
  const finalOrigin = safeOrigin(finalUrl);
  // Hotel and guest networks answer every request with their own sign-in page: either by
  // redirecting elsewhere or by serving HTML in place of our JSON.
  if (res.redirected && finalOrigin !== target.origin) {
    return { outcome: 'captivePortal', detail: `probe redirected to ${finalOrigin ?? 'another site'}`, offsetMs };
  }
  const type = res.headers.get('content-type') ?? '';
  if (/html/i.test(type)) {
    return { outcome: 'captivePortal', detail: `probe answered with ${type.split(';')[0]} instead of JSON (HTTP ${res.status})`, offsetMs };
  }
  return { outcome: 'ok', detail: `${target.origin} reachable (HTTP ${res.status})`, offsetMs };
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The `offline` finding from a probe result. */
export function offlineFinding(result: ProbeResult, articles: Record<DiagnosticArticleKey, string>): Finding {
  const { outcome, detail } = result;
  if (outcome === 'ok') return { id: 'offline', status: 'ok', detail, articleId: articles.offline, code: 'online' };
  if (outcome === 'captivePortal') return { id: 'offline', status: 'problem', detail, articleId: articles.captivePortal, code: 'captivePortal' };
  return { id: 'offline', status: 'problem', detail, articleId: articles.offline, code: outcome };
}

/** The `clock` finding from a probe result. */
export function clockFinding(result: ProbeResult, articles: Record<DiagnosticArticleKey, string>): Finding {
  const articleId = articles.clock;
  const offset = result.offsetMs;
  if (offset === null) {
    const detail = result.outcome === 'ok' || result.outcome === 'captivePortal'
      ? 'the server response carried no readable Date header'
      : 'cannot compare: the server is unreachable';
    return { id: 'clock', status: 'unknown', detail, articleId, code: 'clockUnknown' };
  }
  const seconds = Math.round(offset / 1000);
  if (!isClockOff(offset)) {
    return { id: 'clock', status: 'ok', detail: `device clock within ${Math.abs(seconds)} s of the server`, articleId, code: 'clockOk' };
  }
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const ahead = offset > 0;
  return {
    id: 'clock',
    status: 'problem',
    detail: `device clock is ${Math.abs(seconds)} s ${ahead ? 'ahead of' : 'behind'} the server`,
    articleId,
    code: ahead ? 'clockAhead' : 'clockBehind',
    values: { minutes: Math.max(1, minutes) },
  };
}

/** Whether a Storage accepts a write (it throws when blocked or full). */
function canWrite(storage: Storage | null | undefined): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PROBE_KEY, '1');
    storage.removeItem(PROBE_KEY);
    return true;
  } catch {
    return false; // SecurityError or QuotaExceededError: exactly the blocked state we report
  }
}

/** Whether IndexedDB can open a database (private modes and blocked cookies refuse it). */
function canOpenIndexedDb(env: DiagnosticsEnv, timeoutMs: number): Promise<boolean> {
  let factory: IDBFactory | null | undefined;
  try {
    factory = env.indexedDB();
  } catch {
    factory = null; // reading indexedDB itself can throw when storage is blocked
  }
  if (!factory) return Promise.resolve(false);
  const idb = factory;
  return new Promise((resolve) => {
    let settled = false;
    const done = (ok: boolean): void => {
      if (settled) return;
      settled = true;
      env.clearTimeout(timer);
      resolve(ok);
    };
    const timer = env.setTimeout(() => done(false), timeoutMs);
    try {
      const request = idb.open(PROBE_KEY);
      request.onsuccess = () => {
        request.result.close();
        idb.deleteDatabase(PROBE_KEY);
        done(true);
      };
      request.onerror = () => done(false);
      request.onblocked = () => done(true); // another tab holds it open: storage works
    } catch {
      done(false); // open() throws synchronously in some sandboxed frames
    }
  });
}

/** The `storage` finding: cookies, localStorage, sessionStorage and IndexedDB. */
export async function checkStorage(env: DiagnosticsEnv, articles: Record<DiagnosticArticleKey, string>, timeoutMs = 2000): Promise<Finding> {
  const articleId = articles.storage;
  const blocked: string[] = [];
  if (env.navigator.cookieEnabled === false) blocked.push('cookies');
  if (!canWrite(env.localStorage())) blocked.push('localStorage');
  if (!canWrite(env.sessionStorage())) blocked.push('sessionStorage');
  if (!(await canOpenIndexedDb(env, timeoutMs))) blocked.push('IndexedDB');
  if (blocked.length === 0) {
    return { id: 'storage', status: 'ok', detail: 'cookies, localStorage, sessionStorage and IndexedDB work', articleId, code: 'storageOk' };
  }
  const list = blocked.join(', ');
  return {
    id: 'storage',
    status: 'problem',
    detail: `blocked: ${list}`,
    articleId,
    code: blocked.includes('cookies') ? 'cookiesDisabled' : 'storageBlocked',
    values: { stores: list },
  };
}

/** The `browser` finding: the major version against the minimum table. */
export function checkBrowser(
  env: DiagnosticsEnv,
  articles: Record<DiagnosticArticleKey, string>,
  table: Readonly<Record<string, number>> = MIN_BROWSER_VERSIONS,
): Finding {
  const articleId = articles.browser;
  const version = browserVersion(env.navigator.userAgent, env.navigator.userAgentData);
  if (!version) {
    return { id: 'browser', status: 'unknown', detail: 'browser not recognised', articleId, code: 'browserUnknown' };
  }
  const browser = `${version.name} ${version.major}`;
  const minimum = table[version.key];
  if (isOutdated(version.key, version.major, table)) {
    return {
      id: 'browser',
      status: 'problem',
      detail: `${browser} is older than the supported ${version.name} ${minimum}`,
      articleId,
      code: 'browserOutdated',
      values: { browser, minimum: `${version.name} ${minimum}` },
    };
  }
  if (minimum === undefined) {
    return { id: 'browser', status: 'unknown', detail: `${browser}: no minimum version known`, articleId, code: 'browserUnknown', values: { browser } };
  }
  return { id: 'browser', status: 'ok', detail: `${browser} is up to date`, articleId, code: 'browserOk', values: { browser } };
}

/**
 * The `popups` finding. Opens `about:blank` in a tiny window and closes it at once: browsers
 * only allow that during a user's click, so this must run synchronously inside the click
 * handler (runDiagnostics does it first, before anything awaits) and never on its own.
 */
export function checkPopups(env: DiagnosticsEnv, articles: Record<DiagnosticArticleKey, string>): Finding {
  const articleId = articles.popups;
  if (!env.open) return { id: 'popups', status: 'unknown', detail: 'window.open unavailable', articleId, code: 'popupsUnknown' };
  let win: { close(): void } | null;
  try {
    win = env.open('about:blank', '_blank', 'popup,width=1,height=1,left=0,top=0');
  } catch (error) {
    return { id: 'popups', status: 'unknown', detail: `window.open threw: ${String(error)}`, articleId, code: 'popupsUnknown' };
  }
  if (!win) return { id: 'popups', status: 'problem', detail: 'window.open returned null: pop-ups are blocked', articleId, code: 'popupsBlocked' };
  try {
    win.close();
  } catch {
    // The window opened, which is all we wanted to know; a refusal to close is harmless.
  }
  return { id: 'popups', status: 'ok', detail: 'pop-ups are allowed', articleId, code: 'popupsOk' };
}

/**
 * Runs the chosen checks (default: all) and resolves with their findings in DIAGNOSTIC_IDS order.
 * Call it directly from the user's click on "Run checks": the pop-up check runs before the
 * first await, while the browser still counts the click as a user gesture.
 */
export function runDiagnostics(
  env: DiagnosticsEnv,
  options: DiagnosticsOptions,
  ids: readonly DiagnosticId[] = DIAGNOSTIC_IDS,
): Promise<Finding[]> {
  const articles = diagnosticArticles(options.articles);
  const wanted = new Set(ids);
  const findings = new Map<DiagnosticId, Finding>();
  if (wanted.has('popups')) findings.set('popups', checkPopups(env, articles));
  if (wanted.has('browser')) findings.set('browser', checkBrowser(env, articles, options.minVersions));
  const probed = wanted.has('offline') || wanted.has('clock') ? probe(env, options.kbUrl, options.timeoutMs) : null;
  const storage = wanted.has('storage') ? checkStorage(env, articles) : null;
  return (async () => {
    if (probed) {
      const result = await probed;
      if (wanted.has('offline')) findings.set('offline', offlineFinding(result, articles));
      if (wanted.has('clock')) findings.set('clock', clockFinding(result, articles));
    }
    if (storage) findings.set('storage', await storage);
    return DIAGNOSTIC_IDS.flatMap((id) => findings.get(id) ?? []);
  })();
}
