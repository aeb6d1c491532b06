import { expect, test } from 'vitest';
import { initialState, reducer, type Action, type WidgetState } from '../../../widget/core/state.ts';
import { createStore } from '../../../widget/core/store.ts';
import { handoffReducer } from '../../../widget/core/ticket/handoff-state.ts';

const run = (...actions: Action[]): WidgetState =>
  actions.reduce((s, a) => handoffReducer(reducer(s, a), a), initialState());

test('the core reducer leaves the hand-off to its slice reducer', () => {
  const s = reducer(initialState(), { type: 'ticketEdit', patch: { subject: 'typed' } });
  expect(s.handoff).toEqual({});
  const store = createStore(initialState());
  store.use(handoffReducer);
  store.use(handoffReducer);
  store.dispatch({ type: 'ticketEdit', patch: { subject: 'typed' } });
  expect(store.get().handoff.edits).toEqual({ subject: 'typed' });
});

test('keeps each edit, and custom fields one by one', () => {
  const s = run(
    { type: 'ticketEdit', patch: { subject: 'a', custom: { asset: 'A-1' } } },
    { type: 'ticketEdit', patch: { custom: { office: 'Rome' } } },
    { type: 'ticketEdit', patch: { subject: '' } },
  );
  expect(s.handoff.edits).toEqual({ subject: '', custom: { asset: 'A-1', office: 'Rome' } });
});

test('a restored draft does not overwrite what was typed before it was read', () => {
  const s = run(
    { type: 'ticketEdit', patch: { email: 'now@example.com' } },
    { type: 'ticketRestore', edits: { email: 'draft@example.com', subject: 'from the draft' }, rememberedEmail: 'mem@example.com' },
  );
  expect(s.handoff.edits).toEqual({ email: 'now@example.com', subject: 'from the draft' });
  expect(s.handoff.rememberedEmail).toBe('mem@example.com');
});

test('contacting support after a delivered ticket starts a fresh form that keeps the remembered e-mail', () => {
  const sent = run(
    { type: 'ticketRestore', edits: {}, rememberedEmail: 'mem@example.com' },
    { type: 'ticketEdit', patch: { subject: 'first' } },
    { type: 'ticketChecked', errors: [] },
    { type: 'ticketDelivery', delivery: { status: 'sent', id: 't1', ticketId: 'L1-1' } },
    { type: 'escalate', reason: 'contact' },
  );
  expect(sent.handoff).toMatchObject({ rememberedEmail: 'mem@example.com', delivery: { status: 'form' } });
  expect(sent.handoff.edits).toBeUndefined();
  expect(sent.handoff.attempted).toBeUndefined();
  // Still on its way: escalating again shows the same ticket's status.
  const pending = run({ type: 'ticketDelivery', delivery: { status: 'sending', id: 't2' } }, { type: 'escalate', reason: 'contact' });
  expect(pending.handoff.delivery).toEqual({ status: 'sending', id: 't2' });
});

test('a refusal goes back to the form with the endpoint’s reason', () => {
  const s = run({ type: 'ticketDelivery', delivery: { status: 'sending', id: 't' } }, { type: 'ticketDelivery', delivery: { status: 'form', error: 'Not allowed' } });
  expect(s.handoff.delivery).toEqual({ status: 'form', error: 'Not allowed' });
});
