/**
 * Builds dist/sw.js: bundles widget/sw.ts with Vite as one classic-script IIFE (service workers
 * and importScripts() cannot load ES modules everywhere), then lets workbox-build's
 * injectManifest replace `self.__WB_MANIFEST` with the loader, its chunks and every KB file, each
 * with a revision. Runs after the widget and KB builds, since it lists what they wrote.
 *
 *   tsx scripts/build-sw.ts [distDir]     (default dist/)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { injectManifest } from 'workbox-build';
import { IMMUTABLE_PATHS } from '../widget/core/offline/sw-routes.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildSwOptions {
  /** The deployable folder holding tier0.js, chunks/ and the KB bundle. */
  distDir: string;
  /** KB bundle folder inside distDir. Default `kb`. */
  kbDir?: string;
  /** Largest file precached; bigger ones are left out with a warning. Default 10 MB. */
  maxFileBytes?: number;
}

export interface BuildSwResult {
  /** Absolute path of the written service worker. */
  file: string;
  /** Files precached and their total size in bytes. */
  count: number;
  size: number;
  warnings: string[];
}

/** Builds `<distDir>/sw.js` with the precache manifest of everything the widget needs offline. */
export async function buildServiceWorker(options: BuildSwOptions): Promise<BuildSwResult> {
  const distDir = path.resolve(options.distDir);
  const kbDir = (options.kbDir ?? 'kb').replace(/^\/+|\/+$/g, '');
  const file = path.join(distDir, 'sw.js');

  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // Workbox keeps its debug logging behind this check.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: distDir,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      sourcemap: false,
      target: 'es2020',
      lib: {
        entry: path.join(root, 'widget/sw.ts'),
        formats: ['iife'],
        name: 'tier0ServiceWorker',
        fileName: () => 'sw.js',
      },
    },
  });

  const result = await injectManifest({
    swSrc: file,
    swDest: file,
    globDirectory: distDir,
    // The loader, its lazy chunks and the whole KB; never HTML (the demo page is a host page)
    // nor the worker itself.
    globPatterns: ['tier0.js', 'chunks/**/*', `${kbDir}/**/*`],
    globIgnores: ['**/*.map', '**/*.html', 'sw.js'],
    // Content-hashed names are their own revision: cache them under their plain URL.
    dontCacheBustURLsMatching: new RegExp(IMMUTABLE_PATHS.map((re) => `(?:${re.source})`).join('|'), 'i'),
    maximumFileSizeToCacheInBytes: options.maxFileBytes ?? 10 * 1024 * 1024,
  });
  if (!existsSync(path.join(distDir, kbDir, 'manifest.json'))) {
    result.warnings.push(`no KB at ${path.join(distDir, kbDir)} — run "npx tier0 build" first; the worker precaches no articles`);
  }
  return { file, count: result.count, size: result.size, warnings: result.warnings };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const distDir = process.argv[2] ?? path.join(root, 'dist');
  const r = await buildServiceWorker({ distDir });
  for (const w of r.warnings) console.warn(`tier0: sw.js: ${w}`);
  console.log(`tier0: sw.js precaches ${r.count} files (${r.size} bytes)`);
}
