/**
 * Widget options: one documented type, frozen defaults, and a pure resolver that never mutates its
 * input and reports misuse as `[tier0] <problem> — <fix>` values (the loader logs them once).
 */
import type { ActionInput } from './actions.ts';

/** A site-defined field on the ticket form. */
export interface CustomField {
  name: string;
  type: 'text' | 'textarea' | 'select' | 'checkbox';
  label: string;
  required?: boolean;
  choices?: string[];
}

export type Position = 'right' | 'left';
export type Theme = 'auto' | 'light' | 'dark';

/** What a site owner passes to `Tier0.init(options)` (or as `data-*` attributes). */
export interface WidgetOptions {
  /** URL of the compiled KB bundle folder. Default: `kb/` beside the loader. */
  kb?: string;
  /** URL receiving tickets (CONTRACT §4) or `mailto:address`. None: the hand-off is hidden. */
  ticketEndpoint?: string;
  /** UI language. Default: the page's `<html lang>`, then the browser's; unknown → English. */
  locale?: string;
  /** Panel heading. Default: the locale's "Help". */
  title?: string;
  /** Brand colour as hex (`#2563eb`); text on it is black or white, whichever contrasts more. */
  accentColor?: string;
  position?: Position;
  zIndex?: number;
  theme?: Theme;
  /** Overrides for any UI string, by key (see widget/core/i18n/ui-strings.ts). */
  strings?: Record<string, string>;
  /** Service worker URL (default `sw.js` beside the loader); `false` turns it off. */
  serviceWorker?: string | false;
  /** Scope to register the service worker with. Default: the loader's folder. */
  serviceWorkerScope?: string;
  /** The requester's identity cannot be edited on the ticket form (set by `identify()`). */
  lockIdentity?: boolean;
  /** Extra fields on the ticket form. */
  ticketFields?: CustomField[];
  /** Allow file attachments on tickets. Default true. */
  attachments?: boolean;
  /** Largest attachment accepted, in bytes. Default 5 MB. */
  maxAttachmentBytes?: number;
  /** Extra context for the ticket, called at send time. */
  context?: () => Record<string, unknown>;
  /** Anti-abuse token provider, called for a fresh token at send time. */
  challenge?: () => Promise<string>;
  /** Ticket categories offered on the form. */
  categories?: string[];
  /**
   * Self-service actions suggested above the answer when the question matches, e.g.
   * `[{ id: "resetPassword", url: "https://passwordreset.example.com/" }]` (see core/actions.ts
   * for presets). From markup: `data-actions` with the same array as JSON.
   */
  actions?: ActionInput[] | string;
  /** JSON status feed shown as a banner at the top of the panel (format: services/status-banner.ts). */
  statusUrl?: string;
  /** Offer self-diagnostics of the user's browser (always with their consent). Default true. */
  diagnostics?: boolean;
}

/** Options after defaults and validation; URLs are absolute. */
export interface ResolvedOptions {
  kb: string;
  ticketEndpoint?: string;
  locale?: string;
  title?: string;
  accentColor: string;
  /** Text colour that contrasts with `accentColor`. */
  onAccentColor: string;
  position: Position;
  zIndex: number;
  theme: Theme;
  strings: Record<string, string>;
  serviceWorker: string | false;
  serviceWorkerScope: string;
  lockIdentity: boolean;
  ticketFields: CustomField[];
  attachments: boolean;
  maxAttachmentBytes: number;
  context?: () => Record<string, unknown>;
  challenge?: () => Promise<string>;
  categories?: string[];
  /**
   * The `actions` option as given: the panel validates it (core/actions.ts validateActions), so
   * the loader, which must stay under 6 KB, does not carry the checks.
   */
  actions: unknown;
  statusUrl?: string;
  diagnostics: boolean;
}

/** Where relative URLs resolve: the loader's own URL and the page's base URL. */
export interface ResolveContext {
  loaderUrl: string;
  pageUrl: string;
}

export const DEFAULTS = Object.freeze({
  accentColor: '#2563eb',
  position: 'right' as Position,
  zIndex: 2147483000,
  theme: 'auto' as Theme,
  attachments: true,
  maxAttachmentBytes: 5 * 1024 * 1024,
  lockIdentity: false,
  diagnostics: true,
});

const KNOWN = new Set([
  'kb', 'ticketEndpoint', 'locale', 'title', 'accentColor', 'position', 'zIndex', 'theme', 'strings',
  'serviceWorker', 'serviceWorkerScope', 'lockIdentity', 'ticketFields', 'attachments',
  'maxAttachmentBytes', 'context', 'challenge', 'categories', 'actions', 'statusUrl', 'diagnostics',
]);
const FIELD_TYPES = new Set(['text', 'textarea', 'select', 'checkbox']);

/** Resolves options against defaults; never throws, returns problems as `[tier0] …` messages. */
export function resolveOptions(
  input: WidgetOptions | null | undefined,
  ctx: ResolveContext,
): { options: ResolvedOptions; problems: string[] } {
  const problems: string[] = [];
  const o: Record<string, unknown> = input && typeof input === 'object' ? input as Record<string, unknown> : {};
  if (input != null && (typeof input !== 'object' || Array.isArray(input))) {
    problems.push('[tier0] init() options must be an object — call Tier0.init({ kb: "/help/kb/" })');
  }
  for (const key of Object.keys(o)) {
    if (!KNOWN.has(key)) problems.push(`[tier0] unknown option "${key}" — check its spelling against the README`);
  }
  const str = (key: string): string | undefined => {
    const v = o[key];
    if (v == null || v === '') return undefined;
    if (typeof v === 'string') return v;
    problems.push(`[tier0] option "${key}" must be a string — got ${typeof v}`);
    return undefined;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const v = o[key];
    if (v == null) return fallback;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === '') return true;
    if (v === 'false') return false;
    problems.push(`[tier0] option "${key}" must be true or false — got "${String(v)}"`);
    return fallback;
  };
  const url = (key: string, value: string | undefined, base: string): string | undefined => {
    if (value === undefined) return undefined;
    if (/^mailto:/i.test(value)) return value;
    try {
      const u = new URL(value, base);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      // fall through to the problem below: an unparsable URL is a site owner's typo
    }
    problems.push(`[tier0] option "${key}" is not a usable URL ("${value}") — use an http(s) URL or a path`);
    return undefined;
  };

  const kb = url('kb', str('kb'), ctx.pageUrl) ?? new URL('kb/', ctx.loaderUrl).href;
  const kbSlash = kb.endsWith('/') ? kb : `${kb}/`;

  let accentColor: string = DEFAULTS.accentColor;
  const accent = str('accentColor');
  if (accent !== undefined) {
    if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(accent.trim())) accentColor = accent.trim().toLowerCase();
    else problems.push(`[tier0] accentColor "${accent}" is not a hex colour — use a value like "#2563eb"`);
  }

  let position: Position = DEFAULTS.position;
  const pos = str('position');
  if (pos !== undefined) {
    if (pos === 'left' || pos === 'right') position = pos;
    else problems.push(`[tier0] position "${pos}" is not supported — use "right" or "left"`);
  }

  let theme: Theme = DEFAULTS.theme;
  const th = str('theme');
  if (th !== undefined) {
    if (th === 'auto' || th === 'light' || th === 'dark') theme = th;
    else problems.push(`[tier0] theme "${th}" is not supported — use "auto", "light" or "dark"`);
  }

  const zIndex = num('zIndex', DEFAULTS.zIndex, o, problems, true);
  const maxAttachmentBytes = num('maxAttachmentBytes', DEFAULTS.maxAttachmentBytes, o, problems, false);

  let strings: Record<string, string> = {};
  if (o.strings != null) {
    if (typeof o.strings === 'object' && !Array.isArray(o.strings)) {
      strings = Object.fromEntries(
        Object.entries(o.strings as Record<string, unknown>).filter(([, v]) => typeof v === 'string'),
      ) as Record<string, string>;
    } else problems.push('[tier0] option "strings" must be an object of text overrides — e.g. { greeting: "Hi!" }');
  }

  let serviceWorker: string | false = new URL('sw.js', ctx.loaderUrl).href;
  const swRaw = o.serviceWorker;
  if (swRaw === false || swRaw === 'false') serviceWorker = false;
  else if (swRaw != null && swRaw !== '' && swRaw !== true && swRaw !== 'true') {
    serviceWorker = url('serviceWorker', str('serviceWorker'), ctx.pageUrl) ?? serviceWorker;
  }
  const serviceWorkerScope = url('serviceWorkerScope', str('serviceWorkerScope'), ctx.pageUrl)
    ?? new URL('./', ctx.loaderUrl).href;

  let ticketFields: CustomField[] = [];
  if (o.ticketFields != null) {
    if (Array.isArray(o.ticketFields)) {
      ticketFields = (o.ticketFields as unknown[]).filter((f): f is CustomField => {
        const ok = !!f && typeof f === 'object' && typeof (f as CustomField).name === 'string'
          && typeof (f as CustomField).label === 'string' && FIELD_TYPES.has((f as CustomField).type);
        if (!ok) problems.push('[tier0] a ticketFields entry is invalid — each needs name, label and type text|textarea|select|checkbox');
        return ok;
      });
    } else problems.push('[tier0] option "ticketFields" must be an array — e.g. [{ name: "asset", type: "text", label: "Asset tag" }]');
  }

  const fn = <T>(key: string): T | undefined => {
    const v = o[key];
    if (v == null) return undefined;
    if (typeof v === 'function') return v as T;
    problems.push(`[tier0] option "${key}" must be a function — got ${typeof v}`);
    return undefined;
  };

  let categories: string[] | undefined;
  if (o.categories != null) {
    if (Array.isArray(o.categories)) categories = (o.categories as unknown[]).filter((c): c is string => typeof c === 'string');
    else if (typeof o.categories === 'string') categories = o.categories.split(',').map((c) => c.trim()).filter(Boolean);
    else problems.push('[tier0] option "categories" must be an array of strings');
  }

  const statusUrl = str('statusUrl');

  const options: ResolvedOptions = {
    kb: kbSlash,
    ticketEndpoint: url('ticketEndpoint', str('ticketEndpoint'), ctx.pageUrl),
    locale: str('locale'),
    title: str('title'),
    accentColor,
    onAccentColor: contrastText(accentColor),
    position,
    zIndex,
    theme,
    strings,
    serviceWorker,
    serviceWorkerScope,
    lockIdentity: bool('lockIdentity', DEFAULTS.lockIdentity),
    ticketFields,
    attachments: bool('attachments', DEFAULTS.attachments),
    maxAttachmentBytes,
    context: fn('context'),
    challenge: fn('challenge'),
    categories,
    actions: o.actions,
    statusUrl: statusUrl !== undefined && /^mailto:/i.test(statusUrl) ? undefined : url('statusUrl', statusUrl, ctx.pageUrl),
    diagnostics: bool('diagnostics', DEFAULTS.diagnostics),
  };
  if (statusUrl !== undefined && /^mailto:/i.test(statusUrl)) {
    problems.push(`[tier0] option "statusUrl" is not a usable URL ("${statusUrl}") — use an http(s) URL or a path`);
  }
  return { options, problems };
}

function num(key: string, fallback: number, o: Record<string, unknown>, problems: string[], int: boolean): number {
  const v = o[key];
  if (v == null || v === '') return fallback;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  if (Number.isFinite(n) && n >= 0 && (!int || Number.isInteger(n))) return n;
  problems.push(`[tier0] option "${key}" must be a ${int ? 'whole ' : ''}number — got "${String(v)}"`);
  return fallback;
}

/** Maps `data-*` attribute names (already camelCased by `dataset`) to raw option values. */
export function optionsFromDataset(dataset: Record<string, string | undefined>): WidgetOptions {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dataset)) {
    if (value === undefined || !KNOWN.has(key)) continue;
    // Functions and structured values cannot come from markup.
    if (key === 'context' || key === 'challenge' || key === 'strings' || key === 'ticketFields') continue;
    out[key] = value;
  }
  return out as WidgetOptions;
}

/** WCAG relative luminance of a #rgb/#rrggbb colour. */
export function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.split('').map((c) => c + c).join('') : h;
  const channel = (i: number): number => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG contrast ratio between two hex colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on the given background. */
export function contrastText(bg: string): string {
  return contrastRatio(bg, '#ffffff') >= contrastRatio(bg, '#111111') ? '#ffffff' : '#111111';
}
