import { describe, expect, test, vi } from 'vitest';
import { DEFAULT_DIAGNOSTIC_ARTICLES } from '../../../widget/core/diagnostics-relevance.ts';
import {
  checkBrowser,
  checkPopups,
  checkStorage,
  diagnosticsEnv,
  runDiagnostics,
  type DiagnosticsEnv,
} from '../../../widget/services/diagnostics.ts';

const KB = 'https://help.example.com/tier0/kb/';
const NOW = Date.parse('2026-11-23T09:00:00Z');
const articles = { ...DEFAULT_DIAGNOSTIC_ARTICLES };

function makeStorage(blocked = false): Storage {
  const data = new Map<string, string>();
  return {
    get length() { return data.size; },
    clear: () => data.clear(),
    getItem: (k: string) => data.get(k) ?? null,
    key: (i: number) => [...data.keys()][i] ?? null,
    removeItem: (k: string) => { data.delete(k); },
    setItem: (k: string, v: string) => {
      if (blocked) throw new DOMException('The operation is insecure.', 'SecurityError');
      data.set(k, v);
    },
  };
}

function makeIndexedDb(works = true): IDBFactory {
  return {
    open: () => {
      const request = { result: { close: () => undefined } } as unknown as IDBOpenDBRequest;
      queueMicrotask(() => {
        const handler = works ? request.onsuccess : request.onerror;
        handler?.call(request, new Event(works ? 'success' : 'error'));
      });
      return request;
    },
    deleteDatabase: () => ({}) as IDBOpenDBRequest,
  } as unknown as IDBFactory;
}

function manifestResponse(init: { date?: string | null; type?: string; redirectedTo?: string; status?: number } = {}): Response {
  const headers = new Headers({ 'content-type': init.type ?? 'application/json' });
  if (init.date !== null) headers.set('date', init.date ?? new Date(NOW).toUTCString());
  return {
    ok: (init.status ?? 200) < 300,
    status: init.status ?? 200,
    redirected: init.redirectedTo !== undefined,
    url: init.redirectedTo ?? `${KB}manifest.json`,
    headers,
    json: async () => ({ schema: 1 }),
  } as unknown as Response;
}

function makeEnv(overrides: Partial<DiagnosticsEnv> = {}): DiagnosticsEnv {
  return {
    navigator: { onLine: true, cookieEnabled: true, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36' },
    fetch: vi.fn(async () => manifestResponse()),
    now: () => NOW,
    localStorage: () => makeStorage(),
    sessionStorage: () => makeStorage(),
    indexedDB: () => makeIndexedDb(),
    open: () => ({ close: () => undefined }),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    ...overrides,
  };
}

const byId = async (env: DiagnosticsEnv, ids?: Parameters<typeof runDiagnostics>[2]) =>
  Object.fromEntries((await runDiagnostics(env, { kbUrl: KB, timeoutMs: 50 }, ids)).map((f) => [f.id, f]));

describe('offline and captive portal', () => {
  test('a healthy browser passes every check, in run order', async () => {
    const findings = await runDiagnostics(makeEnv(), { kbUrl: KB });
    expect(findings.map((f) => [f.id, f.status])).toEqual([
      ['offline', 'ok'], ['clock', 'ok'], ['storage', 'ok'], ['browser', 'ok'], ['popups', 'ok'],
    ]);
  });

  test('navigator.onLine false is offline without any request', async () => {
    const env = makeEnv({ navigator: { onLine: false, cookieEnabled: true, userAgent: 'x' } });
    const { offline, clock } = await byId(env, ['offline', 'clock']);
    expect(offline).toMatchObject({ status: 'problem', code: 'offline', articleId: 'network/no-wifi' });
    expect(clock).toMatchObject({ status: 'unknown', code: 'clockUnknown' });
    expect(env.fetch).not.toHaveBeenCalled();
  });

  test('probes the KB manifest past every cache', async () => {
    const env = makeEnv();
    await byId(env, ['offline']);
    const [url, init] = vi.mocked(env.fetch).mock.calls[0] as [string, RequestInit];
    expect(url.startsWith(`${KB}manifest.json?tier0-probe=`)).toBe(true);
    expect(init.cache).toBe('no-store');
  });

  test('a network error is a problem: the server is unreachable', async () => {
    const env = makeEnv({ fetch: vi.fn(async () => { throw new TypeError('Failed to fetch'); }) });
    expect((await byId(env, ['offline'])).offline).toMatchObject({ status: 'problem', code: 'unreachable' });
  });

  test('a probe that never answers times out as a problem', async () => {
    const hang = vi.fn((_url: string, init?: RequestInit) => new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    }));
    const { offline } = await byId(makeEnv({ fetch: hang as unknown as typeof fetch }), ['offline']);
    expect(offline).toMatchObject({ status: 'problem', code: 'timeout' });
  });

  test('a redirect to another origin means a captive portal', async () => {
    const env = makeEnv({ fetch: vi.fn(async () => manifestResponse({ redirectedTo: 'http://login.hotel-wifi.net/portal', type: 'application/json' })) });
    const { offline } = await byId(env, ['offline']);
    expect(offline).toMatchObject({ status: 'problem', code: 'captivePortal', articleId: 'network/captive-portal' });
    expect(offline?.detail).toContain('login.hotel-wifi.net');
  });

  test('an HTML answer in place of the JSON manifest means a captive portal', async () => {
    const env = makeEnv({ fetch: vi.fn(async () => manifestResponse({ type: 'text/html; charset=utf-8' })) });
    expect((await byId(env, ['offline'])).offline).toMatchObject({ status: 'problem', code: 'captivePortal' });
  });

  test('a same-origin redirect with JSON is still online', async () => {
    const env = makeEnv({ fetch: vi.fn(async () => manifestResponse({ redirectedTo: `${KB}v2/manifest.json` })) });
    expect((await byId(env, ['offline'])).offline).toMatchObject({ status: 'ok', code: 'online' });
  });
});

describe('clock', () => {
  test('a server Date 5 minutes behind the device: the clock is fast', async () => {
    const env = makeEnv({ fetch: vi.fn(async () => manifestResponse({ date: new Date(NOW - 5 * 60_000).toUTCString() })) });
    const { clock } = await byId(env, ['clock']);
    expect(clock).toMatchObject({ status: 'problem', code: 'clockAhead', values: { minutes: 5 }, articleId: 'devices/fix-clock' });
  });

  test('a server Date 3 minutes ahead of the device: the clock is slow', async () => {
    const env = makeEnv({ fetch: vi.fn(async () => manifestResponse({ date: new Date(NOW + 3 * 60_000).toUTCString() })) });
    expect((await byId(env, ['clock'])).clock).toMatchObject({ status: 'problem', code: 'clockBehind', values: { minutes: 3 } });
  });

  test('30 seconds off is within tolerance', async () => {
    const env = makeEnv({ fetch: vi.fn(async () => manifestResponse({ date: new Date(NOW + 30_000).toUTCString() })) });
    expect((await byId(env, ['clock'])).clock).toMatchObject({ status: 'ok', code: 'clockOk' });
  });

  test('no readable Date header (e.g. cross-origin without exposing it) is unknown', async () => {
    const env = makeEnv({ fetch: vi.fn(async () => manifestResponse({ date: null })) });
    expect((await byId(env, ['clock'])).clock).toMatchObject({ status: 'unknown', code: 'clockUnknown' });
  });
});

describe('storage', () => {
  test('blocked localStorage and sessionStorage (writes throw) are reported by name', async () => {
    const env = makeEnv({ localStorage: () => makeStorage(true), sessionStorage: () => makeStorage(true) });
    const finding = await checkStorage(env, articles);
    expect(finding).toMatchObject({ status: 'problem', code: 'storageBlocked', articleId: 'browser/enable-cookies' });
    expect(finding.values?.stores).toBe('localStorage, sessionStorage');
  });

  test('the real environment turns a storage getter that throws SecurityError into "blocked"', async () => {
    const denied = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
    const win = Object.defineProperties({ navigator: { cookieEnabled: true, userAgent: 'x' } }, {
      localStorage: { get: denied },
      sessionStorage: { get: () => makeStorage() },
      indexedDB: { get: denied },
    }) as unknown as Window & typeof globalThis;
    const real = diagnosticsEnv(win);
    const env = makeEnv({ localStorage: real.localStorage, sessionStorage: real.sessionStorage, indexedDB: real.indexedDB });
    expect((await checkStorage(env, articles)).values?.stores).toBe('localStorage, IndexedDB');
  });

  test('cookies disabled is its own message', async () => {
    const env = makeEnv({ navigator: { onLine: true, cookieEnabled: false, userAgent: 'x' } });
    expect(await checkStorage(env, articles)).toMatchObject({ status: 'problem', code: 'cookiesDisabled' });
  });

  test('IndexedDB refusing to open is reported', async () => {
    const env = makeEnv({ indexedDB: () => makeIndexedDb(false) });
    expect((await checkStorage(env, articles)).values?.stores).toBe('IndexedDB');
  });

  test('IndexedDB.open throwing synchronously is reported, not thrown', async () => {
    const env = makeEnv({ indexedDB: () => ({ open: () => { throw new Error('sandboxed'); } }) as unknown as IDBFactory });
    expect((await checkStorage(env, articles)).values?.stores).toBe('IndexedDB');
  });
});

describe('browser version', () => {
  test('an old Chrome is outdated, naming the minimum', () => {
    const env = makeEnv({ navigator: { userAgent: 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36' } });
    const finding = checkBrowser(env, articles, { chrome: 138 });
    expect(finding).toMatchObject({ status: 'problem', code: 'browserOutdated', articleId: 'browser/update-browser' });
    expect(finding.values).toEqual({ browser: 'Chrome 109', minimum: 'Chrome 138' });
  });

  test('a current Chrome is up to date', () => {
    expect(checkBrowser(makeEnv(), articles, { chrome: 138 })).toMatchObject({ status: 'ok', code: 'browserOk' });
  });

  test('a browser missing from the table is unknown, never outdated', () => {
    const env = makeEnv({ navigator: { userAgent: 'Mozilla/5.0 SamsungBrowser/12.0 Chrome/79.0 Mobile Safari/537.36' } });
    expect(checkBrowser(env, articles, { chrome: 138 })).toMatchObject({ status: 'unknown' });
  });
});

describe('pop-ups', () => {
  test('window.open returning null means pop-ups are blocked', () => {
    expect(checkPopups(makeEnv({ open: () => null }), articles)).toMatchObject({
      status: 'problem', code: 'popupsBlocked', articleId: 'browser/allow-pop-ups',
    });
  });

  test('an opened window is closed at once and pop-ups are allowed', () => {
    const close = vi.fn();
    const open = vi.fn(() => ({ close }));
    expect(checkPopups(makeEnv({ open }), articles)).toMatchObject({ status: 'ok' });
    expect(open).toHaveBeenCalledWith('about:blank', '_blank', expect.stringContaining('width=1'));
    expect(close).toHaveBeenCalledOnce();
  });

  test('the pop-up opens synchronously within the click, before the probe is awaited', () => {
    const open = vi.fn(() => ({ close: () => undefined }));
    const pending = runDiagnostics(makeEnv({ open }), { kbUrl: KB });
    expect(open).toHaveBeenCalledOnce();
    return pending;
  });

  test('only the chosen checks run', async () => {
    const open = vi.fn(() => null);
    const env = makeEnv({ open });
    const findings = await runDiagnostics(env, { kbUrl: KB }, ['clock']);
    expect(findings.map((f) => f.id)).toEqual(['clock']);
    expect(open).not.toHaveBeenCalled();
  });
});

test('fixing-article overrides reach the findings', async () => {
  const findings = await runDiagnostics(makeEnv({ open: () => null }), { kbUrl: KB, articles: { popups: 'it/popups' } }, ['popups']);
  expect(findings[0]?.articleId).toBe('it/popups');
});
