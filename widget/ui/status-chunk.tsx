/**
 * The status banner's chunk, imported when the panel mounts on a site with a `statusUrl` (other
 * sites never load it): the feed client, its slice of the state (core/status-state.ts), the feed
 * fetched each time the panel opens, and the banner bound to them, which the panel renders under
 * its header. The banner's styles come with the guided chunk (guided-css.ts), as before.
 */
import type { ComponentType } from 'preact';
import type { Store } from '../core/store.ts';
import type { WidgetState } from '../core/state.ts';
import type { Strings } from '../core/i18n/strings.ts';
import { statusReducer } from '../core/status-state.ts';
import { guidedStatusEn } from '../core/i18n/status-en.ts';
import { createStatusFeed, formatAsOf, type StatusFeed } from '../services/status-banner.ts';
import { webStorage } from '../services/web-storage.ts';
import { StatusBanner } from './guided/status-banner.tsx';

export interface StatusDeps {
  url: string;
  store: Store;
  locale: string;
  report: (message: string, error?: unknown) => void;
  /** The feed client (tests); default: the `statusUrl` feed with localStorage and `fetch`. */
  feed?: StatusFeed;
}

/** Props of the bound banner: the state it shows, the panel's strings (the banner's English fills gaps). */
export interface StatusSlotProps {
  state: WidgetState;
  strings: Strings;
}

export interface StatusParts {
  Banner: ComponentType<StatusSlotProps>;
  /** Stops loading the feed on open (on `Tier0.destroy()`). */
  stop(): void;
}

/** Adds the status slice to the store, loads the feed on every open, and returns the bound banner. */
export function setUpStatus(deps: StatusDeps): StatusParts {
  const { store } = deps;
  const feed = deps.feed ?? createStatusFeed({
    url: deps.url, fetch: (...a) => fetch(...a), storage: webStorage('localStorage') ?? null, now: () => Date.now(), report: deps.report,
  });
  let stopped = false;
  store.use(statusReducer);
  const load = (): void => {
    void feed.load().then((snapshot) => {
      if (!stopped) store.dispatch({ type: 'status', status: snapshot ? { ...snapshot, incidents: feed.visible(snapshot) } : undefined });
    });
  };
  const unsubscribe = store.subscribe((s, prev) => { if (s.open && !prev.open) load(); });
  if (store.get().open) load();
  const dismiss = (id: string): void => {
    feed.dismiss(id);
    store.dispatch({ type: 'dismissIncident', id });
  };

  return {
    Banner: ({ state, strings }) => {
      const status = state.status;
      if (!status) return null;
      return (
        <StatusBanner
          incidents={status.incidents}
          // Below the panel's strings: the locale's texts and the site owner's overrides win.
          strings={{ ...guidedStatusEn, ...strings }}
          asOf={status.fromCache ? formatAsOf(status.fetchedAt, Date.now(), deps.locale) : undefined}
          onDismiss={dismiss}
        />
      );
    },
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}
