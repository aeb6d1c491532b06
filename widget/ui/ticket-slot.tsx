/**
 * Where the hand-off's ticket form goes: `widget/ui/ticket/ticket-view.tsx`, imported lazily as
 * its own chunk together with the ticket strings and the panel's ticket service.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { WidgetState } from '../core/state.ts';
import type { ResolvedOptions } from '../core/options.ts';
import { resolveTicketStrings, type Locale, type Strings } from '../core/i18n/strings.ts';
import type { TicketService } from '../services/ticket/ticket-service.ts';
import { Icon } from './icons.tsx';

/** Props the ticket view receives. */
export interface TicketViewProps {
  state: WidgetState;
  options: ResolvedOptions;
  strings: Strings;
  service: TicketService;
}

/** The view's chunk, loaded with the ticket service (the panel's lazyChunk; reports its own failures). */
export type TicketLoader = () => Promise<{ View: ComponentType<TicketViewProps>; service: TicketService }>;

interface SlotProps {
  state: WidgetState;
  options: ResolvedOptions;
  strings: Strings;
  locale: Locale;
  load: TicketLoader;
}

/** Renders the ticket view (lazy, with its strings merged in), or a Retry if its chunk failed. */
export function TicketSlot({ state, options, strings, locale, load }: SlotProps) {
  const [loaded, setLoaded] = useState<{ View: ComponentType<TicketViewProps>; service: TicketService; strings: Strings } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    Promise.all([load(), resolveTicketStrings(locale, options.strings)]).then(
      ([m, ticketStrings]) => { if (live) setLoaded({ ...m, strings: ticketStrings }); },
      () => { if (live) setFailed(true); },
    );
    return () => { live = false; };
  }, [attempt]);
  if (loaded) return <loaded.View state={state} options={options} strings={loaded.strings} service={loaded.service} />;
  if (failed) {
    return (
      <div class="t0-notice" role="alert">
        <p>{strings.errorTicket}</p>
        <button type="button" class="t0-btn" onClick={() => { setFailed(false); setAttempt(attempt + 1); }}>
          <Icon name="refresh" />{strings.retry}
        </button>
      </div>
    );
  }
  return <p class="t0-loading t0-muted"><span class="t0-spinner" aria-hidden="true" />{strings.loading}</p>;
}
