/**
 * Walking an article's guided flow from the controller: start, answer, Back. With the flow's
 * slice reducer (core/flow-state.ts), which it adds to the store, it is a lazy chunk that
 * controller/guided.ts loads on the first move: a search-and-read session never walks a flow.
 */
import { flowReducer } from '../../core/flow-state.ts';
import type { Action } from '../../core/state.ts';
import type { GuidedDeps } from './guided.ts';

export interface FlowMoves {
  startFlow(articleId: string): void;
  flowAnswer(stepId: string, answerIndex: number): void;
  flowBack(): void;
}

/** Adds the flow's slice reducer to the store and returns the moves. */
export function createFlowMoves(deps: Pick<GuidedDeps, 'kb' | 'store' | 'emitter' | 'now'>): FlowMoves {
  const { kb, store, now } = deps;
  store.use(flowReducer);

  /** Makes a move; a walk the reducer just ended as solved is the article's positive feedback. */
  const move = (action: Action): void => {
    const before = store.get();
    store.dispatch(action);
    const after = store.get();
    const last = after.messages.at(-1);
    if (after !== before && last?.kind === 'flowEnd' && last.outcome === 'solved') deps.emitter.emit('feedback', { id: last.articleId, helpful: true });
  };

  /** Runs `fn` with the current walk's article (nothing when no walk is going on). */
  const withWalk = (fn: (articleId: string) => void): void => {
    const session = store.get().flow;
    if (session) fn(session.articleId);
  };

  return {
    startFlow(articleId) {
      kb.withFlow(articleId, (flow) => move({ type: 'flowStart', articleId, flow, at: now(), articleTitle: kb.engine()?.article(articleId)?.title }));
    },
    flowAnswer(stepId, answerIndex) {
      withWalk((articleId) => kb.withFlow(articleId, (flow) => move({ type: 'flowAnswer', flow, stepId, answerIndex, at: now() })));
    },
    flowBack() {
      withWalk((articleId) => kb.withFlow(articleId, (flow) => store.dispatch({ type: 'flowBack', flow, at: now() })));
    },
  };
}
