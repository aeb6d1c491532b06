/**
 * The page's localStorage or sessionStorage, or undefined where there is none or the page may
 * not use it: reading the property throws a SecurityError when storage is blocked (cookies off,
 * sandboxed frames). One helper for every caller, which then treats undefined as "nothing stored".
 */
export function webStorage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return globalThis[kind] ?? undefined;
  } catch {
    return undefined;
  }
}
