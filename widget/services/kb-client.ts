/**
 * Fetches the compiled KB bundle: the manifest (revalidated every time, it is tiny and names the
 * content-hashed files), then the index and article bodies lazily. Failures are values, so the
 * UI can show them with a Retry; a failed request is not cached, so Retry really retries.
 */
import { KB_SCHEMA_VERSION, type ArticleBody, type KbIndex, type KbManifest } from '../core/kb-format.ts';
import { noteLoadedKbVersion } from './kb-updates.ts';
import { sharedWarmStore, type WarmStore } from './warm-store.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface KbClient {
  manifest(): Promise<Result<KbManifest>>;
  index(): Promise<Result<KbIndex>>;
  article(bodyPath: string): Promise<Result<ArticleBody>>;
}

/**
 * Creates a client for the bundle at `baseUrl` (absolute, ending in `/`). `warm` holds files the
 * idle-time warm-up already fetched (warm-up.ts): hashed files are taken from it
 * without a request, and its manifest is the fallback when the network is gone.
 */
export function createKbClient(
  baseUrl: string,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
  warm: Pick<WarmStore, 'get'> = sharedWarmStore,
): KbClient {
  const cache = new Map<string, Promise<Result<unknown>>>();

  const getJson = <T>(path: string, init?: RequestInit): Promise<Result<T>> => {
    const hit = cache.get(path);
    if (hit) return hit as Promise<Result<T>>;
    const url = new URL(path, baseUrl).href;
    const isManifest = path === 'manifest.json';
    const p = (async (): Promise<Result<T>> => {
      // A content-hashed file never changes, so a warmed copy is as good as the network's.
      const warmed = isManifest ? undefined : warm.get(url);
      if (warmed !== undefined) return { ok: true, value: warmed as T };
      let res: Response;
      try {
        res = await fetchImpl(url, init);
      } catch {
        // Offline after the page loaded: the manifest warm-up saw is still complete and consistent.
        const fallback = isManifest ? warm.get(url) : undefined;
        if (fallback !== undefined) return { ok: true, value: fallback as T };
        return { ok: false, error: `[tier0] cannot reach the KB at ${url} — check the "kb" option and your connection` };
      }
      if (!res.ok) return { ok: false, error: `[tier0] the KB returned HTTP ${res.status} for ${url} — check that "kb" points at the built kb/ folder` };
      try {
        return { ok: true, value: await res.json() as T };
      } catch {
        return { ok: false, error: `[tier0] ${url} is not valid JSON — rebuild the KB with "npx tier0 build"` };
      }
    })();
    cache.set(path, p);
    // Only successes are memoised; a failure must be retried on the next call.
    void p.then((r) => { if (!r.ok) cache.delete(path); });
    return p;
  };

  const manifest = async (): Promise<Result<KbManifest>> => {
    const r = await getJson<KbManifest>('manifest.json', { cache: 'no-cache' });
    if (!r.ok) return r;
    if (r.value?.schema !== KB_SCHEMA_VERSION || typeof r.value.index !== 'string') {
      cache.delete('manifest.json');
      return { ok: false, error: `[tier0] the KB bundle has schema ${String(r.value?.schema)}, this widget reads ${KB_SCHEMA_VERSION} — rebuild the KB with the same Tier0 version` };
    }
    noteLoadedKbVersion(baseUrl, r.value.version);
    return r;
  };

  return {
    manifest,
    async index() {
      const m = await manifest();
      // The index's schema is checked where it is read (core/search/engine.ts loadSearchEngine).
      return m.ok ? getJson<KbIndex>(m.value.index) : m;
    },
    article(bodyPath) {
      return getJson<ArticleBody>(bodyPath);
    },
  };
}
