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

// Where focus goes when the hand-off opens: the form's first field a person fills in (not the
// off-screen honeypot, not a locked or disabled one), else the screen's heading.
const FIRST_STOP = 'input:not([type=hidden]):not([tabindex="-1"]):not(:disabled):not([readonly]), select:not(:disabled), textarea:not(:disabled):not([readonly])';

/**
 * Moves focus into the hand-off once its first screen (form, or a pending ticket's status) has
 * rendered. The button that opened it ("Contact support" in the header or a message) is gone
 * with the screen it was on, which would leave focus on the host page. The view shows its form
 * a moment later (after the outbox answers), so this waits for it; it gives up as soon as the
 * user has put focus somewhere in the panel themselves.
 */
function useFocusOnOpen(slot: { current: HTMLElement | null }): void {
  useEffect(() => {
    const el = slot.current;
    if (!el) return;
    const panel = el.closest('.t0-panel');
    const root = el.getRootNode() as Document | ShadowRoot;
    const userMovedFocus = (): boolean => {
      const active = root.activeElement;
      return !!active && active !== panel && !!panel?.contains(active) && !el.contains(active);
    };
    const tryFocus = (): boolean => {
      if (userMovedFocus()) return true;
      if (el.contains(root.activeElement)) return true;
      const target = el.querySelector<HTMLElement>(FIRST_STOP) ?? el.querySelector<HTMLElement>('h3[tabindex="-1"], .t0-notice button');
      if (!target) return false;
      target.focus();
      // Pointer users get no ring, but the field must still be in view (the chat may be scrolled).
      target.scrollIntoView?.({ block: 'nearest' });
      return true;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => { if (tryFocus()) observer.disconnect(); });
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}

/** Renders the ticket view (lazy, with its strings merged in), or a Retry if its chunk failed. */
export function TicketSlot(props: TicketViewProps & { locale: Locale }) {
  const { locale, ...viewProps } = props;
  const [loaded, setLoaded] = useState<{ View: ComponentType<TicketViewProps>; strings: Strings } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);
  const slot = useRef<HTMLDivElement>(null);
  useFocusOnOpen(slot);
  useEffect(() => {
    let live = true;
    Promise.all([import('./ticket/ticket-view.tsx'), resolveTicketStrings(locale, props.options.strings)]).then(
      ([m, strings]) => { if (live) setLoaded({ View: m.TicketView, strings }); },
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
