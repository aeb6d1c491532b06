/**
 * Guided help in the chat: walking an article's flow (start, answer, Back) and the browser
 * self-diagnostics (offer, run). Decisions (what the next step is, that a dead end escalates) are
 * the reducers'. The flow moves (fetching the flow, the solved feedback) and the flow's slice
 * reducer are a lazy chunk (flow-moves.ts) loaded on the first move; this module runs the checks.
 */
import { DIAGNOSTIC_IDS, type DiagnosticId } from '../../core/diagnostic-triggers.ts';
import type { Finding } from '../../core/diagnostics-relevance.ts';
import type { Emitter } from '../../core/events.ts';
import type { Store } from '../../core/store.ts';
import { lazyChunk } from '../../core/lazy-chunk.ts';
import type { FlowMoves } from './flow-moves.ts';
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
  let moves: FlowMoves | undefined;
  const loadMoves = lazyChunk(() => import('./flow-moves.ts').then((m) => (moves ??= m.createFlowMoves(deps))), 'the guided flow chunk', deps.report);
  /**
   * Runs `fn` with the flow moves: at once when their chunk is there (an answer stays synchronous
   * inside the click), else once it arrives; a chunk that fails was reported and the move is
   * dropped (the user can click again, which retries).
   */
  const withMoves = (fn: (m: FlowMoves) => void): void => {
    if (moves) fn(moves);
    else loadMoves().then((m) => { if (!deps.destroyed()) fn(m); }, () => undefined);
  };

  return {
    startFlow: (articleId) => withMoves((m) => m.startFlow(articleId)),
    flowAnswer: (stepId, answerIndex) => withMoves((m) => m.flowAnswer(stepId, answerIndex)),
    flowBack: () => withMoves((m) => m.flowBack()),
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
