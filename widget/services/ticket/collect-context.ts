/**
 * Gathers the technical details for first diagnosis from the browser. Every read is guarded:
 * privacy settings make some of them throw, and a missing detail must never break the form.
 * Nothing here reads what the user typed.
 */
import { clockOffsetMs } from '../../core/diagnostics-relevance.ts';
import { siteItems, type ContextItem, type ContextValue } from '../../core/ticket/context-items.ts';
import { maskSecrets } from '../../core/ticket/secrets.ts';
import { describeUserAgent, type UaData } from '../../core/ticket/user-agent.ts';
import { WIDGET_VERSION } from '../../core/ticket/version.ts';
import type { KbCategory, KbManifest } from '../../core/kb-format.ts';

function read<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback; // blocked by privacy settings or a sandbox: report what we can
  }
}

// Query parameters that commonly carry credentials (magic links, OAuth callbacks, reset links).
const SECRET_PARAM = /token|code|key|secret|password|passwd|pwd|auth|session|sig|signature|otp|jwt/i;

/** The page URL without credentials that ride in its query string or fragment. */
export function safePageUrl(href: string): string {
  try {
    const url = new URL(href);
    for (const name of [...url.searchParams.keys()]) {
      if (SECRET_PARAM.test(name)) url.searchParams.set(name, '••••••');
    }
    if (url.hash.length > 1 && SECRET_PARAM.test(url.hash)) url.hash = '';
    url.username = '';
    url.password = '';
    return maskSecrets(url.href);
  } catch {
    return maskSecrets(href);
  }
}

function storageSummary(): string {
  const kinds: string[] = [];
  if (read(() => {
    const probe = 'tier0:probe';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return true;
  }, false)) kinds.push('localStorage');
  if (read(() => typeof indexedDB !== 'undefined' && indexedDB !== null, false)) kinds.push('IndexedDB');
  return kinds.length > 0 ? kinds.join(', ') : 'none';
}

/** The details available synchronously, in the order they are shown. */
export function collectContext(): ContextItem[] {
  const nav = navigator as Navigator & { userAgentData?: UaData };
  const ua = describeUserAgent(nav.userAgent, read(() => nav.userAgentData ?? null, null));
  const items: Array<[string, ContextValue]> = [
    ['url', safePageUrl(location.href)],
    ['browser', ua.browser],
    ['os', ua.os],
    ['userAgent', nav.userAgent],
    ['language', [nav.language, ...read(() => nav.languages.filter((l) => l !== nav.language), [])].join(', ')],
    ['timezone', read(() => Intl.DateTimeFormat().resolvedOptions().timeZone, 'unknown')],
    ['viewport', `${window.innerWidth}×${window.innerHeight}`],
    ['screen', read(() => `${screen.width}×${screen.height} @${window.devicePixelRatio}x`, 'unknown')],
    ['online', nav.onLine],
    ['cookies', read(() => nav.cookieEnabled, false)],
    ['storage', storageSummary()],
    ['widgetVersion', WIDGET_VERSION],
  ];
  return items.map(([key, value]) => ({ key, value }));
}

/** Items from the site owner's context() option; a throwing callback is reported, not fatal. */
export function collectSiteContext(
  context: (() => Record<string, unknown>) | undefined,
  report: (message: string, error: unknown) => void,
): ContextItem[] {
  if (!context) return [];
  try {
    return siteItems(context());
  } catch (error) {
    report('[tier0] the context() option threw — the ticket is sent without its details; fix the callback passed to Tier0.init', error);
    return [];
  }
}

export interface KbFacts {
  items: ContextItem[];
  categories: KbCategory[];
}

/**
 * The KB manifest, fetched fresh: its version for the ticket, its categories for the form, and
 * its Date header for the clock offset (a wrong clock breaks sign-in and certificates).
 */
export async function fetchKbFacts(kbUrl: string, fetchFn: typeof fetch = fetch): Promise<KbFacts> {
  const sentAt = Date.now();
  try {
    const res = await fetchFn(new URL('manifest.json', kbUrl).href, { cache: 'no-store' });
    const receivedAt = Date.now();
    if (!res.ok) return { items: [], categories: [] };
    const manifest = (await res.json()) as Partial<KbManifest>;
    const items: ContextItem[] = [];
    if (typeof manifest.version === 'string') items.push({ key: 'kbVersion', value: manifest.version });
    // The same measure as the browser check's clock finding, so ticket and check never disagree.
    const offset = clockOffsetMs(res.headers.get('Date'), sentAt, receivedAt);
    // The header has one-second resolution: a smaller offset is noise, not a clock to fix.
    if (offset !== null) items.push({ key: 'clockOffsetMs', value: Math.abs(offset) < 1000 ? 0 : offset });
    return { items, categories: Array.isArray(manifest.categories) ? manifest.categories : [] };
  } catch {
    return { items: [], categories: [] }; // offline: the ticket goes without these two details
  }
}
