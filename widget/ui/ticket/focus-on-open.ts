/**
 * Moving focus into the hand-off once its first screen (form, or a pending ticket's status) has
 * rendered. The button that opened it ("Contact support" in the header or a message) is gone
 * with the screen it was on, which would leave focus on the host page. The view shows its form
 * a moment after mounting (once the outbox answers), so this waits for it; it gives up as soon
 * as the user has put focus somewhere in the panel themselves. Loaded with the ticket view, so a
 * session that never asks for a person does not download it.
 */

// The form's first field a person fills in (not the off-screen honeypot, not a locked or
// disabled one), else the screen's heading.
const FIRST_STOP = 'input:not([type=hidden]):not([tabindex="-1"]):not(:disabled):not([readonly]), select:not(:disabled), textarea:not(:disabled):not([readonly])';

/** Focuses the first field (or heading) inside `slot` when it appears; returns a cleanup. */
export function focusOnOpen(slot: HTMLElement): () => void {
  const panel = slot.closest('.t0-panel');
  const root = slot.getRootNode() as Document | ShadowRoot;
  const done = (): boolean => {
    const active = root.activeElement;
    // Focus already inside the hand-off, or the user moved it elsewhere in the panel.
    return !!active && (slot.contains(active) || (active !== panel && !!panel?.contains(active)));
  };
  const tryFocus = (): boolean => {
    if (done()) return true;
    const target = slot.querySelector<HTMLElement>(FIRST_STOP) ?? slot.querySelector<HTMLElement>('h3[tabindex="-1"]');
    if (!target) return false;
    target.focus();
    // Pointer users get no ring, but the field must still be in view (the chat may be scrolled).
    target.scrollIntoView?.({ block: 'nearest' });
    return true;
  };
  if (tryFocus()) return () => {};
  const observer = new MutationObserver(() => { if (tryFocus()) observer.disconnect(); });
  observer.observe(slot, { childList: true, subtree: true });
  return () => observer.disconnect();
}
