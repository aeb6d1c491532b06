// @vitest-environment jsdom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { openOutboxStore } from '../../../widget/services/outbox/browser-stores.ts';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../../../widget/services/outbox/draft-store.ts';
import { hasPendingTickets } from '../../../widget/services/outbox/pending-marker.ts';
import { createTabLock } from '../../../widget/services/outbox/tab-lock.ts';
import type { OutboxEntry } from '../../../widget/services/outbox/outbox-types.ts';
import { makeForm, makeTicket } from './factories.ts';

const entry = (id: string): OutboxEntry => ({
  id,
  endpoint: '/api/tickets',
  ticket: makeTicket({ id }),
  attempts: 0,
  nextAt: 0,
  notBefore: 0,
  queuedAt: 0,
  offline: false,
});

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

test('falls back to localStorage without IndexedDB and keeps entries across store instances', async () => {
  const store = await openOutboxStore();
  expect(store.kind).toBe('localstorage');
  expect(await store.put(entry('a'))).toBe(true);
  expect(await store.put(entry('b'))).toBe(true);
  const reopened = await openOutboxStore();
  expect((await reopened.all()).map((e) => e.id).sort()).toEqual(['a', 'b']);
  await reopened.remove('a');
  expect((await store.all()).map((e) => e.id)).toEqual(['b']);
});

test('keeps the pending marker in step with the queue, for the loader', async () => {
  const store = await openOutboxStore();
  expect(hasPendingTickets()).toBe(false);
  await store.put(entry('a'));
  expect(hasPendingTickets()).toBe(true);
  await store.remove('a');
  expect(hasPendingTickets()).toBe(false);
});

test('starts over instead of crashing on a corrupt outbox', async () => {
  localStorage.setItem('tier0:outbox', '{not json');
  const store = await openOutboxStore();
  expect(await store.all()).toEqual([]);
  expect(await store.put(entry('a'))).toBe(true);
});

test('reports a full storage as a failed put instead of throwing', async () => {
  const store = await openOutboxStore();
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError');
  });
  expect(await store.put(entry('big'))).toBe(false);
});

test('saves and restores the draft per endpoint, never the honeypot', () => {
  const key = draftKey('https://a.example/api/tickets');
  expect(saveDraft(key, makeForm({ subject: 'typed', honeypot: 'bot' }))).toBe(true);
  const { honeypot: _never, ...kept } = makeForm({ subject: 'typed' });
  expect(loadDraft(key)).toEqual(kept);
  // A draft of a few typed fields (what the form saves) comes back as just those fields.
  saveDraft(key, { description: 'only this' });
  expect(loadDraft(key)).toEqual({ description: 'only this' });
  expect(loadDraft(draftKey('https://b.example/api/tickets'))).toBeNull();
  clearDraft(key);
  expect(loadDraft(key)).toBeNull();
});

test('ignores an unreadable draft', () => {
  localStorage.setItem(draftKey('/api/tickets'), '{oops');
  expect(loadDraft(draftKey('/api/tickets'))).toBeNull();
});

test('lets one sender at a time through the fallback lock (no Web Locks)', async () => {
  const lock = createTabLock();
  const log: string[] = [];
  const job = (name: string) => lock(async () => {
    log.push(`${name} start`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.push(`${name} end`);
  });
  await Promise.all([job('a'), job('b')]);
  expect(log).toHaveLength(4);
  expect(log[1]).toBe(`${log[0]!.split(' ')[0]} end`);
  expect(localStorage.getItem('tier0:outbox-lease')).toBeNull();
});
