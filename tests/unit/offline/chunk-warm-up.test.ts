// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { needsChunkWarmUp, ticketChunkUrls } from '../../../widget/offline.ts';

describe('ticketChunkUrls', () => {
  test('resolves the build-written chunk files next to the offline chunk', () => {
    const base = 'https://cdn.example/tier0/chunks/offline.abc.js';
    expect(ticketChunkUrls('chunks/ticket-view.a1.js,chunks/ticket-strings.b2.js', base, 'en')).toEqual([
      'https://cdn.example/tier0/chunks/ticket-view.a1.js',
      'https://cdn.example/tier0/chunks/ticket-strings.b2.js',
    ]);
  });

  test('keeps another locale\'s files out: English gets the shared files, French also its own', () => {
    const base = 'https://cdn.example/tier0/chunks/offline.abc.js';
    const list = 'chunks/ticket-view.a1.js,chunks/ticket-en.e1.js,fr:chunks/ticket-fr.f1.js,de:chunks/ticket-de.d1.js,ar:chunks/ticket-ar.r1.js';
    const names = (locale: string) => ticketChunkUrls(list, base, locale).map((u) => u.split('/').pop());
    expect(names('en')).toEqual(['ticket-view.a1.js', 'ticket-en.e1.js']);
    expect(names('fr')).toEqual(['ticket-view.a1.js', 'ticket-en.e1.js', 'ticket-fr.f1.js']);
    expect(names('ar')).toEqual(['ticket-view.a1.js', 'ticket-en.e1.js', 'ticket-ar.r1.js']);
  });

  test('warms nothing when the build did not fill in the list (unbundled source)', () => {
    expect(ticketChunkUrls('__TIER0_TICKET_CHUNKS__', 'https://x.example/chunks/offline.js', 'en')).toEqual([]);
    expect(ticketChunkUrls('', 'https://x.example/chunks/offline.js', 'en')).toEqual([]);
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
