/** One conversation message: the user's words, or a bot reply (answer, alternatives, no result, offer). */
import { relatedAnswers } from '../core/related-answers.ts';
import type { ComponentChildren } from 'preact';
import type { Message, AnswerHit, WidgetState } from '../core/state.ts';
import { SHOWN_ANSWERS } from '../core/state.ts';
import type { WidgetController } from '../services/widget-controller.ts';
import { format, type Strings } from '../core/i18n/strings.ts';
import { SectionLabel } from './section-label.tsx';
import { Snippet } from './snippet.tsx';
import { Icon } from './icons.tsx';
import { formatIsolated } from './isolate.tsx';
import { AnswerActions, announceGuided, GuidedBubble, WalkButton } from './guided/guided-messages.tsx';
import { ContactButton } from './contact-button.tsx';

interface Props {
  message: Message;
  state: WidgetState;
  controller: WidgetController;
  strings: Strings;
  canEscalate: boolean;
}

function ArticleLinks({ hits, controller }: { hits: AnswerHit[]; controller: WidgetController }) {
  return (
    <ul class="t0-links">
      {hits.map((h) => (
        <li key={h.id}>
          <button type="button" class="t0-linkbtn" onClick={() => controller.openArticle(h.id, false, h.section?.anchor)}>
            <Icon name="article" />
            <span dir="auto">{h.title}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * The answer's other sections the question reaches ("Also in this article: › Cause"), each opening
 * the article there: when the section shown is not the one the user wanted, it is one click away.
 */
function MoreSections({ hit, controller, strings, labelId }: { hit: AnswerHit; controller: WidgetController; strings: Strings; labelId: string }) {
  if (!hit.moreSections?.length) return null;
  return (
    <div class="t0-more">
      <span id={labelId}>{strings.moreSections}</span>
      <ul class="t0-links" aria-labelledby={labelId}>
        {hit.moreSections.map((section) => (
          <li key={section.anchor}>
            <button
              type="button"
              class="t0-linkbtn"
              aria-label={`${strings.openArticle}: ${hit.title} › ${section.heading}`}
              onClick={() => controller.openArticle(hit.id, false, section.anchor)}
            >
              <span aria-hidden="true">› </span>
              <span dir="auto">{section.heading}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Renders one message. */
export function MessageView({ message: m, state, controller, strings, canEscalate }: Props) {
  if (m.kind === 'user' || m.kind === 'flowAnswer' || m.kind === 'flowBack') {
    return (
      <div class="t0-msg t0-user" data-msg={m.id}>
        <span class="t0-sr">{strings.you}: </span>
        {/* What the user typed and the KB's answer labels: their own direction, not the UI's. */}
        {m.kind === 'flowBack' ? strings['guided.back'] : <span dir="auto">{m.kind === 'user' ? m.text : m.answer}</span>}
      </div>
    );
  }
  const bot = (children: ComponentChildren) => (
    <div class="t0-msg t0-bot" data-msg={m.id}>
      <span class="t0-sr">{strings.assistant}: </span>
      {children}
    </div>
  );
  switch (m.kind) {
    case 'answer': {
      const [best, ...rest] = m.hits;
      const alts = best ? relatedAnswers(best, rest).slice(0, SHOWN_ANSWERS - 1) : [];
      if (!best) return null;
      const qid = `t0-q-${m.id}`;
      return bot(
        <>
          <AnswerActions ids={m.actions} controller={controller} strings={strings} />
          <p>{strings.answerIntro}</p>
          <div class="t0-card">
            <h3 dir="auto">{best.title}</h3>
            <SectionLabel section={best.section} />
            <Snippet parts={best.snippet} />
            <MoreSections hit={best} controller={controller} strings={strings} labelId={`t0-more-${m.id}`} />
            <div class="t0-card-actions">
              <button
                type="button"
                class="t0-btn t0-btn-primary"
                aria-label={`${strings.openArticle}: ${best.title}${best.section ? ` › ${best.section.heading}` : ''}`}
                onClick={() => controller.openArticle(best.id, false, best.section?.anchor)}
              >
                <Icon name="article" />
                {strings.openArticle}
              </button>
              {!m.feedback && <WalkButton articleId={best.id} controller={controller} strings={strings} />}
            </div>
          </div>
          {alts.length > 0 && (
            <>
              <p class="t0-sub">{strings.alternatives}</p>
              <ArticleLinks hits={alts} controller={controller} />
            </>
          )}
          {!m.feedback && (
            <div class="t0-feedback" role="group" aria-labelledby={qid}>
              <span id={qid}>{strings.didThisSolve}</span>
              <button type="button" class="t0-btn" onClick={() => controller.answerFeedback(m.id, true)}>{strings.yes}</button>
              <button type="button" class="t0-btn" onClick={() => controller.answerFeedback(m.id, false)}>{strings.no}</button>
            </div>
          )}
        </>,
      );
    }
    case 'more':
      return bot(
        <>
          <p>{strings.moreAnswers}</p>
          <ArticleLinks hits={m.hits} controller={controller} />
          {canEscalate && <p class="t0-row"><ContactButton controller={controller} strings={strings} reason="not-helpful" /></p>}
        </>,
      );
    case 'category':
      return bot(
        <>
          <p>{formatIsolated(strings.categoryIntro, { category: m.title })}</p>
          <ArticleLinks hits={m.hits} controller={controller} />
        </>,
      );
    case 'none':
      return bot(
        <>
          <AnswerActions ids={m.actions} controller={controller} strings={strings} />
          <p>{formatIsolated(strings.nothingFound, { query: m.query })}</p>
          {m.suggestion && (
            <p>
              {strings.didYouMean}{' '}
              <button type="button" class="t0-linkbtn t0-inline" onClick={() => controller.ask(m.suggestion!)} dir="auto">{m.suggestion}</button>
            </p>
          )}
          <p class="t0-muted">{strings.tips}</p>
          {canEscalate && <p class="t0-row"><ContactButton controller={controller} strings={strings} reason="no-results" /></p>}
        </>,
      );
    case 'offer':
      return bot(
        canEscalate ? (
          <>
            <p>{strings.offerPerson}</p>
            <p class="t0-row"><ContactButton controller={controller} strings={strings} reason={m.reason} primary /></p>
          </>
        ) : <p>{strings.noSupport}</p>,
      );
    case 'text':
      return bot(<p>{m.key === 'solved' ? strings.solved : m.key === 'humanAck' ? strings.humanAck : strings.noMore}</p>);
    // A walk's intro, steps and end, and the browser check card: drawn by the guided chunk.
    default:
      return bot(<GuidedBubble message={m} state={state} controller={controller} strings={strings} canEscalate={canEscalate} />);
  }
}

/** Short text a screen reader hears when a bot message arrives (polite live region). */
export function announce(m: Message, strings: Strings, canEscalate: boolean): string {
  switch (m.kind) {
    case 'user': return '';
    case 'answer': return `${strings.answerIntro} ${m.hits[0]?.title ?? ''}. ${strings.didThisSolve}`;
    case 'more': return `${strings.moreAnswers} ${m.hits.map((h) => h.title).join(', ')}`;
    case 'category': return `${format(strings.categoryIntro, { category: m.title })} ${m.hits.map((h) => h.title).join(', ')}`;
    case 'none': return `${format(strings.nothingFound, { query: m.query })}${m.suggestion ? ` ${strings.didYouMean} ${m.suggestion}` : ''}`;
    case 'offer': return canEscalate ? strings.offerPerson : strings.noSupport;
    case 'text': return m.key === 'solved' ? strings.solved : m.key === 'humanAck' ? strings.humanAck : strings.noMore;
    default: return announceGuided(m, strings, canEscalate);
  }
}
