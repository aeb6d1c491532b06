/**
 * Parsed JSON of KB files fetched by the idle-time warm-up (warm-up.ts), by absolute URL, read by
 * the KB client. Its own tiny module so the panel chunk can read it without the warm-up code.
 */

export interface WarmStore {
  get(url: string): unknown;
  set(url: string, value: unknown): void;
  readonly size: number;
}

/** An empty store. */
export function createWarmStore(): WarmStore {
  return new Map<string, unknown>();
}

/** The page's one store, filled by warm-up and read by the KB client (both import this module). */
export const sharedWarmStore: WarmStore = createWarmStore();
