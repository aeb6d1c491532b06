/**
 * One tab sends at a time, so two open tabs never post the same ticket concurrently (the
 * idempotency key would save us, but an endpoint that ignores it would not). Web Locks where
 * available; otherwise a localStorage lease with an expiry (a tab that dies while holding it
 * blocks the others only until it expires) and a BroadcastChannel to wake waiters.
 */
const LOCK_NAME = 'tier0-outbox';
const LEASE_KEY = 'tier0:outbox-lease';
const LEASE_MS = 30_000;
const POLL_MS = 500;

export type TabLock = <T>(fn: () => Promise<T>) => Promise<T>;

function leaseLock(storage: Storage): TabLock {
  const tab = Math.random().toString(36).slice(2);
  let turns = 0;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(LOCK_NAME) : null;
  const readLease = (): { owner: string; until: number } | null => {
    try {
      return JSON.parse(storage.getItem(LEASE_KEY) ?? 'null') as { owner: string; until: number } | null;
    } catch {
      return null; // a corrupt lease is no lease
    }
  };
  // Each call is its own owner, so two calls from one tab also wait for each other.
  const tryAcquire = (owner: string): boolean => {
    const lease = readLease();
    if (lease && lease.owner !== owner && lease.until > Date.now()) return false;
    storage.setItem(LEASE_KEY, JSON.stringify({ owner, until: Date.now() + LEASE_MS }));
    // Two tabs may write at once; the one whose write stuck wins.
    return readLease()?.owner === owner;
  };
  const waitTurn = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        channel?.removeEventListener('message', done);
        resolve();
      };
      const timer = setTimeout(done, POLL_MS);
      channel?.addEventListener('message', done);
    });
  return async (fn) => {
    const owner = `${tab}:${++turns}`;
    while (!tryAcquire(owner)) await waitTurn();
    try {
      return await fn();
    } finally {
      if (readLease()?.owner === owner) storage.removeItem(LEASE_KEY);
      channel?.postMessage('released');
    }
  };
}

/** The cross-tab lock for this browser: Web Locks, a lease in localStorage, or none (one tab). */
export function createTabLock(): TabLock {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) return (fn) => locks.request(LOCK_NAME, fn) as ReturnType<typeof fn>;
  try {
    return leaseLock(globalThis.localStorage);
  } catch {
    // No storage to share a lease through, so no other tab can see our outbox either.
    return (fn) => fn();
  }
}
