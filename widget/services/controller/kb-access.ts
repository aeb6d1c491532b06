/**
 * The KB as the controller uses it: the manifest and the search engine (loaded once, retried after
 * a failure), the articles suggested for this page, and article bodies (with their guided flows),
 * fetched on demand and kept.
 */
import type { ArticleBody, ArticleMeta, KbCategory } from '../../core/kb-format.ts';
import type { Emitter } from '../../core/events.ts';
import type { Flow } from '../../core/flow-types.ts';
import { matchPages } from '../../core/glob.ts';
// Bundled with the panel, not a lazy chunk: the panel loads the index as soon as it mounts, so the
// engine is always wanted at once, and one chunk is one request and one gzip stream fewer.
import { loadSearchEngine } from '../../core/search/engine.ts';
import type { SearchEngine } from '../../core/search/search-types.ts';
import type { Store } from '../../core/store.ts';
import { lazyChunk } from '../../core/lazy-chunk.ts';
import type { KbClient } from '../kb-client.ts';

export interface KbAccessDeps {
  client: KbClient;
  store: Store;
  emitter: Emitter;
  report: (message: string, error?: unknown) => void;
  path: string;
  /** True once the widget is destroyed: late answers are dropped. */
  destroyed: () => boolean;
  /** Called once the KB is ready (the live search catches up with what was typed meanwhile). */
  onReady: () => void;
}

export interface KbAccess {
  load(): Promise<void>;
  /** Runs `fn` with the engine, loading the KB first when needed. */
  withEngine(fn: (engine: SearchEngine) => void): void;
  engine(): SearchEngine | undefined;
  /**
   * Loads the spelling correction into the engine (its own chunk: most queries need none); the
   * caller searches again once it resolves. Rejects, reported once, when the chunk cannot load.
   */
  loadCorrections(): Promise<void>;
  categories(): KbCategory[];
  /** Ids of the articles whose `pages` globs match this page. */
  boost(): string[];
  body(id: string): ArticleBody | undefined;
  /** Loads an article's body and sets its status in the store (ready, error or missing). */
  loadBody(id: string): void;
  /** The article's guided flow, fetching its body first when needed (e.g. after a reload). */
  withFlow(articleId: string, fn: (flow: Flow) => void): void;
}

/** Creates the KB access for one widget instance. */
export function createKbAccess(deps: KbAccessDeps): KbAccess {
  const { client, store, report } = deps;
  let engine: SearchEngine | undefined;
  let categories: KbCategory[] = [];
  let boost: string[] = [];
  let loading: Promise<void> | undefined;
  const bodies = new Map<string, ArticleBody>();
  const waiting: Array<(engine: SearchEngine) => void> = [];

  async function load(): Promise<void> {
    if (engine) return;
    if (loading) return loading;
    store.dispatch({ type: 'kb', status: 'loading' });
    loading = (async () => {
      const [manifest, index] = await Promise.all([client.manifest(), client.index()]);
      if (deps.destroyed()) return;
      const fail = (error: string, cause?: unknown): void => {
        report(error, cause);
        store.dispatch({ type: 'kb', status: 'error', error });
      };
      if (!manifest.ok) return fail(manifest.error);
      if (!index.ok) return fail(index.error);
      let ready: SearchEngine;
      try {
        ready = loadSearchEngine(index.value, 'lazy');
      } catch (error) {
        return fail(error instanceof Error && error.message.startsWith('[tier0]') ? error.message
          : '[tier0] the KB index could not be read — rebuild it with "npx tier0 build"', error);
      }
      engine = ready;
      categories = [...(manifest.value.categories ?? [])].sort((a, b) => b.count - a.count);
      boost = matchPages(ready.articles, deps.path);
      store.dispatch({ type: 'kb', status: 'ready' });
      deps.emitter.emit('ready', { articles: ready.articles.length });
      for (const fn of waiting.splice(0)) fn(ready);
      deps.onReady();
    })().finally(() => { loading = undefined; });
    return loading;
  }

  const loadCorrections = lazyChunk(
    () => import('../../core/search/corrections.ts').then((chunk) => engine?.useCorrections(chunk.findCorrections)),
    'spelling correction',
    report,
  );

  const withEngine = (fn: (engine: SearchEngine) => void): void => {
    if (engine) fn(engine);
    else {
      waiting.push(fn);
      void load();
    }
  };

  /** Fetches and keeps an article's body; undefined (reported) when it cannot be had. */
  async function fetchBody(meta: ArticleMeta): Promise<ArticleBody | undefined> {
    const r = await client.article(meta.body);
    if (deps.destroyed()) return undefined;
    if (r.ok && r.value && typeof r.value.html === 'string') {
      bodies.set(meta.id, r.value);
      return r.value;
    }
    report(r.ok ? `[tier0] article ${meta.body} is malformed — rebuild the KB` : r.error);
    return undefined;
  }

  return {
    load,
    withEngine,
    engine: () => engine,
    loadCorrections,
    categories: () => categories,
    boost: () => boost,
    body: (id) => bodies.get(id),
    loadBody(id) {
      withEngine((e) => {
        const meta = e.article(id);
        if (!meta) return store.dispatch({ type: 'articleStatus', id, status: 'missing' });
        const ready = () => store.dispatch({ type: 'articleStatus', id, status: 'ready', title: meta.title });
        if (bodies.has(id)) return ready();
        void fetchBody(meta).then((body) => {
          if (body) ready();
          else if (!deps.destroyed()) store.dispatch({ type: 'articleStatus', id, status: 'error' });
        });
      });
    },
    withFlow(articleId, fn) {
      withEngine((e) => {
        const ready = bodies.get(articleId);
        if (ready?.flow) return fn(ready.flow);
        const meta = e.article(articleId);
        if (!meta) return;
        void fetchBody(meta).then((body) => {
          if (body?.flow) fn(body.flow);
          else if (body) report(`[tier0] article ${articleId} has no guided flow — rebuild the KB`);
        });
      });
    },
  };
}
