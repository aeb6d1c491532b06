/**
 * Where the hand-off's ticket form goes: `widget/ui/ticket/ticket-view.tsx` (owned by the hand-off
 * engineer), imported lazily as its own chunk together with the ticket strings.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { Action, WidgetState } from '../core/state.ts';
import type { ResolvedOptions } from '../core/options.ts';
import { resolveTicketStrings, type Locale, type Strings } from '../core/i18n/strings.ts';
import type { Emitter } from '../core/events.ts';
import { Icon } from './icons.tsx';
import { chunkLoadFailed } from '../core/chunk-errors.ts';

/** Props the ticket view receives. */
export interface TicketViewProps {
  state: WidgetState;
  options: ResolvedOptions;
  strings: Strings;
  emit: Emitter['emit'];
  dispatch: (action: Action) => void;
}

/** Renders the ticket view (lazy, with its strings merged in), or a Retry if its chunk failed. */
export function TicketSlot(props: TicketViewProps & { locale: Locale }) {
  const { locale, ...viewProps } = props;
  const [loaded, setLoaded] = useState<{ View: ComponentType<TicketViewProps>; strings: Strings; focusOnOpen: (slot: HTMLElement) => () => void } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);
  const slot = useRef<HTMLDivElement>(null);
  useEffect(() => (loaded && slot.current ? loaded.focusOnOpen(slot.current) : undefined), [loaded]);
  useEffect(() => {
    let live = true;
    Promise.all([import('./ticket/ticket-view.tsx'), import('./ticket/focus-on-open.ts'), resolveTicketStrings(locale, props.options.strings)]).then(
      ([m, f, strings]) => { if (live) setLoaded({ View: m.TicketView, strings, focusOnOpen: f.focusOnOpen }); },
      (error: unknown) => {
        console.error(chunkLoadFailed('the ticket form'), error);
        if (live) setFailed(true);
      },
    );
    return () => { live = false; };
  }, [attempt]);
  return (
    <div class="t0-ticket-slot" ref={slot}>
      {loaded ? <loaded.View {...viewProps} strings={loaded.strings} /> : failed ? (
        <div class="t0-notice" role="alert">
          <p>{props.strings.errorTicket}</p>
          <button type="button" class="t0-btn" onClick={() => { setFailed(false); setAttempt(attempt + 1); }}>
            <Icon name="refresh" />{props.strings.retry}
          </button>
        </div>
      ) : (
        <p class="t0-loading t0-muted"><span class="t0-spinner" aria-hidden="true" />{props.strings.loading}</p>
      )}
    </div>
  );
}
