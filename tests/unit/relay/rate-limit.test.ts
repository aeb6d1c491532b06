import { describe, expect, test } from 'vitest';
import { createRateLimiter } from '../../../scripts/relay/rate-limit.ts';

describe('rate limiter', () => {
  test('allows a burst, then refuses with the wait until the next token', () => {
    const limiter = createRateLimiter({ burst: 3, perSecond: 0.5 });
    expect([0, 0, 0].map(() => limiter.take('a', 1000).ok)).toEqual([true, true, true]);
    expect(limiter.take('a', 1000)).toEqual({ ok: false, retryAfterMs: 2000 });
    expect(limiter.take('a', 2000)).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(limiter.take('a', 3000).ok).toBe(true);
  });

  test('keeps one bucket per key', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 1 });
    expect(limiter.take('a', 0).ok).toBe(true);
    expect(limiter.take('a', 0).ok).toBe(false);
    expect(limiter.take('b', 0).ok).toBe(true);
  });

  test('stays bounded: refilled buckets are forgotten first when the map is full', () => {
    const limiter = createRateLimiter({ burst: 2, perSecond: 1, maxKeys: 3 });
    limiter.take('idle', 0);
    limiter.take('busy1', 9_000);
    limiter.take('busy2', 9_000);
    limiter.take('busy2', 9_000);
    limiter.take('new', 9_000);
    expect(limiter.size()).toBe(3);
    // busy2 is still empty: it was kept, so it is still limited.
    expect(limiter.take('busy2', 9_000).ok).toBe(false);
  });
});
