/**
 * Keeping the user's place in the chat: where focus comes back to after an article or the
 * contact form. The conversation is rendered again on return, so the element itself is gone;
 * its rank among the conversation's focusable elements is not (nothing above it changes
 * meanwhile: new messages only ever arrive below).
 */

const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The rank of `el` among the focusable elements inside `root` (the conversation), or -1. */
export function focusRank(root: Element, el: Element | null): number {
  return el ? [...root.querySelectorAll(FOCUSABLE)].indexOf(el) : -1;
}

/** The focusable element of `root` at `rank`, if there is one. */
export function focusableAt(root: Element, rank: number): HTMLElement | null {
  return rank < 0 ? null : root.querySelectorAll<HTMLElement>(FOCUSABLE)[rank] ?? null;
}
