/**
 * What the ticket needs from the conversation, independent of how the widget stores it. The UI
 * adapts the widget state to this shape once (ticket-view's `factsFromState`), so the pure
 * ticket code does not move when the conversation reducer does.
 */
import type { Role } from './ticket-types.ts';

export interface FactsTranscriptEntry {
  role: Role;
  text: string;
  at: string;
}

export interface FactsArticle {
  id: string;
  title?: string;
  category?: string;
  helpful: boolean | null;
}

export interface FactsFlowAnswer {
  /** The flow's or the article's title. */
  flow?: string;
  /** The step's question. */
  step: string;
  /** The answer the user picked. */
  answer: string;
}

export interface ConversationFacts {
  transcript: FactsTranscriptEntry[];
  /** What the user asked in their own words; default: the user's transcript entries. */
  questions?: string[];
  searches: string[];
  articlesViewed: FactsArticle[];
  flowAnswers: FactsFlowAnswer[];
  firstQuestion?: string;
  reason?: string;
}
