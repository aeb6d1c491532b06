/**
 * Where the hand-off's ticket form goes: `widget/ui/ticket/ticket-view.tsx`, imported lazily as
 * its own chunk together with its strings and the panel's ticket service (`load`, the panel's).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { WidgetState } from '../core/state.ts';
import type { ResolvedOptions } from '../core/options.ts';
import type { Strings } from '../core/i18n/strings.ts';
import type { TicketService } from '../services/ticket/ticket-service.ts';
import { Icon } from './icons.tsx';

/** Props the ticket view receives. */
export interface TicketViewProps {
  state: WidgetState;
  options: ResolvedOptions;
  strings: Strings;
  service: TicketService;
}

/** What the slot renders once loaded: the view, the ticket texts merged in, the ticket service. */
export interface LoadedTicket {
  View: ComponentType<TicketViewProps>;
  strings: Strings;
  service: TicketService;
}

/** Loads the ticket form (the panel's lazy chunks; they report their own failures). */
export type TicketLoader = () => Promise<LoadedTicket>;

interface SlotProps {
  state: WidgetState;
  options: ResolvedOptions;
  strings: Strings;
  load: TicketLoader;
}

/** Renders the ticket view (lazy, with its strings merged in), or a Retry if its chunk failed. */
export function TicketSlot({ state, options, strings, load }: SlotProps) {
  const [loaded, setLoaded] = useState<(LoadedTicket & { focusOnOpen: (slot: HTMLElement) => () => void }) | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);
  const slot = useRef<HTMLDivElement>(null);
  useEffect(() => (loaded && slot.current ? loaded.focusOnOpen(slot.current) : undefined), [loaded]);
  useEffect(() => {
    let live = true;
    // The form's focus handling travels with it (its own small chunk, warmed like the form).
    Promise.all([load(), import('./ticket/focus-on-open.ts')]).then(
      ([m, f]) => { if (live) setLoaded({ ...m, focusOnOpen: f.focusOnOpen }); },
      () => { if (live) setFailed(true); },
    );
    return () => { live = false; };
  }, [attempt]);
  return (
    <div class="t0-ticket-slot" ref={slot}>
      {loaded ? <loaded.View state={state} options={options} strings={loaded.strings} service={loaded.service} /> : failed ? (
        <div class="t0-notice" role="alert">
          <p>{strings.errorTicket}</p>
          <button type="button" class="t0-btn" onClick={() => { setFailed(false); setAttempt(attempt + 1); }}>
            <Icon name="refresh" />{strings.retry}
          </button>
        </div>
      ) : (
        <p class="t0-loading t0-muted"><span class="t0-spinner" aria-hidden="true" />{strings.loading}</p>
      )}
    </div>
  );
}
