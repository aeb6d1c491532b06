/**
 * The hand-off's one service (created once per panel, on first use): it owns the page's outbox
 * and its subscription, the draft (saved on every edit, cleared in one place once the ticket is
 * delivered or handed to the e-mail app), the remembered e-mail, and submit. Everything it learns
 * goes into the widget store's `handoff` slice; the ticket view only renders that slice and calls
 * these methods.
 */
import type { Emitter } from '../../core/events.ts';
import type { ResolvedOptions } from '../../core/options.ts';
import type { Store } from '../../core/store.ts';
import type { Delivery, WidgetState } from '../../core/state.ts';
import { diagnosticsItems, type ContextItem } from '../../core/ticket/context-items.ts';
import { factsFromState } from '../../core/ticket/facts-from-state.ts';
import type { Translate } from '../../core/ticket/format.ts';
import { composeMailto, isMailto } from '../../core/ticket/mailto.ts';
import { handoffReducer } from '../../core/ticket/handoff-state.ts';
import { handoffForm, prepareTicket } from '../../core/ticket/prepare-ticket.ts';
import type { TicketAttachment, TicketForm } from '../../core/ticket/ticket-types.ts';
import { clearDraft, draftKey, loadDraft, loadRememberedEmail, rememberEmail, saveDraft } from '../outbox/draft-store.ts';
import { openPageOutbox, type PageOutbox } from '../outbox/outbox-instance.ts';
import type { OutboxEvent } from '../outbox/outbox-types.ts';
import { collectContext, collectSiteContext, fetchKbFacts } from './collect-context.ts';

export interface TicketServiceDeps {
  store: Store;
  emit: Emitter['emit'];
  options: ResolvedOptions;
  report: (message: string, error?: unknown) => void;
  now?: () => number;
}

export interface TicketService {
  /** The form is on screen: starts its clock (time-to-submit) and collects the technical details. */
  shown(): void;
  /** The user changed fields; what they type wins over every pre-fill. */
  edit(patch: Partial<TicketForm>): void;
  attach(attachment: TicketAttachment | null, error: string): void;
  /** Checks the form and, when it can go, delivers it (outbox) or composes the e-mail (mailto:). */
  submit(t: Translate): Promise<void>;
  /** The user opened the composed e-mail: the hand-off is done. */
  mailtoOpened(): void;
  /** Back from the composed e-mail to the form. */
  editAgain(): void;
  /** Back to the conversation. */
  leave(): void;
  /** Sends what earlier visits queued. Never rejects: a failure is reported, the tickets stay queued. */
  resume(): Promise<void>;
  /** Stops retries and removes listeners (Tier0.destroy()); queued tickets stay stored. */
  dispose(): Promise<void>;
}

type InFlight = { status: 'sending' | 'retrying' | 'offline'; id: string };
const inFlight = (d: Delivery | undefined): d is InFlight =>
  d?.status === 'sending' || d?.status === 'retrying' || d?.status === 'offline';

/** Creates the hand-off service over the widget's store and emitter. */
export function createTicketService(deps: TicketServiceDeps): TicketService {
  const { store, emit, options, report } = deps;
  const now = deps.now ?? (() => Date.now());
  const endpoint = options.ticketEndpoint ?? '';
  const key = draftKey(endpoint);
  const dispatch = store.dispatch;
  // Tickets of this endpoint (queued now or on an earlier visit): their delivery clears the draft.
  const mine = new Set<string>();
  let openedAt = now();
  let base: ContextItem[] = [];
  let kbItems: ContextItem[] = [];
  let disposed = false;

  store.use(handoffReducer);
  const draft = loadDraft(key);
  dispatch({ type: 'ticketRestore', edits: draft ?? {}, rememberedEmail: loadRememberedEmail() || undefined });

  // The draft follows every edit (only edits: a later prefill() still applies after a reload).
  const unsubscribeStore = store.subscribe((s, prev) => {
    const { edits } = s.handoff;
    if (edits && edits !== prev.handoff.edits && Object.keys(edits).length > 0) saveDraft(key, edits);
  });

  /** The one place a draft is forgotten: the hand-off it belongs to is done. */
  const forgetDraft = (): void => {
    clearDraft(key);
  };

  const delivery = (): Delivery | undefined => store.get().handoff.delivery;

  function onEvent(event: OutboxEvent, local: boolean): void {
    if (local) {
      if (event.type === 'queued') emit('ticket:queued', { id: event.id });
      else if (event.type === 'sent') emit('ticket:sent', event.ticketId === undefined ? { id: event.id } : { id: event.id, ticketId: event.ticketId });
      else if (event.type === 'failed') emit('ticket:failed', { id: event.id, error: event.error });
      // Only delivery clears the draft; a refused ticket keeps it so the user can fix and resend.
      if (event.type === 'sent' && mine.has(event.id)) forgetDraft();
    }
    if (event.type === 'sent' || event.type === 'failed') mine.delete(event.id);
    const d = delivery();
    if (!inFlight(d) || d.id !== event.id) return;
    if (event.type === 'sending') dispatch({ type: 'ticketDelivery', delivery: { ...d, status: d.status === 'offline' ? 'offline' : 'sending' } });
    else if (event.type === 'waiting') dispatch({ type: 'ticketDelivery', delivery: { ...d, status: event.offline ? 'offline' : 'retrying' } });
    else if (event.type === 'sent') {
      dispatch({ type: 'ticketDelivery', delivery: { status: 'sent', id: event.id, ...(event.ticketId ? { ticketId: event.ticketId } : {}) } });
    } else if (event.type === 'failed') dispatch({ type: 'ticketDelivery', delivery: { status: 'form', error: event.error } });
  }

  const outbox: Promise<PageOutbox | null> = openPageOutbox(options.challenge).then(async (box) => {
    if (disposed) {
      box.dispose();
      return null;
    }
    const offLocal = box.subscribe((e) => onEvent(e, true));
    const offRemote = box.subscribeRemote((e) => onEvent(e, false));
    const stop = box.dispose;
    box.dispose = () => {
      offLocal();
      offRemote();
      stop();
    };
    // Resume this endpoint's newest queued ticket (after a reload) and follow its delivery.
    const pending = (await box.pending()).filter((e) => e.endpoint === endpoint).sort((a, b) => b.queuedAt - a.queuedAt);
    pending.forEach((e) => mine.add(e.id));
    const newest = pending[0];
    const memoryOnly = box.storeKind === 'memory';
    if (newest && !inFlight(delivery())) {
      dispatch({ type: 'ticketDelivery', delivery: { status: newest.offline ? 'offline' : 'sending', id: newest.id }, memoryOnly });
    } else if (!delivery()) dispatch({ type: 'ticketDelivery', delivery: { status: 'form' }, memoryOnly });
    return box;
  });

  const siteContext = (): ContextItem[] => collectSiteContext(options.context, report);

  return {
    shown() {
      openedAt = now();
      base = collectContext();
      dispatch({ type: 'ticketContext', context: [...base, ...kbItems, ...siteContext()] });
      void fetchKbFacts(options.kb).then((facts) => {
        if (disposed) return;
        kbItems = facts.items;
        dispatch({
          type: 'ticketContext',
          // context() is asked again at send time; here the last answer is kept.
          context: [...base, ...kbItems, ...(store.get().handoff.context ?? []).filter((i) => i.site)],
          categories: facts.categories.map((c) => ({ id: c.id, title: c.title || c.id })),
        });
      });
    },
    edit(patch) {
      dispatch({ type: 'ticketEdit', patch });
    },
    attach(attachment, error) {
      dispatch({ type: 'ticketAttachment', attachment: attachment ?? undefined, error });
    },
    async submit(t) {
      const state: WidgetState = store.get();
      const h = state.handoff;
      if (h.delivery && 'id' in h.delivery) return; // a second click while it is already on its way
      const form = handoffForm(state, t, { customFields: options.ticketFields, lockIdentity: options.lockIdentity });
      // context() is asked again at send time, so the ticket carries the site's latest state.
      const site = siteContext();
      const live = base.map((i) => (i.key === 'online' ? { ...i, value: navigator.onLine } : i));
      dispatch({ type: 'ticketContext', context: [...base, ...kbItems, ...site] });
      const prepared = prepareTicket({
        id: crypto.randomUUID(),
        createdAt: new Date(now()).toISOString(),
        form,
        facts: factsFromState(state),
        context: [...live, ...kbItems, ...diagnosticsItems(state.diagnostics.findings), ...site],
        customFields: options.ticketFields,
        ...(h.attachment ? { attachments: [h.attachment] } : {}),
        attachmentError: h.attachmentError ?? '',
        // A signal for the endpoint to judge, never a reason to refuse a person here.
        formMs: now() - openedAt,
      });
      dispatch({ type: 'ticketChecked', errors: prepared.ok ? [] : prepared.errors });
      if (!prepared.ok) return;
      const { ticket } = prepared;
      // The user's consent, given on this form, decides whether the address is kept for next time.
      rememberEmail(form.rememberEmail ? ticket.requester.email : '');
      if (isMailto(endpoint)) {
        dispatch({ type: 'ticketDelivery', delivery: { status: 'mailto', id: ticket.id, url: composeMailto(endpoint, ticket, t), withAttachment: !!h.attachment } });
        return;
      }
      // Everything shown is kept as typed until delivery: a refusal (4xx) must lose nothing.
      saveDraft(key, form);
      mine.add(ticket.id);
      dispatch({ type: 'ticketDelivery', delivery: { status: navigator.onLine ? 'sending' : 'offline', id: ticket.id } });
      const box = await outbox;
      if (!box) return;
      const { persisted } = await box.enqueue(ticket, endpoint);
      const current = delivery();
      if ((!persisted || box.storeKind === 'memory') && current) dispatch({ type: 'ticketDelivery', delivery: current, memoryOnly: true });
    },
    mailtoOpened() {
      const d = delivery();
      forgetDraft();
      if (d?.status === 'mailto') emit('ticket:sent', { id: d.id });
    },
    editAgain() {
      dispatch({ type: 'ticketDelivery', delivery: { status: 'form' } });
    },
    leave() {
      dispatch({ type: 'view', view: 'home' });
    },
    async resume() {
      try {
        await (await outbox)?.flush();
      } catch (error) {
        report('[tier0] could not resume queued tickets — they stay queued and are retried on the next visit', error);
      }
    },
    async dispose() {
      disposed = true;
      unsubscribeStore();
      (await outbox)?.dispose();
    },
  };
}
