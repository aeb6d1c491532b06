import { describe, expect, test } from 'vitest';
import { adoptionStep, manifestFiles, parseManifest } from '../../../widget/core/offline/manifest-adoption.ts';
import { KB_SCHEMA_VERSION, type KbManifest } from '../../../widget/core/kb-format.ts';

const manifestUrl = 'https://intranet.example/tier0/kb/manifest.json';
const kb = 'https://intranet.example/tier0/kb/';
const makeManifest = (overrides: Partial<KbManifest> = {}): KbManifest => ({
  schema: KB_SCHEMA_VERSION,
  version: 'v2',
  builtAt: '2026-11-23T07:00:00Z',
  articleCount: 2,
  index: 'index.aaaaaaaaaa.json',
  categories: [],
  files: ['index.aaaaaaaaaa.json', 'articles/bbbbbbbbbb.json', 'articles/cccccccccc.json', 'media/logo.dddddddddd.png'],
  ...overrides,
});

describe('parseManifest', () => {
  test('accepts a manifest of this schema', () => {
    expect(parseManifest(makeManifest()).ok).toBe(true);
  });
  test('rejects other schemas, a missing index or file list, and non-objects', () => {
    expect(parseManifest(makeManifest({ schema: KB_SCHEMA_VERSION + 1 }))).toMatchObject({ ok: false });
    expect(parseManifest({ ...makeManifest(), index: '' })).toMatchObject({ ok: false, reason: 'no index file' });
    expect(parseManifest({ ...makeManifest(), files: 'index.json' })).toMatchObject({ ok: false, reason: 'no file list' });
    expect(parseManifest({ ...makeManifest(), version: 3 })).toMatchObject({ ok: false, reason: 'no version' });
    expect(parseManifest('<html>captive portal</html>')).toMatchObject({ ok: false });
    expect(parseManifest(null)).toMatchObject({ ok: false });
  });
});

describe('manifestFiles', () => {
  test('lists the index first, then every file once, as absolute URLs', () => {
    expect(manifestFiles(makeManifest({ files: ['articles/bbbbbbbbbb.json', 'index.aaaaaaaaaa.json'] }), manifestUrl)).toEqual([
      `${kb}index.aaaaaaaaaa.json`,
      `${kb}articles/bbbbbbbbbb.json`,
    ]);
  });
});

describe('adoptionStep', () => {
  const all = () => true;
  const none = () => false;

  test('does nothing for the version already cached', () => {
    expect(adoptionStep(makeManifest(), manifestUrl, 'v2', none)).toEqual({ kind: 'unchanged' });
  });

  test('asks for every file the new manifest names that is not cached', () => {
    const cached = new Set([`${kb}articles/bbbbbbbbbb.json`]);
    expect(adoptionStep(makeManifest(), manifestUrl, 'v1', (u) => cached.has(u))).toEqual({
      kind: 'fetch',
      missing: [`${kb}index.aaaaaaaaaa.json`, `${kb}articles/cccccccccc.json`, `${kb}media/logo.dddddddddd.png`],
    });
  });

  test('never adopts a manifest whose index is not cached, even if the bodies are', () => {
    const step = adoptionStep(makeManifest(), manifestUrl, 'v1', (u) => !u.includes('index.'));
    expect(step).toEqual({ kind: 'fetch', missing: [`${kb}index.aaaaaaaaaa.json`] });
  });

  test('adopts once the index and every file are cached', () => {
    expect(adoptionStep(makeManifest(), manifestUrl, 'v1', all)).toEqual({ kind: 'adopt', version: 'v2' });
    expect(adoptionStep(makeManifest(), manifestUrl, null, all)).toEqual({ kind: 'adopt', version: 'v2' });
  });

  test('keeps the cached manifest when the fetched one is unreadable', () => {
    expect(adoptionStep({ schema: 99 }, manifestUrl, 'v1', all).kind).toBe('reject');
  });
});
