import { describe, expect, test, vi } from 'vitest';
import { initialState, persistable, reducer, type Action, type WidgetState } from '../../../widget/core/state.ts';
import type { Flow } from '../../../widget/core/flow-types.ts';
import { flowReducer } from '../../../widget/core/flow-state.ts';
import type { Finding } from '../../../widget/core/diagnostics-relevance.ts';
import { createEmitter, type EventName } from '../../../widget/core/events.ts';
import { createWidgetController, type ControllerDeps } from '../../../widget/services/widget-controller.ts';
import { setUpActions } from '../../../widget/services/site-actions.ts';
import { makeClient, makeSession } from '../widget/fixtures.ts';

const AT = '2026-11-23T10:00:00.000Z';
const ARTICLE = 'printing/printer-offline';

function makeFlow(): Flow {
  return {
    title: 'Fix an offline printer',
    start: 'power',
    steps: {
      power: { id: 'power', title: 'Is the printer on?', html: '<p>Look.</p>', answers: [{ label: 'Yes', to: 'others' }, { label: 'No', to: 'solved' }] },
      others: { id: 'others', title: 'Can others print?', html: '', answers: [{ label: 'Yes', to: 'dead' }, { label: 'No', to: 'support' }] },
      dead: { id: 'dead', title: 'Call the print room', html: '<p>Ext. 4242.</p>', answers: [] },
    },
  };
}

// The core reducer, then the flow's slice reducer, as the store runs them once the guided controller added it.
const run = (actions: Action[], state: WidgetState = initialState()): WidgetState => actions.reduce((s, a) => flowReducer(reducer(s, a), a), state);
const start: Action = { type: 'flowStart', articleId: ARTICLE, flow: makeFlow(), at: AT };
const answer = (stepId: string, answerIndex: number): Action => ({ type: 'flowAnswer', flow: makeFlow(), stepId, answerIndex, at: AT });

describe('guided flows in the conversation state', () => {
  test('the core reducer leaves a flow’s moves to the flow slice, which a plain session never loads', () => {
    expect(reducer(initialState(), start)).toEqual(initialState());
    expect(run([start]).messages.map((m) => m.kind)).toEqual(['flowIntro', 'flowStep']);
  });

  test('starting a flow adds the intro and the first step, which awaits an answer', () => {
    const s = run([start]);
    expect(s.messages.map((m) => m.kind)).toEqual(['flowIntro', 'flowStep']);
    expect(s.flow).toMatchObject({ articleId: ARTICLE, title: 'Fix an offline printer', messageId: s.messages[1]!.id, walk: { status: 'step', current: 'power' } });
  });

  test('an answer is the user’s message, recorded as "question → answer" for the ticket, then the next step', () => {
    const s = run([start, answer('power', 0)]);
    expect(s.messages.slice(-2).map((m) => m.kind)).toEqual(['flowAnswer', 'flowStep']);
    expect(s.transcript.filter((e) => e.role === 'user').map((e) => e.text)).toEqual(['Is the printer on? → Yes']);
    expect(s.flowAnswers).toEqual([{ flow: 'Fix an offline printer', step: 'Is the printer on?', answer: 'Yes' }]);
    expect(s.flow?.messageId).toBe(s.messages[s.messages.length - 1]!.id);
  });

  test('a walk reads in the ticket transcript as the intro, each step asked, the answers and how it ended', () => {
    const s = run([start, answer('power', 0), answer('others', 1)]);
    expect(s.transcript.map(({ role, text }) => `${role}: ${text}`)).toEqual([
      `assistant: Guided troubleshooting: Fix an offline printer (${ARTICLE})`,
      'assistant: Asked: Is the printer on?',
      'user: Is the printer on? → Yes',
      'assistant: Asked: Can others print?',
      'user: Can others print? → No',
      'assistant: Guided troubleshooting: the user needs a person',
    ]);
    expect(s.transcript.every((e) => e.at === AT)).toBe(true);
  });

  test('a stale answer (to an earlier step) changes nothing', () => {
    const s = run([start, answer('power', 0)]);
    expect(reducer(s, answer('power', 1))).toBe(s);
  });

  test('Back is the user’s message, drops the last recorded answer and asks the step again', () => {
    const s = run([start, answer('power', 0), { type: 'flowBack', flow: makeFlow(), at: AT }]);
    expect(s.messages.slice(-2).map((m) => m.kind)).toEqual(['flowBack', 'flowStep']);
    expect(s.flowAnswers).toEqual([]);
    expect(s.flow?.walk).toMatchObject({ status: 'step', current: 'power' });
    expect(s.transcript.at(-2)).toMatchObject({ role: 'user', text: 'Back' });
  });

  test('solved ends the walk, says so and marks the article helpful', () => {
    const s = run([start, answer('power', 1)]);
    expect(s.messages.at(-1)).toMatchObject({ kind: 'flowEnd', outcome: 'solved' });
    expect(s.articlesViewed).toContainEqual(expect.objectContaining({ id: ARTICLE, helpful: true }));
    expect(s.flow?.messageId).toBeUndefined();
  });

  test('support ends the walk and sets the escalation reason flow:<articleId>', () => {
    const s = run([start, answer('power', 0), answer('others', 1)]);
    expect(s.messages.at(-1)).toMatchObject({ kind: 'flowEnd', outcome: 'support' });
    expect(s.messages.at(-1)).not.toHaveProperty('broken');
    expect(s.escalationReason).toBe(`flow:${ARTICLE}`);
  });

  test('a step without answers (a broken guide) is still shown, then hands over as broken', () => {
    const s = run([start, answer('power', 0), answer('others', 0)]);
    expect(s.messages.slice(-2)).toMatchObject([{ kind: 'flowStep', step: { id: 'dead' } }, { kind: 'flowEnd', outcome: 'support', broken: true }]);
  });

  test('the flow and its answers survive a reload (persisted state)', () => {
    const s = run([start, answer('power', 0)]);
    const restored = reducer(initialState(), { type: 'restore', saved: persistable(s) });
    expect(restored.flow).toEqual(s.flow);
    expect(restored.flowAnswers).toEqual(s.flowAnswers);
  });
});

describe('diagnostics and actions in the conversation state', () => {
  const finding: Finding = { id: 'clock', status: 'problem', detail: 'device clock is 300 s ahead of the server', code: 'clockAhead' };

  test('an answer carries the matched actions and is followed by the relevant checks', () => {
    const s = reducer(initialState(), { type: 'ask', query: 'mfa code rejected', hits: [{ id: 'a', title: 'A', score: 1, snippet: [] }], at: AT, actions: ['resetPassword'], diagnostics: ['clock'] });
    expect(s.messages.map((m) => m.kind)).toEqual(['user', 'answer', 'diagnostics']);
    expect(s.messages[1]).toMatchObject({ actions: ['resetPassword'], diagnostics: ['clock'] });
    expect(s.messages[2]).toMatchObject({ ids: ['clock'] });
  });

  test('no actions or checks add nothing to the answer', () => {
    const s = reducer(initialState(), { type: 'ask', query: 'paper jam', hits: [{ id: 'a', title: 'A', score: 1, snippet: [] }], at: AT, actions: [], diagnostics: [] });
    expect(s.messages.map((m) => m.kind)).toEqual(['user', 'answer']);
    expect(s.messages[1]).not.toHaveProperty('actions');
  });

  test('"Check my browser" adds the chip text as the user’s words, then the card', () => {
    const s = reducer(initialState(), { type: 'diagnosticsOffer', ids: ['offline', 'clock'], userText: 'Check my browser', at: AT });
    expect(s.messages).toMatchObject([{ kind: 'user', text: 'Check my browser' }, { kind: 'diagnostics', ids: ['offline', 'clock'] }]);
  });

  test('findings are kept in the state and written to the transcript for the agent', () => {
    const s = run([{ type: 'diagnosticsRun' }, { type: 'diagnosticsDone', findings: [finding], at: AT }]);
    expect(s.diagnostics).toEqual({ status: 'done', findings: [finding] });
    expect(s.transcript.at(-1)?.text).toBe('Browser check: clock problem (device clock is 300 s ahead of the server)');
  });

  test('a check still running is not persisted as running', () => {
    expect(persistable(reducer(initialState(), { type: 'diagnosticsRun' })).diagnostics.status).toBe('idle');
  });
});

function setup(overrides: Partial<ControllerDeps> = {}) {
  const emitter = createEmitter(() => {});
  const events: Array<[EventName, unknown]> = [];
  for (const name of ['feedback', 'escalate'] as EventName[]) emitter.on(name, (p: unknown) => events.push([name, p]));
  const base = makeClient();
  const client = {
    ...base,
    article: async (body: string) => {
      const r = await base.article(body);
      return r.ok && r.value.id === ARTICLE ? { ok: true as const, value: { ...r.value, flow: makeFlow() } } : r;
    },
  };
  const c = createWidgetController({
    kbUrl: 'https://x.example/kb/', emitter, report: vi.fn(), path: '/', client, session: makeSession(),
    now: () => AT,
    ...overrides,
  });
  return { c, events };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the controller drives guided help', () => {
  test('startFlow fetches the article body and starts its flow', async () => {
    const { c } = setup();
    await c.loadKb();
    c.startFlow(ARTICLE);
    await vi.waitFor(() => expect(c.store.get().flow?.walk.current).toBe('power'));
  });

  test('a flow ending in support escalates with reason flow:<articleId>', async () => {
    const { c, events } = setup();
    await c.loadKb();
    c.startFlow(ARTICLE);
    await vi.waitFor(() => expect(c.store.get().flow).toBeDefined());
    c.flowAnswer('power', 0);
    c.flowAnswer('others', 1);
    expect(c.store.get().view).toBe('ticket');
    expect(events).toContainEqual(['escalate', { reason: `flow:${ARTICLE}` }]);
  });

  test('a solved flow emits helpful feedback for the article', async () => {
    const { c, events } = setup();
    await c.loadKb();
    c.startFlow(ARTICLE);
    await vi.waitFor(() => expect(c.store.get().flow).toBeDefined());
    c.flowAnswer('power', 1);
    expect(events).toContainEqual(['feedback', { id: ARTICLE, helpful: true }]);
  });

  test('ask attaches matching actions and relevant checks (only when checks can run)', async () => {
    const actions = setUpActions([{ id: 'resetPassword', url: 'https://pw.example.com/' }], 'https://intranet.example.com/');
    const withChecks = setup({ actions, runChecks: async () => [] });
    await withChecks.c.loadKb();
    withChecks.c.ask('forgot password, cant sign in');
    // An answer may wait for the spelling-correction chunk (a word this small KB has once).
    await vi.waitFor(() => expect(withChecks.c.store.get().messages.length).toBeGreaterThan(1));
    expect(withChecks.c.store.get().messages[1]).toMatchObject({ actions: ['resetPassword'], diagnostics: ['clock', 'storage'] });
    expect(withChecks.c.action('resetPassword')?.url).toBe('https://pw.example.com/');

    const without = setup({ actions });
    await without.c.loadKb();
    without.c.ask('cant sign in');
    await vi.waitFor(() => expect(without.c.store.get().messages.length).toBeGreaterThan(1));
    await settle();
    expect(without.c.store.get().messages.map((m) => m.kind)).not.toContain('diagnostics');
    expect(without.c.canDiagnose).toBe(false);
  });

  test('runDiagnostics starts the checks synchronously (inside the click) and stores the findings', async () => {
    const findings: Finding[] = [{ id: 'popups', status: 'problem', detail: 'blocked', code: 'popupsBlocked' }];
    const runChecks = vi.fn(async () => findings);
    const { c } = setup({ runChecks });
    c.runDiagnostics(['popups']);
    expect(runChecks).toHaveBeenCalledWith(['popups']);
    expect(c.store.get().diagnostics.status).toBe('running');
    await vi.waitFor(() => expect(c.store.get().diagnostics).toEqual({ status: 'done', findings }));
  });
});
