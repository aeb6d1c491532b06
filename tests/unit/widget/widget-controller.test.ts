import { afterEach, describe, expect, test, vi } from 'vitest';
import { createEmitter, type EventName } from '../../../widget/core/events.ts';
import { createWidgetController, SETTLE_MS, type ControllerDeps } from '../../../widget/services/widget-controller.ts';
import { makeClient, makeIndex, makeSession } from './fixtures.ts';

function setup(overrides: Partial<ControllerDeps> = {}) {
  const emitter = createEmitter(() => {});
  const events: Array<[EventName, unknown]> = [];
  for (const name of ['ready', 'open', 'close', 'search', 'article:view', 'feedback', 'escalate'] as EventName[]) {
    emitter.on(name, (p: unknown) => events.push([name, p]));
  }
  const report = vi.fn();
  const client = makeClient();
  const session = makeSession();
  const c = createWidgetController({
    kbUrl: 'https://x.example/kb/', emitter, report, path: '/', client, session,
    now: () => '2026-11-23T10:00:00.000Z',
    ...overrides,
  });
  return { c, events, report, client, session, emitter };
}

afterEach(() => { vi.useRealTimers(); });

describe('createWidgetController', () => {
  test('emits ready with the article count once the KB is loaded', async () => {
    const { c, events } = setup();
    await c.loadKb();
    expect(c.store.get().kb).toBe('ready');
    expect(events).toContainEqual(['ready', { articles: 7 }]);
  });

  test('emits search once a typed query settles, not on every keystroke', async () => {
    vi.useFakeTimers();
    const { c, events } = setup();
    await c.loadKb();
    c.setQuery('pri');
    c.setQuery('printer');
    c.setQuery('printer offline');
    expect(c.store.get().results[0]?.id).toBe('printing/printer-offline');
    expect(events.filter(([n]) => n === 'search')).toEqual([]);
    vi.advanceTimersByTime(SETTLE_MS);
    const searches = events.filter(([n]) => n === 'search');
    expect(searches).toHaveLength(1);
    const payload = searches[0]![1] as { query: string; results: Array<{ id: string; title: string }> };
    expect(payload.query).toBe('printer offline');
    expect(payload.results[0]).toMatchObject({ id: 'printing/printer-offline', title: 'Printer shows "Offline"' });
    expect(Object.keys((searches[0]![1] as { results: object[] }).results[0]!).sort()).toEqual(['id', 'score', 'title']);
    expect(c.store.get().searches).toEqual(['printer offline']);
  });

  test('emits search for zero-result queries too', async () => {
    vi.useFakeTimers();
    const { c, events } = setup();
    await c.loadKb();
    c.setQuery('zzzzqqq');
    vi.advanceTimersByTime(SETTLE_MS);
    expect(events.filter(([n]) => n === 'search').map(([, p]) => p)).toEqual([{ query: 'zzzzqqq', results: [] }]);
  });

  test('a misspelt query shows results at once, then the corrected ones when the spelling correction has loaded', async () => {
    const { c } = setup();
    await c.loadKb();
    c.setQuery('printr offline');
    // The correction chunk is not loaded yet: "offline" alone finds the article for now…
    expect(c.store.get().results.map((hit) => hit.id)).toContain('printing/printer-offline');
    c.setQuery('papr');
    expect(c.store.get().results).toEqual([]);
    // …and once it has loaded, the box's query is searched again with "papr" corrected.
    await vi.waitFor(() => expect(c.store.get().results[0]?.id).toBe('printing/paper-jam'));
  });

  test('asking a misspelt question answers once, with the correction', async () => {
    const { c, events } = setup();
    await c.loadKb();
    c.ask('papr jam');
    await vi.waitFor(() => expect(c.store.get().messages.map((m) => m.kind)).toEqual(['user', 'answer']));
    const answer = c.store.get().messages[1] as { hits: Array<{ id: string }> };
    expect(answer.hits[0]?.id).toBe('printing/paper-jam');
    expect(events.filter(([n]) => n === 'search')).toHaveLength(1);
  });

  test('a question asked while an earlier one waits for the spelling correction is answered after it', async () => {
    const { c } = setup();
    await c.loadKb();
    c.ask('papr jam');
    // "vpn" needs no correction: alone it would be answered at once, before "papr jam".
    c.ask('vpn');
    await vi.waitFor(() => expect(c.store.get().messages.filter((m) => m.kind === 'answer')).toHaveLength(2));
    const answers = c.store.get().messages.filter((m) => m.kind === 'answer') as unknown as Array<{ query: string; hits: Array<{ id: string }> }>;
    expect(answers.map((m) => m.query)).toEqual(['papr jam', 'vpn']);
    expect(answers[0]?.hits[0]?.id).toBe('printing/paper-jam');
  });

  test('asking before the KB is loaded answers once it is', async () => {
    const { c } = setup();
    c.ask('printer offline');
    await vi.waitFor(() => expect(c.store.get().messages.map((m) => m.kind)).toEqual(['user', 'answer']));
  });

  test('an unreachable KB is an error state reported once, and Retry recovers', async () => {
    const { c, report, client } = setup();
    client.fail = true;
    await c.loadKb();
    expect(c.store.get().kb).toBe('error');
    expect(report).toHaveBeenCalledOnce();
    expect(report.mock.calls[0]![0]).toMatch(/^\[tier0\] .+ — .+/);
    client.fail = false;
    await c.loadKb();
    expect(c.store.get().kb).toBe('ready');
  });

  test('an index of another schema version is the KB error, with the rebuild advice', async () => {
    const client = makeClient({ index: { ...makeIndex(), schema: 99 as 1 } });
    const { c, report } = setup({ client });
    await c.loadKb();
    expect(c.store.get().kb).toBe('error');
    expect(c.store.get().kbError).toMatch(/^\[tier0\] KB index schema 99 .+ — rebuild/);
    expect(report).toHaveBeenCalledOnce();
  });

  test('opening an article loads its body and article:view waits for articleShown', async () => {
    const { c, events } = setup();
    await c.loadKb();
    c.openArticle('printing/paper-jam');
    await vi.waitFor(() => expect(c.store.get().article?.status).toBe('ready'));
    expect(c.body('printing/paper-jam')?.html).toContain('<p>');
    expect(events.some(([n]) => n === 'article:view')).toBe(false);
    c.articleShown('printing/paper-jam');
    expect(events).toContainEqual(['article:view', { id: 'printing/paper-jam', title: 'Clear a paper jam' }]);
  });

  test('an unknown article id shows as missing', async () => {
    const { c } = setup();
    await c.loadKb();
    c.openArticle('nope/nothing');
    await vi.waitFor(() => expect(c.store.get().article?.status).toBe('missing'));
  });

  test('feedback and escalate emit their events and record state', async () => {
    const { c, events } = setup();
    await c.loadKb();
    c.articleFeedback('printing/paper-jam', true);
    c.escalate('user-request');
    expect(events).toContainEqual(['feedback', { id: 'printing/paper-jam', helpful: true }]);
    expect(events).toContainEqual(['escalate', { reason: 'user-request' }]);
    expect(c.store.get()).toMatchObject({ view: 'ticket', escalationReason: 'user-request', articlesViewed: [{ id: 'printing/paper-jam', helpful: true }] });
  });

  test('suggests the articles whose pages globs match the current path', async () => {
    const { c } = setup({ path: '/account/settings' });
    await c.loadKb();
    expect(c.suggested().map((a) => a.id)).toEqual(['accounts/reset-password']);
  });

  test('persists the conversation and restores it in a new instance (next page)', async () => {
    const first = setup();
    await first.c.loadKb();
    first.c.ask('printer offline');
    await vi.waitFor(() => expect(first.c.store.get().messages).toHaveLength(2));
    const second = setup({ session: first.session });
    expect(second.c.store.get().messages).toEqual(first.c.store.get().messages);
    expect(second.c.store.get().firstQuestion).toBe('printer offline');
  });

  test('open and close emit their events once', () => {
    const { c, events } = setup();
    c.open();
    c.open();
    c.close();
    expect(events.filter(([n]) => n === 'open' || n === 'close').map(([n]) => n)).toEqual(['open', 'close']);
  });
});
