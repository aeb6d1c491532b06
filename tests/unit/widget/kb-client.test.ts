import { describe, expect, test, vi } from 'vitest';
import { createKbClient } from '../../../widget/services/kb-client.ts';
import { makeManifest } from './fixtures.ts';

const BASE = 'https://cdn.example.com/help/kb/';
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('createKbClient', () => {
  test('revalidates the manifest with cache: no-cache, relative to the bundle URL', async () => {
    const f = vi.fn(async () => json(makeManifest()));
    const r = await createKbClient(BASE, f as typeof fetch).manifest();
    expect(r.ok).toBe(true);
    expect(f).toHaveBeenCalledWith(`${BASE}manifest.json`, { cache: 'no-cache' });
  });

  test('loads the index named by the manifest, once', async () => {
    const f = vi.fn(async (url: string) => (url.endsWith('manifest.json') ? json(makeManifest()) : json({ schema: 1, version: 't', articles: [], search: {} })));
    const c = createKbClient(BASE, f as unknown as typeof fetch);
    await c.index();
    await c.index();
    expect(f.mock.calls.map((a) => a[0])).toEqual([`${BASE}manifest.json`, `${BASE}index.test.json`]);
  });

  test('an unreachable KB is an error value, and a retry really fetches again', async () => {
    let up = false;
    const f = vi.fn(async () => {
      if (!up) throw new TypeError('Failed to fetch');
      return json(makeManifest());
    });
    const c = createKbClient(BASE, f as typeof fetch);
    const first = await c.manifest();
    expect(first).toEqual({ ok: false, error: expect.stringMatching(/^\[tier0\] cannot reach the KB at .+ — /) });
    up = true;
    expect((await c.manifest()).ok).toBe(true);
    expect(f).toHaveBeenCalledTimes(2);
  });

  test('HTTP errors and bad JSON are readable errors', async () => {
    expect(await createKbClient(BASE, (async () => json({}, 404)) as typeof fetch).manifest()).toMatchObject({ ok: false, error: expect.stringContaining('HTTP 404') });
    expect(await createKbClient(BASE, (async () => new Response('<html>', { status: 200 })) as typeof fetch).manifest()).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') });
  });

  test('refuses a bundle of another schema version', async () => {
    const r = await createKbClient(BASE, (async () => json(makeManifest({ schema: 99 }))) as typeof fetch).manifest();
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/schema 99/) });
  });
});
