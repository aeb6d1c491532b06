/**
 * The Level 1 hand-off screen (lazy chunk): the pre-filled form, then the delivery status.
 * The form's contents are saved as a draft on every edit and restored after a reload until the
 * ticket is delivered; delivery goes through the page's outbox, so a ticket survives going
 * offline, closing the tab and endpoint hiccups, and arrives once.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TicketViewProps } from '../ticket-slot.tsx';
import { buildTicket, initialForm } from '../../core/ticket/build-ticket.ts';
import { diagnosticsItems, type ContextItem } from '../../core/ticket/context-items.ts';
import { factsFromState } from '../../core/ticket/facts-from-state.ts';
import { makeTranslate } from '../../core/ticket/format.ts';
import { composeMailto, isMailto } from '../../core/ticket/mailto.ts';
import type { TicketAttachment, TicketForm } from '../../core/ticket/ticket-types.ts';
import { validateTicketForm, type FieldError } from '../../core/ticket/validate.ts';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../../services/outbox/draft-store.ts';
import { getOutbox, type TicketEmit } from '../../services/outbox/outbox-instance.ts';
import type { Outbox } from '../../services/outbox/outbox.ts';
import type { OutboxEvent } from '../../services/outbox/outbox-types.ts';
import { collectContext, collectSiteContext, fetchKbFacts } from './collect-context.ts';
import { fieldId } from './field-errors.ts';
import { ticketCss } from './ticket-css.ts';
import { TicketFormView } from './ticket-form.tsx';

/** Least time between opening the form and sending it; faster is a bot (or a slip of the key). */
export const MIN_FILL_MS = 3000;

type Delivery = 'sending' | 'retrying' | 'offline' | 'sent';

type Screen =
  | { kind: 'loading' }
  | { kind: 'form' }
  | { kind: 'delivery'; id: string; status: Delivery; ticketId?: string }
  | { kind: 'mailto'; id: string; url: string; withAttachment: boolean };

let sheet: CSSStyleSheet | null = null;

/** Adopts the ticket stylesheet on the widget's shadow root (once per root). */
function adoptStyles(node: Node | null): void {
  const root = node?.getRootNode();
  if (!(root instanceof ShadowRoot) || typeof CSSStyleSheet === 'undefined') return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(ticketCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

const reported = new Set<string>();
function report(message: string, error: unknown): void {
  // Once per message: a context() callback that always throws must not flood the console.
  if (reported.has(message)) return;
  reported.add(message);
  console.error(message, error);
}

/** The ticket form and its delivery status. */
export function TicketView({ state, options, strings, emit, dispatch }: TicketViewProps) {
  const endpoint = options.ticketEndpoint ?? '';
  const key = draftKey(endpoint);
  const t = useMemo(() => makeTranslate(strings), [strings]);
  const rootRef = useRef<HTMLDivElement>(null);
  const focusRef = useRef<HTMLHeadingElement>(null);
  const outboxRef = useRef<Outbox | null>(null);
  const trackedId = useRef<string | null>(null);
  const openedAt = useRef(Date.now());
  const dirty = useRef(false);

  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [form, setForm] = useState<TicketForm>(() =>
    initialForm({
      facts: factsFromState(state),
      t,
      identity: state.identity,
      prefill: state.prefill,
      customFields: options.ticketFields,
      draft: loadDraft(key),
    }),
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [notice, setNotice] = useState('');
  const [attachment, setAttachment] = useState<TicketAttachment | null>(null);
  const [attachmentError, setAttachmentError] = useState('');
  const [memoryOnly, setMemoryOnly] = useState(false);
  const [baseContext] = useState<ContextItem[]>(() => collectContext());
  const [kbItems, setKbItems] = useState<ContextItem[]>([]);
  const [kbCategories, setKbCategories] = useState<Array<{ id: string; title: string }>>([]);
  const [siteContext, setSiteContext] = useState<ContextItem[]>(() => collectSiteContext(options.context, report));
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  // Browser check findings come from the state, so a check finishing while the form is open shows up.
  const diagnostics = diagnosticsItems(state.diagnostics?.findings);
  const contextItems = [...baseContext, ...kbItems, ...diagnostics, ...siteContext];
  const lockedName = options.lockIdentity && !!state.identity.name;
  const lockedEmail = options.lockIdentity && !!state.identity.email;

  useEffect(() => adoptStyles(rootRef.current), []);

  // The outbox: resume this endpoint's pending ticket (after a reload) and follow its delivery.
  useEffect(() => {
    let live = true;
    let unsubscribe = () => {};
    void getOutbox({ emit: emit as TicketEmit, challenge: options.challenge }).then(async (outbox) => {
      if (!live) return;
      outboxRef.current = outbox;
      unsubscribe = outbox.subscribe(onEvent);
      const pending = (await outbox.pending()).filter((e) => e.endpoint === endpoint).sort((a, b) => b.queuedAt - a.queuedAt)[0];
      if (!live) return;
      if (outbox.storeKind === 'memory') setMemoryOnly(true);
      if (pending) {
        trackedId.current = pending.id;
        setScreen({ kind: 'delivery', id: pending.id, status: pending.offline ? 'offline' : 'sending' });
      } else {
        setScreen({ kind: 'form' });
      }
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  useEffect(() => {
    let live = true;
    void fetchKbFacts(options.kb).then((facts) => {
      if (!live) return;
      setKbItems(facts.items);
      setKbCategories(facts.categories.map((c) => ({ id: c.id, title: c.title || c.id })));
    });
    return () => {
      live = false;
    };
  }, [options.kb]);

  // identify() may arrive after the form opened (the site learns who the user is late): fill
  // the fields the user has left empty, never overwrite what they typed.
  useEffect(() => {
    const { name, email } = state.identity;
    setForm((f) => {
      const patch: Partial<TicketForm> = {};
      if (typeof name === 'string' && name && !f.name) patch.name = name;
      if (typeof email === 'string' && email && !f.email) patch.email = email;
      return Object.keys(patch).length > 0 ? { ...f, ...patch } : f;
    });
  }, [state.identity.name, state.identity.email]);

  // Draft: saved once the user has changed something, so later prefill() calls still apply.
  useEffect(() => {
    if (dirty.current) saveDraft(key, form);
  }, [form]);

  useEffect(() => {
    if (!focusTarget) return;
    const root = rootRef.current?.getRootNode() as ShadowRoot | Document | undefined;
    const el = focusTarget === 'status' ? focusRef.current : root?.getElementById(focusTarget);
    el?.focus();
    setFocusTarget(null);
  }, [focusTarget, screen]);

  function onEvent(event: OutboxEvent): void {
    if (event.id !== trackedId.current) return;
    switch (event.type) {
      case 'sending':
        setScreen((s) => (s.kind === 'delivery' && s.status !== 'sent' ? { ...s, status: s.status === 'offline' ? 'offline' : 'sending' } : s));
        break;
      case 'waiting':
        setScreen((s) => (s.kind === 'delivery' && s.status !== 'sent' ? { ...s, status: event.offline ? 'offline' : 'retrying' } : s));
        break;
      case 'sent':
        clearDraft(key);
        setScreen({ kind: 'delivery', id: event.id, status: 'sent', ...(event.ticketId ? { ticketId: event.ticketId } : {}) });
        setFocusTarget('status');
        break;
      case 'failed':
        trackedId.current = null;
        setNotice(`${t('ticket.status.failed', { error: event.error })} ${t('ticket.status.failedHint')}`);
        setScreen({ kind: 'form' });
        setFocusTarget('t0-tk-notice');
        break;
      case 'queued':
        break;
    }
  }

  const change = (patch: Partial<TicketForm>) => {
    dirty.current = true;
    setForm((f) => ({ ...f, ...patch }));
  };

  const submit = async () => {
    setNotice('');
    if (Date.now() - openedAt.current < MIN_FILL_MS) {
      setNotice(t('ticket.tooFast'));
      setFocusTarget('t0-tk-notice');
      return;
    }
    const found = validateTicketForm(form, options.ticketFields);
    setErrors(found);
    setAttempted(true);
    if (found.length > 0 || attachmentError) {
      setFocusTarget(fieldId(found[0]?.field ?? 'attachment'));
      return;
    }
    // context() is asked again at send time, so the ticket carries the site's latest state.
    const site = collectSiteContext(options.context, report);
    setSiteContext(site);
    const ticket = buildTicket({
      id: crypto.randomUUID(),
      createdAt: new Date().toISOString(),
      form,
      facts: factsFromState(state),
      context: [...baseContext.map((i) => (i.key === 'online' ? { ...i, value: navigator.onLine } : i)), ...kbItems, ...diagnostics, ...site],
      customFields: options.ticketFields,
      ...(attachment ? { attachments: [attachment] } : {}),
    });
    if (isMailto(endpoint)) {
      setScreen({ kind: 'mailto', id: ticket.id, url: composeMailto(endpoint, ticket, t), withAttachment: !!attachment });
      setFocusTarget('status');
      return;
    }
    saveDraft(key, form);
    trackedId.current = ticket.id;
    setScreen({ kind: 'delivery', id: ticket.id, status: navigator.onLine ? 'sending' : 'offline' });
    setFocusTarget('status');
    const outbox = outboxRef.current ?? (await getOutbox({ emit: emit as TicketEmit, challenge: options.challenge }));
    const { persisted } = await outbox.enqueue(ticket, endpoint, key);
    if (!persisted || outbox.storeKind === 'memory') setMemoryOnly(true);
  };

  const back = () => dispatch({ type: 'view', view: 'home' });

  return (
    <div ref={rootRef} class="t0-ticket-root">
      {screen.kind === 'loading' && <p class="t0-loading t0-muted"><span class="t0-spinner" aria-hidden="true" />{strings.loading}</p>}
      {screen.kind === 'form' && memoryOnly && <p class="t0-warn">{t('ticket.memoryNotice')}</p>}
      {screen.kind === 'form' && (
        <TicketFormView
          form={form}
          errors={errors}
          attempted={attempted}
          notice={notice}
          categories={options.categories?.map((c) => ({ id: c, title: c })) ?? kbCategories}
          customFields={options.ticketFields}
          lockedName={lockedName}
          lockedEmail={lockedEmail}
          attachmentsEnabled={options.attachments}
          maxAttachmentBytes={options.maxAttachmentBytes}
          attachment={attachment}
          attachmentError={attachmentError}
          contextItems={contextItems}
          strings={strings}
          t={t}
          onChange={change}
          onAttachment={(value, error) => {
            setAttachment(value);
            setAttachmentError(error);
          }}
          onSubmit={() => void submit()}
          onBack={back}
        />
      )}
      {screen.kind === 'delivery' && (
        <div class="t0-status" data-kind={screen.status}>
          <h3 ref={focusRef} tabIndex={-1}>{t('ticket.title')}</h3>
          <p role="status">
            {screen.status === 'sent'
              ? screen.ticketId
                ? t('ticket.status.sent', { ticketId: screen.ticketId })
                : t('ticket.status.sentNoId')
              : screen.status === 'offline'
                ? t('ticket.status.offline')
                : screen.status === 'retrying'
                  ? t('ticket.status.retrying')
                  : t('ticket.status.sending')}
          </p>
          {memoryOnly && screen.status !== 'sent' && <p class="t0-warn" role="alert">{t('ticket.memoryNotice')}</p>}
          <div class="t0-actions">
            <button type="button" class="t0-btn" onClick={back}>{t('ticket.back')}</button>
          </div>
        </div>
      )}
      {screen.kind === 'mailto' && (
        <div class="t0-status" data-kind="mailto">
          <h3 ref={focusRef} tabIndex={-1}>{t('ticket.title')}</h3>
          <p>{t('ticket.mailto.intro')}</p>
          {screen.withAttachment && <p class="t0-warn">{t('ticket.mailto.attachmentNote')}</p>}
          <div class="t0-actions">
            <button type="button" class="t0-btn" onClick={() => setScreen({ kind: 'form' })}>{t('ticket.back')}</button>
            <a
              class="t0-btn t0-btn-primary"
              href={screen.url}
              onClick={() => {
                clearDraft(key);
                emit('ticket:sent', { id: screen.id });
              }}
            >
              {t('ticket.mailto.open')}
            </a>
          </div>
        </div>
      )}
    </div>
  );
}
