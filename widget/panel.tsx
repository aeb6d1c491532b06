/**
 * The panel chunk, imported by the loader on first interaction or at idle time. `mountPanel`
 * renders the Preact app into the loader's shadow root and returns what `window.Tier0` drives.
 */
import { render } from 'preact';
import { mergeStrings } from './core/i18n/strings.ts';
import { loadUiStrings } from './core/i18n/ui-strings.ts';
import { createWidgetController } from './services/widget-controller.ts';
import { App, PHONE_QUERY } from './ui/app.tsx';
import { preloadSanitizer } from './services/sanitize.ts';
import { panelCss } from './ui/styles.ts';
import { loadPhoneModal, phoneModal, phoneSheet } from './ui/phone-modal-load.ts';
import type { PanelContext, PanelController } from './ui/panel-api.ts';
import { hasPendingTickets } from './services/outbox/pending-marker.ts';
import { lazyChunk } from './core/lazy-chunk.ts';
import type { TicketService } from './services/ticket/ticket-service.ts';
import type { TicketLoader } from './ui/ticket-slot.tsx';
import { loadGuidedStrings } from './core/i18n/guided-locale.ts';
import { guidedSheet, loadGuided, runGuidedChecks, setGuidedLocale } from './ui/guided/guided-messages.tsx';
import type { SiteActions } from './services/site-actions.ts';

/** The `actions` option, set up by its own chunk when there is one (a chunk that fails: none). */
function loadSiteActions(input: unknown, report: PanelContext['report']): Promise<SiteActions | undefined> {
  if (input == null || input === '') return Promise.resolve(undefined);
  return lazyChunk(() => import('./services/site-actions.ts'), 'the self-service actions chunk', report)()
    .then((m) => m.setUpActions(input, document.baseURI), () => undefined);
}

/** Mounts the panel into the loader's shadow root. */
export async function mountPanel(ctx: PanelContext): Promise<PanelController> {
  // On a phone-sized screen the panel is a full-screen modal: its styles, scroll lock and focus trap
  // are loaded with the strings, so they are there when it first opens (a failed load: retried on open).
  const ignore = (): undefined => undefined;
  const statusUrl = ctx.options.statusUrl;
  const [uiTable, guided, actions, statusChunk] = await Promise.all([
    loadUiStrings(ctx.locale), loadGuidedStrings(ctx.locale), loadSiteActions(ctx.options.actions, ctx.report),
    // The status banner, only on sites with a feed: a chunk that fails means no banner on this page.
    statusUrl ? lazyChunk(() => import('./ui/status-chunk.tsx'), 'the status banner chunk', ctx.report)().catch(ignore) : undefined,
    matchMedia(PHONE_QUERY).matches ? loadPhoneModal().catch(ignore) : undefined,
  ]);
  const strings = mergeStrings(ctx.locale, uiTable, ctx.options.strings, [guided]);
  setGuidedLocale(ctx.locale);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(panelCss);
  // The guided chunk's styles: their own sheet, filled when that chunk arrives.
  const guidedStyles = guidedSheet();
  // The phone layout's: filled when its chunk arrives (before the first render on a phone).
  const phoneStyles = phoneSheet();
  ctx.shadow.adoptedStyleSheets = [...ctx.shadow.adoptedStyleSheets, sheet, guidedStyles, phoneStyles];
  const mount = document.createElement('div');
  mount.className = 't0-mount';
  ctx.root.appendChild(mount);

  // Validated here rather than in the loader; its problems go to the console like the loader's.
  actions?.problems.forEach((p) => ctx.report(p));
  const controller = createWidgetController({
    kbUrl: ctx.options.kb,
    emitter: ctx.emitter,
    report: ctx.report,
    path: location.pathname,
    actions,
    // Only ever called from the user's click on "Run checks" (consent; the pop-up check needs it).
    // The checks are in the guided chunk, which the service worker precaches (or warm-up fetches)
    // like every chunk, so they still run when the network is gone ("no internet").
    runChecks: ctx.options.diagnostics ? (ids) => runGuidedChecks(ids, ctx.options.kb) : undefined,
  });
  const status = statusUrl ? statusChunk?.setUpStatus({ url: statusUrl, store: controller.store, locale: ctx.locale, report: ctx.report }) : undefined;
  // The hand-off's one service (outbox, draft, delivery status in the store), made on first use:
  // the ticket form, or tickets an earlier visit left queued.
  let ticketService: TicketService | undefined;
  const loadService = lazyChunk(() => import('./services/ticket/ticket-service.ts').then((m) =>
    (ticketService ??= m.createTicketService({ store: controller.store, emit: ctx.emitter.emit, options: ctx.options, report: ctx.report }))),
  'the ticket service', ctx.report);
  const loadView = lazyChunk(() => import('./ui/ticket/ticket-view.tsx').then(async (m) =>
    ({ View: m.TicketView, strings: await m.resolveTicketStrings(ctx.locale, ctx.options.strings) })), 'the ticket form', ctx.report);
  const loadTicket: TicketLoader = () => Promise.all([loadView(), loadService()]).then(([view, service]) => ({ ...view, service }));

  // Warm the index now (idle or first hover) so the first keystroke already has results.
  void controller.loadKb();
  render(<App controller={controller} ctx={ctx} strings={strings} loadTicket={loadTicket} Status={status?.Banner} />, mount);

  // Tickets queued on an earlier visit (endpoint down, tab closed) are sent now, without the
  // user opening anything. The outbox code is only fetched when the marker says one is waiting.
  if (ctx.options.ticketEndpoint && hasPendingTickets()) {
    // A chunk that fails was reported by lazyChunk; resume() reports its own failures.
    void loadService().then((service) => service.resume(), ignore);
  }

  const focusInside = (): boolean => ctx.shadow.activeElement !== null && ctx.shadow.activeElement !== ctx.launcher;

  return {
    open: () => controller.open(),
    close: () => {
      const returnFocus = focusInside();
      controller.close();
      if (returnFocus) ctx.launcher.focus();
    },
    toggle: () => (controller.store.get().open ? controller.close() : controller.open()),
    search: (query) => {
      controller.show('home');
      controller.open();
      controller.setQuery(query);
    },
    showArticle: (id) => {
      controller.open();
      controller.openArticle(id);
    },
    escalate: (reason) => controller.escalate(reason),
    prefill: (p) => controller.prefill(p),
    identify: (i) => controller.identify(i),
    warm: () => {
      // Failures are retried on first use, where they are reported.
      preloadSanitizer().catch(ignore);
      loadPhoneModal().catch(ignore);
      loadGuided().catch(ignore);
    },
    destroy: () => {
      render(null, mount);
      mount.remove();
      status?.stop();
      phoneModal()?.releaseScrollLock();
      controller.destroy();
      void ticketService?.dispose();
      ctx.shadow.adoptedStyleSheets = ctx.shadow.adoptedStyleSheets.filter((s) => s !== sheet && s !== guidedStyles && s !== phoneStyles);
    },
  };
}
