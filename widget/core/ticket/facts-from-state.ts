/**
 * Adapts the widget's conversation state to ConversationFacts, the one place that knows how the
 * reducer records things (its transcript lines, "Yes"/"No" feedback, flow answers in
 * `flowAnswers`, categories as the first segment of article ids).
 */
import type { WidgetState } from '../state.ts';
import type { ConversationFacts, FactsFlowAnswer } from './conversation-facts.ts';

// flowPathText() writes "Is the printer on? → Yes".
const FLOW_LINE = /^(.+?) → (.+)$/;

/** The category an article id implies (its first folder), or undefined for top-level ids. */
export function categoryOfId(id: string): string | undefined {
  const slash = id.indexOf('/');
  return slash > 0 ? id.slice(0, slash) : undefined;
}

/**
 * The flow answers still standing. `state.flowAnswers` drops the ones undone with Back; the
 * transcript keeps every "step → answer" line, so it is read only for a state without the list.
 */
function flowAnswersOf(state: WidgetState): FactsFlowAnswer[] {
  const recorded = (state as Partial<WidgetState>).flowAnswers;
  if (Array.isArray(recorded)) return recorded.map(({ flow, step, answer }) => ({ ...(flow ? { flow } : {}), step, answer }));
  const answers: FactsFlowAnswer[] = [];
  for (const entry of state.transcript) {
    const line = entry.role === 'user' ? FLOW_LINE.exec(entry.text) : null;
    if (line) answers.push({ step: line[1] ?? '', answer: line[2] ?? '' });
  }
  return answers;
}

/** The facts the ticket needs, read from the widget state. */
export function factsFromState(state: WidgetState): ConversationFacts {
  const searches = new Set(state.searches.map((s) => s.trim().toLowerCase()));
  // Only questions the user typed (they are also recorded as searches); not "Yes"/"No" clicks
  // or flow answers.
  const questions = state.transcript
    .filter((entry) => entry.role === 'user' && !FLOW_LINE.test(entry.text) && searches.has(entry.text.trim().toLowerCase()))
    .map((entry) => entry.text);
  return {
    transcript: state.transcript.map(({ role, text, at }) => ({ role, text, at })),
    questions,
    searches: [...state.searches],
    articlesViewed: state.articlesViewed.map((a) => ({
      id: a.id,
      helpful: a.helpful ?? null,
      ...(a.title ? { title: a.title } : {}),
      ...(categoryOfId(a.id) ? { category: categoryOfId(a.id) } : {}),
    })),
    flowAnswers: flowAnswersOf(state),
    ...(state.firstQuestion ? { firstQuestion: state.firstQuestion } : {}),
    ...(state.escalationReason ? { reason: state.escalationReason } : {}),
  };
}
