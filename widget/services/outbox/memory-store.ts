/** The last-resort outbox store: lives as long as the tab (the view shows a notice when used). */
import type { OutboxEntry, OutboxStore } from './outbox-types.ts';

/** An outbox store in memory; also the fake store of unit tests. */
export function createMemoryStore(): OutboxStore {
  const entries = new Map<string, OutboxEntry>();
  return {
    kind: 'memory',
    all: async () => [...entries.values()].map((e) => structuredClone(e)),
    put: async (entry) => {
      entries.set(entry.id, structuredClone(entry));
      return true;
    },
    remove: async (id) => {
      entries.delete(id);
    },
  };
}

/**
 * A durable store backed by memory for entries it cannot hold (quota exceeded by an
 * attachment): the ticket is still sent while the tab is open, and `put` reports `false` so
 * the view can say it will not survive closing the tab.
 */
export function withMemoryFallback(primary: OutboxStore): OutboxStore {
  const memory = createMemoryStore();
  return {
    kind: primary.kind,
    async all() {
      const durable = await primary.all();
      const ids = new Set(durable.map((e) => e.id));
      return [...durable, ...(await memory.all()).filter((e) => !ids.has(e.id))];
    },
    async put(entry) {
      if (await primary.put(entry)) {
        await memory.remove(entry.id);
        return true;
      }
      await memory.put(entry);
      return primary.kind === 'memory';
    },
    async remove(id) {
      await memory.remove(id);
      await primary.remove(id);
    },
  };
}
