/**
 * Durable outbox stores: IndexedDB first (large, async, survives the tab), localStorage when
 * IndexedDB is missing or blocked (some private modes), memory as the last resort. A small
 * localStorage marker counts pending tickets so the loader can decide to resume without
 * opening IndexedDB on every page view (pending-marker.ts).
 */
import { createMemoryStore } from './memory-store.ts';
import type { OutboxEntry, OutboxStore } from './outbox-types.ts';
import { PENDING_MARKER } from './pending-marker.ts';

const DB_NAME = 'tier0';
const DB_STORE = 'outbox';
const LS_KEY = 'tier0:outbox';

function safeStorage(): Storage | null {
  try {
    const storage = globalThis.localStorage;
    const probe = 'tier0:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    // Disabled storage (privacy settings, sandboxed iframes) throws on access: no storage.
    return null;
  }
}

/** Records how many tickets are queued in the panel's hint (0 removes it). */
function setPendingCount(count: number): void {
  try {
    if (count > 0) globalThis.localStorage.setItem(PENDING_MARKER, String(count));
    else globalThis.localStorage.removeItem(PENDING_MARKER);
  } catch {
    // The marker is only a hint; resume also runs when it is missing.
  }
}

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function openDb(onClose: () => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(DB_STORE, { keyPath: 'id' });
    request.onsuccess = () => {
      const db = request.result;
      // Never block a newer version (or a deletion) from another tab: let go, reopen on next use.
      db.onversionchange = () => {
        db.close();
        onClose();
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('blocked'));
  });
}

async function createIdbStore(): Promise<OutboxStore | null> {
  if (typeof indexedDB === 'undefined') return null;
  let db: Promise<IDBDatabase> | null = null;
  const connect = (): Promise<IDBDatabase> => {
    db ??= openDb(() => {
      db = null;
    });
    return db;
  };
  try {
    await connect();
  } catch {
    return null; // blocked by the browser (some private modes): use the next store
  }
  const objects = async (mode: IDBTransactionMode) => (await connect()).transaction(DB_STORE, mode).objectStore(DB_STORE);
  const all = async (): Promise<OutboxEntry[]> => {
    try {
      return (await promisify((await objects('readonly')).getAll())) as OutboxEntry[];
    } catch {
      // Unreadable right now (the database is being deleted): nothing to send this round.
      return [];
    }
  };
  const refreshMarker = async () => setPendingCount((await all()).length);
  return {
    kind: 'indexeddb',
    all,
    async put(entry) {
      try {
        await promisify((await objects('readwrite')).put(entry));
        await refreshMarker();
        return true;
      } catch {
        return false;
      }
    },
    async remove(id) {
      try {
        await promisify((await objects('readwrite')).delete(id));
        await refreshMarker();
      } catch {
        // Deleting a ticket that is gone already is fine; the idempotency key covers a resend.
      }
    },
  };
}

function createLocalStore(storage: Storage): OutboxStore {
  const read = (): Record<string, OutboxEntry> => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(LS_KEY) ?? '{}');
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, OutboxEntry>) : {};
    } catch {
      // Corrupt JSON would block every later ticket: start over rather than crash.
      storage.removeItem(LS_KEY);
      return {};
    }
  };
  const write = (entries: Record<string, OutboxEntry>): boolean => {
    try {
      if (Object.keys(entries).length === 0) storage.removeItem(LS_KEY);
      else storage.setItem(LS_KEY, JSON.stringify(entries));
      setPendingCount(Object.keys(entries).length);
      return true;
    } catch {
      return false; // quota exceeded (a large attachment)
    }
  };
  return {
    kind: 'localstorage',
    all: async () => Object.values(read()),
    put: async (entry) => write({ ...read(), [entry.id]: entry }),
    remove: async (id) => {
      const entries = read();
      delete entries[id];
      write(entries);
    },
  };
}

/** The most durable store this browser allows. */
export async function openOutboxStore(): Promise<OutboxStore> {
  const idb = await createIdbStore();
  if (idb) return idb;
  const storage = safeStorage();
  if (storage) return createLocalStore(storage);
  return createMemoryStore();
}
