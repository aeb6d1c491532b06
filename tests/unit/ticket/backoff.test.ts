import { describe, expect, test } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../../widget/core/ticket/backoff.ts';

const NOW = Date.parse('2026-11-23T08:00:00Z');

describe('parseRetryAfter', () => {
  test('reads delay-seconds', () => {
    expect(parseRetryAfter('1', NOW)).toBe(1000);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
  });

  test('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 08:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 07:59:00 GMT', NOW)).toBe(0);
  });

  test('returns null for a missing or unreadable header', () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter('', NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
  });
});

describe('backoffDelay', () => {
  test('draws a full-jitter delay from [0, base·2^attempt]', () => {
    const opts = { baseMs: 1000, maxMs: 60_000 };
    expect(backoffDelay(0, null, { ...opts, random: () => 0.5 })).toBe(500);
    expect(backoffDelay(3, null, { ...opts, random: () => 0.5 })).toBe(4000);
    expect(backoffDelay(3, null, { ...opts, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, null, { ...opts, random: () => 0.999999 })).toBeLessThan(8000);
  });

  test('caps the exponential growth at maxMs', () => {
    expect(backoffDelay(30, null, { baseMs: 1000, maxMs: 60_000, random: () => 0.999999 })).toBeLessThanOrEqual(60_000);
  });

  test('never retries before Retry-After, even when the jitter is shorter', () => {
    expect(backoffDelay(0, 5000, { baseMs: 1000, random: () => 0.1 })).toBe(5000);
  });

  test('caps a huge Retry-After too, so the ticket is still retried', () => {
    expect(backoffDelay(0, 86_400_000, { maxMs: 300_000, random: () => 0 })).toBe(300_000);
  });
});
