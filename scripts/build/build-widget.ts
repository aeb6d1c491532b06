/**
 * Builds the widget into dist/ with Vite's JS API (`npx tsx scripts/build/build-widget.ts`):
 *   1. panel   widget/panel-offline.ts (panel.tsx plus widget/offline.ts's startOffline; panel.tsx
 *              alone when offline.ts is missing or fails to build) as the ES module entry,
 *              code-split into dist/chunks/ (hashed names); the offline code is told the ticket
 *              form's chunk files, which it warms without a service worker (ticketChunksPlugin)
 *   2. loader  widget/loader.ts as one IIFE dist/tier0.js, told the panel's hashed file name (also
 *              as "the offline file" when the panel holds startOffline)
 *   3. sw      widget/sw.ts as dist/sw.js with the precache manifest (scripts/build/build-sw.ts)
 * Then copies public/ (demo page) into dist/. dist/kb/ (written by `tier0 build`) is left alone.
 * Chunk and KB URLs resolve against the loader's own URL at runtime, so dist/ works from any path.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig, type Manifest, type Plugin } from 'vite';
import { buildServiceWorker } from './build-sw.ts';
import { LOCALES } from '../../widget/core/i18n/locale.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT_DIR = path.join(root, 'dist');
/** The Vite manifest of the panel build (chunk graph), relative to dist/. */
export const PANEL_MANIFEST = '.vite/panel-manifest.json';
export const PANEL_ENTRY = 'widget/panel.tsx';
/** The offline engineer's page side, built into the panel chunk when present. */
export const OFFLINE_ENTRY = 'widget/offline.ts';
/** The panel entry that also exports the offline chunk's `startOffline` (one chunk for both). */
export const PANEL_WITH_OFFLINE_ENTRY = 'widget/panel-offline.ts';

/** Settings every widget build shares. */
function widgetBase(): InlineConfig {
  return {
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: OUT_DIR,
      emptyOutDir: false,
      target: 'es2022',
      minify: 'oxc',
      modulePreload: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      sourcemap: false,
    },
  };
}

/** The offline code's marker for the ticket form's chunk files (widget/offline.ts). */
const TICKET_CHUNKS_MARKER = '__TIER0_TICKET_CHUNKS__';
/** Modules whose chunks make up the ticket form in every locale (lazy; warmed without a SW). */
const TICKET_MODULES = ['widget/ui/ticket/ticket-view.tsx', 'widget/ui/ticket/focus-on-open.ts', 'widget/services/ticket/ticket-service.ts', 'widget/core/i18n/ticket-en.ts'];
/** Each other locale's ticket texts: warmed only for a visitor in that locale. */
const TICKET_LOCALE_MODULES = LOCALES.filter((locale) => locale !== 'en').map((locale) => [locale, `widget/core/i18n/locales/ticket-${locale}.ts`] as const);

/**
 * Writes the ticket form's chunk files (with their static imports, minus what the panel entry
 * loads anyway) into the chunk holding the offline code, comma-separated; a file only one locale
 * needs is written `<locale>:<file>`, so warm-up fetches English plus the visitor's locale, not all five.
 * At renderChunk time names are still hash placeholders, which the bundler resolves later, so
 * that chunk's own hash follows them.
 */
function ticketChunksPlugin(): Plugin {
  return {
    name: 'tier0-ticket-chunks',
    renderChunk(code, _chunk, _options, meta) {
      if (!code.includes(TICKET_CHUNKS_MARKER)) return null;
      const chunks = Object.values(meta.chunks);
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (roots: string[]): Set<string> => {
        const seen = new Set<string>();
        const visit = (file: string): void => {
          if (seen.has(file)) return;
          seen.add(file);
          for (const f of byFile.get(file)?.imports ?? []) visit(f);
        };
        roots.forEach(visit);
        return seen;
      };
      const modulesOf = (c: (typeof chunks)[number]): string[] => Object.keys(c.modules).map((id) => id.split(path.sep).join('/'));
      const chunksOf = (modules: readonly string[]): string[] =>
        chunks.filter((c) => modulesOf(c).some((id) => modules.some((m) => id.endsWith(m)))).map((c) => c.fileName);
      const panel = closure(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
      const common = [...closure(chunksOf(TICKET_MODULES))].filter((f) => !panel.has(f));
      const perLocale = TICKET_LOCALE_MODULES.flatMap(([locale, module]) =>
        [...closure(chunksOf([module]))].filter((f) => !panel.has(f) && !common.includes(f)).map((f) => `${locale}:${f}`));
      return { code: code.replaceAll(TICKET_CHUNKS_MARKER, [...common, ...perLocale].join(',')), map: null };
    },
  };
}

/** Build 1: the panel entry (with the offline code) and its lazy chunks; returns its file name. */
async function buildPanel(extraPlugins: Plugin[] = [], withOffline = existsSync(path.join(root, OFFLINE_ENTRY))): Promise<{ panelFile: string; offlineFile: string }> {
  const base = widgetBase();
  const entryModule = withOffline ? PANEL_WITH_OFFLINE_ENTRY : PANEL_ENTRY;
  const entries = { panel: path.join(root, entryModule) };
  const run = () => build({
    ...base,
    plugins: [ticketChunksPlugin(), ...extraPlugins],
    // Library mode: Vite then adds no module-preload helper (it would write <link> tags into
    // the host page and ship ~1 KB for nothing). Library mode leaves process.env alone; replace
    // it as an app build would, since browsers have no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production'), 'process.env': '{}' },
    build: {
      ...base.build,
      lib: { entry: entries, formats: ['es'] },
      manifest: PANEL_MANIFEST,
      rollupOptions: {
        input: entries,
        // The loader only calls mountPanel, so the panel entry may export more: the bundler can then
        // merge what lazy chunks share with it (Preact, icons, strings) into it instead of a
        // separate common chunk, one request and one gzip stream fewer.
        preserveEntrySignatures: 'allow-extension',
        output: {
          format: 'es',
          // Library mode keeps whitespace and annotations in ES output; we ship to browsers.
          minify: true,
          comments: false,
          // Six hash characters (36 bits) tell ~40 files apart and bust caches as well as eight;
          // the names are in the loader and the panel, and random characters do not compress.
          entryFileNames: 'chunks/[name].[hash:6].js',
          // The article view and the sanitizer are part of the panel (every session reads an
          // article); DOMPurify is not: only the fallback chunk for browsers without `setHTML`
          // (sanitize-fallback.ts, imported dynamically) holds it.
          chunkFileNames: 'chunks/[name].[hash:6].js',
          assetFileNames: 'chunks/[name].[hash:6][extname]',
        },
      },
    },
  });
  try {
    await run();
  } catch (error) {
    // Offline support is optional: a broken offline.ts must not take the whole widget down.
    if (!withOffline) throw error;
    console.warn(`tier0: building ${OFFLINE_ENTRY} failed, building the widget without offline support\n${String(error).split('\n')[0]}`);
    return buildPanel(extraPlugins, false);
  }
  const manifest = JSON.parse(await readFile(path.join(OUT_DIR, PANEL_MANIFEST), 'utf8')) as Manifest;
  const entry = manifest[entryModule];
  if (!entry) throw new Error(`[tier0] the panel build wrote no manifest entry for ${entryModule}`);
  return { panelFile: entry.file, offlineFile: withOffline ? entry.file : '' };
}

/** Build 2: the loader as a single classic script (no preact in it). */
async function buildLoader(panelFile: string, offlineFile: string, plugins: Plugin[] = []): Promise<void> {
  const base = widgetBase();
  await build({
    ...base,
    plugins,
    define: { __TIER0_PANEL_FILE__: JSON.stringify(panelFile), __TIER0_OFFLINE_FILE__: JSON.stringify(offlineFile) },
    build: {
      ...base.build,
      rollupOptions: {
        input: path.join(root, 'widget/loader.ts'),
        output: { format: 'iife', entryFileNames: 'tier0.js' },
      },
    },
  });
}

/** Copies the demo host page and its assets. */
async function copyPublic(): Promise<void> {
  const from = path.join(root, 'public');
  if (await stat(from).then(() => true, () => false)) await cp(from, OUT_DIR, { recursive: true });
}

/**
 * Runs every widget build step. `panelPlugins` join the panel and loader builds
 * (scripts/dev/chunk-modules.ts uses one to see what each chunk is made of).
 */
export async function buildWidget(panelPlugins: Plugin[] = []): Promise<{ panelFile: string; offlineFile: string }> {
  const t0 = Date.now();
  await mkdir(OUT_DIR, { recursive: true });
  // Only our own outputs are cleared: dist/kb/ belongs to `tier0 build`.
  await rm(path.join(OUT_DIR, 'chunks'), { recursive: true, force: true });
  await rm(path.join(OUT_DIR, 'tier0.js'), { force: true });
  const { panelFile, offlineFile } = await buildPanel(panelPlugins);
  await buildLoader(panelFile, offlineFile, panelPlugins);

  // Step 3, the service worker: after the chunks and the loader exist (and `tier0 build` wrote
  // dist/kb/), so its precache manifest lists dist/tier0.js, dist/chunks/* and dist/kb/*.
  const sw = await buildServiceWorker({ distDir: OUT_DIR });
  for (const warning of sw.warnings) console.warn(`tier0: sw.js: ${warning}`);

  await copyPublic();
  console.log(`tier0: widget built into ${path.relative(root, OUT_DIR)}/ (panel ${panelFile}) in ${Date.now() - t0} ms`);
  return { panelFile, offlineFile };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWidget().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
