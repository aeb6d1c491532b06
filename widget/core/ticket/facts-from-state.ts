/**
 * Adapts the widget's conversation state to ConversationFacts, the one place that knows how the
 * reducer records things (its transcript lines, "Yes"/"No" feedback, flow answers as
 * "step → answer" lines, categories as the first segment of article ids).
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

/** The facts the ticket needs, read from the widget state. */
export function factsFromState(state: WidgetState): ConversationFacts {
  const searches = new Set(state.searches.map((s) => s.trim().toLowerCase()));
  const flowAnswers: FactsFlowAnswer[] = [];
  const questions: string[] = [];
  for (const entry of state.transcript) {
    if (entry.role !== 'user') continue;
    const flow = FLOW_LINE.exec(entry.text);
    if (flow) flowAnswers.push({ step: flow[1] ?? '', answer: flow[2] ?? '' });
    // Only questions the user typed (they are also recorded as searches); not "Yes"/"No" clicks.
    else if (searches.has(entry.text.trim().toLowerCase())) questions.push(entry.text);
  }
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
    flowAnswers,
    ...(state.firstQuestion ? { firstQuestion: state.firstQuestion } : {}),
    ...(state.escalationReason ? { reason: state.escalationReason } : {}),
  };
}
