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

/** The saved draft, or null when there is none (or it is unreadable). */
export function loadDraft(key: string): TicketForm | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<TicketForm>;
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.subject !== 'string') return null;
    return parsed as TicketForm;
  } catch {
    // Corrupt or inaccessible: a fresh form is better than a broken one.
    return null;
  }
}

/** Saves the draft; false when storage is unavailable or full. */
export function saveDraft(key: string, form: TicketForm): boolean {
  try {
    // The honeypot is never restored: a bot-filled value must not survive into a human's form.
    globalThis.localStorage.setItem(key, JSON.stringify({ ...form, honeypot: '' }));
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
