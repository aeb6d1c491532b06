/**
 * A one-key hint in localStorage counting queued tickets, so the panel can decide whether to
 * import the ticket service without opening IndexedDB on every page view. Only the reading side
 * is here, in the panel; the outbox writes it (browser-stores.ts `setPendingCount`), in its chunk.
 */
export const PENDING_MARKER = 'tier0:outbox-pending';

/** True when a ticket may be waiting in the outbox (one localStorage read). */
export function hasPendingTickets(): boolean {
  try {
    return Number(globalThis.localStorage?.getItem(PENDING_MARKER) ?? 0) > 0;
  } catch {
    return false; // storage disabled: nothing can be pending in it
  }
}
