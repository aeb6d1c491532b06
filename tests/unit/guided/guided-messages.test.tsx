// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { initialState, reducer as coreReducer, type Action, type WidgetState } from '../../../widget/core/state.ts';
import { flowReducer } from '../../../widget/core/flow-state.ts';

// The core reducer, then the flow's slice reducer (as the store runs them during a walk).
const reducer = (s: WidgetState, a: Action): WidgetState => flowReducer(coreReducer(s, a), a);
import type { Flow } from '../../../widget/core/flow-types.ts';
import { mergeStrings } from '../../../widget/core/i18n/strings.ts';
import { enStrings } from '../../../widget/core/i18n/ui-strings.ts';
import { loadGuidedStrings } from '../../../widget/core/i18n/guided-locale.ts';
import type { WidgetController } from '../../../widget/services/widget-controller.ts';
import { MessageView } from '../../../widget/ui/message.tsx';
import { announceGuided, loadGuided, setGuidedLocale } from '../../../widget/ui/guided/guided-messages.tsx';
import { guidedStrings } from '../../../widget/core/i18n/guided-strings.ts';

// The guided components are a lazy chunk; loaded once here, they then render synchronously.
beforeAll(async () => { await loadGuided(); });
afterEach(cleanup);
// What the panel merges at mount: the guided chunk adds the English texts only it shows.
const strings = mergeStrings('en', enStrings, {}, [await loadGuidedStrings('en')]);
const AT = '2026-11-23T10:00:00.000Z';
const flow: Flow = {
  title: 'Fix it',
  start: 'a',
  steps: {
    a: { id: 'a', title: 'Is it on?', html: '', answers: [{ label: 'Yes', to: 'b' }] },
    b: { id: 'b', title: 'Is it plugged in?', html: '', answers: [{ label: 'Yes', to: 'solved' }, { label: 'No', to: 'support' }] },
  },
};

function makeController(overrides: Partial<WidgetController> = {}): WidgetController {
  return {
    meta: (id: string) => (id === 'x/flow' ? { hasFlow: true } : { hasFlow: false }),
    startFlow: vi.fn(), flowAnswer: vi.fn(), flowBack: vi.fn(), openArticle: vi.fn(), escalate: vi.fn(),
    answerFeedback: vi.fn(), action: () => undefined, runDiagnostics: vi.fn(),
    ...overrides,
  } as unknown as WidgetController;
}

function renderAll(state: WidgetState, controller = makeController(), texts = strings) {
  return render(<>{state.messages.map((m) => <MessageView key={m.id} message={m} state={state} controller={controller} strings={texts} canEscalate />)}</>);
}

describe('guided messages in the chat', () => {
  test('"Walk me through it" appears only under an answer whose article has a flow', () => {
    const controller = makeController();
    const hit = (id: string) => ({ id, title: id, score: 1, snippet: [] });
    renderAll(reducer(initialState(), { type: 'ask', query: 'q', hits: [hit('x/flow')], at: AT }), controller);
    fireEvent.click(screen.getByRole('button', { name: 'Walk me through it' }));
    expect(controller.startFlow).toHaveBeenCalledWith('x/flow');
    cleanup();
    renderAll(reducer(initialState(), { type: 'ask', query: 'q', hits: [hit('x/plain')], at: AT }));
    expect(screen.queryByRole('button', { name: 'Walk me through it' })).toBeNull();
  });

  test('only the step awaiting an answer has answer buttons; the answer shows as the user’s words', async () => {
    const controller = makeController();
    let state = reducer(initialState(), { type: 'flowStart', articleId: 'x/flow', flow, at: AT });
    state = reducer(state, { type: 'flowAnswer', flow, stepId: 'a', answerIndex: 0, at: AT });
    renderAll(state, controller);
    await screen.findByRole('group', { name: 'Is it plugged in?' });
    expect(screen.queryByRole('group', { name: 'Is it on?' })).toBeNull();
    expect(screen.getByText('Yes', { selector: '.t0-user [dir="auto"]' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'No' }));
    expect(controller.flowAnswer).toHaveBeenCalledWith('b', 1);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(controller.flowBack).toHaveBeenCalledOnce();
  });

  test('a flow ending in support offers the hand-off with reason flow:<articleId>', () => {
    const controller = makeController();
    let state = reducer(initialState(), { type: 'flowStart', articleId: 'x/flow', flow, at: AT });
    state = reducer(state, { type: 'flowAnswer', flow, stepId: 'a', answerIndex: 0, at: AT });
    state = reducer(state, { type: 'flowAnswer', flow, stepId: 'b', answerIndex: 1, at: AT });
    // The reducer opened the form; back in the chat, the message still offers it.
    expect(state.view).toBe('ticket');
    state = reducer(state, { type: 'view', view: 'home' });
    renderAll(state, controller);
    expect(screen.getByText(guidedStrings.en['guided.support'])).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: strings.contactSupport }));
    expect(controller.escalate).toHaveBeenCalledWith('flow:x/flow');
  });

  test('a walk’s intro, end and the check card are announced in the guided chunk’s words', () => {
    let state = reducer(initialState(), { type: 'flowStart', articleId: 'x/flow', flow, at: AT });
    const [intro, step] = state.messages;
    expect(announceGuided(intro!, strings, true)).toBe('Let’s work through it together: Fix it');
    expect(announceGuided(step!, strings, true)).toBe('Is it on?');
    state = reducer(state, { type: 'flowAnswer', flow, stepId: 'a', answerIndex: 0, at: AT });
    state = reducer(state, { type: 'flowAnswer', flow, stepId: 'b', answerIndex: 0, at: AT });
    expect(announceGuided(state.messages.at(-1)!, strings, true)).toBe('Great, glad it’s fixed!');
    const card = reducer(initialState(), { type: 'diagnosticsOffer', ids: ['clock'], at: AT }).messages[0]!;
    expect(announceGuided(card, strings, true)).toMatch(/^Run a quick check of your browser\?/);
  });

  test('the diagnostics card runs the message’s checks on the click', () => {
    const controller = makeController();
    renderAll(reducer(initialState(), { type: 'diagnosticsOffer', ids: ['clock'], at: AT }), controller);
    fireEvent.click(screen.getByRole('button', { name: 'Run checks' }));
    expect(controller.runDiagnostics).toHaveBeenCalledWith(['clock']);
  });

  test('the chunk brings its texts in the panel’s language, and the site owner’s texts still win', async () => {
    setGuidedLocale('fr');
    try {
      await loadGuided();
      const offer = reducer(initialState(), { type: 'diagnosticsOffer', ids: ['clock'], at: AT });
      renderAll(offer, makeController(), mergeStrings('fr', enStrings, {}, [await loadGuidedStrings('fr')]));
      expect(screen.getByRole('button', { name: 'Lancer la vérification' })).toBeTruthy();
      cleanup();
      renderAll(offer, makeController(), mergeStrings('fr', enStrings, { 'guided.diag.run': 'Check now' }, [await loadGuidedStrings('fr')]));
      expect(screen.getByRole('button', { name: 'Check now' })).toBeTruthy();
    } finally {
      setGuidedLocale('en');
    }
  });
});
