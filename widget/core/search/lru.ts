/** A small least-recently-used cache: successive keystrokes repeat most of the previous query's work. */

export interface Lru<V> {
  /** The cached value for `key`, computed by `make` (and cached) when missing. */
  get(key: string, make: () => V): V;
}

/** A cache keeping the `size` most recently used entries. */
export function createLru<V>(size: number): Lru<V> {
  const entries = new Map<string, V>();
  return {
    get(key, make) {
      let value = entries.get(key);
      if (value !== undefined || entries.has(key)) {
        // Re-inserting moves the key to the end: Map iteration order is insertion order.
        entries.delete(key);
      } else {
        value = make();
        if (entries.size >= size) entries.delete(entries.keys().next().value as string);
      }
      entries.set(key, value as V);
      return value as V;
    },
  };
}
