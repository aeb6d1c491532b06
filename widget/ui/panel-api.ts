/** The contract between the loader (tier0.js) and the lazily imported panel chunk. */
import type { Emitter } from '../core/events.ts';
import type { Locale } from '../core/i18n/strings.ts';
import type { ResolvedOptions } from '../core/options.ts';
import type { Identity, Prefill } from '../core/state.ts';

/** What the loader hands to `mountPanel`. */
export interface PanelContext {
  shadow: ShadowRoot;
  /** The loader's container inside the shadow root (holds the launcher; carries dir/lang/theme). */
  root: HTMLElement;
  launcher: HTMLButtonElement;
  options: ResolvedOptions;
  locale: Locale;
  emitter: Emitter;
  /** Reports a `[tier0] …` problem once to the console. */
  report: (message: string, error?: unknown) => void;
  /** Updates the launcher (aria-expanded, icon) when the panel opens or closes. */
  setExpanded: (open: boolean) => void;
}

/** What the panel exposes to `window.Tier0`. */
export interface PanelController {
  open(): void;
  close(): void;
  toggle(): void;
  search(query: string): void;
  showArticle(id: string): void;
  escalate(reason: string): void;
  prefill(p: Prefill): void;
  identify(i: Identity): void;
  /**
   * Imports the panel's lazy chunks (the DOMPurify fallback where needed, guided help, the phone
   * layout's parts) into the module map, for offline use on pages without a service worker
   * (widget/offline.ts). The status banner's chunk is loaded at mount on sites that have one.
   */
  warm(): void;
  destroy(): void;
}
