// @vitest-environment jsdom
import { afterEach, expect, test, vi } from 'vitest';
import { webStorage } from '../../../widget/services/web-storage.ts';

afterEach(() => { vi.restoreAllMocks(); });

test('gives the page’s storage where it may be used', () => {
  expect(webStorage('localStorage')).toBe(globalThis.localStorage);
  expect(webStorage('sessionStorage')).toBe(globalThis.sessionStorage);
});

test('gives undefined where reading the storage throws (cookies blocked, sandboxed frame)', () => {
  vi.spyOn(globalThis, 'localStorage', 'get').mockImplementation(() => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  });
  expect(webStorage('localStorage')).toBeUndefined();
});
