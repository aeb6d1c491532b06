/**
 * One step of a guided flow as a bot message: the question, its explanation (article HTML,
 * sanitized), and the answers as buttons. Only the current step is `active`; earlier steps stay
 * in the transcript without buttons, since their answers already appear as user messages.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { FlowStep } from '../../core/flow-types.ts';
import { insertSanitized } from '../../services/sanitize.ts';

export interface FlowStepMessageProps {
  step: FlowStep;
  strings: Record<string, string>;
  /** Whether this step awaits an answer (false: shown as history, no buttons). */
  active: boolean;
  /** Move focus to the first answer when the step appears (a new step after an answer). */
  autoFocus?: boolean;
  /** Show "Back" (there is an answer to undo). */
  canGoBack?: boolean;
  onAnswer: (answerIndex: number) => void;
  onBack?: () => void;
  /** "Skip to the article": leave the walk and read the whole article. */
  onSkip?: () => void;
  /** A link to another article inside the step's text (compiled as `data-tier0-article`). */
  onOpenArticle?: (id: string) => void;
}

/** Space kept above a revealed step, in px (as the chat's own scrolling keeps). */
const GAP = 16;

/**
 * Scrolls the conversation the least that shows all of `el`; when it is taller than the view,
 * its top wins ("question first": a step's question before its answers). Only the
 * conversation scrolls, never the host page. Only flow steps use it: it lives here so the panel
 * chunk does not carry it.
 */
function reveal(el: Element, box: HTMLElement | null = el.closest<HTMLElement>('.t0-body')): void {
  if (!box) return;
  const view = box.getBoundingClientRect();
  const rect = el.getBoundingClientRect();
  const top = rect.top - view.top + box.scrollTop;
  const bottom = top + rect.height;
  let next = box.scrollTop;
  if (bottom > next + box.clientHeight) next = bottom - box.clientHeight + GAP;
  if (top < next + GAP) next = top - GAP;
  if (next !== box.scrollTop) box.scrollTo?.({ top: Math.max(0, next) });
}

/** A flow step with its answer buttons, Back and "Skip to the article". */
export function FlowStepMessage({ step, strings, active, autoFocus, canGoBack, onAnswer, onBack, onSkip, onOpenArticle }: FlowStepMessageProps) {
  const firstAnswer = useRef<HTMLButtonElement>(null);
  // useId, not the step id: a looping flow can show the same step twice in one transcript.
  const titleId = useId();
  const body = useRef<HTMLDivElement>(null);
  const hasBody = step.html.trim() !== '';
  const stepRef = useRef<HTMLDivElement>(null);
  // Before the focus effect below, so the step is laid out in full when it scrolls into view.
  useEffect(() => {
    const el = body.current;
    // A fallback chunk that cannot load leaves the text out; the question and answers still work.
    if (el) insertSanitized(el, step.html)?.catch(() => { el.textContent = ''; });
  }, [step.html, hasBody]);
  useEffect(() => {
    if (!(active && autoFocus)) return;
    firstAnswer.current?.focus({ preventScroll: true });
    // Focus moved into new content: show the whole step, its question first when it is tall.
    if (stepRef.current) reveal(stepRef.current);
  }, [active, autoFocus, step.id]);
  // Links to other articles open inside the widget, like in the article view.
  const onBodyClick = (e: MouseEvent): void => {
    const link = (e.target as Element | null)?.closest?.('a[data-tier0-article]');
    const id = link?.getAttribute('data-tier0-article');
    if (!id || !onOpenArticle) return;
    e.preventDefault();
    onOpenArticle(id);
  };
  return (
    <div class="t0-flow-step" data-step={step.id} ref={stepRef}>
      {/* Authored text in the KB's language, whatever the widget's: its own direction (dir=auto). */}
      <p class="t0-flow-title" id={titleId} dir="auto">
        <strong>{step.title}</strong>
      </p>
      {hasBody && <div class="t0-flow-body" dir="auto" ref={body} onClick={onBodyClick} />}
      {active && (
        <>
          <div class="t0-flow-answers" role="group" aria-labelledby={titleId}>
            {step.answers.map((answer, index) => (
              <button
                key={`${index}:${answer.label}`}
                type="button"
                class="t0-flow-answer"
                dir="auto"
                ref={index === 0 ? firstAnswer : undefined}
                onClick={() => onAnswer(index)}
              >
                {answer.label}
              </button>
            ))}
          </div>
          {(canGoBack && onBack) || onSkip ? (
            <div class="t0-flow-nav">
              {canGoBack && onBack && (
                <button type="button" class="t0-flow-back" onClick={onBack}>
                  {strings['guided.back']}
                </button>
              )}
              {onSkip && (
                <button type="button" class="t0-flow-skip" onClick={onSkip}>
                  {strings['guided.skipToArticle']}
                </button>
              )}
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
