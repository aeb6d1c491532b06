/**
 * The headless widget instance: owns the store, loads the KB and the search engine, runs searches,
 * emits the public events and persists the conversation. Preact components only render its state
 * and call its methods (Pagefind's modular-UI shape).
 */
import type { ArticleBody, ArticleMeta, KbCategory } from '../core/kb-format.ts';
import type { SearchEngine, SearchHit } from '../core/search/search-types.ts';
// Bundled with the panel, not a lazy chunk: the panel loads the index as soon as it mounts, so the
// engine is always wanted at once, and one chunk is one request and one gzip stream fewer.
import { loadSearchEngine } from '../core/search/engine.ts';
import type { Emitter } from '../core/events.ts';
import { matchPages } from '../core/glob.ts';
import { createStore, type Store } from '../core/store.ts';
import { initialState, persistable, toAnswerHits, type EscalationReason, type Identity, type Prefill } from '../core/state.ts';
import { createKbClient, type KbClient } from './kb-client.ts';
import { createSessionStore, type SessionStore } from './session-store.ts';
import type { Action as SelfServiceAction } from '../core/actions.ts';
import type { SiteActions } from './site-actions.ts';
import { DIAGNOSTIC_IDS, relevantDiagnostics, type DiagnosticId } from '../core/diagnostic-triggers.ts';
import type { Finding } from '../core/diagnostics-relevance.ts';
import type { Flow } from '../core/flow-types.ts';
import type { StatusFeed } from './status-banner.ts';

/** Delay after the last keystroke before a typed query counts as settled (event + `searches`). */
export const SETTLE_MS = 450;
/** Live results shown while typing; answers kept per question (best + alternatives + "No" extras). */
export const LIVE_LIMIT = 6;
export const ANSWER_LIMIT = 6;

export interface ControllerDeps {
  kbUrl: string;
  emitter: Emitter;
  report: (message: string, error?: unknown) => void;
  /** Current URL path, for `pages:` suggestions. */
  path: string;
  client?: KbClient;
  session?: SessionStore;
  now?: () => string;
  /** Site self-service actions (options.actions), suggested above answers that match. */
  actions?: Pick<SiteActions, 'list' | 'match'>;
  /**
   * Runs the browser self-diagnostics (services/diagnostics.ts in the panel); without it no check
   * is offered. Called synchronously from the user's click, as the pop-up check requires.
   */
  runChecks?: (ids: readonly DiagnosticId[]) => Promise<Finding[]>;
  /** The status banner's feed (options.statusUrl), loaded each time the panel opens. */
  statusFeed?: StatusFeed;
}

export interface WidgetController {
  store: Store;
  /** Top categories for quick-topic chips (from the manifest), most articles first. */
  categories(): KbCategory[];
  /** Articles suggested for the current page. */
  suggested(): ArticleMeta[];
  meta(id: string): ArticleMeta | undefined;
  body(id: string): ArticleBody | undefined;
  kbUrl: string;
  loadKb(): Promise<void>;
  open(): void;
  close(): void;
  setQuery(query: string): void;
  ask(query: string): void;
  chooseCategory(category: KbCategory): void;
  answerFeedback(messageId: number, helpful: boolean): void;
  /** `anchor`: a heading id to open the article at (a search hit's section). */
  openArticle(id: string, push?: boolean, anchor?: string): void;
  retryArticle(): void;
  /** Called by the article view once the article is in the DOM. */
  articleShown(id: string): void;
  articleFeedback(id: string, helpful: boolean): void;
  back(): void;
  escalate(reason: EscalationReason): void;
  identify(identity: Identity): void;
  prefill(prefill: Prefill): void;
  reset(): void;
  destroy(): void;
  /** Self-service actions by id (for rendering an answer's suggestions). */
  action(id: string): SelfServiceAction | undefined;
  /** Whether self-diagnostics can be offered. */
  canDiagnose: boolean;
  /** "Walk me through it": starts the article's guided flow in the chat. */
  startFlow(articleId: string): void;
  flowAnswer(stepId: string, answerIndex: number): void;
  flowBack(): void;
  /** Adds the diagnostics card to the chat ("Check my browser"); `userText` is the chip's label. */
  offerDiagnostics(userText?: string, ids?: readonly DiagnosticId[]): void;
  /** Runs the checks; call straight from the click on "Run checks". */
  runDiagnostics(ids?: readonly DiagnosticId[]): void;
  dismissIncident(id: string): void;
}

/** Creates the widget instance (no DOM; fetch and sessionStorage through its services). */
export function createWidgetController(deps: ControllerDeps): WidgetController {
  const { emitter, report } = deps;
  const now = deps.now ?? (() => new Date().toISOString());
  const client = deps.client ?? createKbClient(deps.kbUrl);
  const session = deps.session ?? createSessionStore();
  const store = createStore(initialState());
  const saved = session.load();
  if (saved) store.dispatch({ type: 'restore', saved });

  let engine: SearchEngine | undefined;
  let categories: KbCategory[] = [];
  let boost: string[] = [];
  let loading: Promise<void> | undefined;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;
  const bodies = new Map<string, ArticleBody>();
  const siteActions = deps.actions;
  const waiting: Array<() => void> = [];

  const whenReady = (fn: () => void): void => {
    if (engine) fn();
    else {
      waiting.push(fn);
      void loadKb();
    }
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.open !== prev.open) emitter.emit(s.open ? 'open' : 'close', {});
    if (s.messages !== prev.messages || s.articlesViewed !== prev.articlesViewed || s.searches !== prev.searches
      || s.escalationReason !== prev.escalationReason || s.diagnostics !== prev.diagnostics) session.save(persistable(s));
  });

  async function loadKb(): Promise<void> {
    if (engine) return;
    if (loading) return loading;
    store.dispatch({ type: 'kb', status: 'loading' });
    loading = (async () => {
      const [manifest, index] = await Promise.all([client.manifest(), client.index()]);
      if (destroyed) return;
      const fail = (error: string, cause?: unknown): void => {
        report(error, cause);
        store.dispatch({ type: 'kb', status: 'error', error });
      };
      if (!manifest.ok) return fail(manifest.error);
      if (!index.ok) return fail(index.error);
      try {
        engine = loadSearchEngine(index.value);
      } catch (error) {
        return fail(error instanceof Error && error.message.startsWith('[tier0]') ? error.message
          : '[tier0] the KB index could not be read — rebuild it with "npx tier0 build"', error);
      }
      categories = [...(manifest.value.categories ?? [])].sort((a, b) => b.count - a.count);
      boost = matchPages(engine.articles, deps.path);
      store.dispatch({ type: 'kb', status: 'ready' });
      emitter.emit('ready', { articles: engine.articles.length });
      for (const fn of waiting.splice(0)) fn();
      // A query typed while the KB was loading gets its results now.
      const q = store.get().query;
      if (q.trim()) runLive(q);
    })().finally(() => { loading = undefined; });
    return loading;
  }

  const search = (query: string, limit: number) => engine!.search(query, { limit, boost });

  const emitSearch = (query: string, hits: readonly SearchHit[]): void => {
    emitter.emit('search', { query, results: hits.map(({ id, title, score, section }) => (section ? { id, title, score, section } : { id, title, score })) });
  };

  const runLive = (query: string): void => {
    if (!engine) return;
    const res = search(query, LIVE_LIMIT);
    store.dispatch({ type: 'results', query, hits: toAnswerHits(res.hits) });
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      const q = query.trim();
      if (!q || store.get().query !== query) return;
      store.dispatch({ type: 'settled', query: q });
      emitSearch(q, res.hits);
    }, SETTLE_MS);
  };

  const openArticle = (id: string, push = false, anchor?: string): void => {
    store.dispatch({ type: 'openArticle', id, title: engine?.article(id)?.title, push, anchor });
    whenReady(() => void loadBody(id));
  };

  async function loadBody(id: string): Promise<void> {
    const meta = engine?.article(id);
    if (!meta) {
      store.dispatch({ type: 'articleStatus', id, status: 'missing' });
      return;
    }
    if (bodies.has(id)) {
      store.dispatch({ type: 'articleStatus', id, status: 'ready', title: meta.title });
      return;
    }
    const r = await client.article(meta.body);
    if (destroyed) return;
    if (r.ok && r.value && typeof r.value.html === 'string') {
      bodies.set(id, r.value);
      store.dispatch({ type: 'articleStatus', id, status: 'ready', title: meta.title });
    } else {
      report(r.ok ? `[tier0] article ${meta.body} is malformed — rebuild the KB` : r.error);
      store.dispatch({ type: 'articleStatus', id, status: 'error' });
    }
  }

  /** The article's flow, fetching its body first when needed (e.g. after a reload). */
  const withFlow = (articleId: string, fn: (flow: Flow) => void): void => {
    whenReady(() => {
      const ready = bodies.get(articleId);
      if (ready?.flow) return fn(ready.flow);
      const meta = engine?.article(articleId);
      if (!meta) return;
      void client.article(meta.body).then((r) => {
        if (destroyed) return;
        if (r.ok && r.value && typeof r.value.html === 'string') {
          bodies.set(articleId, r.value);
          if (r.value.flow) fn(r.value.flow);
          else report(`[tier0] article ${articleId} has no guided flow — rebuild the KB`);
        } else report(r.ok ? `[tier0] article ${meta.body} is malformed — rebuild the KB` : r.error);
      });
    });
  };

  /** Escalates once a flow ends in "support" (the reducer set the reason `flow:<id>`). */
  const afterFlow = (): void => {
    const s = store.get();
    const last = s.messages[s.messages.length - 1];
    if (last?.kind !== 'flowEnd') return;
    if (last.outcome === 'solved') emitter.emit('feedback', { id: last.articleId, helpful: true });
    else if (s.escalationReason) {
      store.dispatch({ type: 'escalate', reason: s.escalationReason });
      emitter.emit('escalate', { reason: s.escalationReason });
    }
  };

  const loadStatus = (): void => {
    const feed = deps.statusFeed;
    if (!feed) return;
    void feed.load().then((snapshot) => {
      if (destroyed) return;
      store.dispatch({ type: 'status', status: snapshot ? { ...snapshot, incidents: feed.visible(snapshot) } : undefined });
    });
  };

  return {
    store,
    kbUrl: deps.kbUrl,
    categories: () => categories,
    suggested: () => (engine ? boost.map((id) => engine!.article(id)).filter((a): a is ArticleMeta => !!a) : []),
    meta: (id) => engine?.article(id),
    body: (id) => bodies.get(id),
    loadKb,
    open() {
      const wasOpen = store.get().open;
      store.dispatch({ type: 'open' });
      void loadKb();
      if (!wasOpen) loadStatus();
    },
    close() {
      store.dispatch({ type: 'close' });
    },
    setQuery(query) {
      store.dispatch({ type: 'query', query });
      if (!query.trim()) clearTimeout(settleTimer);
      else if (engine) runLive(query);
      else void loadKb();
    },
    ask(query) {
      const q = query.trim();
      if (!q) return;
      clearTimeout(settleTimer);
      whenReady(() => {
        const res = search(q, ANSWER_LIMIT);
        const actions = siteActions?.match(q) ?? [];
        const diagnostics = deps.runChecks ? relevantDiagnostics(q) : [];
        store.dispatch({ type: 'ask', query: q, hits: toAnswerHits(res.hits), suggestion: res.suggestion, at: now(), actions, diagnostics });
        emitSearch(q, res.hits);
      });
    },
    chooseCategory(category) {
      whenReady(() => {
        const hits = engine!.articles.filter((a) => a.category === category.id).slice(0, 8)
          .map((a) => ({ id: a.id, title: a.title, score: 0, snippet: a.description ? [{ text: a.description, mark: false }] : [] }));
        store.dispatch({ type: 'category', title: category.title, hits, at: now() });
      });
    },
    answerFeedback(messageId, helpful) {
      const msg = store.get().messages.find((m) => m.id === messageId);
      if (!msg || msg.kind !== 'answer' || msg.feedback) return;
      store.dispatch({ type: 'answerFeedback', messageId, helpful, at: now() });
      const best = msg.hits[0];
      if (best) emitter.emit('feedback', { id: best.id, helpful });
    },
    openArticle,
    retryArticle() {
      const a = store.get().article;
      if (!a) return;
      store.dispatch({ type: 'articleStatus', id: a.id, status: 'loading' });
      whenReady(() => void loadBody(a.id));
    },
    articleShown(id) {
      const meta = engine?.article(id);
      emitter.emit('article:view', { id, title: meta?.title ?? id });
    },
    articleFeedback(id, helpful) {
      store.dispatch({ type: 'articleFeedback', id, helpful });
      emitter.emit('feedback', { id, helpful });
    },
    back() {
      store.dispatch({ type: 'back' });
      const a = store.get().article;
      if (a && a.status === 'loading') whenReady(() => void loadBody(a.id));
    },
    escalate(reason) {
      store.dispatch({ type: 'escalate', reason });
      emitter.emit('escalate', { reason });
    },
    identify(identity) {
      store.dispatch({ type: 'identify', identity });
    },
    prefill(prefill) {
      store.dispatch({ type: 'prefill', prefill });
    },
    reset() {
      clearTimeout(settleTimer);
      store.dispatch({ type: 'reset' });
      session.clear();
    },
    action: (id) => siteActions?.list.find((a) => a.id === id),
    canDiagnose: !!deps.runChecks,
    startFlow(articleId) {
      withFlow(articleId, (flow) => {
        store.dispatch({ type: 'flowStart', articleId, flow, at: now() });
        afterFlow();
      });
    },
    flowAnswer(stepId, answerIndex) {
      const session = store.get().flow;
      if (!session) return;
      withFlow(session.articleId, (flow) => {
        store.dispatch({ type: 'flowAnswer', flow, stepId, answerIndex, at: now() });
        afterFlow();
      });
    },
    flowBack() {
      const session = store.get().flow;
      if (!session) return;
      withFlow(session.articleId, (flow) => store.dispatch({ type: 'flowBack', flow, at: now() }));
    },
    offerDiagnostics(userText, ids = DIAGNOSTIC_IDS) {
      if (!deps.runChecks) return;
      store.dispatch({ type: 'diagnosticsOffer', ids: [...ids], userText, at: now() });
    },
    runDiagnostics(ids = DIAGNOSTIC_IDS) {
      const run = deps.runChecks;
      if (!run || store.get().diagnostics.status === 'running') return;
      store.dispatch({ type: 'diagnosticsRun' });
      // Synchronous call: the pop-up check must happen inside the user's click.
      void run(ids).then(
        (findings) => { if (!destroyed) store.dispatch({ type: 'diagnosticsDone', findings, at: now() }); },
        (error: unknown) => {
          report('[tier0] the browser check failed — this is a bug in Tier0, please report it', error);
          if (!destroyed) store.dispatch({ type: 'diagnosticsDone', findings: [], at: now() });
        },
      );
    },
    dismissIncident(id) {
      deps.statusFeed?.dismiss(id);
      store.dispatch({ type: 'dismissIncident', id });
    },
    destroy() {
      destroyed = true;
      clearTimeout(settleTimer);
      unsubscribe();
      waiting.length = 0;
    },
  };
}
