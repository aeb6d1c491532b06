/** The search box: a WAI-ARIA APG combobox over the live results listbox, plus the Send button. */
import type { Ref } from 'preact';
import type { WidgetController } from '../services/widget-controller.ts';
import type { WidgetState } from '../core/state.ts';
import type { Strings } from '../core/i18n/strings.ts';
import { Icon } from './icons.tsx';

export const RESULTS_ID = 't0-results';
/** DOM id of a live result option. */
export const optionId = (i: number): string => `t0-opt-${i}`;

interface Props {
  state: WidgetState;
  controller: WidgetController;
  strings: Strings;
  inputRef: Ref<HTMLInputElement>;
  /** Escape on an empty box: close the panel. */
  onClose: () => void;
}

/** Combobox input and Send button. */
export function Composer({ state, controller, strings, inputRef, onClose }: Props) {
  const { query, results, activeIndex } = state;
  const expanded = query.trim() !== '' && results.length > 0;
  const onKeyDown = (e: KeyboardEvent): void => {
    const n = results.length;
    switch (e.key) {
      case 'ArrowDown':
        if (!expanded) return;
        e.preventDefault();
        controller.setActive(activeIndex + 1 >= n ? 0 : activeIndex + 1);
        break;
      case 'ArrowUp':
        if (!expanded) return;
        e.preventDefault();
        controller.setActive(activeIndex <= 0 ? n - 1 : activeIndex - 1);
        break;
      case 'Enter': {
        if (e.isComposing) return;
        e.preventDefault();
        const hit = expanded && activeIndex >= 0 ? results[activeIndex] : undefined;
        if (hit) {
          controller.setQuery('');
          controller.openArticle(hit.id, false, hit.section?.anchor);
        } else controller.ask(query);
        break;
      }
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        if (query) controller.setQuery('');
        else onClose();
        break;
    }
  };
  return (
    <div class="t0-composer">
      <input
        ref={inputRef}
        class="t0-input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded ? 'true' : 'false'}
        aria-controls={RESULTS_ID}
        aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        aria-label={strings.inputLabel}
        placeholder={strings.inputPlaceholder}
        autocomplete="off"
        autocapitalize="off"
        spellcheck={false}
        enterkeyhint="send"
        maxLength={500}
        value={query}
        onInput={(e) => controller.setQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        class="t0-send"
        aria-label={strings.send}
        disabled={!query.trim()}
        onClick={() => controller.ask(query)}
      >
        <Icon name="send" class="t0-icon t0-flip" />
      </button>
    </div>
  );
}
