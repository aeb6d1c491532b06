/**
 * The panel entry as built when offline support is present (scripts/build/build-widget.ts): the
 * panel and the offline engineer's page side in one chunk. The loader fetches both at idle time
 * anyway, and they share the KB update notices, the warm store and the Trusted Types policy; as
 * two chunks plus a shared one they cost two gzip streams and ~0.5 KB more a session. The loader
 * still imports "the offline file" for `startOffline`: its URL is this chunk's, so the browser
 * evaluates it once. Without widget/offline.ts (or when it fails to build) panel.tsx is the entry.
 */
export * from './panel.tsx';
export { startOffline } from './offline.ts';
