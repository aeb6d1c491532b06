/**
 * Search as the user types and asks: live results for each keystroke, the `search` event once a
 * typed query settles, and answers to asked questions. Results that arrive for an older query are
 * dropped by a request counter (the store's `queryId`), never by comparing texts.
 */
import { relevantDiagnostics } from '../../core/diagnostic-triggers.ts';
import type { Emitter } from '../../core/events.ts';
import { toAnswerHits } from '../../core/state.ts';
import type { SearchHit, SearchResponse } from '../../core/search/search-types.ts';
import type { Store } from '../../core/store.ts';
import type { SiteActions } from '../site-actions.ts';
import type { KbAccess } from './kb-access.ts';

/** Delay after the last keystroke before a typed query counts as settled (event + `searches`). */
export const SETTLE_MS = 450;
/** Live results shown while typing; answers kept per question (best + alternatives + "No" extras). */
export const LIVE_LIMIT = 6;
export const ANSWER_LIMIT = 6;

export interface LiveSearchDeps {
  kb: KbAccess;
  store: Store;
  emitter: Emitter;
  now: () => string;
  actions?: Pick<SiteActions, 'match'>;
  /** Whether browser checks can be offered with an answer. */
  canDiagnose: boolean;
}

export interface LiveSearch {
  setQuery(query: string): void;
  /** Shows live results for what the box holds now (after the KB arrived). */
  refresh(): void;
  ask(query: string): void;
  stop(): void;
}

/** Creates the live search over the KB access and the store. */
export function createLiveSearch(deps: LiveSearchDeps): LiveSearch {
  const { kb, store, emitter } = deps;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  // The answers still waiting for the spelling correction: a question asked meanwhile waits its turn.
  let waiting: Promise<unknown> | undefined;

  const search = (query: string, limit: number) => kb.engine()!.search(query, { limit, boost: kb.boost() });
  /** Loads the spelling correction a search asked for, then `again()`; a failed load is reported by kb. */
  const withCorrections = (again: () => void) => {
    kb.loadCorrections().then(again, () => {});
  };
  const answer = (q: string, res: SearchResponse): void => {
    const actions = deps.actions?.match(q) ?? [];
    const diagnostics = deps.canDiagnose ? relevantDiagnostics(q) : [];
    store.dispatch({ type: 'ask', query: q, hits: toAnswerHits(res.hits), suggestion: res.suggestion, at: deps.now(), actions, diagnostics });
    emitSearch(q, res.hits);
  };
  const emitSearch = (query: string, hits: readonly SearchHit[]): void => {
    emitter.emit('search', { query, results: hits.map(({ id, title, score, section }) => (section ? { id, title, score, section } : { id, title, score })) });
  };

  const runLive = (): void => {
    const { query, queryId } = store.get();
    if (!kb.engine() || !query.trim()) return;
    const res = search(query, LIVE_LIMIT);
    store.dispatch({ type: 'results', queryId, hits: toAnswerHits(res.hits) });
    // Results without corrections now; with them as soon as they load, if the box still holds this query.
    if (res.correctionsPending) withCorrections(() => store.get().queryId === queryId && runLive());
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      // Typed on since, or asked: this query did not settle.
      if (store.get().queryId !== queryId) return;
      const q = query.trim();
      store.dispatch({ type: 'settled', query: q });
      emitSearch(q, res.hits);
    }, SETTLE_MS);
  };

  return {
    setQuery(query) {
      store.dispatch({ type: 'query', query });
      if (!query.trim()) clearTimeout(settleTimer);
      else if (kb.engine()) runLive();
      else void kb.load();
    },
    refresh: runLive,
    ask(query) {
      const q = query.trim();
      if (!q) return;
      clearTimeout(settleTimer);
      kb.withEngine(() => {
        const res = search(q, ANSWER_LIMIT);
        if (!res.correctionsPending && !waiting) return answer(q, res);
        // An answer is given once, in the order asked: it waits for the spelling correction the
        // question needs (a few milliseconds), or goes without it when the chunk cannot load.
        const again = () => answer(q, search(q, ANSWER_LIMIT));
        const mine = (waiting = (waiting ?? Promise.resolve()).then(() => kb.loadCorrections()).then(again, again));
        void mine.then(() => {
          if (waiting === mine) waiting = undefined;
        });
      });
    },
    stop() {
      clearTimeout(settleTimer);
    },
  };
}
