/**
 * Keeps the conversation across page navigations of the same site (sessionStorage). Storage may
 * be missing, full or hold corrupt JSON: every failure degrades to "nothing saved", never a crash.
 */
import type { PersistedState } from '../core/state.ts';
import { webStorage } from './web-storage.ts';

export const SESSION_KEY = 'tier0:conversation:v1';
/** Upper bound on the saved JSON; older messages are dropped first to fit. */
export const MAX_BYTES = 64 * 1024;

export interface SessionStore {
  load(): Partial<PersistedState> | undefined;
  save(state: PersistedState): void;
  clear(): void;
}

/** Creates a store over the given Storage (default: sessionStorage when available). */
export function createSessionStore(storage: Storage | undefined = webStorage('sessionStorage')): SessionStore {
  return {
    load() {
      if (!storage) return undefined;
      let raw: string | null;
      try {
        raw = storage.getItem(SESSION_KEY);
      } catch {
        return undefined; // storage blocked (privacy mode, sandboxed frame): start fresh
      }
      if (!raw) return undefined;
      try {
        const parsed = JSON.parse(raw) as unknown;
        if (parsed && typeof parsed === 'object' && Array.isArray((parsed as PersistedState).messages)
          && Array.isArray((parsed as PersistedState).transcript)) {
          return parsed as Partial<PersistedState>;
        }
      } catch {
        // corrupt JSON: cleared below
      }
      try { storage.removeItem(SESSION_KEY); } catch { /* nothing more we can do */ }
      return undefined;
    },
    save(state) {
      if (!storage) return;
      let s = state;
      let json = JSON.stringify(s);
      while (json.length > MAX_BYTES && (s.messages.length > 0 || s.transcript.length > 0 || s.searches.length > 1)) {
        const cut = <T>(list: T[]): T[] => list.slice(Math.max(1, Math.ceil(list.length / 4)));
        s = { ...s, messages: cut(s.messages), transcript: cut(s.transcript), searches: s.searches.length > 1 ? cut(s.searches) : s.searches };
        json = JSON.stringify(s);
      }
      try {
        storage.setItem(SESSION_KEY, json);
      } catch {
        // quota exceeded or storage disabled: the conversation just won't survive navigation
      }
    },
    clear() {
      try { storage?.removeItem(SESSION_KEY); } catch { /* storage disabled: nothing to clear */ }
    },
  };
}
