import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServiceWorker, type BuildSwResult } from '../../../scripts/build/build-sw.ts';

let dist: string;
let result: BuildSwResult;
let source: string;
let entries: Array<{ url: string; revision: string | null }>;

const files: Record<string, string> = {
  'tier0.js': 'console.log("loader")',
  'chunks/panel.AbCd1234.js': 'export const panel = 1',
  'chunks/panel.AbCd1234.css': '.t0{}',
  'index.html': '<!doctype html><title>demo host page</title>',
  '.vite/panel-manifest.json': '{}',
  'kb/manifest.json': JSON.stringify({ schema: 1, version: 'v1', index: 'index.0123456789.json', files: [] }),
  'kb/index.0123456789.json': '{}',
  'kb/articles/aaaaaaaaaa.json': '{}',
  'kb/media/logo.bbbbbbbbbb.png': 'png',
};

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'tier0-sw-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dist, name)), { recursive: true });
    await writeFile(path.join(dist, name), content);
  }
  // Twice: a rebuild into the same folder must work (the injection point is rebuilt each time).
  await buildServiceWorker({ distDir: dist });
  result = await buildServiceWorker({ distDir: dist });
  source = await readFile(path.join(dist, 'sw.js'), 'utf8');
  const match = /\[\{"(?:url|revision)"[^\]]*\]/.exec(source);
  entries = match ? JSON.parse(match[0]) : [];
}, 60_000);

afterAll(async () => {
  await rm(dist, { recursive: true, force: true });
});

describe('buildServiceWorker', () => {
  test('precaches the loader, its chunks and every KB file', () => {
    expect(entries.map((e) => e.url).sort()).toEqual([
      'chunks/panel.AbCd1234.css',
      'chunks/panel.AbCd1234.js',
      'kb/articles/aaaaaaaaaa.json',
      'kb/index.0123456789.json',
      'kb/manifest.json',
      'kb/media/logo.bbbbbbbbbb.png',
      'tier0.js',
    ]);
    expect(result.count).toBe(7);
    expect(result.warnings).toEqual([]);
  });

  test('never precaches the demo page, build metadata or the worker itself', () => {
    const urls = entries.map((e) => e.url);
    expect(urls).not.toContain('index.html');
    expect(urls).not.toContain('sw.js');
    expect(urls.some((u) => u.startsWith('.vite'))).toBe(false);
  });

  test('revisions unhashed files and caches hashed ones under their own name', () => {
    const revision = Object.fromEntries(entries.map((e) => [e.url, e.revision]));
    expect(revision['tier0.js']).toMatch(/^[0-9a-f]{32}$/);
    expect(revision['kb/manifest.json']).toMatch(/^[0-9a-f]{32}$/);
    expect(revision['kb/index.0123456789.json']).toBeNull();
    expect(revision['kb/articles/aaaaaaaaaa.json']).toBeNull();
    expect(revision['chunks/panel.AbCd1234.js']).toBeNull();
  });

  test('writes one classic script with the manifest injected', () => {
    expect(source).not.toContain('__WB_MANIFEST');
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    expect(source).not.toContain('process.env');
  });

  test('warns when there is no KB to precache', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'tier0-sw-empty-'));
    try {
      await writeFile(path.join(empty, 'tier0.js'), '1');
      const r = await buildServiceWorker({ distDir: empty });
      expect(r.warnings.join('\n')).toMatch(/no KB at .*tier0 build/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  }, 60_000);
});
