/**
 * The headless widget instance: owns the store, emits the public events and persists the
 * conversation, and composes one module per concern (services/controller/: the KB and its
 * articles, live search, guided help). Preact components only render its state and call its
 * methods (Pagefind's modular-UI shape).
 */
import type { ArticleBody, ArticleMeta, KbCategory } from '../core/kb-format.ts';
import type { Emitter } from '../core/events.ts';
import { createStore, type Store } from '../core/store.ts';
import { initialState, persistable, type EscalationReason, type Identity, type Prefill, type View } from '../core/state.ts';
import { createKbClient, type KbClient } from './kb-client.ts';
import { createSessionStore, type SessionStore } from './session-store.ts';
import type { Action as SelfServiceAction } from '../core/actions.ts';
import type { SiteActions } from './site-actions.ts';
import type { DiagnosticId } from '../core/diagnostic-triggers.ts';
import type { Finding } from '../core/diagnostics-relevance.ts';
import { createKbAccess } from './controller/kb-access.ts';
import { createLiveSearch } from './controller/live-search.ts';
import { createGuided, type Guided } from './controller/guided.ts';

export { ANSWER_LIMIT, LIVE_LIMIT, SETTLE_MS } from './controller/live-search.ts';

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
}

export interface WidgetController extends Guided {
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
  /** Moves the combobox's active option (arrow keys, pointer). */
  setActive(index: number): void;
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
  /** Switches screens (the ticket form's "Back to help"). */
  show(view: View): void;
  escalate(reason: EscalationReason): void;
  identify(identity: Identity): void;
  prefill(prefill: Prefill): void;
  reset(): void;
  destroy(): void;
  /** Self-service actions by id (for rendering an answer's suggestions). */
  action(id: string): SelfServiceAction | undefined;
  /** Whether self-diagnostics can be offered. */
  canDiagnose: boolean;
}

/** Creates the widget instance (no DOM; fetch and sessionStorage through its services). */
export function createWidgetController(deps: ControllerDeps): WidgetController {
  const { emitter, report } = deps;
  const now = deps.now ?? (() => new Date().toISOString());
  const session = deps.session ?? createSessionStore();
  const store = createStore(initialState());
  const saved = session.load();
  if (saved) store.dispatch({ type: 'restore', saved });

  let destroyed = false;
  const isDestroyed = () => destroyed;
  const kb = createKbAccess({
    client: deps.client ?? createKbClient(deps.kbUrl), store, emitter, report, path: deps.path, destroyed: isDestroyed,
    // A query typed while the KB was loading gets its results now.
    onReady: () => live.refresh(),
  });
  const live = createLiveSearch({ kb, store, emitter, now, actions: deps.actions, canDiagnose: !!deps.runChecks });
  const guided = createGuided({ kb, store, emitter, now, report, destroyed: isDestroyed, runChecks: deps.runChecks });

  // Public events follow the state: each is emitted where the reducer made the change, whoever
  // asked for it (a click, the API, a guided flow that ends with "I need a person").
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.open !== prev.open) emitter.emit(s.open ? 'open' : 'close', {});
    if (s.view === 'ticket' && prev.view !== 'ticket') emitter.emit('escalate', { reason: s.escalationReason ?? 'api' });
    if (s.messages !== prev.messages || s.articlesViewed !== prev.articlesViewed || s.searches !== prev.searches
      || s.escalationReason !== prev.escalationReason || s.diagnostics !== prev.diagnostics) session.save(persistable(s));
  });

  /** Dispatches; true when the reducer took the action (its guards are the only ones). */
  const took = (action: Parameters<Store['dispatch']>[0]): boolean => {
    const before = store.get();
    store.dispatch(action);
    return store.get() !== before;
  };

  const openArticle = (id: string, push = false, anchor?: string): void => {
    store.dispatch({ type: 'openArticle', id, title: kb.engine()?.article(id)?.title, push, anchor });
    kb.loadBody(id);
  };

  return {
    ...guided,
    store,
    kbUrl: deps.kbUrl,
    categories: kb.categories,
    suggested: () => {
      const engine = kb.engine();
      return engine ? kb.boost().map((id) => engine.article(id)).filter((a): a is ArticleMeta => !!a) : [];
    },
    meta: (id) => kb.engine()?.article(id),
    body: kb.body,
    loadKb: kb.load,
    open() {
      store.dispatch({ type: 'open' });
      void kb.load();
    },
    close() {
      store.dispatch({ type: 'close' });
    },
    setQuery: live.setQuery,
    setActive(index) {
      store.dispatch({ type: 'active', index });
    },
    ask: live.ask,
    chooseCategory(category) {
      kb.withEngine((engine) => {
        const hits = engine.articles.filter((a) => a.category === category.id).slice(0, 8)
          .map((a) => ({ id: a.id, title: a.title, score: 0, snippet: a.description ? [{ text: a.description, mark: false }] : [] }));
        store.dispatch({ type: 'category', title: category.title, hits, at: now() });
      });
    },
    answerFeedback(messageId, helpful) {
      const msg = store.get().messages.find((m) => m.id === messageId);
      const best = msg?.kind === 'answer' ? msg.hits[0] : undefined;
      if (took({ type: 'answerFeedback', messageId, helpful, at: now() }) && best) emitter.emit('feedback', { id: best.id, helpful });
    },
    openArticle,
    retryArticle() {
      const a = store.get().article;
      if (!a) return;
      store.dispatch({ type: 'articleStatus', id: a.id, status: 'loading' });
      kb.loadBody(a.id);
    },
    articleShown(id) {
      emitter.emit('article:view', { id, title: kb.engine()?.article(id)?.title ?? id });
    },
    articleFeedback(id, helpful) {
      store.dispatch({ type: 'articleFeedback', id, helpful });
      emitter.emit('feedback', { id, helpful });
    },
    back() {
      store.dispatch({ type: 'back' });
      const a = store.get().article;
      if (a?.status === 'loading') kb.loadBody(a.id);
    },
    show(view) {
      if (store.get().view !== view) store.dispatch({ type: 'view', view });
    },
    escalate(reason) {
      store.dispatch({ type: 'escalate', reason });
    },
    identify(identity) {
      store.dispatch({ type: 'identify', identity });
    },
    prefill(prefill) {
      store.dispatch({ type: 'prefill', prefill });
    },
    reset() {
      live.stop();
      store.dispatch({ type: 'reset' });
      session.clear();
    },
    action: (id) => deps.actions?.list.find((a) => a.id === id),
    canDiagnose: !!deps.runChecks,
    destroy() {
      destroyed = true;
      live.stop();
      unsubscribe();
    },
  };
}
