/**
 * The Level 1 hand-off as a slice of the widget's one state (`WidgetState.handoff`), with its pure
 * slice reducer. The slice reducer arrives with the ticket chunk (the ticket service adds it to the
 * store), so a session that never contacts support does not download it; until then the slice is
 * `{}` and the core reducer leaves it alone.
 *
 * The form shown is not stored: it is composed from layers with one precedence, whatever order
 * they arrive in (`edits` > `prefill()` > `identify()` > `rememberedEmail` > the conversation;
 * see `initialForm`), so a late `prefill()` shows at once and never overwrites what was typed.
 */
import type { Action, WidgetState } from '../state.ts';
import type { ContextItem } from './context-items.ts';
import type { TicketAttachment, TicketForm } from './ticket-types.ts';
import type { FieldError } from './validate.ts';

/** Where the ticket is: the form (with a refusal's `error`), on its way, delivered, or an e-mail. */
export type Delivery =
  | { status: 'form'; error?: string }
  | { status: 'sending' | 'retrying' | 'offline' | 'sent'; id: string; ticketId?: string }
  | { status: 'mailto'; id: string; url: string; withAttachment: boolean };

/** The hand-off slice. Every field is optional: absent means "nothing yet". */
export interface HandoffState {
  /** What the user typed (or their restored draft). */
  edits?: Partial<TicketForm>;
  rememberedEmail?: string;
  /** Field problems found by the last submit (form order); `attempted` once one was tried. */
  errors?: FieldError[];
  attempted?: boolean;
  attachment?: TicketAttachment;
  attachmentError?: string;
  /** Technical details collected for the form, and the categories to offer. */
  context?: ContextItem[];
  categories?: Array<{ id: string; title: string }>;
  /** Absent while the outbox is being opened. */
  delivery?: Delivery;
  /** The outbox could only keep the ticket in memory (closing the tab loses it). */
  memoryOnly?: boolean;
}

/** The hand-off's actions, one per change. */
export type HandoffAction =
  | { type: 'ticketEdit'; patch: Partial<TicketForm> }
  | { type: 'ticketRestore'; edits: Partial<TicketForm>; rememberedEmail?: string }
  | { type: 'ticketAttachment'; attachment?: TicketAttachment; error: string }
  | { type: 'ticketContext'; context: ContextItem[]; categories?: HandoffState['categories'] }
  | { type: 'ticketChecked'; errors: FieldError[] }
  | { type: 'ticketDelivery'; delivery: Delivery; memoryOnly?: boolean };

const patch = (state: WidgetState, change: HandoffState): WidgetState => ({ ...state, handoff: { ...state.handoff, ...change } });

/** The slice reducer: runs after the core reducer on every action. */
export function handoffReducer(state: WidgetState, action: Action): WidgetState {
  const h = state.handoff;
  switch (action.type) {
    case 'escalate': {
      // After a delivered ticket (or a composed e-mail), contacting support again starts afresh,
      // keeping only what belongs to the browser, not to the last ticket.
      const done = h.delivery?.status === 'sent' || h.delivery?.status === 'mailto';
      return done ? { ...state, handoff: { rememberedEmail: h.rememberedEmail, context: h.context, categories: h.categories, delivery: { status: 'form' } } } : state;
    }
    case 'ticketEdit': {
      const edits = h.edits ?? {};
      // Custom fields are merged one by one: editing one must not freeze the others' pre-fills.
      const custom = action.patch.custom ? { custom: { ...edits.custom, ...action.patch.custom } } : {};
      return patch(state, { edits: { ...edits, ...action.patch, ...custom } });
    }
    case 'ticketRestore':
      // Typed before the draft was read (the form can open first): what was typed now wins.
      return patch(state, { edits: { ...action.edits, ...h.edits }, rememberedEmail: action.rememberedEmail });
    case 'ticketAttachment':
      return patch(state, { attachment: action.attachment, attachmentError: action.error });
    case 'ticketContext':
      return patch(state, { context: action.context, ...(action.categories ? { categories: action.categories } : {}) });
    case 'ticketChecked':
      return patch(state, { errors: action.errors, attempted: true });
    case 'ticketDelivery':
      return patch(state, { delivery: action.delivery, ...(action.memoryOnly ? { memoryOnly: true } : {}) });
    default:
      return state;
  }
}
