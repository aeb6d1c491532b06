import { describe, expect, test } from 'vitest';
import { initialState, reducer, persistable, SHOWN_ANSWERS, type Action, type AnswerHit, type WidgetState } from '../../../widget/core/state.ts';

const AT = '2026-11-23T10:00:00.000Z';
const hit = (id: string): AnswerHit => ({ id, title: `Title ${id}`, score: 1, snippet: [{ text: id, mark: true }] });
const run = (...actions: Action[]): WidgetState => actions.reduce(reducer, initialState());
const ask = (query: string, hits: AnswerHit[] = [hit('a'), hit('b'), hit('c'), hit('d'), hit('e')], suggestion?: string): Action =>
  ({ type: 'ask', query, hits, suggestion, at: AT });

describe('reducer: asking', () => {
  test('records the first question, the search and a transcript entry for each side', () => {
    const s = run(ask('printer offline'), ask('still broken'));
    expect(s.firstQuestion).toBe('printer offline');
    expect(s.searches).toEqual(['printer offline', 'still broken']);
    expect(s.transcript[0]).toEqual({ role: 'user', text: 'printer offline', at: AT });
    expect(s.transcript[1]!.role).toBe('assistant');
    expect(s.transcript[1]!.text).toContain('Title a (a)');
    expect(s.messages.map((m) => m.kind)).toEqual(['user', 'answer', 'user', 'answer']);
  });

  test('clears the box and the live results', () => {
    const s = run({ type: 'query', query: 'print' }, { type: 'results', queryId: 1, hits: [hit('a')] }, ask('print'));
    expect(s.query).toBe('');
    expect(s.results).toEqual([]);
  });

  test('nothing found twice offers a person with reason no-results', () => {
    const once = run(ask('xyzzy', [], 'xyz'));
    expect(once.messages.at(-1)).toMatchObject({ kind: 'none', suggestion: 'xyz' });
    expect(once.messages.some((m) => m.kind === 'offer')).toBe(false);
    const twice = reducer(once, ask('qwerty', []));
    expect(twice.messages.at(-1)).toMatchObject({ kind: 'offer', reason: 'no-results' });
    expect(twice.escalationReason).toBe('no-results');
  });

  test('asking for a person offers one at once, even when articles match', () => {
    const s = run(ask('talk to a human'));
    expect(s.messages.map((m) => m.kind)).toEqual(['user', 'text', 'offer']);
    expect(s.escalationReason).toBe('user-request');
  });

  test('ignores an empty question', () => {
    expect(run(ask('   '))).toEqual(initialState());
  });
});

describe('reducer: "Did this solve it?"', () => {
  const answered = (): WidgetState => run(ask('printer'));
  const answerId = (s: WidgetState): number => s.messages.find((m) => m.kind === 'answer')!.id;

  test('Yes marks the best article helpful and thanks the user', () => {
    const s0 = answered();
    const s = reducer(s0, { type: 'answerFeedback', messageId: answerId(s0), helpful: true, at: AT });
    expect(s.articlesViewed).toEqual([{ id: 'a', title: 'Title a', helpful: true }]);
    expect(s.messages.at(-1)).toMatchObject({ kind: 'text', key: 'solved' });
  });

  test('No offers the next-best answers not shown yet', () => {
    const s0 = answered();
    const s = reducer(s0, { type: 'answerFeedback', messageId: answerId(s0), helpful: false, at: AT });
    const more = s.messages.at(-1);
    expect(more).toMatchObject({ kind: 'more' });
    expect(more!.kind === 'more' && more!.hits.map((h) => h.id)).toEqual(['a', 'b', 'c', 'd', 'e'].slice(SHOWN_ANSWERS));
    expect(s.articlesViewed[0]!.helpful).toBe(false);
  });

  test('No offers only related next-best answers: of the same category, or scoring near the best', () => {
    const scored = (id: string, score: number, category: string): AnswerHit => ({ ...hit(id), score, category });
    const hits = [scored('reset', 10, 'accounts'), scored('mfa', 9, 'accounts'), scored('change', 8, 'accounts'), scored('locked', 2, 'accounts'), scored('wifi', 2, 'network'), scored('vpn', 6, 'network')];
    const s0 = reducer(initialState(), { type: 'ask', query: 'forgot my password', hits, at: AT });
    const s = reducer(s0, { type: 'answerFeedback', messageId: answerId(s0), helpful: false, at: AT });
    const more = [...s.messages].reverse().find((m) => m.kind === 'more');
    expect(more?.kind === 'more' && more.hits.map((h) => h.id)).toEqual(['locked', 'vpn']);
  });

  test('No says there is nothing more when no next-best answer is related', () => {
    const hits = [{ ...hit('reset'), score: 10, category: 'accounts' }, hit('x'), hit('y'), { ...hit('wifi'), score: 1, category: 'network' }];
    const s0 = reducer(initialState(), { type: 'ask', query: 'forgot my password', hits, at: AT });
    const s = reducer(s0, { type: 'answerFeedback', messageId: answerId(s0), helpful: false, at: AT });
    expect(s.messages.some((m) => m.kind === 'more')).toBe(false);
    expect(s.messages.some((m) => m.kind === 'text' && m.key === 'noMore')).toBe(true);
  });

  test('a second No offers a person with reason not-helpful', () => {
    let s = answered();
    s = reducer(s, { type: 'answerFeedback', messageId: answerId(s), helpful: false, at: AT });
    s = reducer(s, ask('printer again'));
    const second = s.messages.filter((m) => m.kind === 'answer').at(-1)!.id;
    s = reducer(s, { type: 'answerFeedback', messageId: second, helpful: false, at: AT });
    expect(s.messages.at(-1)).toMatchObject({ kind: 'offer', reason: 'not-helpful' });
    expect(s.escalationReason).toBe('not-helpful');
  });

  test('answering twice on the same message is ignored', () => {
    const s0 = answered();
    const once = reducer(s0, { type: 'answerFeedback', messageId: answerId(s0), helpful: true, at: AT });
    expect(reducer(once, { type: 'answerFeedback', messageId: answerId(s0), helpful: false, at: AT })).toBe(once);
  });
});

describe('reducer: live results and the combobox', () => {
  test('drops results for a query the box no longer holds', () => {
    const s = run({ type: 'query', query: 'print' }, { type: 'query', query: 'printer' }, { type: 'results', queryId: 1, hits: [hit('a')] });
    expect(s.results).toEqual([]);
  });

  test('drops results asked for an earlier keystroke, even when the box holds that text again', () => {
    // print (1) → printer (2) → print (3): results computed for the first "print" are stale.
    const s = run({ type: 'query', query: 'print' }, { type: 'query', query: 'printer' }, { type: 'query', query: 'print' },
      { type: 'results', queryId: 1, hits: [hit('old')] });
    expect(s.results).toEqual([]);
    expect(reducer(s, { type: 'results', queryId: 3, hits: [hit('new')] }).results.map((h) => h.id)).toEqual(['new']);
  });

  test('clamps the active option to the results', () => {
    const base = run({ type: 'query', query: 'p' }, { type: 'results', queryId: 1, hits: [hit('a'), hit('b')] });
    expect(reducer(base, { type: 'active', index: 5 }).activeIndex).toBe(1);
    expect(reducer(base, { type: 'active', index: -4 }).activeIndex).toBe(-1);
  });

  test('a settled query is recorded once', () => {
    const s = run({ type: 'settled', query: 'vpn' }, { type: 'settled', query: 'vpn' }, { type: 'settled', query: ' ' });
    expect(s.searches).toEqual(['vpn']);
  });
});

describe('reducer: articles', () => {
  test('opening from an article pushes it for Back; Back pops, then returns home', () => {
    let s = run({ type: 'openArticle', id: 'a', title: 'A' }, { type: 'openArticle', id: 'b', push: true });
    expect(s.article).toMatchObject({ id: 'b', stack: ['a'] });
    s = reducer(s, { type: 'back' });
    expect(s.view).toBe('article');
    expect(s.article).toMatchObject({ id: 'a', stack: [] });
    s = reducer(s, { type: 'back' });
    expect(s.view).toBe('home');
  });

  test('records articles viewed once, with helpful set by feedback', () => {
    const s = run({ type: 'openArticle', id: 'a', title: 'A' }, { type: 'back' }, { type: 'openArticle', id: 'a' }, { type: 'articleFeedback', id: 'a', helpful: false });
    expect(s.articlesViewed).toEqual([{ id: 'a', title: 'A', helpful: false }]);
  });
});

describe('reducer: hand-off data', () => {
  test('escalate opens the ticket view with the reason', () => {
    const s = run({ type: 'escalate', reason: 'api' });
    expect(s).toMatchObject({ open: true, view: 'ticket', escalationReason: 'api' });
  });

  test('identify and prefill merge', () => {
    const s = run({ type: 'identify', identity: { name: 'Dana' } }, { type: 'identify', identity: { email: 'd@x.io' } }, { type: 'prefill', prefill: { subject: 'VPN' } });
    expect(s.identity).toEqual({ name: 'Dana', email: 'd@x.io' });
    expect(s.prefill).toEqual({ subject: 'VPN' });
  });

  test('reset clears the conversation but keeps identity', () => {
    const s = run({ type: 'identify', identity: { name: 'Dana' } }, ask('printer'), { type: 'reset' });
    expect(s.messages).toEqual([]);
    expect(s.identity).toEqual({ name: 'Dana' });
  });

  test('persistable state restores to the same conversation', () => {
    const s = run(ask('printer'), ask('xyzzy', []));
    const restored = reducer(initialState(), { type: 'restore', saved: JSON.parse(JSON.stringify(persistable(s))) });
    expect(restored.messages).toEqual(s.messages);
    expect(restored.transcript).toEqual(s.transcript);
    expect(restored.nothingFoundCount).toBe(1);
  });
});
