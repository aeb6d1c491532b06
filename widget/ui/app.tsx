/**
 * The panel: a labelled non-modal dialog on desktop, a full-screen modal on phones (focus trapped,
 * page scroll locked and restored). It only renders the controller's state and calls its methods.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { WidgetController } from '../services/widget-controller.ts';
import type { WidgetState } from '../core/state.ts';
import type { Strings } from '../core/i18n/strings.ts';
import type { PanelContext } from './panel-api.ts';
import { useStore } from './use-store.ts';
import { useMedia } from './use-media.ts';
import { loadPhoneModal, phoneModal } from './phone-modal-load.ts';
import { Composer, RESULTS_ID } from './composer.tsx';
import { ResultsList } from './results-list.tsx';
import { HomeView } from './home-view.tsx';
import { TicketSlot, type TicketLoader } from './ticket-slot.tsx';
import { announce } from './message.tsx';
import { loadGuided } from './guided/guided-messages.tsx';
import { Icon } from './icons.tsx';
import { format } from '../core/i18n/strings.ts';
// Part of the panel chunk: every session reads an article, and the panel warmed it at idle anyway;
// as its own chunk it cost a request and ~0.5 KB gzip more. DOMPurify, the heavy part, stays a
// lazy chunk for browsers without setHTML (services/sanitize.ts).
import { ArticleView } from './article-view.tsx';
import { preloadSanitizer } from '../services/sanitize.ts';
import type { StatusSlotProps } from './status-chunk.tsx';
import { onKbUpdated } from '../services/kb-updates.ts';
import { focusableAt, focusRank } from './chat-scroll.ts';

export const PANEL_ID = 't0-panel';
/** Phones get the full-screen modal layout. */
// A phone turned sideways is short rather than narrow: a floating panel would leave it a few
// lines of conversation, so it gets the full-screen modal too.
export const PHONE_QUERY = '(max-width: 640px), (max-height: 480px)';

interface Props {
  controller: WidgetController;
  ctx: PanelContext;
  strings: Strings;
  /** The ticket form's chunk and the panel's ticket service (lazy). */
  loadTicket: TicketLoader;
  /** The status banner, on sites with a `statusUrl` (ui/status-chunk.tsx, loaded at mount). */
  Status?: ComponentType<StatusSlotProps> | undefined;
}

/** The whole panel. */
export function App({ controller, ctx, strings, loadTicket, Status }: Props) {
  const state = useStore(controller.store);
  const phone = useMedia(PHONE_QUERY);
  const dialogRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState('');
  const [kbUpdated, setKbUpdated] = useState(false);
  const canEscalate = !!ctx.options.ticketEndpoint;
  const title = ctx.options.title ?? strings.title;
  const { open, view } = state;

  // Keep the launcher in sync; aria-controls only once the dialog exists (an id must resolve). A
  // layout effect, declared before the focus one: by the time focus lands in the panel, the
  // launcher already says it is expanded (a plain effect said so only after paint).
  useLayoutEffect(() => {
    ctx.setExpanded(open);
    if (open) ctx.launcher.setAttribute('aria-controls', PANEL_ID);
    else ctx.launcher.removeAttribute('aria-controls');
  }, [open]);

  // A newer KB is in use than on the last visit (or the worker just adopted one): say so once.
  useEffect(() => onKbUpdated(() => setKbUpdated(true)), []);

  // Where the user was in the conversation (scroll and focus), kept up to date while it is shown,
  // so coming back from an article or the form puts them there again instead of at the top.
  const viewRef = useRef(view);
  viewRef.current = view;
  const homeSpot = useRef({ scrollTop: 0, focus: -1 });
  const onBodyScroll = (): void => {
    if (viewRef.current === 'home' && bodyRef.current) homeSpot.current.scrollTop = bodyRef.current.scrollTop;
  };
  // Focus moving in the conversation records the scroll too: a scroll event comes a frame late, so
  // a control focused and activated at once (keyboard, assistive tech) would leave a stale spot.
  const onPanelFocusIn = (e: FocusEvent): void => {
    if (viewRef.current !== 'home' || !bodyRef.current) return;
    homeSpot.current.focus = focusRank(bodyRef.current, e.target as Element);
    homeSpot.current.scrollTop = bodyRef.current.scrollTop;
  };

  // Focus the box as soon as the panel opens; coming back to the conversation, focus and scroll
  // return to where the user was (else the box). A layout effect: the panel's first painted frame
  // already has the caret (bench: one frame sooner), and the old position, not the top.
  const shownView = useRef<typeof view | null>(null);
  useLayoutEffect(() => {
    const from = shownView.current;
    shownView.current = open ? view : null;
    if (!(open && view === 'home')) return;
    const back = from !== null && from !== 'home';
    const { scrollTop, focus } = homeSpot.current;
    if (back && bodyRef.current) bodyRef.current.scrollTop = scrollTop;
    // Focus in the conversation comes back to its control; anywhere else, to the box.
    const target = back && bodyRef.current ? focusableAt(bodyRef.current, focus) : null;
    (target ?? inputRef.current)?.focus({ preventScroll: true });
  }, [open, view]);

  // A layout effect: the lock and its release happen in the same commit as opening/closing, not a
  // frame later. It can still fire after destroy() unmounted us; never lock a page we have left.
  useLayoutEffect(() => {
    if (!(open && phone) || !dialogRef.current?.isConnected) return;
    const modal = phoneModal();
    if (modal) return modal.lockScroll();
    // A screen that just turned phone-sized: lock once the parts arrive, if still open. A load that
    // fails (offline before warm-up) leaves the page scrollable; the next open tries again.
    let live = true;
    let release: (() => void) | undefined;
    loadPhoneModal().then((m) => { if (live && dialogRef.current?.isConnected) release = m.lockScroll(); }, () => undefined);
    return () => {
      live = false;
      release?.();
    };
  }, [open, phone]);

  // Warm the sanitizer while the user reads results: where setHTML is missing, its DOMPurify chunk.
  useEffect(() => {
    if (open) void preloadSanitizer().catch(() => { /* retried when an article is opened */ });
  }, [open]);

  /**
   * Scrolls the conversation so new content reads from its start: the first message added since
   * the last render (the user's question with the reply under it, or a flow's intro with its
   * first step), else the user's latest message.
   */
  const showLatest = (firstNew?: number): void => {
    const body = bodyRef.current;
    if (!body) return;
    const fresh = firstNew === undefined ? null : body.querySelector<HTMLElement>(`[data-msg="${firstNew}"]`);
    const userMsgs = body.querySelectorAll<HTMLElement>('.t0-user');
    const anchor = fresh ?? userMsgs[userMsgs.length - 1];
    // Measured against the body itself: offsetTop is relative to the panel (the offset parent),
    // which would put the message a header's height too low.
    if (anchor) body.scrollTo?.({ top: Math.max(0, anchor.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop - 16) });
  };

  // Announce new bot messages politely; scroll the new messages into view.
  const lastId = state.messages[state.messages.length - 1]?.id;
  const seen = useRef(lastId);
  useEffect(() => {
    if (lastId === seen.current) return;
    const from = state.messages.findIndex((m) => m.id === seen.current);
    seen.current = lastId;
    const added = state.messages.slice(from + 1);
    const fresh = state.messages.filter((m) => m.kind !== 'user').slice(-2);
    const say = (): void => {
      const text = fresh.map((m) => announce(m, strings, canEscalate)).filter(Boolean).join(' ');
      if (text && seen.current === lastId) setLive(text);
    };
    say();
    // A guided message's words come with the guided chunk: said again once it is there.
    if (fresh.some((m) => !announce(m, strings, canEscalate))) loadGuided().then(say, () => undefined);
    if (viewRef.current === 'home') showLatest(added[0]?.id);
  }, [lastId]);

  // Reopened on this page: pick the conversation up where it left off, as chat widgets do. The
  // first open on a page starts at the top, where this page's suggested articles come first.
  const openedBefore = useRef(false);
  useLayoutEffect(() => {
    if (!open) return;
    if (openedBefore.current && view === 'home') showLatest();
    openedBefore.current = true;
  }, [open]);

  // Result counts are announced once typing pauses, not on every keystroke.
  useEffect(() => {
    if (!state.query.trim() || state.kb !== 'ready') return;
    const n = state.results.length;
    const t = setTimeout(() => setLive(n === 0 ? strings.noResultsLive : n === 1 ? strings.resultsOne : format(strings.resultsCount, { count: n })), 700);
    return () => clearTimeout(t);
  }, [state.results, state.query]);

  const closeAndReturn = (): void => {
    controller.close();
    ctx.launcher.focus();
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      closeAndReturn();
    } else if (phone && dialogRef.current) phoneModal()?.trapTab(e, dialogRef.current);
  };

  const showResults = view === 'home' && state.query.trim() !== '';
  return (
    <>
      <div class="t0-sr" role="status" aria-live="polite" aria-atomic="true">{open ? live : ''}</div>
      {open && (
        <div
          ref={dialogRef}
          id={PANEL_ID}
          class="t0-panel"
          role="dialog"
          aria-modal={phone ? 'true' : undefined}
          aria-labelledby="t0-title"
          data-phone={phone ? '' : undefined}
          onKeyDown={onKeyDown}
          onFocusIn={onPanelFocusIn}
        >
          <div class="t0-header">
            {view !== 'home' && (
              <button type="button" class="t0-iconbtn" aria-label={strings.back} onClick={() => controller.back()}>
                <Icon name="back" class="t0-icon t0-flip" />
              </button>
            )}
            <h2 id="t0-title">{title}</h2>
            {canEscalate && view !== 'ticket' && (
              <button type="button" class="t0-iconbtn" onClick={() => controller.escalate('contact')}>
                <Icon name="person" />
                <span>{strings.contactSupport}</span>
              </button>
            )}
            <button type="button" class="t0-iconbtn" aria-label={strings.close} onClick={closeAndReturn}>
              <Icon name="close" />
            </button>
          </div>
          {Status && <Status state={state} strings={strings} />}
          {kbUpdated && <p class="t0-kb-updated t0-muted" role="status">{strings.kbUpdated}</p>}
          {/* Focusable so keyboard users can scroll it (live results are not tab stops: the
              combobox keeps focus and drives them with aria-activedescendant). */}
          <div class="t0-body" ref={bodyRef} tabIndex={0} role="region" aria-labelledby="t0-title" onScroll={onBodyScroll}>
            {/* Option problems the widget falls back from are the site owner's business: the
                loader reported them to the console. Visitors see only what stops the widget
                working (the KB), in plain words. */}
            {state.kb === 'error' && view !== 'ticket' && (
              <div class="t0-notice" role="alert">
                <p>{strings.errorKb}</p>
                <button type="button" class="t0-btn" onClick={() => void controller.loadKb()}>
                  <Icon name="refresh" />{strings.retry}
                </button>
              </div>
            )}
            {view === 'home' && <HomeView state={state} controller={controller} strings={strings} canEscalate={canEscalate} />}
            {view === 'article' && (
              <ArticleView state={state} controller={controller} strings={strings} canEscalate={canEscalate} locale={ctx.locale} />
            )}
            {view === 'ticket' && (
              <TicketSlot state={state} options={ctx.options} strings={strings} load={loadTicket} />
            )}
          </div>
          {/* Live results sit in a tray above the box, as a combobox's popup does: the
              conversation stays in view above them while the user types. */}
          {view === 'home' && (
            // Focusable so keyboard users can scroll a long list (options are driven from the box).
            <div class="t0-suggest" hidden={!showResults} tabIndex={showResults ? 0 : -1}>
              <ResultsList state={state} controller={controller} strings={strings} show={showResults} />
              {showResults && state.results.length === 0 && state.kb === 'ready' && (
                <p class="t0-hint"><Icon name="search" />{strings.noResultsLive}</p>
              )}
            </div>
          )}
          {view === 'home' && (
            <Composer state={state} controller={controller} strings={strings} inputRef={inputRef} onClose={closeAndReturn} />
          )}
        </div>
      )}
    </>
  );
}

export { RESULTS_ID };
