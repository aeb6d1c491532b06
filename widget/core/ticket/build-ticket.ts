/** Shaping the ticket (CONTRACT.md §4) from the form, the conversation and the context. */
import { contextFromItems, type ContextItem } from './context-items.ts';
import type { ConversationFacts } from './conversation-facts.ts';
import type { Translate } from './format.ts';
import { priorityCode, priorityOf } from './priority.ts';
import { maskSecrets } from './secrets.ts';
import { deriveCategory, deriveSubject, summarizeAttempts } from './summary.ts';
import { HONEYPOT_FIELD, type CustomFieldSpec, type Ticket, type TicketAttachment, type TicketFieldValue, type TicketForm } from './ticket-types.ts';

// One definition of who the user is and what the site pre-filled: the widget state's (set by
// `identify()` and `prefill()`), re-exported for the ticket code's callers.
import type { Identity, Prefill } from '../state.ts';
export type { Identity, Prefill };

export interface InitialFormInput {
  facts: ConversationFacts;
  t: Translate;
  identity?: Identity | null;
  prefill?: Prefill | null;
  customFields?: readonly CustomFieldSpec[];
  /** The saved draft: what the user typed last time wins over every pre-fill. */
  draft?: TicketForm | null;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The form's starting values: draft, then prefill(), then identify(), then what the conversation shows. */
export function initialForm(input: InitialFormInput): TicketForm {
  const { facts, t, identity, prefill, draft } = input;
  if (draft) return draft;
  const custom: Record<string, string | boolean> = {};
  for (const spec of input.customFields ?? []) {
    const given = prefill?.fields?.[spec.name];
    if (spec.type === 'checkbox') custom[spec.name] = given === true;
    else custom[spec.name] = str(given) ?? '';
  }
  const summary = summarizeAttempts(facts, t);
  const message = prefill?.message;
  return {
    name: prefill?.name ?? identity?.name ?? '',
    email: prefill?.email ?? identity?.email ?? '',
    subject: prefill?.subject ?? deriveSubject(facts),
    description: message != null ? message : summary,
    category: str(prefill?.fields?.category) ?? deriveCategory(facts),
    impact: 'medium',
    urgency: 'medium',
    custom,
    removedContext: [],
    honeypot: '',
  };
}

export interface BuildTicketInput {
  id: string;
  createdAt: string;
  form: TicketForm;
  facts: ConversationFacts;
  /** The collected technical details; ids in form.removedContext are left out. */
  context: readonly ContextItem[];
  customFields?: readonly CustomFieldSpec[];
  attachments?: TicketAttachment[];
}

/** The ticket to deliver, with secrets masked in subject, description, transcript and searches. */
export function buildTicket(input: BuildTicketInput): Ticket {
  const { form, facts } = input;
  const fields: Record<string, TicketFieldValue> = {};
  for (const spec of input.customFields ?? []) {
    const value = form.custom[spec.name];
    if (value === undefined) continue;
    if (typeof value === 'boolean') fields[spec.name] = value;
    else if (spec.type === 'number' && value.trim() !== '') fields[spec.name] = Number(value);
    else fields[spec.name] = maskSecrets(value.trim());
  }
  fields.impact = form.impact;
  fields.urgency = form.urgency;
  fields.priority = priorityCode(priorityOf(form.impact, form.urgency));
  if (facts.reason) fields.escalationReason = facts.reason;

  const ticket: Ticket = {
    id: input.id,
    createdAt: input.createdAt,
    requester: { name: form.name.trim(), email: form.email.trim() },
    subject: maskSecrets(form.subject.trim()),
    description: maskSecrets(form.description.trim()),
    category: form.category,
    fields,
    transcript: facts.transcript.map((e) => ({ role: e.role, text: maskSecrets(e.text), at: e.at })),
    searches: facts.searches.map(maskSecrets),
    articlesViewed: facts.articlesViewed.map((a) => ({
      id: a.id,
      helpful: a.helpful,
      ...(a.title ? { title: a.title } : {}),
    })),
    context: contextFromItems(input.context, form.removedContext),
  };
  if (input.attachments && input.attachments.length > 0) ticket.attachments = input.attachments;
  // Sent rather than dropped: the endpoint decides (422), so bots learn nothing from the page.
  if (form.honeypot.trim() !== '') ticket[HONEYPOT_FIELD] = form.honeypot;
  return ticket;
}
