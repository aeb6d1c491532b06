/**
 * Self-service actions: links to the site's own portals ("Reset your password", "Unlock your
 * account") that beat any article when the question matches. A site owner lists them in the
 * `actions` option; well-known ones (PRESET_IDS) need only an id and a URL:
 *
 *   actions: [
 *     { id: 'resetPassword', url: 'https://passwordreset.example.com/' },
 *     { id: 'vpn-request', label: 'Request VPN access', url: '/forms/vpn', keywords: ['vpn access'] },
 *   ]
 *
 * A preset's own label, description and keywords are defaults: set any of them to replace it.
 * The panel validates the option through services/site-actions.ts, a chunk only sites with actions
 * load; matching a question to actions is in action-match.ts, button texts in the UI
 * (ui/guided/action-suggestion.tsx).
 */

export type PresetId = 'resetPassword' | 'unlockAccount' | 'requestSoftware' | 'serviceStatus';

/** One action as a site owner writes it. */
export interface ActionInput {
  id: string;
  /** Button text. Presets default to a localized label (strings `guided.action.<id>`). */
  label?: string;
  /** http(s) URL, absolute or relative to the page. */
  url: string;
  /** Phrases users type when they need this action ("forgot password"). */
  keywords?: string[];
  /** One line under the button. Presets default to strings `guided.action.<id>.description`. */
  description?: string;
}

/** A validated action: URL absolute; `preset` marks a well-known one (empty keywords: its defaults). */
export interface Action {
  id: string;
  label?: string;
  url: string;
  keywords: string[];
  description?: string;
  preset?: PresetId;
}

/** Well-known actions: their labels are localized strings, their keywords in action-match.ts. */
export const PRESET_IDS: readonly PresetId[] = ['resetPassword', 'unlockAccount', 'requestSoftware', 'serviceStatus'];

const PRESETS = new Set<string>(PRESET_IDS);

/** Resolves a URL against `baseUrl` and keeps it only when it is http(s). */
function httpUrl(value: string, baseUrl: string | undefined): string | null {
  try {
    const url = baseUrl === undefined ? new URL(value) : new URL(value, baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null; // unparsable: reported by the caller as a site owner's typo
  }
}

/**
 * Validates the `actions` option (an array, or its JSON text from `data-actions`): every usable
 * entry becomes an Action, every bad one a `[tier0] <problem> — <fix>` message (never throws;
 * the options resolver logs the problems).
 */
export function validateActions(input: unknown, baseUrl?: string): { actions: Action[]; problems: string[] } {
  const problems: string[] = [];
  const actions: Action[] = [];
  if (input == null || input === '') return { actions, problems };
  // From markup, `data-actions` arrives as a JSON string.
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input) as unknown;
    } catch {
      problems.push('[tier0] option "actions" is not valid JSON — write data-actions=\'[{"id":"resetPassword","url":"https://…"}]\'');
      return { actions, problems };
    }
  }
  if (!Array.isArray(input)) {
    problems.push('[tier0] option "actions" must be an array — e.g. [{ id: "resetPassword", url: "https://…" }]');
    return { actions, problems };
  }
  const seen = new Set<string>();
  input.forEach((raw: unknown, index) => {
    const entry = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : null;
    const id = typeof entry?.id === 'string' ? entry.id.trim() : '';
    const where = id ? `action "${id}"` : `actions[${index}]`;
    if (!entry || !id) {
      problems.push(`[tier0] ${where} has no id — give each action an id such as "resetPassword"`);
      return;
    }
    if (seen.has(id)) {
      problems.push(`[tier0] ${where} is listed twice — keep one entry per id`);
      return;
    }
    const url = typeof entry.url === 'string' ? httpUrl(entry.url.trim(), baseUrl) : null;
    if (!url) {
      problems.push(`[tier0] ${where} has no usable url ("${String(entry.url ?? '')}") — use an http(s) URL or a path`);
      return;
    }
    const preset = PRESETS.has(id) ? (id as PresetId) : undefined;
    const label = typeof entry.label === 'string' && entry.label.trim() !== '' ? entry.label.trim() : undefined;
    if (!label && !preset) {
      problems.push(`[tier0] ${where} has no label — add the button text, e.g. label: "Request access"`);
      return;
    }
    let keywords: string[] = [];
    if (Array.isArray(entry.keywords)) {
      keywords = entry.keywords.filter((k): k is string => typeof k === 'string' && k.trim() !== '');
      if (keywords.length !== entry.keywords.length) problems.push(`[tier0] ${where} has keywords that are not text — they were ignored`);
    } else if (entry.keywords != null) {
      problems.push(`[tier0] ${where} keywords must be a list of phrases — e.g. keywords: ["forgot password"]`);
    }
    // A preset without keywords of its own matches on its defaults (PRESET_KEYWORDS).
    if (keywords.length === 0 && !preset) problems.push(`[tier0] ${where} has no keywords, so it is never suggested — add phrases users type`);
    const description = typeof entry.description === 'string' && entry.description.trim() !== '' ? entry.description.trim() : undefined;
    seen.add(id);
    actions.push({ id, url, keywords, ...(label ? { label } : {}), ...(description ? { description } : {}), ...(preset ? { preset } : {}) });
  });
  return { actions, problems };
}
