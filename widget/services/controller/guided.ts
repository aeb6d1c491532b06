/**
 * Guided help in the chat: walking an article's flow (start, answer, Back) and the browser
 * self-diagnostics (offer, run). Decisions (what the next step is, that a dead end escalates) are
 * the reducer's; this module fetches the flow, runs the checks and emits the solved feedback.
 */
import { DIAGNOSTIC_IDS, type DiagnosticId } from '../../core/diagnostic-triggers.ts';
import type { Finding } from '../../core/diagnostics-relevance.ts';
import type { Emitter } from '../../core/events.ts';
import type { Store } from '../../core/store.ts';
import type { KbAccess } from './kb-access.ts';

export interface GuidedDeps {
  kb: KbAccess;
  store: Store;
  emitter: Emitter;
  now: () => string;
  report: (message: string, error?: unknown) => void;
  destroyed: () => boolean;
  runChecks?: (ids: readonly DiagnosticId[]) => Promise<Finding[]>;
}

export interface Guided {
  startFlow(articleId: string): void;
  flowAnswer(stepId: string, answerIndex: number): void;
  flowBack(): void;
  offerDiagnostics(userText?: string, ids?: readonly DiagnosticId[]): void;
  runDiagnostics(ids?: readonly DiagnosticId[]): void;
}

/** Creates the guided-help part of the controller. */
export function createGuided(deps: GuidedDeps): Guided {
  const { kb, store, now } = deps;

  /** Makes a move; a walk the reducer just ended as solved is the article's positive feedback. */
  const move = (action: Parameters<Store['dispatch']>[0]): void => {
    const before = store.get();
    store.dispatch(action);
    const after = store.get();
    const last = after.messages.at(-1);
    if (after !== before && last?.kind === 'flowEnd' && last.outcome === 'solved') deps.emitter.emit('feedback', { id: last.articleId, helpful: true });
  };

  /** Runs `move` with the current walk's flow (nothing when no walk is going on). */
  const withWalk = (fn: (articleId: string) => void): void => {
    const session = store.get().flow;
    if (session) fn(session.articleId);
  };

  return {
    startFlow(articleId) {
      kb.withFlow(articleId, (flow) => move({ type: 'flowStart', articleId, flow, at: now() }));
    },
    flowAnswer(stepId, answerIndex) {
      withWalk((articleId) => kb.withFlow(articleId, (flow) => move({ type: 'flowAnswer', flow, stepId, answerIndex, at: now() })));
    },
    flowBack() {
      withWalk((articleId) => kb.withFlow(articleId, (flow) => store.dispatch({ type: 'flowBack', flow, at: now() })));
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
        (findings) => { if (!deps.destroyed()) store.dispatch({ type: 'diagnosticsDone', findings, at: now() }); },
        (error: unknown) => {
          deps.report('[tier0] the browser check failed — this is a bug in Tier0, please report it', error);
          if (!deps.destroyed()) store.dispatch({ type: 'diagnosticsDone', findings: [], at: now() });
        },
      );
    },
  };
}
