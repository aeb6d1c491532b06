// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startOffline } from '../../../widget/offline.ts';
import { sharedWarmStore } from '../../../widget/services/warm-store.ts';
import { KB_SCHEMA_VERSION } from '../../../widget/core/kb-format.ts';

const kb = 'https://intranet.example/tier0/kb/';
const manifest = {
  schema: KB_SCHEMA_VERSION, version: 'v7', builtAt: '', articleCount: 1, index: 'index.0123456789.json', categories: [],
  files: ['index.0123456789.json', 'articles/aaaaaaaaaa.json'],
};
const options = { kb, serviceWorker: false as const, serviceWorkerScope: 'https://intranet.example/tier0/' };

let requested: string[];

beforeEach(() => {
  vi.useFakeTimers();
  requested = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    requested.push(url);
    return new Response(JSON.stringify(url.endsWith('manifest.json') ? manifest : { url }));
  }));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('startOffline', () => {
  test('warms the KB into the shared store once the page is idle', async () => {
    const report = vi.fn();
    const handle = startOffline({ options, report });
    expect(requested).toEqual([]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await handle.warmed).toEqual({ kind: 'done', version: 'v7', fetched: 2, failed: 0 });
    expect(sharedWarmStore.get(`${kb}articles/aaaaaaaaaa.json`)).toEqual({ url: `${kb}articles/aaaaaaaaaa.json` });
    expect(report).not.toHaveBeenCalled();
    handle.stop();
  });

  test('fetches nothing when stopped before the page was idle', async () => {
    const handle = startOffline({ options, report: vi.fn() });
    handle.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(await handle.warmed).toEqual({ kind: 'skipped', reason: 'aborted' });
    expect(requested).toEqual([]);
  });
});
