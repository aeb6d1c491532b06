/**
 * Typed event emitter behind `Tier0.on()`. Handlers are copied before dispatch so unsubscribing
 * mid-emit is safe; a throwing handler is reported and never breaks the widget or other handlers.
 */
import type { SearchHit } from './search/search-types.ts';

/** Public events and their payloads (CONTRACT §3). */
export interface WidgetEvents {
  ready: { articles: number };
  open: Record<string, never>;
  close: Record<string, never>;
  /** `section` (additive): the part of the article that answers, as `tier0 search --json` shows it. */
  search: { query: string; results: Array<Pick<SearchHit, 'id' | 'title' | 'score' | 'section'>> };
  'article:view': { id: string; title: string };
  feedback: { id: string; helpful: boolean };
  escalate: { reason: string };
  'ticket:queued': { id: string; ticketId?: string; error?: string };
  'ticket:sent': { id: string; ticketId?: string; error?: string };
  'ticket:failed': { id: string; ticketId?: string; error?: string };
}

export type EventName = keyof WidgetEvents;
export type Handler<K extends EventName> = (payload: WidgetEvents[K]) => void;

export interface Emitter {
  on<K extends EventName>(name: K, handler: Handler<K>): () => void;
  emit<K extends EventName>(name: K, payload: WidgetEvents[K]): void;
  /** Removes every handler (used by `destroy()`). */
  clear(): void;
}

/** Events whose last payload is replayed to late subscribers. */
const STICKY: ReadonlySet<EventName> = new Set<EventName>(['ready']);

/** Creates the widget's emitter; `report` receives errors thrown by handlers. */
export function createEmitter(report: (message: string, error: unknown) => void): Emitter {
  const handlers = new Map<EventName, Array<(p: unknown) => void>>();
  const last = new Map<EventName, unknown>();
  const call = (name: EventName, h: (p: unknown) => void, payload: unknown): void => {
    try {
      h(payload);
    } catch (error) {
      report(`[tier0] a "${name}" event handler threw — fix the handler passed to Tier0.on("${name}")`, error);
    }
  };
  return {
    on(name, handler) {
      const h = handler as (p: unknown) => void;
      if (typeof h !== 'function') {
        report(`[tier0] Tier0.on("${String(name)}") needs a function — pass a handler`, undefined);
        return () => {};
      }
      const list = handlers.get(name) ?? [];
      list.push(h);
      handlers.set(name, list);
      if (STICKY.has(name) && last.has(name)) call(name, h, last.get(name));
      return () => {
        const current = handlers.get(name);
        if (!current) return;
        const i = current.indexOf(h);
        if (i >= 0) current.splice(i, 1);
      };
    },
    emit(name, payload) {
      if (STICKY.has(name)) last.set(name, payload);
      for (const h of [...(handlers.get(name) ?? [])]) call(name, h, payload);
    },
    clear() {
      handlers.clear();
      last.clear();
    },
  };
}
