/**
 * The chat's guided messages: adapters from the widget state and controller to the guided
 * components (flow steps, diagnostics card, action links). The flow step renders article HTML, so
 * it is loaded lazily like the article view (DOMPurify stays out of the first panel chunk).
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { Message, WidgetState } from '../../core/state.ts';
import type { WidgetController } from '../../services/widget-controller.ts';
import type { Action } from '../../core/actions.ts';
import { format, type Strings } from '../../core/i18n/strings.ts';
import type { FlowStepMessageProps } from './flow-step-message.tsx';
import { DiagnosticsCard } from './diagnostics-card.tsx';
import { ActionSuggestion } from './action-suggestion.tsx';

type FlowStepMsg = Extract<Message, { kind: 'flowStep' }>;

let flowStepModule: Promise<{ FlowStepMessage: ComponentType<FlowStepMessageProps> }> | undefined;
/** Starts loading the flow step chunk (shares DOMPurify with the article view). */
export function preloadFlowStep(): Promise<{ FlowStepMessage: ComponentType<FlowStepMessageProps> }> {
  flowStepModule ??= import('./flow-step-message.tsx');
  return flowStepModule;
}

/** A flow step in the chat: live (answer buttons) only while it is the step awaiting an answer. */
export function FlowStepBubble({ message, state, controller, strings }: {
  message: FlowStepMsg;
  state: WidgetState;
  controller: WidgetController;
  strings: Strings;
}) {
  const [View, setView] = useState<ComponentType<FlowStepMessageProps> | null>(null);
  useEffect(() => {
    let live = true;
    preloadFlowStep().then((m) => { if (live) setView(() => m.FlowStepMessage); }, (error: unknown) => {
      flowStepModule = undefined;
      console.error('[tier0] cannot load the guided troubleshooting chunk — serve the whole dist/ folder next to tier0.js', error);
    });
    return () => { live = false; };
  }, []);
  const session = state.flow;
  const active = !!session && session.messageId === message.id && session.walk.status === 'step';
  const lastId = state.messages[state.messages.length - 1]?.id;
  if (!View) return <p class="t0-muted"><strong>{message.step.title}</strong></p>;
  return (
    <View
      step={message.step}
      strings={strings}
      active={active}
      autoFocus={active && lastId === message.id}
      canGoBack={active && (session?.walk.path.length ?? 0) > 0}
      onAnswer={(index) => controller.flowAnswer(message.step.id, index)}
      onBack={() => controller.flowBack()}
      onSkip={() => controller.openArticle(message.articleId)}
      onOpenArticle={(id) => controller.openArticle(id)}
    />
  );
}

/** The diagnostics card; only the newest card is interactive, older ones keep their place. */
export function DiagnosticsBubble({ message, state, controller, strings }: {
  message: Extract<Message, { kind: 'diagnostics' }>;
  state: WidgetState;
  controller: WidgetController;
  strings: Strings;
}) {
  const newest = [...state.messages].reverse().find((m) => m.kind === 'diagnostics')?.id === message.id;
  const { status, findings } = newest ? state.diagnostics : { status: 'done' as const, findings: [] };
  if (!newest) return <p class="t0-muted">{strings['guided.diag.title']}</p>;
  return (
    <DiagnosticsCard
      strings={strings}
      status={status}
      findings={findings}
      onRun={() => controller.runDiagnostics(message.ids)}
      articleTitle={(id) => controller.meta(id)?.title}
      onOpenArticle={(id) => controller.openArticle(id)}
    />
  );
}

/** Self-service actions an answer matched, above the article. */
export function AnswerActions({ ids, controller, strings }: { ids: readonly string[] | undefined; controller: WidgetController; strings: Strings }) {
  const actions = (ids ?? []).map((id) => controller.action(id)).filter((a): a is Action => !!a);
  return <ActionSuggestion actions={actions} strings={strings} />;
}

/** "Walk me through it" under an answer whose article has a guided flow. */
export function WalkButton({ articleId, controller, strings }: { articleId: string; controller: WidgetController; strings: Strings }) {
  if (!controller.meta(articleId)?.hasFlow) return null;
  return (
    <button type="button" class="t0-btn t0-btn-primary t0-walk" onMouseEnter={() => void preloadFlowStep().catch(() => undefined)}
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
