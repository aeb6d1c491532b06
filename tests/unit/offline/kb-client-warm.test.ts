import { describe, expect, test, vi } from 'vitest';
import { createKbClient } from '../../../widget/services/kb-client.ts';
import { loadedKbVersion } from '../../../widget/services/kb-updates.ts';
import { createWarmStore } from '../../../widget/services/warm-store.ts';
import { KB_SCHEMA_VERSION, type KbManifest } from '../../../widget/core/kb-format.ts';

const BASE = 'https://intranet.example/tier0/kb/';
const makeManifest = (overrides: Partial<KbManifest> = {}): KbManifest => ({
  schema: KB_SCHEMA_VERSION, version: 'v1', builtAt: '', articleCount: 1, index: 'index.0123456789.json', categories: [],
  files: ['index.0123456789.json', 'articles/aaaaaaaaaa.json'],
  ...overrides,
});
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const offline = vi.fn(async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;

describe('KB client with warm-up memory', () => {
  test('reads warmed article bodies and index without a request', async () => {
    const warm = createWarmStore();
    warm.set(`${BASE}articles/aaaaaaaaaa.json`, { id: 'printing/paper-jam', html: '<p>warm</p>' });
    warm.set(`${BASE}manifest.json`, makeManifest());
    warm.set(`${BASE}index.0123456789.json`, { schema: KB_SCHEMA_VERSION, version: 'v1', articles: [], search: {} });
    const fetchImpl = vi.fn(async () => json(makeManifest())) as unknown as typeof fetch;
    const client = createKbClient(BASE, fetchImpl, warm);
    expect(await client.article('articles/aaaaaaaaaa.json')).toEqual({ ok: true, value: { id: 'printing/paper-jam', html: '<p>warm</p>' } });
    expect((await client.index()).ok).toBe(true);
    // Only the manifest went to the network: it is never taken from memory while online.
    expect(vi.mocked(fetchImpl).mock.calls.map((c) => String(c[0]))).toEqual([`${BASE}manifest.json`]);
  });

  test('falls back to the warmed manifest when the network is gone', async () => {
    const warm = createWarmStore();
    warm.set(`${BASE}manifest.json`, makeManifest({ version: 'v-warm' }));
    const r = await createKbClient(BASE, offline, warm).manifest();
    expect(r).toMatchObject({ ok: true, value: { version: 'v-warm' } });
  });

  test('still reports an unreachable KB when nothing was warmed', async () => {
    const r = await createKbClient(BASE, offline, createWarmStore()).manifest();
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^\[tier0\] cannot reach the KB/) });
  });

  test('prefers a fresh manifest from the network over the warmed one', async () => {
    const warm = createWarmStore();
    warm.set(`${BASE}manifest.json`, makeManifest({ version: 'v-old' }));
    const fetchImpl = vi.fn(async () => json(makeManifest({ version: 'v-new' }))) as unknown as typeof fetch;
    expect(await createKbClient(BASE, fetchImpl, warm).manifest()).toMatchObject({ ok: true, value: { version: 'v-new' } });
  });

  test('records the version it loaded, for "help content was updated"', async () => {
    const base = 'https://other.example/kb/';
    await createKbClient(base, (async () => json(makeManifest({ version: 'v9' }))) as typeof fetch, createWarmStore()).manifest();
    expect(loadedKbVersion(base)).toBe('v9');
  });
});
