/**
 * "Help content was updated": which KB version the panel loaded, and the news that another one
 * is in use — because this browser saw a different version on an earlier visit (the manifest is
 * fetched network-first, so a new KB shows up on the next visit), or because the service worker
 * adopted a newer one while the page was open. Kept apart from registration so the panel chunk,
 * which reads it, does not carry the registration code.
 */
import { webStorage } from './web-storage.ts';

/** The message the worker sends every page after adopting a new KB manifest. */
export interface KbUpdatedMessage {
  type: 'tier0:kb-updated';
  version: string;
}

const loaded = new Map<string, string>();
const updateHandlers = new Set<(version: string) => void>();
let announced: string | undefined;

/**
 * Subscribes the panel to "help content was updated" (show it once, politely). Sticky: a handler
 * added after the news is called at once. Returns the unsubscribe function.
 */
export function onKbUpdated(handler: (version: string) => void): () => void {
  updateHandlers.add(handler);
  if (announced !== undefined) handler(announced);
  return () => { updateHandlers.delete(handler); };
}

/** Tells subscribers that a KB version other than the one they knew is now in use. */
export function announceKbUpdate(version: string): void {
  if (announced === version) return;
  announced = version;
  for (const handler of [...updateHandlers]) handler(version);
}

/**
 * Records the manifest version the KB client loaded for the bundle at `kbBase`, and announces
 * an update when this browser had seen another version on an earlier visit.
 */
export function noteLoadedKbVersion(kbBase: string, version: string, storage = webStorage('localStorage')): void {
  loaded.set(kbBase, version);
  if (noteKbVersion(version, storage)) announceKbUpdate(version);
}

/** The manifest version the KB client loaded for `kbBase`, if any yet. */
export function loadedKbVersion(kbBase: string): string | undefined {
  return loaded.get(kbBase);
}

/** True when `latest` names a KB different from the one the panel loaded. */
export function isKbUpdated(loaded: string | null | undefined, latest: string | null | undefined): boolean {
  return !!loaded && !!latest && loaded !== latest;
}

/**
 * Calls `onUpdate` when the worker adopts a KB version other than the one the panel loaded
 * (`loadedVersion()` is read at message time). Returns the unsubscribe function.
 */
export function watchKbUpdates(
  container: ServiceWorkerContainer | undefined,
  loadedVersion: () => string | null | undefined,
  onUpdate: (version: string) => void,
): () => void {
  if (!container) return () => {};
  const onMessage = (event: MessageEvent): void => {
    const data = event.data as Partial<KbUpdatedMessage> | null;
    if (data?.type !== 'tier0:kb-updated' || typeof data.version !== 'string') return;
    if (isKbUpdated(loadedVersion(), data.version)) onUpdate(data.version);
  };
  container.addEventListener('message', onMessage);
  container.startMessages();
  return () => container.removeEventListener('message', onMessage);
}

const SEEN_KEY = 'tier0:kb-version';

/**
 * Records the KB version the panel loaded; true when this browser saw a different version
 * before, i.e. the help content was updated since the last visit. Storage failures mean "no".
 */
export function noteKbVersion(version: string, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): boolean {
  if (!storage) return false;
  try {
    const previous = storage.getItem(SEEN_KEY);
    if (previous !== version) storage.setItem(SEEN_KEY, version);
    return isKbUpdated(previous, version);
  } catch {
    return false; // storage blocked (privacy mode): the notice is a nicety, not worth an error
  }
}
