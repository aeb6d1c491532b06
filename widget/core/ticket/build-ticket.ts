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
  /** What the user typed (this visit, or restored from their saved draft): wins over every pre-fill. */
  draft?: Partial<TicketForm> | null;
  /** The e-mail address this browser remembers, with the user's consent, from their last ticket. */
  rememberedEmail?: string;
  /** `lockIdentity`: name and e-mail from identify() are shown read-only and always win. */
  lockIdentity?: boolean;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The form as shown, from layers with one precedence whatever order they arrived in: what the user
 * typed > `prefill()` > `identify()` > the remembered e-mail > what the conversation shows. Pure,
 * so a `prefill()` that arrives after the form opened shows at once, and never over an edit.
 */
export function initialForm(input: InitialFormInput): TicketForm {
  const { facts, t, identity, prefill } = input;
  const draft = input.draft ?? {};
  const custom: Record<string, string | boolean> = {};
  for (const spec of input.customFields ?? []) {
    const given = prefill?.fields?.[spec.name];
    if (spec.type === 'checkbox') custom[spec.name] = given === true;
    else custom[spec.name] = str(given) ?? '';
  }
  const message = prefill?.message;
  const remembered = nonEmpty(input.rememberedEmail);
  const defaults: TicketForm = {
    name: nonEmpty(prefill?.name) ?? nonEmpty(identity?.name) ?? '',
    email: nonEmpty(prefill?.email) ?? nonEmpty(identity?.email) ?? remembered ?? '',
    subject: prefill?.subject ?? deriveSubject(facts),
    description: message != null ? message : summarizeAttempts(facts, t),
    category: str(prefill?.fields?.category) ?? deriveCategory(facts),
    // Unset unless someone sets them: the help desk applies its own default (i.e. not "P3" for all).
    impact: '',
    urgency: '',
    custom,
    removedContext: [],
    honeypot: '',
    rememberEmail: remembered !== undefined,
  };
  const form: TicketForm = { ...defaults, ...draft, custom: { ...custom, ...draft.custom } };
  if (input.lockIdentity) {
    if (nonEmpty(identity?.name)) form.name = identity!.name!;
    if (nonEmpty(identity?.email)) form.email = identity!.email!;
  }
  return form;
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
  /** Milliseconds between the form opening and the submit (an anti-bot signal for the endpoint). */
  formMs?: number;
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
  // Left out while unset, so the endpoint applies its default instead of a made-up "medium".
  if (form.impact) fields.impact = form.impact;
  if (form.urgency) fields.urgency = form.urgency;
  if (form.impact && form.urgency) fields.priority = priorityCode(priorityOf(form.impact, form.urgency));
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
    flowAnswers: facts.flowAnswers.map((a) => ({ flow: a.flow ?? '', step: a.step, answer: a.answer })),
  };
  if (input.formMs !== undefined) ticket.signals = { formMs: Math.max(0, Math.round(input.formMs)) };
  if (input.attachments && input.attachments.length > 0) ticket.attachments = input.attachments;
  // Sent rather than dropped: the endpoint decides (422), so bots learn nothing from the page.
  if (form.honeypot.trim() !== '') ticket[HONEYPOT_FIELD] = form.honeypot;
  return ticket;
}
