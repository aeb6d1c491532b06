import { expect, test } from 'vitest';
import { factsFromState } from '../../../widget/core/ticket/facts-from-state.ts';
import { initialState, reducer } from '../../../widget/core/state.ts';

test('reads questions, searches, articles with categories and flow answers from the widget state', () => {
  let state = initialState();
  const at = '2026-11-23T08:00:00.000Z';
  const hit = { id: 'printing/printer-offline', title: 'Printer offline', score: 3, snippet: [] };
  state = reducer(state, { type: 'ask', query: 'printer offline', hits: [hit], at });
  state = reducer(state, { type: 'answerFeedback', messageId: state.messages[1]!.id, helpful: false, at });
  state = { ...state, transcript: [...state.transcript, { role: 'user', text: 'Is the printer on? → Yes', at }] };
  state = reducer(state, { type: 'escalate', reason: 'not-helpful' });

  const facts = factsFromState(state);
  expect(facts.questions).toEqual(['printer offline']);
  expect(facts.searches).toEqual(['printer offline']);
  expect(facts.articlesViewed).toEqual([{ id: 'printing/printer-offline', title: 'Printer offline', category: 'printing', helpful: false }]);
  expect(facts.flowAnswers).toEqual([{ step: 'Is the printer on?', answer: 'Yes' }]);
  expect(facts.firstQuestion).toBe('printer offline');
  expect(facts.reason).toBe('not-helpful');
  expect(facts.transcript.length).toBe(state.transcript.length);
});
