/**
 * tier0.js — the tiny loader a site embeds with one script tag. It installs `window.Tier0` (the only
 * global), replays calls queued by the one-line stub, draws the launcher button with plain DOM in
 * an open shadow root, and imports the Preact panel on first interaction or at idle time.
 *
 * One-line stub (put before the script tag so `Tier0.open()` works before the loader arrives):
 *   <script>!function(w,t){t=w.Tier0=w.Tier0||{q:[]};"init open close toggle search showArticle escalate prefill identify on destroy".split(" ").forEach(function(m){t[m]=t[m]||function(){t.q.push([m,[].slice.call(arguments)])}})}(window)</script>
 *
 * Never throws into the host page: problems are reported once as `[tier0] <problem> — <fix>`.
 */
import { createEmitter, type EventName, type Handler } from './core/events.ts';
import { contrastRatio, optionsFromDataset, resolveOptions, type ResolvedOptions, type WidgetOptions } from './core/options.ts';
import { launcherText, localeDir, resolveLocale } from './core/i18n/locale.ts';
import type { Locale } from './core/i18n/locale.ts';
import { launcherCss } from './ui/launcher-css.ts';
import type { PanelContext, PanelController } from './ui/panel-api.ts';
import type { Identity, Prefill } from './core/state.ts';

declare const __TIER0_PANEL_FILE__: string;
/** The file exporting startOffline (service worker registration, KB warm-up): the panel chunk, which holds it; empty when not built. */
declare const __TIER0_OFFLINE_FILE__: string;

type Method = 'init' | 'open' | 'close' | 'toggle' | 'search' | 'showArticle' | 'escalate' | 'prefill' | 'identify' | 'on' | 'destroy';
type Queued = [Method, unknown[]];

interface Instance {
  host: HTMLElement;
  launcher: HTMLButtonElement;
  options: ResolvedOptions;
  panel?: Promise<PanelController | undefined>;
  load: () => Promise<PanelController | undefined>;
  /** Says, next to the launcher, that the panel could not load (after a click or an API call). */
  failed: () => void;
  controller?: PanelController;
  cleanups: Array<() => void>;
}

/** The fix for a chunk that does not load: a partial deployment, or a CDN without CORS. */
const SERVE_DIST = ' — serve the whole dist/ folder next to tier0.js (with CORS from another origin)';
const SVG_NS = 'http://www.w3.org/2000/svg';
const ICON_HELP = 'M12 2C6.5 2 2 6 2 11c0 2.6 1.2 4.9 3.2 6.5L4.5 22l4.6-2.4c.9.3 1.9.4 2.9.4 5.5 0 10-4 10-9S17.5 2 12 2zm.1 14.6a1.2 1.2 0 1 1 0-2.4 1.2 1.2 0 0 1 0 2.4zm1.6-5.3c-.7.4-.9.7-.9 1.3v.4h-1.9v-.5c0-1.2.5-1.9 1.4-2.4.8-.5 1-.8 1-1.3 0-.6-.5-1-1.2-1-.8 0-1.3.5-1.4 1.2H8.8c.1-1.8 1.4-3 3.4-3 1.9 0 3.2 1.1 3.2 2.7 0 1.1-.6 1.9-1.7 2.6z';
const ICON_CLOSE = 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z';

(() => {
  const w = window as unknown as { Tier0?: { q?: Queued[]; __tier0?: true } & Record<string, unknown> };
  if (w.Tier0?.__tier0) return; // a second copy of the script: the first one owns the page

  const queue: Queued[] = Array.isArray(w.Tier0?.q) ? [...w.Tier0.q] : [];
  const script = (document.currentScript as HTMLScriptElement | null)
    ?? document.querySelector<HTMLScriptElement>('script[src*="tier0.js"]');
  const loaderUrl = script?.src || document.baseURI;
  const dataOptions = script ? optionsFromDataset({ ...script.dataset }) : {};

  const reported = new Set<string>();
  const report = (message: string, error?: unknown): void => {
    if (reported.has(message)) return;
    reported.add(message);
    if (error === undefined) console.error(message);
    else console.error(message, error);
  };

  const emitter = createEmitter(report);
  let instance: Instance | undefined;
  let destroyed = false;
  let autoInitListener: (() => void) | undefined;

  /** Runs `fn` and turns any exception into a reported error: nothing escapes into the page. */
  const guard = <A extends unknown[], R>(name: string, fn: (...a: A) => R) => (...args: A): R | undefined => {
    try {
      return fn(...args);
    } catch (error) {
      report(`[tier0] Tier0.${name}() failed — this is a bug in Tier0, please report it`, error);
      return undefined;
    }
  };

  const start = (input?: WidgetOptions): Instance | undefined => {
    if (instance || destroyed) return instance;
    if (!document.body) {
      report('[tier0] init() ran before <body> exists — load tier0.js with async or at the end of <body>');
      return undefined;
    }
    const { options, problems } = resolveOptions({ ...dataOptions, ...(input ?? {}) }, { loaderUrl, pageUrl: document.baseURI });
    problems.forEach((p) => report(p));

    const locale: Locale = resolveLocale(options.locale, document.documentElement.lang, navigator.language);
    const host = document.createElement('tier0-widget');
    host.setAttribute('data-tier0', '');
    const shadow = host.attachShadow({ mode: 'open' });
    const base = new CSSStyleSheet();
    base.replaceSync(launcherCss);
    // Dynamic values go in through CSSOM (never markup), so a strict `style-src` CSP is fine.
    const vars = new CSSStyleSheet();
    // Links and focus rings use the accent only where it reads on white (WCAG AA); else a safe blue.
    const link = contrastRatio(options.accentColor, '#ffffff') >= 4.5 ? options.accentColor : '#1d4ed8';
    vars.insertRule(`:host{--t0-accent:${options.accentColor};--t0-on-accent:${options.onAccentColor};--t0-z:${options.zIndex}}`);
    vars.insertRule(`.t0{--t0-link:${link}}`);
    shadow.adoptedStyleSheets = [base, vars];

    const root = document.createElement('div');
    root.className = 't0';
    root.dir = localeDir(locale);
    root.lang = locale;
    root.setAttribute('data-theme', options.theme);
    root.setAttribute('data-position', options.position);

    const launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = 't0-launcher';
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-haspopup', 'dialog');
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', ICON_HELP);
    path.setAttribute('fill', 'currentColor');
    svg.appendChild(path);
    const label = document.createElement('span');
    label.className = 't0-launcher-label';
    label.textContent = launcherText(locale, options.strings);
    launcher.append(svg, label);
    root.appendChild(launcher);
    shadow.appendChild(root);
    document.body.appendChild(host);

    let failure: HTMLElement | undefined;
    const failed = (): void => {
      if (instance !== inst) return;
      failure?.remove(); // a fresh node, so a screen reader announces a second failure too
      failure = document.createElement('p');
      failure.className = 't0-launcher-error';
      failure.setAttribute('role', 'alert');
      failure.textContent = launcherText(locale, options.strings, 'launcherFailed');
      root.appendChild(failure);
    };
    const inst: Instance = { host, launcher, options, cleanups: [], load: () => load(), failed };
    instance = inst;

    const setExpanded = (open: boolean): void => {
      launcher.setAttribute('aria-expanded', String(open));
      path.setAttribute('d', open ? ICON_CLOSE : ICON_HELP);
      root.toggleAttribute('data-open', open);
    };

    const load = (): Promise<PanelController | undefined> => {
      if (inst.panel) return inst.panel;
      const url = new URL(__TIER0_PANEL_FILE__, loaderUrl).href;
      inst.panel = import(/* @vite-ignore */ url).then(
        async (mod: { mountPanel(ctx: PanelContext): Promise<PanelController> }) => {
          if (instance !== inst) return undefined; // destroyed while loading
          const ctx: PanelContext = { shadow, root, launcher, options, locale, emitter, report, setExpanded };
          const controller = await mod.mountPanel(ctx);
          if (instance !== inst) {
            controller.destroy();
            return undefined;
          }
          inst.controller = controller;
          failure?.remove();
          return controller;
        },
        (error: unknown) => {
          inst.panel = undefined; // allow a later interaction to retry
          report(`[tier0] cannot load the help panel from ${url}${SERVE_DIST}`, error);
          return undefined;
        },
      );
      return inst.panel;
    };

    const preload = (): void => { void load(); };
    // Offline support is its own chunk, started at idle so it never weighs on the first paint.
    let offline: { stop(): void } | undefined;
    const startOffline = (): void => {
      if (!__TIER0_OFFLINE_FILE__ || offline) return;
      offline = { stop() {} };
      import(/* @vite-ignore */ new URL(__TIER0_OFFLINE_FILE__, loaderUrl).href).then(
        (mod: { startOffline(ctx: { options: ResolvedOptions; locale: Locale; report: typeof report; warmPanel: () => void }): { stop(): void } }) => {
          if (instance === inst) offline = mod.startOffline({ options, locale, report, warmPanel: () => void load().then((c) => c?.warm()) });
        },
        (error: unknown) => report(`[tier0] cannot load the offline support chunk${SERVE_DIST}`, error),
      );
    };
    inst.cleanups.push(() => offline?.stop());
    const onClick = (): void => { void load().then((c) => (c ? c.toggle() : failed())); };
    launcher.addEventListener('click', onClick);
    launcher.addEventListener('pointerenter', preload);
    launcher.addEventListener('focus', preload);
    inst.cleanups.push(() => {
      launcher.removeEventListener('click', onClick);
      launcher.removeEventListener('pointerenter', preload);
      launcher.removeEventListener('focus', preload);
    });

    // Idle-time warm-up after the page's own load, so the first click feels instant.
    let idleId: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onIdle = (): void => {
      preload();
      startOffline();
    };
    const scheduleIdle = (): void => {
      if ('requestIdleCallback' in window) idleId = requestIdleCallback(onIdle, { timeout: 5000 });
      else timer = setTimeout(onIdle, 2000);
    };
    if (document.readyState === 'complete') scheduleIdle();
    else window.addEventListener('load', scheduleIdle, { once: true });
    inst.cleanups.push(() => {
      window.removeEventListener('load', scheduleIdle);
      if (idleId !== undefined) cancelIdleCallback(idleId);
      if (timer !== undefined) clearTimeout(timer);
    });
    return inst;
  };

  /**
   * Runs a panel command, starting the widget and loading the panel first when needed. A command
   * that shows the panel says so next to the launcher when it cannot load; `quiet` ones do not.
   */
  const withPanel = (fn: (c: PanelController) => void, quiet?: boolean): void => {
    const inst = instance ?? start();
    if (!inst) return;
    if (inst.controller) fn(inst.controller);
    // Promise callbacks run in order, so queued calls keep the order they were made in.
    else void inst.load().then((c) => (c ? guard('call', fn)(c) : quiet || inst.failed()));
  };

  const destroy = (): void => {
    destroyed = true;
    if (autoInitListener) document.removeEventListener('DOMContentLoaded', autoInitListener);
    const inst = instance;
    instance = undefined;
    if (inst) {
      inst.controller?.destroy();
      inst.cleanups.forEach((c) => c());
      inst.host.remove();
    }
    emitter.clear();
    if (w.Tier0 === api) delete w.Tier0;
  };

  const api = {
    __tier0: true as const,
    version: '0.1.0',
    init: guard('init', (options?: WidgetOptions) => { start(options); }),
    open: guard('open', () => withPanel((c) => c.open())),
    close: guard('close', () => { instance?.controller?.close(); }),
    toggle: guard('toggle', () => withPanel((c) => c.toggle())),
    search: guard('search', (query: string) => withPanel((c) => c.search(String(query ?? '')))),
    showArticle: guard('showArticle', (id: string) => withPanel((c) => c.showArticle(String(id ?? '')))),
    escalate: guard('escalate', (reason?: string) => withPanel((c) => c.escalate(reason ? String(reason) : 'api'))),
    prefill: guard('prefill', (p: Prefill) => withPanel((c) => c.prefill(p ?? {}), true)),
    identify: guard('identify', (i: Identity) => withPanel((c) => c.identify(i ?? {}), true)),
    on: <K extends EventName>(name: K, handler: Handler<K>): (() => void) => {
      try {
        return emitter.on(name, handler);
      } catch (error) {
        report('[tier0] Tier0.on() failed — pass an event name and a function', error);
        return () => {};
      }
    },
    destroy: guard('destroy', destroy),
  };
  w.Tier0 = api as unknown as typeof w.Tier0;

  // Replay what the stub queued: init first (so its options win over auto-init), then the rest.
  const inits = queue.filter(([m]) => m === 'init');
  const rest = queue.filter(([m]) => m !== 'init');
  for (const [, args] of inits) api.init(args[0] as WidgetOptions);
  const replayRest = (): void => {
    for (const [m, args] of rest) {
      const fn = api[m] as ((...a: unknown[]) => unknown) | undefined;
      if (typeof fn === 'function') fn(...args);
      else report(`[tier0] unknown queued call "${String(m)}" — check the stub snippet`);
    }
  };
  // Without an explicit init, start from the data-* attributes once the document is parsed, so a
  // page script that calls Tier0.init() right after a synchronous tag still wins.
  const autoInit = (): void => { autoInitListener = undefined; api.init(); replayRest(); };
  if (inits.length) replayRest();
  else if (document.readyState === 'loading') {
    autoInitListener = autoInit;
    document.addEventListener('DOMContentLoaded', autoInit, { once: true });
  } else autoInit();
})();
