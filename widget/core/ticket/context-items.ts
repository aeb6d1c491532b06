/**
 * Technical details for first diagnosis, as a list of items the user can remove one by one
 * before sending. Items from the site owner's context() callback are nested under `site` in the
 * ticket so they never overwrite the widget's own keys.
 */
import type { Finding } from '../diagnostics-relevance.ts';
import { maskSecrets } from './secrets.ts';

/** One browser self-check as the ticket carries it in `context.diagnostics`. */
export interface DiagnosticSummary {
  id: string;
  status: 'ok' | 'problem' | 'unknown';
  detail: string;
}

export type ContextValue = string | number | boolean | null | readonly DiagnosticSummary[];

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
 * The browser self-check findings as one removable `diagnostics` item, or none before any check
 * ran. Only what the agent needs travels: the UI's message code and article link stay behind.
 */
export function diagnosticsItems(findings: readonly Finding[] | undefined): ContextItem[] {
  if (!findings || findings.length === 0) return [];
  // Details quote error messages and origins; mask in case one carries a credential.
  const value = findings.map(({ id, status, detail }): DiagnosticSummary => ({ id, status, detail: maskSecrets(detail) }));
  return [{ key: 'diagnostics', value }];
}
