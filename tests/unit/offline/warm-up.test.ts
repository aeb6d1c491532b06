import { describe, expect, test, vi } from 'vitest';
import { afterLoadIdle, warmUp, type IdleWindow } from '../../../widget/services/warm-up.ts';
import { createWarmStore } from '../../../widget/services/warm-store.ts';
import { shouldWarmUp } from '../../../widget/core/offline/warm-plan.ts';
import { KB_SCHEMA_VERSION, type KbManifest } from '../../../widget/core/kb-format.ts';

const kb = 'https://intranet.example/tier0/kb/';
const makeManifest = (overrides: Partial<KbManifest> = {}): KbManifest => ({
  schema: KB_SCHEMA_VERSION,
  version: 'v1',
  builtAt: '2026-11-23T07:00:00Z',
  articleCount: 6,
  index: 'index.0000000000.json',
  categories: [],
  files: [
    'index.0000000000.json',
    ...Array.from({ length: 6 }, (_, i) => `articles/${String(i).repeat(10)}.json`),
    'media/printer.aaaaaaaaaa.png',
  ],
  ...overrides,
});

/** A fake server: answers each URL after the test releases it, and records concurrency. */
const makeServer = (manifest: KbManifest, failing: string[] = []) => {
  const requests: Array<{ url: string; init: RequestInit | undefined }> = [];
  const pending: Array<() => void> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchImpl = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push({ url, init });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<Response>((resolve, reject) => {
      pending.push(() => {
        inFlight -= 1;
        if (failing.some((f) => url.endsWith(f))) return reject(new TypeError('Failed to fetch'));
        const body = url.endsWith('manifest.json') ? manifest : url.endsWith('.json') ? { url } : 'png-bytes';
        resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200 }));
      });
    });
  }) as unknown as typeof fetch;
  /** Answers everything asked so far, then lets the warm-up ask for more. */
  const drain = async (): Promise<void> => {
    for (let i = 0; i < 50; i += 1) {
      const batch = pending.splice(0);
      batch.forEach((answer) => answer());
      await new Promise((r) => setTimeout(r, 0));
      if (!batch.length && !pending.length) return;
    }
  };
  return { fetchImpl, requests, drain, maxInFlight: () => maxInFlight };
};

describe('warmUp', () => {
  test('fetches the manifest, then the index first and every bundle file once', async () => {
    const server = makeServer(makeManifest());
    const store = createWarmStore();
    const done = warmUp(kb, { fetch: server.fetchImpl, store, concurrency: 1 });
    await server.drain();
    expect(await done).toEqual({ kind: 'done', version: 'v1', fetched: 8, failed: 0 });
    expect(server.requests.map((r) => r.url.slice(kb.length))).toEqual([
      'manifest.json',
      'index.0000000000.json',
      ...Array.from({ length: 6 }, (_, i) => `articles/${String(i).repeat(10)}.json`),
      'media/printer.aaaaaaaaaa.png',
    ]);
  });

  test('keeps parsed JSON for the KB client, but not media', async () => {
    const server = makeServer(makeManifest());
    const store = createWarmStore();
    const done = warmUp(kb, { fetch: server.fetchImpl, store });
    await server.drain();
    await done;
    expect(store.get(`${kb}manifest.json`)).toMatchObject({ version: 'v1' });
    expect(store.get(`${kb}articles/0000000000.json`)).toEqual({ url: `${kb}articles/0000000000.json` });
    expect(store.get(`${kb}media/printer.aaaaaaaaaa.png`)).toBeUndefined();
    expect(store.size).toBe(8);
  });

  test('never has more than `concurrency` files in flight', async () => {
    const server = makeServer(makeManifest());
    const done = warmUp(kb, { fetch: server.fetchImpl, store: createWarmStore(), concurrency: 3 });
    await server.drain();
    await done;
    expect(server.maxInFlight()).toBe(3);
  });

  test('asks for low priority and revalidates the manifest', async () => {
    const server = makeServer(makeManifest());
    const done = warmUp(kb, { fetch: server.fetchImpl, store: createWarmStore() });
    await server.drain();
    await done;
    expect(server.requests[0]?.init).toMatchObject({ cache: 'no-cache', priority: 'low' });
    expect(server.requests.every((r) => (r.init as { priority?: string }).priority === 'low')).toBe(true);
  });

  test('goes on past a failed file and counts it', async () => {
    const server = makeServer(makeManifest(), ['articles/1111111111.json']);
    const done = warmUp(kb, { fetch: server.fetchImpl, store: createWarmStore() });
    await server.drain();
    expect(await done).toEqual({ kind: 'done', version: 'v1', fetched: 7, failed: 1 });
  });

  test('skips files already in the store', async () => {
    const server = makeServer(makeManifest());
    const store = createWarmStore();
    store.set(`${kb}index.0000000000.json`, {});
    const done = warmUp(kb, { fetch: server.fetchImpl, store });
    await server.drain();
    await done;
    expect(server.requests.some((r) => r.url.endsWith('index.0000000000.json'))).toBe(false);
  });

  test('fetches nothing when the user asked to save data or is on 2g', async () => {
    const server = makeServer(makeManifest());
    for (const connection of [{ saveData: true }, { effectiveType: '2g' }, { effectiveType: 'slow-2g' }]) {
      expect(await warmUp(kb, { fetch: server.fetchImpl, store: createWarmStore(), connection })).toEqual({ kind: 'skipped', reason: 'save-data' });
    }
    expect(server.requests).toHaveLength(0);
  });

  test('reports an unreachable or unreadable manifest as a value', async () => {
    const offline = vi.fn(async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;
    expect(await warmUp(kb, { fetch: offline, store: createWarmStore() })).toMatchObject({ kind: 'failed' });
    const portal = vi.fn(async () => new Response('{"login":true}')) as unknown as typeof fetch;
    expect(await warmUp(kb, { fetch: portal, store: createWarmStore() })).toMatchObject({ kind: 'failed' });
  });

  test('stops starting new fetches once aborted', async () => {
    const controller = new AbortController();
    const manifest = makeManifest();
    const urls: string[] = [];
    const fetchImpl = vi.fn(async (input: RequestInfo | URL) => {
      urls.push(String(input));
      // The widget is destroyed while the second file is on its way.
      if (urls.length === 3) controller.abort();
      return new Response(JSON.stringify(String(input).endsWith('manifest.json') ? manifest : {}));
    }) as unknown as typeof fetch;
    const result = await warmUp(kb, { fetch: fetchImpl, store: createWarmStore(), concurrency: 1, signal: controller.signal });
    expect(result).toEqual({ kind: 'skipped', reason: 'aborted' });
    expect(urls).toHaveLength(3);
  });
});

describe('shouldWarmUp', () => {
  test('warms up on fast or unknown connections', () => {
    expect(shouldWarmUp(undefined)).toBe(true);
    expect(shouldWarmUp({ effectiveType: '4g', saveData: false })).toBe(true);
    expect(shouldWarmUp({ effectiveType: '3g' })).toBe(true);
  });
});

const makeWindow = (overrides: Partial<IdleWindow> = {}) => {
  const listeners: Array<() => void> = [];
  const win: IdleWindow & { fireLoad(): void; idle: Array<() => void>; timers: Array<() => void> } = {
    document: { readyState: 'loading' },
    addEventListener: (_t, fn) => { listeners.push(fn); },
    removeEventListener: (_t, fn) => { const i = listeners.indexOf(fn); if (i >= 0) listeners.splice(i, 1); },
    idle: [],
    timers: [],
    requestIdleCallback: (fn) => { win.idle.push(fn); return win.idle.length; },
    cancelIdleCallback: (id) => { win.idle[id - 1] = () => {}; },
    setTimeout: (fn) => { win.timers.push(fn); return win.timers.length; },
    clearTimeout: () => {},
    fireLoad: () => { win.document.readyState = 'complete'; listeners.splice(0).forEach((l) => l()); },
    ...overrides,
  };
  return win;
};

describe('afterLoadIdle', () => {
  test('waits for the page load, then for an idle period', () => {
    const win = makeWindow();
    const fn = vi.fn();
    afterLoadIdle(fn, win);
    expect(win.idle).toHaveLength(0);
    win.fireLoad();
    expect(fn).not.toHaveBeenCalled();
    win.idle.forEach((cb) => cb());
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test('falls back to a timeout without requestIdleCallback', () => {
    const win = makeWindow({ requestIdleCallback: undefined, document: { readyState: 'complete' } });
    const fn = vi.fn();
    afterLoadIdle(fn, win);
    expect(win.timers).toHaveLength(1);
    win.timers.forEach((cb) => cb());
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test('cancelling before load means it never runs', () => {
    const win = makeWindow();
    const fn = vi.fn();
    afterLoadIdle(fn, win)();
    win.fireLoad();
    win.idle.forEach((cb) => cb());
    expect(fn).not.toHaveBeenCalled();
  });
});
