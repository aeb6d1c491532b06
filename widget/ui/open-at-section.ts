/**
 * Opening an article at the section a search hit answers from: the heading is scrolled to the
 * top, focused (so a screen reader starts reading there and Tab continues from it) and briefly
 * highlighted so sighted users see where they landed.
 */

/** How long the landing highlight stays (the CSS animation fades it out over this time). */
const HIGHLIGHT_MS = 2000;

/**
 * Focuses and highlights the heading `anchor` inside `prose`; returns false when the article has
 * no such heading (it was edited since the index was built), so the caller focuses the title.
 */
export function openAtSection(prose: HTMLElement, anchor: string): boolean {
  const name = anchor.replace(/["\\]/g, '\\$&');
  const heading = prose.querySelector<HTMLElement>(`[id="${name}"]`);
  if (!heading) return false;
  // Headings are not focusable; -1 makes them a focus target without adding a Tab stop.
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.classList.add('t0-target');
  heading.focus({ preventScroll: true });
  // Optional call: jsdom (component tests) has no scrollIntoView.
  heading.scrollIntoView?.({ block: 'start' });
  setTimeout(() => heading.classList.remove('t0-target'), HIGHLIGHT_MS);
  return true;
}
