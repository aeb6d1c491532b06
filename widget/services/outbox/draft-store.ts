/**
 * The form's contents survive a reload until the ticket is delivered. One key per ticket
 * endpoint, so two widgets on one origin pointing at different help desks keep separate drafts.
 * Storage failures are swallowed on purpose: losing the draft must never break the form.
 */
import type { TicketForm } from '../../core/ticket/ticket-types.ts';

/** The localStorage key of the draft for one ticket endpoint. */
export function draftKey(endpoint: string): string {
  return `tier0:ticket-draft:${endpoint}`;
}

/**
 * The saved draft: the fields the user typed (a draft saved by an older version holds the whole
 * form), or null when there is none (or it is unreadable).
 */
export function loadDraft(key: string): Partial<TicketForm> | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const { honeypot: _dropped, ...draft } = parsed as Partial<TicketForm>;
    return draft;
  } catch {
    // Corrupt or inaccessible: a fresh form is better than a broken one.
    return null;
  }
}

/** Saves the draft; false when storage is unavailable or full. */
export function saveDraft(key: string, form: Partial<TicketForm>): boolean {
  try {
    // The honeypot is never kept: a bot-filled value must not survive into a human's form.
    const { honeypot: _dropped, ...draft } = form;
    globalThis.localStorage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false; // storage disabled or full: the form still works, it just won't survive a reload
  }
}

/** Forgets the draft (after delivery). */
export function clearDraft(key: string): void {
  try {
    globalThis.localStorage.removeItem(key);
  } catch {
    // Nothing stored means nothing to clear.
  }
}

const EMAIL_KEY = 'tier0:ticket-email';

/** The e-mail address the user asked this browser to remember, or '' when none. */
export function loadRememberedEmail(): string {
  try {
    return globalThis.localStorage?.getItem(EMAIL_KEY) ?? '';
  } catch {
    return ''; // storage blocked: nothing remembered
  }
}

/** Remembers the address for the next ticket, or forgets it (''), as the user chose on the form. */
export function rememberEmail(email: string): void {
  try {
    if (email) globalThis.localStorage.setItem(EMAIL_KEY, email);
    else globalThis.localStorage.removeItem(EMAIL_KEY);
  } catch {
    // Storage blocked: the user types it again next time, as without consent.
  }
}
