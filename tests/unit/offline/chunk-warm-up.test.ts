// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { needsChunkWarmUp, ticketChunkUrls } from '../../../widget/offline.ts';

describe('ticketChunkUrls', () => {
  test('resolves the build-written chunk files next to the offline chunk', () => {
    const base = 'https://cdn.example/tier0/chunks/offline.abc.js';
    expect(ticketChunkUrls('chunks/ticket-view.a1.js,chunks/ticket-strings.b2.js', base)).toEqual([
      'https://cdn.example/tier0/chunks/ticket-view.a1.js',
      'https://cdn.example/tier0/chunks/ticket-strings.b2.js',
    ]);
  });

  test('warms nothing when the build did not fill in the list (unbundled source)', () => {
    expect(ticketChunkUrls('__TIER0_TICKET_CHUNKS__', 'https://x.example/chunks/offline.js')).toEqual([]);
    expect(ticketChunkUrls('', 'https://x.example/chunks/offline.js')).toEqual([]);
  });
});

describe('needsChunkWarmUp', () => {
  test('leaves chunks to a worker that controls the page or was just registered', () => {
    expect(needsChunkWarmUp(true, 'skipped')).toBe(false);
    expect(needsChunkWarmUp(false, 'registered')).toBe(false);
  });

  test('warms them itself without a worker (turned off, unsupported, refused)', () => {
    expect(needsChunkWarmUp(false, 'skipped')).toBe(true);
    expect(needsChunkWarmUp(false, 'failed')).toBe(true);
  });
});
