/**
 * Submit, as a pure step: the form checked, then the ticket shaped. Expected problems come back as
 * values (field errors), so the ticket service only routes what this returns.
 */
import type { WidgetState } from '../state.ts';
import { buildTicket, initialForm, type BuildTicketInput } from './build-ticket.ts';
import { factsFromState } from './facts-from-state.ts';
import type { Translate } from './format.ts';
import type { CustomFieldSpec, Ticket, TicketForm } from './ticket-types.ts';
import { validateTicketForm, type FieldError } from './validate.ts';

export type PreparedTicket =
  | { ok: true; ticket: Ticket }
  /** `errors` in form order; `attachment` when the chosen file was refused. */
  | { ok: false; errors: FieldError[]; attachment: boolean };

export interface PrepareTicketInput extends BuildTicketInput {
  /** Why the chosen attachment was refused ('' when there is none or it is fine). */
  attachmentError?: string;
}

/** Validates the form and, when it can be sent, builds the ticket (secrets masked, signals attached). */
export function prepareTicket(input: PrepareTicketInput): PreparedTicket {
  const errors = validateTicketForm(input.form, input.customFields);
  const attachment = !!input.attachmentError;
  if (errors.length > 0 || attachment) return { ok: false, errors, attachment };
  return { ok: true, ticket: buildTicket(input) };
}

/** The form as shown and sent: the hand-off's layers composed (initialForm's precedence). */
export function handoffForm(state: WidgetState, t: Translate, options: { customFields?: readonly CustomFieldSpec[]; lockIdentity?: boolean }): TicketForm {
  return initialForm({
    facts: factsFromState(state),
    t,
    identity: state.identity,
    prefill: state.prefill,
    customFields: options.customFields,
    draft: state.handoff.edits,
    rememberedEmail: state.handoff.rememberedEmail,
    lockIdentity: options.lockIdentity,
  });
}
