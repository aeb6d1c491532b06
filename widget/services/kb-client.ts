/**
 * Fetches the compiled KB bundle: the manifest (revalidated every time, it is tiny and names the
 * content-hashed files), then the index and article bodies lazily. Failures are values, so the
 * UI can show them with a Retry; a failed request is not cached, so Retry really retries.
 */
import { KB_SCHEMA_VERSION, type ArticleBody, type KbIndex, type KbManifest } from '../core/kb-format.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface KbClient {
  manifest(): Promise<Result<KbManifest>>;
  index(): Promise<Result<KbIndex>>;
  article(bodyPath: string): Promise<Result<ArticleBody>>;
}

/** Creates a client for the bundle at `baseUrl` (absolute, ending in `/`). */
export function createKbClient(baseUrl: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): KbClient {
  const cache = new Map<string, Promise<Result<unknown>>>();

  const getJson = <T>(path: string, init?: RequestInit): Promise<Result<T>> => {
    const hit = cache.get(path);
    if (hit) return hit as Promise<Result<T>>;
    const url = new URL(path, baseUrl).href;
    const p = (async (): Promise<Result<T>> => {
      let res: Response;
      try {
        res = await fetchImpl(url, init);
      } catch {
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
    return r;
  };

  return {
    manifest,
    async index() {
      const m = await manifest();
      if (!m.ok) return m;
      const r = await getJson<KbIndex>(m.value.index);
      if (r.ok && r.value?.schema !== KB_SCHEMA_VERSION) {
        return { ok: false, error: `[tier0] the KB index has schema ${String(r.value?.schema)}, this widget reads ${KB_SCHEMA_VERSION} — rebuild the KB` };
      }
      return r;
    },
    article(bodyPath) {
      return getJson<ArticleBody>(bodyPath);
    },
  };
}
