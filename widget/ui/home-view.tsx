/** The conversation screen: greeting, page suggestions, quick topics and the message thread. */
import type { WidgetController } from '../services/widget-controller.ts';
import type { WidgetState } from '../core/state.ts';
import type { Strings } from '../core/i18n/strings.ts';
import { MessageView } from './message.tsx';
import { Icon } from './icons.tsx';

interface Props {
  state: WidgetState;
  controller: WidgetController;
  strings: Strings;
  canEscalate: boolean;
}

/** Number of quick-topic chips shown. */
const TOPICS = 6;

/** Greeting plus the thread. */
export function HomeView({ state, controller, strings, canEscalate }: Props) {
  const suggested = state.kb === 'ready' ? controller.suggested().slice(0, 3) : [];
  const topics = state.kb === 'ready' ? controller.categories().slice(0, TOPICS) : [];
  return (
    <div class="t0-thread">
      <div class="t0-msg t0-bot t0-greeting">
        <span class="t0-sr">{strings.assistant}: </span>
        <p>{strings.greeting}</p>
        {suggested.length > 0 && (
          <section aria-labelledby="t0-suggested">
            <h3 id="t0-suggested" class="t0-section-title">{strings.suggestedForPage}</h3>
            <ul class="t0-links">
              {suggested.map((a) => (
                <li key={a.id}>
                  <button type="button" class="t0-linkbtn" onClick={() => controller.openArticle(a.id)}>
                    <Icon name="article" />
                    <span dir="auto">{a.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {topics.length > 0 && (
          <section aria-labelledby="t0-topics">
            <h3 id="t0-topics" class="t0-section-title">{strings.topics}</h3>
            <ul class="t0-chips">
              {topics.map((c) => (
                <li key={c.id}>
                  <button type="button" class="t0-chip" dir="auto" onClick={() => controller.chooseCategory(c)}>{c.title}</button>
                </li>
              ))}
              {controller.canDiagnose && (
                <li>
                  <button type="button" class="t0-chip" onClick={() => controller.offerDiagnostics(strings['guided.checkBrowser'])}>
                    {strings['guided.checkBrowser']}
                  </button>
                </li>
              )}
            </ul>
          </section>
        )}
        {state.kb === 'loading' && (
          <p class="t0-loading t0-muted"><span class="t0-spinner" aria-hidden="true" />{strings.loading}</p>
        )}
      </div>
      {state.messages.map((m) => (
        <MessageView key={m.id} message={m} state={state} controller={controller} strings={strings} canEscalate={canEscalate} />
      ))}
    </div>
  );
}
