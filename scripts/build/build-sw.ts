/**
 * Builds dist/sw.js: bundles widget/sw.ts with Vite as one classic-script IIFE (service workers
 * and importScripts() cannot load ES modules everywhere), then replaces
 * `self.__WB_MANIFEST` with the loader, its chunks and every KB file, each with a revision (our own
 * few lines instead of workbox-build, which drags in rollup and its per-platform optional packages
 * that this registry lacks, leaving a lock file `npm ci` rejects). Runs after the widget and KB builds, since it lists what they wrote.
 *
 *   tsx scripts/build/build-sw.ts [distDir]     (default dist/)
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { IMMUTABLE_PATHS } from '../../widget/core/offline/sw-routes.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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

  const result = injectManifest(file, distDir, kbDir, options.maxFileBytes ?? 10 * 1024 * 1024);
  if (!existsSync(path.join(distDir, kbDir, 'manifest.json'))) {
    result.warnings.push(`no KB at ${path.join(distDir, kbDir)} — run "npx tier0 build" first; the worker precaches no articles`);
  }
  return { file, count: result.count, size: result.size, warnings: result.warnings };
}

const PLACEHOLDER = 'self.__WB_MANIFEST';

/** Every file below `dir`, as paths relative to `base` with `/` separators. */
function listFiles(dir: string, base: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

/**
 * Writes the precache list into the built worker: the loader, its lazy chunks and the whole KB;
 * never HTML (the demo page is a host page), source maps nor the worker itself. Content-hashed
 * names are their own revision (null: cached under their plain URL); the fixed names get an MD5
 * of their bytes so a changed file is fetched again.
 */
function injectManifest(file: string, distDir: string, kbDir: string, maxFileBytes: number) {
  const warnings: string[] = [];
  const candidates = ['tier0.js', ...listFiles(path.join(distDir, 'chunks'), distDir), ...listFiles(path.join(distDir, kbDir), distDir)];
  const entries: Array<{ url: string; revision: string | null }> = [];
  let size = 0;
  for (const url of candidates.sort()) {
    const full = path.join(distDir, url);
    if (!existsSync(full) || /\.(?:map|html)$/i.test(url) || url === 'sw.js') continue;
    const bytes = statSync(full).size;
    if (bytes > maxFileBytes) {
      warnings.push(`${url} is ${bytes} bytes, more than the ${maxFileBytes} precached; it is left out`);
      continue;
    }
    const immutable = IMMUTABLE_PATHS.some((re) => re.test(url));
    entries.push({ url, revision: immutable ? null : createHash('md5').update(readFileSync(full)).digest('hex') });
    size += bytes;
  }
  const source = readFileSync(file, 'utf8');
  if (!source.includes(PLACEHOLDER)) throw new Error(`${file}: no ${PLACEHOLDER} to replace`);
  writeFileSync(file, source.replace(PLACEHOLDER, JSON.stringify(entries)));
  return { count: entries.length, size, warnings };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const distDir = process.argv[2] ?? path.join(root, 'dist');
  const r = await buildServiceWorker({ distDir });
  for (const w of r.warnings) console.warn(`tier0: sw.js: ${w}`);
  console.log(`tier0: sw.js precaches ${r.count} files (${r.size} bytes)`);
}
