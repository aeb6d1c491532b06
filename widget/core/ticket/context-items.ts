/**
 * Technical details for first diagnosis, as a list of items the user can remove one by one
 * before sending. Items from the site owner's context() callback are nested under `site` in the
 * ticket so they never overwrite the widget's own keys.
 */
export type ContextValue = string | number | boolean | null;

export interface ContextItem {
  key: string;
  value: ContextValue;
  /** Came from the site owner's context() callback. */
  site?: boolean;
}

/** The ticket's `context` object from the items the user kept. */
export function contextFromItems(items: readonly ContextItem[], removed: readonly string[] = []): Record<string, unknown> {
  const gone = new Set(removed);
  const context: Record<string, unknown> = {};
  const site: Record<string, ContextValue> = {};
  for (const item of items) {
    if (gone.has(itemId(item))) continue;
    if (item.site) site[item.key] = item.value;
    else context[item.key] = item.value;
  }
  if (Object.keys(site).length > 0) context.site = site;
  return context;
}

/** A stable id for an item, distinct between widget and site keys of the same name. */
export function itemId(item: ContextItem): string {
  return item.site ? `site.${item.key}` : item.key;
}

/** Flattens whatever the site's context() returned into items; nested values become JSON. */
export function siteItems(value: unknown): ContextItem[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const items: ContextItem[] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || typeof v === 'function') continue;
    const plain: ContextValue =
      v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : safeJson(v);
    items.push({ key, value: plain, site: true });
  }
  return items;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value); // cyclic objects: the site owner still sees something in the ticket
  }
}

/**
 * How far the local clock is ahead of the server's (ms, positive: ahead), from a response's Date
 * header and the local times around the request; null when the header is missing. Date headers
 * have one-second resolution, so offsets under a second are reported as 0.
 */
export function clockOffset(dateHeader: string | null | undefined, sentAt: number, receivedAt: number): number | null {
  if (!dateHeader) return null;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return null;
  const local = (sentAt + receivedAt) / 2;
  const offset = Math.round(local - server);
  return Math.abs(offset) < 1000 ? 0 : offset;
}
