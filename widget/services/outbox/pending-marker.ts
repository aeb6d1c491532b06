/**
 * A one-key hint in localStorage counting queued tickets, so the loader can decide whether to
 * import resume-outbox.ts without opening IndexedDB on every page view. Tiny on purpose: the
 * loader may import it eagerly.
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

/** Records how many tickets are queued (0 removes the hint). */
export function setPendingCount(count: number): void {
  try {
    if (count > 0) globalThis.localStorage.setItem(PENDING_MARKER, String(count));
    else globalThis.localStorage.removeItem(PENDING_MARKER);
  } catch {
    // The marker is only a hint; resume also runs when it is missing.
  }
}
