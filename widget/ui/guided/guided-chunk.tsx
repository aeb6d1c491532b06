/**
 * The guided chunk: everything of guided troubleshooting, self-diagnostics and self-service
 * actions that only a conversation using them needs (a walk's messages, the card and action
 * components, their styles, the browser checks, what the live region says for them, the English
 * texts only they show). guided-messages.tsx imports it
 * on first use, with the user's locale of those texts, so a plain search-and-read session never
 * downloads either. Components get the panel's strings with those texts merged in.
 */
import type { Message, WidgetState } from '../../core/state.ts';
import type { WidgetController } from '../../services/widget-controller.ts';
import type { Action } from '../../core/actions.ts';
import { format, type Strings } from '../../core/i18n/strings.ts';
import { FlowStepMessage } from './flow-step-message.tsx';
import { DiagnosticsCard } from './diagnostics-card.tsx';
import { ActionSuggestion } from './action-suggestion.tsx';
import { ContactButton } from '../contact-button.tsx';
import { formatIsolated } from '../isolate.tsx';

export { guidedCss } from './guided-css.ts';
export { guidedRestEn } from '../../core/i18n/guided-en-rest.ts';
export { diagnosticsEnv, runDiagnostics } from '../../services/diagnostics.ts';

type FlowStepMsg = Extract<Message, { kind: 'flowStep' }>;
type GuidedBotMessage = Extract<Message, { kind: 'flowIntro' | 'flowStep' | 'flowEnd' | 'diagnostics' }>;

interface BubbleProps<M> {
  message: M;
  state: WidgetState;
  controller: WidgetController;
  strings: Strings;
}

/** A guided message in the chat's bot bubble: a walk's intro, a step, its end; the browser check card. */
export function GuidedMessage(props: BubbleProps<GuidedBotMessage> & { canEscalate: boolean }) {
  const { message: m, state, controller, strings, canEscalate } = props;
  switch (m.kind) {
    case 'flowIntro':
      return <p>{formatIsolated(strings['guided.flowIntro'] ?? '', { title: m.title })}</p>;
    case 'flowStep':
      return <FlowStep {...props} message={m} />;
    case 'flowEnd':
      return (
        <>
          <p>{flowEndText(m, strings, canEscalate)}</p>
          {m.outcome === 'support' && canEscalate && state.view !== 'ticket' && (
            <p class="t0-row"><ContactButton controller={controller} strings={strings} reason={`flow:${m.articleId}`} primary /></p>
          )}
        </>
      );
    case 'diagnostics':
      return <Diagnostics {...props} message={m} />;
  }
}

/** The end of a walk: glad it is fixed, or handing over to a person. */
function flowEndText(message: Extract<Message, { kind: 'flowEnd' }>, strings: Strings, canEscalate: boolean): string {
  if (message.outcome === 'solved') return strings['guided.solved'] ?? '';
  const text = message.broken ? strings['guided.flowBroken'] : strings['guided.support'];
  return canEscalate ? text ?? '' : `${text ?? ''} ${strings.noSupport}`;
}

/** What the live region says for a guided message ('' for the others). */
export function announce(message: Message, strings: Strings, canEscalate: boolean): string {
  switch (message.kind) {
    case 'flowIntro': return format(strings['guided.flowIntro'] ?? '', { title: message.title });
    case 'flowStep': return message.step.title;
    case 'flowEnd': return flowEndText(message, strings, canEscalate);
    case 'diagnostics': return strings['guided.diag.consent'] ?? '';
    default: return '';
  }
}

/** A flow step in the chat: live (answer buttons) only while it is the step awaiting an answer. */
export function FlowStep({ message, state, controller, strings }: BubbleProps<FlowStepMsg>) {
  const session = state.flow;
  const active = !!session && session.messageId === message.id && session.walk.status === 'step';
  const lastId = state.messages[state.messages.length - 1]?.id;
  return (
    <FlowStepMessage
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
export function Diagnostics({ message, state, controller, strings }: BubbleProps<Extract<Message, { kind: 'diagnostics' }>>) {
  const newest = [...state.messages].reverse().find((m) => m.kind === 'diagnostics')?.id === message.id;
  if (!newest) return <p class="t0-muted">{strings['guided.diag.title']}</p>;
  return (
    <DiagnosticsCard
      strings={strings}
      status={state.diagnostics.status}
      findings={state.diagnostics.findings}
      onRun={() => controller.runDiagnostics(message.ids)}
      articleTitle={(id) => controller.meta(id)?.title}
      onOpenArticle={(id) => controller.openArticle(id)}
    />
  );
}

/** Self-service actions an answer matched, above the article. */
export function Actions({ ids, controller, strings }: { ids: readonly string[]; controller: WidgetController; strings: Record<string, string> }) {
  const actions = ids.map((id) => controller.action(id)).filter((a): a is Action => !!a);
  return <ActionSuggestion actions={actions} strings={strings} />;
}
