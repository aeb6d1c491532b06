/**
 * The panel chunk, imported by the loader on first interaction or at idle time. `mountPanel`
 * renders the Preact app into the loader's shadow root and returns what `window.Tier0` drives.
 */
import { render } from 'preact';
import { mergeStrings } from './core/i18n/strings.ts';
import { loadUiStrings } from './core/i18n/ui-strings.ts';
import { createWidgetController } from './services/widget-controller.ts';
import { App, preloadArticleView, preloadStatus, STATUS_CHUNK_FAILED } from './ui/app.tsx';
import { panelCss } from './ui/styles.ts';
import { releaseScrollLock } from './ui/scroll-lock.ts';
import type { PanelContext, PanelController } from './ui/panel-api.ts';
import { hasPendingTickets } from './services/outbox/pending-marker.ts';
import { loadGuidedStrings } from './core/i18n/guided-locale.ts';
import type { StatusFeed } from './services/status-banner.ts';
import { loadGuided, onGuidedCss, runGuidedChecks, setGuidedLocale } from './ui/guided/guided-messages.tsx';
import type { SiteActions } from './services/site-actions.ts';
import { chunkLoadFailed } from './core/chunk-errors.ts';

/** The status feed client as its own chunk, fetched on the first load (when the panel opens). */
function lazyStatusFeed(make: () => Promise<StatusFeed>, report: (message: string, error?: unknown) => void): StatusFeed {
  let feed: StatusFeed | undefined;
  let pending: Promise<StatusFeed> | undefined;
  return {
    load() {
      pending ??= make().then((f) => (feed = f), (error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending.then((f) => f.load(), (error: unknown) => {
        report(STATUS_CHUNK_FAILED, error);
        return null; // no banner this time; the next open retries
      });
    },
    // Both only follow a snapshot that load() returned, so the client is there by then.
    dismiss: (id) => feed?.dismiss(id),
    visible: (snapshot) => feed?.visible(snapshot) ?? [],
  };
}

/** The `actions` option, set up by its own chunk when there is one (a chunk that fails: none). */
async function loadSiteActions(input: unknown, report: PanelContext['report']): Promise<SiteActions | undefined> {
  if (input == null || input === '') return undefined;
  try {
    return (await import('./services/site-actions.ts')).setUpActions(input, document.baseURI);
  } catch (error) {
    report(chunkLoadFailed('the self-service actions chunk'), error);
    return undefined;
  }
}

/** Mounts the panel into the loader's shadow root. */
export async function mountPanel(ctx: PanelContext): Promise<PanelController> {
  const [uiTable, guided, actions] = await Promise.all([loadUiStrings(ctx.locale), loadGuidedStrings(ctx.locale), loadSiteActions(ctx.options.actions, ctx.report)]);
  const strings = mergeStrings(ctx.locale, uiTable, ctx.options.strings, [guided]);
  setGuidedLocale(ctx.locale);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(panelCss);
  // The guided chunk's styles get a sheet of their own, filled when that chunk arrives, so the
  // panel's rules are never parsed twice.
  const guidedSheet = new CSSStyleSheet();
  const stopGuidedCss = onGuidedCss((css) => guidedSheet.replaceSync(css));
  ctx.shadow.adoptedStyleSheets = [...ctx.shadow.adoptedStyleSheets, sheet, guidedSheet];
  const mount = document.createElement('div');
  mount.className = 't0-mount';
  ctx.root.appendChild(mount);

  // Validated here rather than in the loader; its problems go to the console like the loader's.
  actions?.problems.forEach((p) => ctx.report(p));
  const statusUrl = ctx.options.statusUrl;
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
    statusFeed: statusUrl
      ? lazyStatusFeed(() => import('./services/status-banner.ts').then((m) => m.createStatusFeed({
        url: statusUrl, fetch: (...a) => fetch(...a), storage: m.safeLocalStorage(), now: () => Date.now(), report: ctx.report,
      })), ctx.report)
      : undefined,
  });
  // Warm the index now (idle or first hover) so the first keystroke already has results.
  void controller.loadKb();
  render(<App controller={controller} ctx={ctx} strings={strings} />, mount);

  // Tickets queued on an earlier visit (endpoint down, tab closed) are sent now, without the
  // user opening anything. The outbox code is only fetched when the marker says one is waiting.
  let outboxLoaded = false;
  if (ctx.options.ticketEndpoint && hasPendingTickets()) {
    outboxLoaded = true;
    void import('./services/outbox/resume-outbox.ts')
      .then((m) => m.resumeOutbox({ emit: ctx.emitter.emit, challenge: ctx.options.challenge }))
      .catch((error: unknown) => ctx.report('[tier0] could not resume queued tickets — they stay queued and are retried on the next visit', error));
  }

  // The ticket view opens the same outbox (online/visibilitychange listeners) once the user
  // escalates; destroy() must dispose it in that case too, not only after a resume.
  ctx.emitter.on('escalate', () => { outboxLoaded = true; });

  const focusInside = (): boolean => ctx.shadow.activeElement !== null && ctx.shadow.activeElement !== ctx.launcher;
  const home = (): void => {
    if (controller.store.get().view !== 'home') controller.store.dispatch({ type: 'view', view: 'home' });
  };

  return {
    open: () => controller.open(),
    close: () => {
      const returnFocus = focusInside();
      controller.close();
      if (returnFocus) ctx.launcher.focus();
    },
    toggle: () => (controller.store.get().open ? controller.close() : controller.open()),
    search: (query) => {
      home();
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
      const ignore = (): undefined => undefined;
      preloadArticleView().catch(ignore);
      loadGuided().catch(ignore);
      if (statusUrl) preloadStatus().catch(ignore);
    },
    destroy: () => {
      render(null, mount);
      mount.remove();
      stopGuidedCss();
      releaseScrollLock();
      controller.destroy();
      if (outboxLoaded) void import('./services/outbox/resume-outbox.ts').then((m) => m.disposeOutbox());
      ctx.shadow.adoptedStyleSheets = ctx.shadow.adoptedStyleSheets.filter((s) => s !== sheet && s !== guidedSheet);
    },
  };
}
