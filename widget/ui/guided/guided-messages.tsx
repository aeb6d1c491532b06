/**
 * The chat's guided messages: adapters from the widget state and controller to the guided
 * components (flow steps, diagnostics card, action links). The components, their styles and the
 * browser checks are a lazy chunk (guided-chunk.tsx), loaded when a conversation first uses them
 * or the pointer nears "Walk me through it"; what stays here is what every answer needs.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Message, WidgetState } from '../../core/state.ts';
import type { WidgetController } from '../../services/widget-controller.ts';
import type { DiagnosticId, Finding } from '../../core/diagnostics-relevance.ts';
import { withLocaleTable, type Locale, type Strings } from '../../core/i18n/strings.ts';
import { chunkLoadFailed } from '../../core/chunk-errors.ts';

type GuidedModule = typeof import('./guided-chunk.tsx');

/** The loaded chunk, and the panel's strings with the texts only it shows merged in. */
interface Guided {
  mod: GuidedModule;
  strings: (panel: Strings) => Strings;
}

const restLocales: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Record<string, string> }>> = {
  fr: () => import('../../core/i18n/locales/guided-rest-fr.ts'),
  es: () => import('../../core/i18n/locales/guided-rest-es.ts'),
  de: () => import('../../core/i18n/locales/guided-rest-de.ts'),
  ar: () => import('../../core/i18n/locales/guided-rest-ar.ts'),
};
let locale: Locale = 'en';
/** Loaded (or loading) per locale: the chunk is shared, the texts are the locale's. */
const loaded = new Map<Locale, Guided>();
const pending = new Map<Locale, Promise<Guided>>();
let sheet: CSSStyleSheet | undefined;

/** The panel's locale: the chunk brings its texts in this language (set on mount). */
export function setGuidedLocale(value: Locale): void {
  locale = value;
}

/** Loads the guided chunk and its texts once per locale (a failed load is retried by the next caller). */
export function loadGuided(): Promise<Guided> {
  const wanted = locale;
  const known = pending.get(wanted);
  if (known) return known;
  const chunk = import('./guided-chunk.tsx');
  const texts = withLocaleTable(chunk.then((m) => m.guidedRestEn), wanted, wanted === 'en' ? undefined : restLocales[wanted]);
  const promise = Promise.all([chunk, texts]).then(([mod, tables]) => {
    // Below the panel's strings: the site owner's overrides, already in them, still win.
    const defaults = { ...tables.en, ...tables[wanted] };
    const merged = new WeakMap<Strings, Strings>();
    const strings = (panel: Strings): Strings => {
      let result = merged.get(panel);
      if (!result) merged.set(panel, (result = { ...defaults, ...panel } as Strings));
      return result;
    };
    const guided = { mod, strings };
    loaded.set(wanted, guided);
    guidedSheet().replaceSync(mod.guidedCss);
    return guided;
  }, (error: unknown) => {
    pending.delete(wanted);
    console.error(chunkLoadFailed('the guided troubleshooting chunk'), error);
    throw error;
  });
  pending.set(wanted, promise);
  return promise;
}

/**
 * The guided components' styles, a sheet of their own that every panel adopts at mount (so the
 * panel's rules are never parsed twice): empty until the guided chunk arrives and fills it.
 */
export function guidedSheet(): CSSStyleSheet {
  return (sheet ??= new CSSStyleSheet());
}

/**
 * Runs the browser checks. The only caller is the "Run checks" button, which the guided chunk
 * renders, so the chunk is loaded and the checks start synchronously inside the click, as the
 * pop-up check requires.
 */
export function runGuidedChecks(ids: readonly DiagnosticId[], kbUrl: string): Promise<Finding[]> {
  const run = ({ mod }: Guided) => mod.runDiagnostics(mod.diagnosticsEnv(), { kbUrl }, ids);
  const ready = loaded.get(locale);
  return ready ? run(ready) : loadGuided().then(run);
}

/**
 * Renders with the guided chunk once loaded; until then (a few ms) `fallback`. A load that failed
 * (offline before warm-up got to it) is tried again when the browser is back online.
 */
function WithGuided({ render, fallback = null }: { render: (g: Guided) => ComponentChildren; fallback?: ComponentChildren }) {
  const [guided, setGuided] = useState(() => loaded.get(locale));
  useEffect(() => {
    if (guided) return;
    let live = true;
    const load = (): void => {
      loadGuided().then((g) => { if (live) setGuided(g); }, () => { if (live) addEventListener('online', load, { once: true }); });
    };
    load();
    return () => {
      live = false;
      removeEventListener('online', load);
    };
  }, []);
  return <>{guided ? render(guided) : fallback}</>;
}

interface BubbleProps<M> {
  message: M;
  state: WidgetState;
  controller: WidgetController;
  strings: Strings;
}

/** The guided messages a bot bubble holds: a walk's intro, steps and end, and the browser check card. */
export type GuidedBotMessage = Extract<Message, { kind: 'flowIntro' | 'flowStep' | 'flowEnd' | 'diagnostics' }>;

/**
 * A guided message, drawn by the guided chunk. Until it arrives (a few ms; or, offline before
 * warm-up got to it, until the browser is back online): a step's or a walk's title, the card's.
 */
export function GuidedBubble(props: BubbleProps<GuidedBotMessage> & { canEscalate: boolean }) {
  const m = props.message;
  const title = m.kind === 'flowStep' ? m.step.title : m.kind === 'flowIntro' ? m.title : m.kind === 'diagnostics' ? props.strings['guided.diag.title'] : '';
  return <WithGuided render={(g) => <g.mod.GuidedMessage {...props} strings={g.strings(props.strings)} />} fallback={title && <p class="t0-muted" dir="auto"><strong>{title}</strong></p>} />;
}

/** Self-service actions an answer matched, above the article. */
export function AnswerActions({ ids, controller, strings }: { ids: readonly string[] | undefined; controller: WidgetController; strings: Strings }) {
  if (!ids?.length) return null;
  return <WithGuided render={(g) => <g.mod.Actions ids={ids} controller={controller} strings={g.strings(strings)} />} />;
}

/** "Walk me through it" under an answer whose article has a guided flow. */
export function WalkButton({ articleId, controller, strings }: { articleId: string; controller: WidgetController; strings: Strings }) {
  if (!controller.meta(articleId)?.hasFlow) return null;
  const warm = (): void => void loadGuided().catch(() => undefined);
  return (
    <button type="button" class="t0-btn t0-walk" onMouseEnter={warm} onFocus={warm}
      onClick={() => controller.startFlow(articleId)}>
      {strings['guided.walkMeThrough']}
    </button>
  );
}

/**
 * What the live region says for a guided message, in the guided chunk's words: '' until that chunk
 * is loaded (the panel says it again once it is: `loadGuided`).
 */
export function announceGuided(message: Message, strings: Strings, canEscalate: boolean): string {
  const guided = loaded.get(locale);
  return guided ? guided.mod.announce(message, guided.strings(strings), canEscalate) : '';
}
