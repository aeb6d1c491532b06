import { expect, test } from 'vitest';
import { factsFromState } from '../../../widget/core/ticket/facts-from-state.ts';
import { summarizeAttempts } from '../../../widget/core/ticket/summary.ts';
import type { Flow } from '../../../widget/core/flow-types.ts';
import { initialState, reducer, type Action, type WidgetState } from '../../../widget/core/state.ts';
import { flowReducer } from '../../../widget/core/flow-state.ts';
import { t } from './factories.ts';

const at = '2026-11-23T08:00:00.000Z';

function printerFlow(): Flow {
  return {
    title: 'Fix an offline printer',
    start: 'power',
    steps: {
      power: { id: 'power', title: 'Is the printer on?', html: '', answers: [{ label: 'Yes', to: 'cable' }, { label: 'No', to: 'solved' }] },
      cable: { id: 'cable', title: 'Is the cable plugged in?', html: '', answers: [{ label: 'Yes', to: 'support' }, { label: 'No', to: 'support' }] },
    },
  };
}

const run = (state: WidgetState, actions: Action[]): WidgetState => actions.reduce((s, a) => flowReducer(reducer(s, a), a), state);
const answer = (stepId: string, answerIndex: number): Action => ({ type: 'flowAnswer', flow: printerFlow(), stepId, answerIndex, at });
const back: Action = { type: 'flowBack', flow: printerFlow(), at };

test('reads questions, searches, articles with categories and the reason from the widget state', () => {
  let state = initialState();
  const hit = { id: 'printing/printer-offline', title: 'Printer offline', score: 3, snippet: [] };
  state = reducer(state, { type: 'ask', query: 'printer offline', hits: [hit], at });
  state = reducer(state, { type: 'answerFeedback', messageId: state.messages[1]!.id, helpful: false, at });
  state = reducer(state, { type: 'escalate', reason: 'not-helpful' });

  const facts = factsFromState(state);
  expect(facts.questions).toEqual(['printer offline']);
  expect(facts.searches).toEqual(['printer offline']);
  expect(facts.articlesViewed).toEqual([{ id: 'printing/printer-offline', title: 'Printer offline', category: 'printing', helpful: false }]);
  expect(facts.flowAnswers).toEqual([]);
  expect(facts.firstQuestion).toBe('printer offline');
  expect(facts.reason).toBe('not-helpful');
  expect(facts.transcript.length).toBe(state.transcript.length);
});

test('takes flow answers with their flow title from the state, leaving out the ones undone with Back', () => {
  const state = run(initialState(), [
    { type: 'flowStart', articleId: 'printing/printer-offline', flow: printerFlow(), at },
    answer('power', 0),
    back,
    answer('power', 0),
    answer('cable', 1),
  ]);
  // The transcript still holds the undone answer: "Is the printer on? → Yes" twice.
  expect(state.transcript.filter((e) => e.text === 'Is the printer on? → Yes')).toHaveLength(2);

  const facts = factsFromState(state);
  expect(facts.flowAnswers).toEqual([
    { flow: 'Fix an offline printer', step: 'Is the printer on?', answer: 'Yes' },
    { flow: 'Fix an offline printer', step: 'Is the cable plugged in?', answer: 'No' },
  ]);
  expect(facts.questions).toEqual([]);
});

test('the description summary no longer lists an answer the user took back', () => {
  const state = run(initialState(), [
    { type: 'flowStart', articleId: 'printing/printer-offline', flow: printerFlow(), at },
    answer('power', 0),
    answer('cable', 0),
    back,
    answer('cable', 1),
  ]);
  const summary = summarizeAttempts(factsFromState(state), t);
  expect(summary).toContain('Guided steps: Is the cable plugged in? → No');
  expect(summary).not.toContain('Is the cable plugged in? → Yes');
  expect(summary.match(/Is the printer on\? → Yes/g)).toHaveLength(1);
});

test('falls back to the transcript’s "question → answer" lines for a state without flowAnswers', () => {
  const base = initialState();
  const { flowAnswers: _dropped, ...older } = {
    ...base,
    transcript: [
      { role: 'assistant' as const, text: 'Asked: Is the printer on?', at },
      { role: 'user' as const, text: 'Is the printer on? → Yes', at },
    ],
  };
  const facts = factsFromState(older as WidgetState);
  expect(facts.flowAnswers).toEqual([{ step: 'Is the printer on?', answer: 'Yes' }]);
});

test('a flow walked without opening its article names the article by its title, never its id', () => {
  const ended = (articleTitle?: string) => run(initialState(), [
    { type: 'flowStart', articleId: 'printing/printer-offline', flow: printerFlow(), at, ...(articleTitle ? { articleTitle } : {}) },
    answer('power', 0),
    answer('cable', 0),
  ]);
  const facts = factsFromState(ended('Printer shows "Offline"'));
  expect(facts.articlesViewed).toEqual([{ id: 'printing/printer-offline', title: 'Printer shows "Offline"', helpful: false, category: 'printing' }]);
  expect(summarizeAttempts(facts, t)).toContain('- Read “Printer shows "Offline"” — it didn’t help');
  expect(summarizeAttempts(facts, t)).not.toContain('printing/printer-offline');

  // Started from an answer in the chat without a title in the action: the answer's title.
  const hit = { id: 'printing/printer-offline', title: 'Printer shows "Offline"', score: 3, snippet: [] };
  const fromAnswer = run(initialState(), [
    { type: 'ask', query: 'printer offline', hits: [hit], at },
    { type: 'flowStart', articleId: 'printing/printer-offline', flow: printerFlow(), at },
    answer('power', 1),
  ]);
  expect(summarizeAttempts(factsFromState(fromAnswer), t)).toContain('- Read “Printer shows "Offline"” — it helped');
});
