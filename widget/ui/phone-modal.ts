/**
 * The full-screen phone layout's styles and modal behaviour (page scroll lock, Tab kept inside),
 * which only that layout needs: its own chunk, loaded when the panel mounts on a phone-sized screen or a
 * screen turns phone-sized, and by warm-up. A desktop session never downloads it.
 */
export { lockScroll, releaseScrollLock } from './scroll-lock.ts';
export { trapTab } from './focus-trap.ts';
export { phoneCss } from './phone-css.ts';
