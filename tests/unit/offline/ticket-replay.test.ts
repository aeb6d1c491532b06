import { describe, expect, test } from 'vitest';
import { classifyReplay, isDue } from '../../../widget/core/offline/ticket-replay.ts';
import { isRetryableStatus } from '../../../widget/core/ticket/backoff.ts';

const now = Date.parse('2026-11-23T10:00:00Z');

describe('classifyReplay', () => {
  test('drops a delivered ticket on any 2xx', () => {
    for (const status of [200, 201, 202, 204]) expect(classifyReplay(status, null, now)).toEqual({ kind: 'delivered' });
  });

  test('retries a network error at once (the sync event fires when back online)', () => {
    expect(classifyReplay(null, null, now)).toEqual({ kind: 'retry', notBefore: now });
  });

  test('retries 408, 429 and every 5xx, which Workbox alone would drop', () => {
    for (const status of [408, 429, 500, 502, 503, 504, 599]) {
      expect(classifyReplay(status, null, now).kind, String(status)).toBe('retry');
    }
  });

  test('never retries any other 4xx', () => {
    for (const status of [400, 401, 403, 404, 409, 410, 413, 422]) {
      expect(classifyReplay(status, '30', now), String(status)).toEqual({ kind: 'drop', status });
    }
  });

  test('waits for Retry-After given in seconds', () => {
    expect(classifyReplay(503, '120', now)).toEqual({ kind: 'retry', notBefore: now + 120_000 });
  });

  test('waits for Retry-After given as an HTTP date', () => {
    expect(classifyReplay(429, 'Mon, 23 Nov 2026 10:05:00 GMT', now)).toEqual({ kind: 'retry', notBefore: now + 300_000 });
  });

  test('ignores an unreadable Retry-After instead of waiting forever', () => {
    expect(classifyReplay(503, 'soon', now)).toEqual({ kind: 'retry', notBefore: now });
  });
});

describe('isRetryableStatus', () => {
  test('is false for 2xx/3xx and statuses beyond 5xx', () => {
    expect(isRetryableStatus(200)).toBe(false);
    expect(isRetryableStatus(304)).toBe(false);
    expect(isRetryableStatus(600)).toBe(false);
  });
});

describe('isDue', () => {
  test('holds an entry back until its Retry-After has passed', () => {
    expect(isDue(now + 1, now)).toBe(false);
    expect(isDue(now, now)).toBe(true);
    expect(isDue(undefined, now)).toBe(true);
  });
});
