/**
 * A guided flow's moves in the conversation state (start, answer, Back): a slice reducer run
 * after the core one (core/store.ts), which the guided controller adds before the first move. It
 * is a lazy chunk: a search-and-read session never walks a flow, so the panel does not carry it.
 * What the next step is, and that a dead end or "I need a person" goes to the ticket form, is
 * decided here; flow-walk.ts keeps the walk itself.
 */
import { addMessages, viewed, type Action, type FlowMessage, type FlowSession, type NewMessage, type TranscriptLine, type WidgetState } from './state.ts';
import type { Flow } from './flow-types.ts';
import { answerFlow, backFlow, currentStep, startFlow } from './flow-walk.ts';

/** The slice reducer for `flowStart`, `flowAnswer` and `flowBack` (every other action: unchanged). */
export function flowReducer(state: WidgetState, action: Action): WidgetState {
  switch (action.type) {
    case 'flowStart': {
      const walk = startFlow(action.flow);
      const s = addFlow({ ...state, view: 'home' }, action.at, { kind: 'flowIntro', articleId: action.articleId, title: action.flow.title });
      const articleTitle = action.articleTitle ?? hitTitle(state, action.articleId);
      return showFlow(s, { articleId: action.articleId, title: action.flow.title, walk, ...(articleTitle ? { articleTitle } : {}) }, action.flow, action.at);
    }
    case 'flowAnswer': {
      const session = state.flow;
      if (!session) return state;
      const walk = answerFlow(action.flow, session.walk, action.stepId, action.answerIndex);
      if (walk === session.walk) return state; // a stale or unknown answer
      const given = walk.path[walk.path.length - 1]!;
      let s = addFlow(state, action.at, { kind: 'flowAnswer', step: given.step, answer: given.answer });
      s = { ...s, flowAnswers: [...s.flowAnswers, { flow: session.title, step: given.step, answer: given.answer }] };
      return showFlow(s, { ...session, walk }, action.flow, action.at);
    }
    case 'flowBack': {
      const session = state.flow;
      if (!session) return state;
      const walk = backFlow(action.flow, session.walk);
      if (walk === session.walk) return state;
      const s = addFlow({ ...state, flowAnswers: state.flowAnswers.slice(0, -1) }, action.at, { kind: 'flowBack' });
      return showFlow(s, { ...session, walk }, action.flow, action.at);
    }
    default:
      return state;
  }
}

/** After a flow move: the next step as a bot message, or how the walk ended. */
function showFlow(state: WidgetState, session: FlowSession, flow: Flow, at: string): WidgetState {
  const { walk } = session;
  const step = currentStep(flow, walk);
  if (step) {
    const s = addFlow(state, at, { kind: 'flowStep', articleId: session.articleId, step });
    return { ...s, flow: { ...session, messageId: s.nextId - 1 } };
  }
  if (walk.status === 'solved') {
    const s = addFlow(state, at, { kind: 'flowEnd', articleId: session.articleId, outcome: 'solved' });
    return { ...s, flow: { ...session, messageId: undefined }, articlesViewed: viewed(s.articlesViewed, session.articleId, { title: session.articleTitle, helpful: true }) };
  }
  // Support, asked for or forced by a broken guide: a step that has no answers is still shown.
  let s = state;
  const dead = walk.problem === 'no-answers' && walk.current ? flow.steps[walk.current] : undefined;
  if (dead) s = addFlow(s, at, { kind: 'flowStep', articleId: session.articleId, step: dead });
  s = addFlow(s, at, { kind: 'flowEnd', articleId: session.articleId, outcome: 'support', ...(walk.problem ? { broken: true } : {}) });
  // The guide sends the user to a person: straight to the ticket form (the `escalate` event follows).
  return {
    ...s,
    open: true,
    view: 'ticket',
    flow: { ...session, messageId: undefined },
    escalationReason: `flow:${session.articleId}`,
    articlesViewed: viewed(s.articlesViewed, session.articleId, { title: session.articleTitle, helpful: false }),
  };
}

/**
 * A flow message's line in the ticket transcript. The answers (and Back) are the user's words;
 * an answer reads "question → answer", the form the ticket's facts read back (flowPathText()).
 */
export function describeFlowMessage(m: FlowMessage): TranscriptLine {
  switch (m.kind) {
    case 'flowIntro': return { role: 'assistant', text: `Guided troubleshooting: ${m.title} (${m.articleId})` };
    case 'flowStep': return { role: 'assistant', text: `Asked: ${m.step.title}` };
    case 'flowAnswer': return { role: 'user', text: `${m.step} → ${m.answer}` };
    case 'flowBack': return { role: 'user', text: 'Back' };
    case 'flowEnd': return {
      role: 'assistant',
      text: m.outcome === 'solved' ? 'Guided troubleshooting solved the problem'
        : m.broken ? 'Guided troubleshooting could not continue (incomplete guide)' : 'Guided troubleshooting: the user needs a person',
    };
  }
}

/** Adds a flow message with its transcript line. */
function addFlow(state: WidgetState, at: string, item: NewMessage<FlowMessage>): WidgetState {
  return addMessages(state, at, [item], describeFlowMessage);
}

/** The title an answer in the conversation gave the article (the flow was started from it). */
function hitTitle(state: WidgetState, articleId: string): string | undefined {
  for (const m of state.messages) {
    if (m.kind !== 'answer' && m.kind !== 'more' && m.kind !== 'category') continue;
    const hit = m.hits.find((h) => h.id === articleId);
    if (hit?.title) return hit.title;
  }
  return undefined;
}
