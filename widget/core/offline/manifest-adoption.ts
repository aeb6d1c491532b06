/**
 * Safe KB updates in the service worker: when should a freshly fetched `manifest.json` replace the
 * cached one that offline visits fall back to? Only once every file it names (the index and all
 * article bodies and media) is in the cache — otherwise an offline visit could get a manifest
 * pointing at an index or bodies it cannot load. Until then the old manifest stays, and it still
 * works because every file it names is content-hashed and never overwritten.
 */
import { KB_SCHEMA_VERSION, type KbManifest } from '../kb-format.ts';

export type ParsedManifest = { ok: true; manifest: KbManifest } | { ok: false; reason: string };

/** Checks that `json` is a manifest this widget can read (schema, index, file list). */
export function parseManifest(json: unknown): ParsedManifest {
  if (!json || typeof json !== 'object') return { ok: false, reason: 'not a JSON object' };
  const m = json as Partial<KbManifest>;
  if (m.schema !== KB_SCHEMA_VERSION) return { ok: false, reason: `schema ${String(m.schema)}, expected ${KB_SCHEMA_VERSION}` };
  if (typeof m.version !== 'string' || m.version === '') return { ok: false, reason: 'no version' };
  if (typeof m.index !== 'string' || m.index === '') return { ok: false, reason: 'no index file' };
  if (!Array.isArray(m.files) || m.files.some((f) => typeof f !== 'string')) return { ok: false, reason: 'no file list' };
  return { ok: true, manifest: m as KbManifest };
}

/** Absolute URLs of every file `manifest` needs, index first, without duplicates. */
export function manifestFiles(manifest: KbManifest, manifestUrl: string): string[] {
  const urls = [manifest.index, ...manifest.files].map((f) => new URL(f, manifestUrl).href);
  return [...new Set(urls)];
}

export type AdoptionStep =
  /** Unreadable manifest: keep the cached one. */
  | { kind: 'reject'; reason: string }
  /** Same version as the cached one: nothing to do. */
  | { kind: 'unchanged' }
  /** These files must be fetched into the cache before the manifest may be adopted. */
  | { kind: 'fetch'; missing: string[] }
  /** Every file is cached: store the manifest as the new offline fallback. */
  | { kind: 'adopt'; version: string };

/**
 * The next step for a fetched manifest, given the version currently cached and which URLs are
 * cached. Callers fetch `missing`, then ask again; a manifest is adopted only from `adopt`.
 */
export function adoptionStep(
  json: unknown,
  manifestUrl: string,
  cachedVersion: string | null,
  isCached: (url: string) => boolean,
): AdoptionStep {
  const parsed = parseManifest(json);
  if (!parsed.ok) return { kind: 'reject', reason: parsed.reason };
  if (parsed.manifest.version === cachedVersion) return { kind: 'unchanged' };
  const missing = manifestFiles(parsed.manifest, manifestUrl).filter((url) => !isCached(url));
  return missing.length ? { kind: 'fetch', missing } : { kind: 'adopt', version: parsed.manifest.version };
}
