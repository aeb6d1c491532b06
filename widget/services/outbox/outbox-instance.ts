/**
 * The page's outbox over the browser: IndexedDB (or a fallback) for storage, Web Locks so one tab
 * sends at a time, retries on `online` and when the tab becomes visible, and deliveries made by
 * other tabs heard over a BroadcastChannel (so the tab that submitted shows "Sent" even when
 * another tab sent it). One per page, owned by the ticket service (services/ticket).
 */
import { openOutboxStore } from './browser-stores.ts';
import { withMemoryFallback } from './memory-store.ts';
import { createOutbox, type Outbox } from './outbox.ts';
import type { OutboxEvent } from './outbox-types.ts';
import type { SendOnceInput } from './send-once.ts';
import { createTabLock } from './tab-lock.ts';
import { markTicketFetch } from '../ticket-fetch-mark.ts';

/** The outbox, plus deliveries that other tabs made (sent or refused there). */
export interface PageOutbox extends Outbox {
  subscribeRemote(listener: (event: OutboxEvent) => void): () => void;
}

/** Opens the outbox and starts delivering what earlier pages left in it. */
export async function openPageOutbox(challenge?: SendOnceInput['challenge']): Promise<PageOutbox> {
  const store = withMemoryFallback(await openOutboxStore());
  let current = challenge;
  const outbox = createOutbox({
    store,
    fetch: (input, init) => {
      // Same-origin ticket POSTs are marked so the service worker can also retry them after the
      // tab is gone (sw.ts). Not when a challenge hook is set: the worker replays the request
      // as it was, and its token would be stale by then.
      const plain = globalThis.fetch.bind(globalThis);
      const send = current ? plain : markTicketFetch(plain, globalThis.location.href);
      return send(input, init);
    },
    now: () => Date.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    lock: createTabLock(),
    challenge,
  });
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('tier0-outbox-events') : null;
  const unsubscribe = outbox.subscribe((event) => {
    if (event.type === 'sent' || event.type === 'failed') channel?.postMessage(event);
  });
  const remote = new Set<(event: OutboxEvent) => void>();
  if (channel) channel.onmessage = (message: MessageEvent<OutboxEvent>) => remote.forEach((fn) => fn(message.data));
  const onOnline = () => void outbox.flush();
  const onVisible = () => {
    if (document.visibilityState === 'visible') void outbox.flush();
  };
  globalThis.addEventListener?.('online', onOnline);
  globalThis.document?.addEventListener('visibilitychange', onVisible);
  // Whoever opens the outbox first on a page resumes what earlier pages left in it.
  void outbox.flush();
  return {
    ...outbox,
    subscribeRemote(listener) {
      remote.add(listener);
      return () => { remote.delete(listener); };
    },
    setChallenge(next) {
      current = next;
      outbox.setChallenge(next);
    },
    dispose() {
      unsubscribe();
      channel?.close();
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.document?.removeEventListener('visibilitychange', onVisible);
      outbox.dispose();
    },
  };
}
