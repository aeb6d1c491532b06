/**
 * The console message for a panel chunk that did not load (a partial deployment, or offline
 * before warm-up got to it): what failed, and the usual fix. One wording for every lazy chunk.
 */
export function chunkLoadFailed(what: string): string {
  return `[tier0] cannot load ${what} — serve the whole dist/ folder next to tier0.js`;
}
