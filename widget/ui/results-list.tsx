/** Live results while typing: the combobox's listbox (always in the DOM so aria-controls resolves). */
import { useEffect, useRef } from 'preact/hooks';
import type { WidgetController } from '../services/widget-controller.ts';
import type { WidgetState } from '../core/state.ts';
import type { Strings } from '../core/i18n/strings.ts';
import { RESULTS_ID, optionId } from './composer.tsx';
import { SectionLabel } from './section-label.tsx';
import { Snippet } from './snippet.tsx';

interface Props {
  state: WidgetState;
  controller: WidgetController;
  strings: Strings;
  show: boolean;
}

/** The listbox of matching articles. */
export function ResultsList({ state, controller, strings, show }: Props) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (state.activeIndex < 0) return;
    // Optional call: jsdom (component tests) has no scrollIntoView.
    ref.current?.querySelector(`#${optionId(state.activeIndex)}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [state.activeIndex]);
  const visible = show && state.results.length > 0;
  return (
    <ul ref={ref} id={RESULTS_ID} role="listbox" class="t0-results" aria-label={strings.resultsLabel} hidden={!visible}>
      {visible && state.results.map((hit, i) => (
        <li
          key={hit.id}
          id={optionId(i)}
          role="option"
          class="t0-option"
          aria-selected={i === state.activeIndex ? 'true' : 'false'}
          onMouseMove={() => { if (i !== state.activeIndex) controller.setActive(i); }}
          onClick={() => {
            controller.setQuery('');
            controller.openArticle(hit.id, false, hit.section?.anchor);
          }}
        >
          <span class="t0-option-title" dir="auto">{hit.title}</span>
          <SectionLabel section={hit.section} />
          <Snippet parts={hit.snippet} />
        </li>
      ))}
    </ul>
  );
}
