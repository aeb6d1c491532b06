/**
 * Keeping the user's place in the chat: what to show when new content arrives, and where to come
 * back to after an article or the contact form. DOM helpers for app.tsx and the flow steps.
 */

/** Space kept above content scrolled to the top of the conversation, in px. */
const TOP_GAP = 16;

/** The conversation's scroll box around `el` (`.t0-body`), if any. */
export function scrollBoxOf(el: Element): HTMLElement | null {
  return el.closest<HTMLElement>('.t0-body');
}

/**
 * Scrolls the conversation the least that shows all of `el`; when it is taller than the view,
 * its top wins ("question first": a step's question before its answers). Only the
 * conversation scrolls, never the host page.
 */
export function reveal(el: Element, box: HTMLElement | null = scrollBoxOf(el)): void {
  if (!box) return;
  const view = box.getBoundingClientRect();
  const rect = el.getBoundingClientRect();
  const top = rect.top - view.top + box.scrollTop;
  const bottom = top + rect.height;
  let next = box.scrollTop;
  if (bottom > next + box.clientHeight) next = bottom - box.clientHeight + TOP_GAP;
  if (top < next + TOP_GAP) next = top - TOP_GAP;
  if (next !== box.scrollTop) box.scrollTo?.({ top: Math.max(0, next) });
}

/** Scrolls the conversation so `el` starts at its top (with a small gap). */
export function showFromTop(el: Element, box: HTMLElement | null = scrollBoxOf(el)): void {
  if (!box) return;
  const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  box.scrollTo?.({ top: Math.max(0, top - TOP_GAP) });
}

const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** Where focus was, in terms that survive a re-render: its message (`data-msg`) and its rank in it. */
export interface FocusSpot {
  msg: string | null;
  index: number;
}

/** The spot of `el` inside `root` (the panel), or null when it is not there. */
export function focusSpotOf(root: Element, el: Element | null): FocusSpot | null {
  if (!el || !root.contains(el)) return null;
  const scope = el.closest('[data-msg]');
  const within = scope && root.contains(scope) ? scope : root;
  const index = [...within.querySelectorAll(FOCUSABLE)].indexOf(el);
  return index < 0 ? null : { msg: scope?.getAttribute('data-msg') ?? null, index };
}

/** The element at `spot` inside `root`, if it is still there. */
export function elementAt(root: Element, spot: FocusSpot): HTMLElement | null {
  const within = spot.msg === null ? root : root.querySelector(`[data-msg="${CSS.escape(spot.msg)}"]`);
  return (within?.querySelectorAll<HTMLElement>(FOCUSABLE)[spot.index]) ?? null;
}
