import { describe, expect, test, vi } from 'vitest';
import {
  createStatusFeed,
  formatAsOf,
  parseStatusFeed,
  STATUS_CACHE_KEY,
  type StatusFeedDeps,
} from '../../../widget/services/status-banner.ts';

const FEED = 'https://status.example.com/tier0.json';
const T0 = Date.parse('2026-11-23T09:00:00Z');

function makeStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() { return data.size; },
    clear: () => data.clear(),
    getItem: (k: string) => data.get(k) ?? null,
    key: (i: number) => [...data.keys()][i] ?? null,
    removeItem: (k: string) => { data.delete(k); },
    setItem: (k: string, v: string) => { data.set(k, v); },
  };
}

function makeIncident(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'mail', title: 'Email is slow', severity: 'minor', ...overrides };
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function makeDeps(overrides: Partial<StatusFeedDeps> = {}): StatusFeedDeps {
  return {
    url: FEED,
    fetch: vi.fn(async () => jsonResponse({ incidents: [makeIncident()] })),
    storage: makeStorage(),
    now: () => T0,
    report: vi.fn(),
    ...overrides,
  };
}

describe('parseStatusFeed', () => {
  test('keeps valid incidents, most severe then most recent first', () => {
    const { incidents, problems } = parseStatusFeed({
      incidents: [
        makeIncident({ id: 'a', severity: 'info' }),
        makeIncident({ id: 'b', severity: 'major', updated: '2026-11-23T08:00:00Z' }),
        makeIncident({ id: 'c', severity: 'major', updated: '2026-11-23T08:30:00Z', message: ' On it. ', url: '/mail' }),
      ],
    }, FEED);
    expect(problems).toEqual([]);
    expect(incidents.map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(incidents[0]).toEqual({
      id: 'c', title: 'Email is slow', severity: 'major', message: 'On it.', url: 'https://status.example.com/mail', updated: '2026-11-23T08:30:00Z',
    });
  });

  test('skips malformed entries and says why, as [tier0] problems', () => {
    const { incidents, problems } = parseStatusFeed({
      incidents: [makeIncident({ id: '' }), makeIncident({ id: 'x', title: 42 }), makeIncident({ id: 'y', severity: 'critical' }), 'junk', makeIncident()],
    }, FEED);
    expect(incidents.map((i) => i.id)).toEqual(['mail']);
    expect(problems).toHaveLength(4);
    expect(problems.every((p) => p.startsWith('[tier0] status feed incident'))).toBe(true);
    expect(problems[2]).toContain('"critical"');
  });

  test('drops a javascript: link but keeps the incident', () => {
    const { incidents, problems } = parseStatusFeed({ incidents: [makeIncident({ url: 'javascript:alert(1)' })] }, FEED);
    expect(incidents[0]?.url).toBeUndefined();
    expect(problems[0]).toContain('not http(s)');
  });

  test('a document without an incidents list is a problem', () => {
    expect(parseStatusFeed({ status: 'ok' }, FEED).problems[0]).toMatch(/no "incidents" list/);
  });
});

describe('the status feed client', () => {
  test('fetches the feed without caching and stores it with its fetch time', async () => {
    const deps = makeDeps();
    const snapshot = await createStatusFeed(deps).load();
    expect(snapshot).toEqual({ incidents: [{ id: 'mail', title: 'Email is slow', severity: 'minor' }], fetchedAt: T0, fromCache: false });
    expect(vi.mocked(deps.fetch).mock.calls[0]?.[1]).toMatchObject({ cache: 'no-store' });
    expect(JSON.parse(deps.storage?.getItem(STATUS_CACHE_KEY) ?? '')).toMatchObject({ url: FEED, fetchedAt: T0 });
  });

  test('offline, it shows the cached copy marked as from the cache with its fetch time', async () => {
    const storage = makeStorage();
    await createStatusFeed(makeDeps({ storage })).load();
    const offline = makeDeps({ storage, now: () => T0 + 3_600_000, fetch: vi.fn(async () => { throw new TypeError('Failed to fetch'); }) });
    expect(await createStatusFeed(offline).load()).toEqual({
      incidents: [{ id: 'mail', title: 'Email is slow', severity: 'minor' }], fetchedAt: T0, fromCache: true,
    });
    expect(offline.report).not.toHaveBeenCalled();
  });

  test('offline with nothing cached gives null', async () => {
    const deps = makeDeps({ fetch: vi.fn(async () => { throw new TypeError('offline'); }) });
    expect(await createStatusFeed(deps).load()).toBeNull();
  });

  test('a cache written for another feed URL is not shown', async () => {
    const storage = makeStorage();
    await createStatusFeed(makeDeps({ storage, url: 'https://old.example.com/feed.json' })).load();
    const deps = makeDeps({ storage, fetch: vi.fn(async () => { throw new TypeError('offline'); }) });
    expect(await createStatusFeed(deps).load()).toBeNull();
  });

  test('corrupt cached JSON is cleared instead of crashing', async () => {
    const storage = makeStorage();
    storage.setItem(STATUS_CACHE_KEY, '{not json');
    const deps = makeDeps({ storage, fetch: vi.fn(async () => { throw new TypeError('offline'); }) });
    expect(await createStatusFeed(deps).load()).toBeNull();
    expect(storage.getItem(STATUS_CACHE_KEY)).toBeNull();
  });

  test('reports each malformed entry once, however often the feed is loaded', async () => {
    const deps = makeDeps({ fetch: vi.fn(async () => jsonResponse({ incidents: [makeIncident(), makeIncident({ id: 'bad', severity: 'huge' })] })) });
    const feed = createStatusFeed(deps);
    await feed.load();
    await feed.load();
    expect(deps.report).toHaveBeenCalledOnce();
    expect(vi.mocked(deps.report).mock.calls[0]?.[0]).toMatch(/^\[tier0\] status feed incident "bad"/);
  });

  test('an HTTP error falls back to the cache and is reported to the site owner', async () => {
    const storage = makeStorage();
    await createStatusFeed(makeDeps({ storage })).load();
    const deps = makeDeps({ storage, fetch: vi.fn(async () => jsonResponse({}, 404)) });
    expect((await createStatusFeed(deps).load())?.fromCache).toBe(true);
    expect(vi.mocked(deps.report).mock.calls[0]?.[0]).toMatch(/^\[tier0\] the status feed .* returned HTTP 404/);
  });

  test('a dismissed incident stays hidden after a reload; others still show', async () => {
    const storage = makeStorage();
    const fetchTwo = vi.fn(async () => jsonResponse({ incidents: [makeIncident(), makeIncident({ id: 'vpn', title: 'VPN down', severity: 'major' })] }));
    const feed = createStatusFeed(makeDeps({ storage, fetch: fetchTwo }));
    const snapshot = await feed.load();
    feed.dismiss('mail');
    const reloaded = createStatusFeed(makeDeps({ storage, fetch: fetchTwo }));
    expect(reloaded.visible(await reloaded.load()).map((i) => i.id)).toEqual(['vpn']);
    expect(feed.visible(snapshot).map((i) => i.id)).toEqual(['vpn']);
  });

  test('without storage it still loads and dismisses nothing permanently', async () => {
    const feed = createStatusFeed(makeDeps({ storage: null }));
    const snapshot = await feed.load();
    feed.dismiss('mail');
    expect(feed.visible(snapshot)).toHaveLength(1);
  });
});

test('formatAsOf shows only the time for today and adds the date for older copies', () => {
  const sameDay = formatAsOf(T0, T0 + 60_000, 'en-GB');
  const older = formatAsOf(T0, T0 + 3 * 86_400_000, 'en-GB');
  expect(sameDay).not.toMatch(/2026/);
  expect(older).toMatch(/2026/);
});
