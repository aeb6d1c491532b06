// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { lockScroll, releaseScrollLock } from '../../../widget/ui/scroll-lock.ts';

test('restores the previous inline styles exactly, and removes a style attribute it created', () => {
  document.documentElement.removeAttribute('style');
  document.body.style.cssText = 'overflow: scroll; color: red;';
  const before = document.body.getAttribute('style');
  const unlock = lockScroll();
  expect(document.documentElement.style.overflow).toBe('hidden');
  expect(document.body.style.getPropertyPriority('overflow')).toBe('important');
  unlock();
  expect(document.documentElement.hasAttribute('style')).toBe(false);
  expect(document.body.getAttribute('style')).toBe(before);
});

test('overlapping locks restore once, from the state before the first', () => {
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  const a = lockScroll();
  const b = lockScroll();
  a();
  a();
  expect(document.body.style.overflow).toBe('hidden');
  b();
  expect(document.body.hasAttribute('style')).toBe(false);
  expect(document.documentElement.hasAttribute('style')).toBe(false);
});

test('releaseScrollLock restores at once, whatever is held', () => {
  document.body.removeAttribute('style');
  lockScroll();
  releaseScrollLock();
  expect(document.body.hasAttribute('style')).toBe(false);
});
