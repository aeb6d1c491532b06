/**
 * The page's one outbox, shared by resumeOutbox() (called by the loader, without the panel) and
 * the ticket view. It retries on `online` and when the tab becomes visible, clears a ticket's
 * draft once delivered, tells other tabs about deliveries (so the tab that submitted shows
 * "Sent" even when another tab sent it), and forwards ticket:* events to the widget.
 */
import { openOutboxStore } from './browser-stores.ts';
import { clearDraft } from './draft-store.ts';
import { withMemoryFallback } from './memory-store.ts';
import { createOutbox, type Outbox } from './outbox.ts';
import type { OutboxEvent } from './outbox-types.ts';
import type { SendOnceInput } from './send-once.ts';
import { createTabLock } from './tab-lock.ts';
import { markTicketFetch } from '../ticket-fetch-mark.ts';

export interface TicketEventPayload {
  id: string;
  ticketId?: string;
  error?: string;
}

/** Emits the contract's ticket:* events (the widget's emitter). */
export type TicketEmit = (name: 'ticket:queued' | 'ticket:sent' | 'ticket:failed', payload: TicketEventPayload) => void;

export interface OutboxConnection {
  emit?: TicketEmit;
  challenge?: SendOnceInput['challenge'];
}

let instance: Promise<Outbox> | null = null;
let connection: OutboxConnection = {};
let teardown: (() => void) | null = null;

function forward(event: OutboxEvent): void {
  const emit = connection.emit;
  if (!emit) return;
  if (event.type === 'queued') emit('ticket:queued', { id: event.id });
  else if (event.type === 'sent') emit('ticket:sent', event.ticketId === undefined ? { id: event.id } : { id: event.id, ticketId: event.ticketId });
  else if (event.type === 'failed') emit('ticket:failed', { id: event.id, error: event.error });
}

async function create(): Promise<Outbox> {
  const store = withMemoryFallback(await openOutboxStore());
  const drafts = new Map<string, string>();
  const outbox = createOutbox({
    store: {
      kind: store.kind,
      all: store.all,
      put: async (entry) => {
        if (entry.draftKey) drafts.set(entry.id, entry.draftKey);
        return store.put(entry);
      },
      remove: async (id) => {
        // Remember the draft key before the entry is gone: removal means delivered or refused.
        const entry = (await store.all()).find((e) => e.id === id);
        if (entry?.draftKey) drafts.set(id, entry.draftKey);
        await store.remove(id);
      },
    },
    fetch: (input, init) => {
      // Same-origin ticket POSTs are marked so the service worker can also retry them after the
      // tab is gone (sw.ts). Not when a challenge hook is set: the worker replays the request
      // as it was, and its token would be stale by then.
      const plain = globalThis.fetch.bind(globalThis);
      const send = connection.challenge ? plain : markTicketFetch(plain, globalThis.location.href);
      return send(input, init);
    },
    now: () => Date.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    lock: createTabLock(),
    challenge: connection.challenge,
  });
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('tier0-outbox-events') : null;
  const unsubscribe = outbox.subscribe((event) => {
    forward(event);
    if (event.type === 'sent') {
      // Only delivery clears the draft; a refused ticket keeps it so the user can fix and resend.
      const key = drafts.get(event.id);
      if (key) clearDraft(key);
    }
    if (event.type === 'sent' || event.type === 'failed') {
      drafts.delete(event.id);
      channel?.postMessage(event);
    }
  });
  const remote = new Set<(event: OutboxEvent) => void>();
  if (channel) channel.onmessage = (message: MessageEvent<OutboxEvent>) => remote.forEach((fn) => fn(message.data));
  const onOnline = () => void outbox.flush();
  const onVisible = () => {
    if (document.visibilityState === 'visible') void outbox.flush();
  };
  globalThis.addEventListener?.('online', onOnline);
  globalThis.document?.addEventListener('visibilitychange', onVisible);
  teardown = () => {
    unsubscribe();
    channel?.close();
    globalThis.removeEventListener?.('online', onOnline);
    globalThis.document?.removeEventListener('visibilitychange', onVisible);
    outbox.dispose();
  };
  // Whoever opens the outbox first on a page resumes what earlier pages left in it.
  void outbox.flush();
  const subscribe = outbox.subscribe;
  return {
    ...outbox,
    // Listeners also hear deliveries made by other tabs.
    subscribe(listener) {
      remote.add(listener);
      const off = subscribe(listener);
      return () => {
        remote.delete(listener);
        off();
      };
    },
  };
}

/** The page's outbox (created on first use) wired to the widget's emitter and challenge hook. */
export function getOutbox(next: OutboxConnection = {}): Promise<Outbox> {
  connection = { ...connection, ...next };
  if (!instance) instance = create();
  return instance.then((outbox) => {
    if (next.challenge !== undefined) outbox.setChallenge(next.challenge);
    return outbox;
  });
}

/** Stops retries and removes listeners (Tier0.destroy()); queued tickets stay stored. */
export async function disposeOutbox(): Promise<void> {
  const current = instance;
  instance = null;
  connection = {};
  if (!current) return;
  await current;
  teardown?.();
  teardown = null;
}
