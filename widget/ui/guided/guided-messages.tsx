/**
 * The chat's guided messages: adapters from the widget state and controller to the guided
 * components (flow steps, diagnostics card, action links). The components, their styles and the
 * browser checks are a lazy chunk (guided-chunk.tsx), loaded when a conversation first uses them
 * or the pointer nears "Walk me through it"; what stays here is what every answer needs.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Message, WidgetState } from '../../core/state.ts';
import type { WidgetController } from '../../services/widget-controller.ts';
import type { DiagnosticId, Finding } from '../../core/diagnostics-relevance.ts';
import { format, type Strings } from '../../core/i18n/strings.ts';

type GuidedModule = typeof import('./guided-chunk.tsx');

let loaded: GuidedModule | undefined;
let pending: Promise<GuidedModule> | undefined;
const cssListeners = new Set<(css: string) => void>();

/** Loads the guided chunk once (a failed load is retried by the next caller). */
export function loadGuided(): Promise<GuidedModule> {
  pending ??= import('./guided-chunk.tsx').then((m) => {
    loaded = m;
    for (const fn of cssListeners) fn(m.guidedCss);
    cssListeners.clear();
    return m;
  }, (error: unknown) => {
    pending = undefined;
    console.error('[tier0] cannot load the guided troubleshooting chunk — serve the whole dist/ folder next to tier0.js', error);
    throw error;
  });
  return pending;
}

/** Calls `fn` with the guided styles once the chunk is loaded (at once if it is); returns an unsubscribe. */
export function onGuidedCss(fn: (css: string) => void): () => void {
  if (loaded) {
    fn(loaded.guidedCss);
    return () => {};
  }
  cssListeners.add(fn);
  return () => cssListeners.delete(fn);
}

/**
 * Runs the browser checks. The only caller is the "Run checks" button, which the guided chunk
 * renders, so the chunk is loaded and the checks start synchronously inside the click, as the
 * pop-up check requires.
 */
export function runGuidedChecks(ids: readonly DiagnosticId[], kbUrl: string): Promise<Finding[]> {
  if (loaded) return loaded.runDiagnostics(loaded.diagnosticsEnv(), { kbUrl }, ids);
  return loadGuided().then((m) => m.runDiagnostics(m.diagnosticsEnv(), { kbUrl }, ids));
}

/**
 * Renders with the guided chunk once loaded; until then (a few ms) `fallback`. A load that failed
 * (offline before warm-up got to it) is tried again when the browser is back online.
 */
function WithGuided({ render, fallback = null }: { render: (m: GuidedModule) => ComponentChildren; fallback?: ComponentChildren }) {
  const [mod, setMod] = useState(loaded);
  useEffect(() => {
    if (mod) return;
    let live = true;
    const load = (): void => {
      loadGuided().then((m) => { if (live) setMod(m); }, () => { if (live) addEventListener('online', load, { once: true }); });
    };
    load();
    return () => {
      live = false;
      removeEventListener('online', load);
    };
  }, []);
  return <>{mod ? render(mod) : fallback}</>;
}

interface BubbleProps<M> {
  message: M;
  state: WidgetState;
  controller: WidgetController;
  strings: Strings;
}

/** A flow step in the chat (its title shows while the chunk loads). */
export function FlowStepBubble(props: BubbleProps<Extract<Message, { kind: 'flowStep' }>>) {
  return <WithGuided render={(m) => <m.FlowStep {...props} />} fallback={<p class="t0-muted"><strong>{props.message.step.title}</strong></p>} />;
}

/** The diagnostics card. */
export function DiagnosticsBubble(props: BubbleProps<Extract<Message, { kind: 'diagnostics' }>>) {
  return <WithGuided render={(m) => <m.Diagnostics {...props} />} fallback={<p class="t0-muted">{props.strings['guided.diag.title']}</p>} />;
}

/** Self-service actions an answer matched, above the article. */
export function AnswerActions({ ids, controller, strings }: { ids: readonly string[] | undefined; controller: WidgetController; strings: Strings }) {
  if (!ids?.length) return null;
  return <WithGuided render={(m) => <m.Actions ids={ids} controller={controller} strings={strings} />} />;
}

/** "Walk me through it" under an answer whose article has a guided flow. */
export function WalkButton({ articleId, controller, strings }: { articleId: string; controller: WidgetController; strings: Strings }) {
  if (!controller.meta(articleId)?.hasFlow) return null;
  const warm = (): void => void loadGuided().catch(() => undefined);
  return (
    <button type="button" class="t0-btn t0-btn-primary t0-walk" onMouseEnter={warm} onFocus={warm}
      onClick={() => controller.startFlow(articleId)}>
      {strings['guided.walkMeThrough']}
    </button>
  );
}

/** The end of a walk: glad it is fixed, or handing over to a person. */
export function flowEndText(message: Extract<Message, { kind: 'flowEnd' }>, strings: Strings, canEscalate: boolean): string {
  if (message.outcome === 'solved') return strings['guided.solved'] ?? '';
  const text = message.broken ? strings['guided.flowBroken'] : strings['guided.support'];
  return canEscalate ? text ?? '' : `${text ?? ''} ${strings.noSupport}`;
}

/** What the live region says for guided messages ('' for the others). */
export function announceGuided(message: Message, strings: Strings, canEscalate: boolean): string {
  switch (message.kind) {
    case 'flowIntro': return format(strings['guided.flowIntro'] ?? '', { title: message.title });
    case 'flowStep': return message.step.title;
    case 'flowEnd': return flowEndText(message, strings, canEscalate);
    case 'diagnostics': return strings['guided.diag.consent'] ?? '';
    default: return '';
  }
}
