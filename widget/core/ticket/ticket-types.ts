/**
 * The Level 1 ticket as delivered to the endpoint (CONTRACT.md §4). `attachments` is an additive
 * field: endpoints that do not know it ignore it.
 */
export type Role = 'user' | 'assistant';

export interface TicketTranscriptEntry {
  role: Role;
  text: string;
  at: string;
}

export interface TicketArticle {
  id: string;
  /** true: the user said it helped; false: it did not; null: no feedback given. */
  helpful: boolean | null;
  title?: string;
}

export interface TicketAttachment {
  name: string;
  type: string;
  size: number;
  /** Base64 of the file's bytes (no data: prefix). */
  data: string;
}

/**
 * The honeypot's name: off-screen, so people never fill it, and unlike anything password managers
 * or autofill recognise (no "name", "email", "url" or "address" in it).
 */
export const HONEYPOT_FIELD = 'tier0_hp_website';

export type TicketFieldValue = string | number | boolean | null;

export interface Ticket {
  id: string;
  createdAt: string;
  requester: { name: string; email: string };
  subject: string;
  description: string;
  category: string;
  fields: Record<string, TicketFieldValue>;
  transcript: TicketTranscriptEntry[];
  searches: string[];
  articlesViewed: TicketArticle[];
  context: Record<string, unknown>;
  attachments?: TicketAttachment[];
  /**
   * Anti-bot signals for the endpoint to judge (CONTRACT §5): `formMs` is the time between the
   * form opening and the submit. The widget itself refuses no one.
   */
  signals?: TicketSignals;
  /** The guided-flow answers still standing, as the description's summary lists them. */
  flowAnswers?: TicketFlowAnswer[];
  /** Only present when a bot filled the honeypot; endpoints reject such tickets. */
  tier0_hp_website?: string;
}

export interface TicketSignals {
  formMs: number;
}

export interface TicketFlowAnswer {
  flow: string;
  step: string;
  answer: string;
}

/** ITIL levels for impact and urgency, as the form offers them. */
export type Level = 'high' | 'medium' | 'low';

/** A level, or '' while nobody set it (the help desk then applies its default). */
export type LevelChoice = Level | '';

/** A site-defined custom field (options.ticketFields). */
export interface CustomFieldSpec {
  name: string;
  type: string;
  label: string;
  required?: boolean;
  choices?: string[];
}

/** What the form holds; also what the draft store keeps across reloads. */
export interface TicketForm {
  name: string;
  email: string;
  subject: string;
  description: string;
  category: string;
  impact: LevelChoice;
  urgency: LevelChoice;
  custom: Record<string, string | boolean>;
  /** Context keys the user removed from "Technical details". */
  removedContext: string[];
  /** The honeypot; humans never see or fill it. */
  honeypot: string;
  /** The user agreed to have this browser remember their e-mail address for the next ticket. */
  rememberEmail: boolean;
}
