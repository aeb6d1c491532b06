/**
 * Locks the host page's scroll while the full-screen phone panel is open and restores it
 * exactly: the previous inline styles of <html> and <body> and the scroll position.
 * (Writing `style` through CSSOM is allowed under `style-src 'self'`; it is not markup.)
 * Locks are counted, so overlapping lock/unlock pairs (effects re-running) restore only once,
 * from the state saved by the first lock.
 */

let active: { count: number; restore: () => void } | undefined;

/** Locks page scroll; the returned function (idempotent) releases this lock. */
export function lockScroll(doc: Document = document): () => void {
  if (!active) {
    const win = doc.defaultView ?? window;
    const x = win.scrollX;
    const y = win.scrollY;
    const restores = [doc.documentElement, doc.body].map((el) => {
      const hadAttr = el.hasAttribute('style');
      const cssText = el.style.cssText;
      el.style.setProperty('overflow', 'hidden', 'important');
      return () => {
        if (hadAttr) el.style.cssText = cssText;
        else {
          // Chromium syncs CSSOM changes into the attribute lazily; without this read, a later
          // sync can resurrect an empty style="" after the removal.
          el.getAttribute('style');
          el.removeAttribute('style');
        }
      };
    });
    active = {
      count: 0,
      restore: () => {
        restores.forEach((r) => r());
        if (win.scrollX !== x || win.scrollY !== y) win.scrollTo(x, y);
      },
    };
  }
  active.count++;
  let released = false;
  return () => {
    if (released || !active) return;
    released = true;
    if (--active.count === 0) releaseScrollLock();
  };
}

/** Restores the page now, whatever locks are held (used by destroy()). */
export function releaseScrollLock(): void {
  const a = active;
  active = undefined;
  a?.restore();
}
