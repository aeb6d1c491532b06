/**
 * The Level 1 hand-off screen (lazy chunk): renders the store's `handoff` slice (the form, then
 * the delivery status) and calls the ticket service (services/ticket) for every change. Focus
 * follows what the user needs next: the first field to fix, the refusal, or the status.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { TicketViewProps } from '../ticket-slot.tsx';
import { diagnosticsItems } from '../../core/ticket/context-items.ts';
import { makeTranslate } from '../../core/ticket/format.ts';
import { handoffForm } from '../../core/ticket/prepare-ticket.ts';
import { fieldId } from './field-errors.ts';
import { ticketCss } from './ticket-css.ts';
import { TicketFormView } from './ticket-form.tsx';

// With the view, in its chunk: the panel asks for the texts once this chunk is in.
export { resolveTicketStrings } from '../../core/i18n/ticket-strings-load.ts';

/** Adopts the ticket stylesheet on the widget's shadow root (once per root). */
function adoptStyles(node: Node | null): void {
  const root = node?.getRootNode();
  if (!(root instanceof ShadowRoot) || typeof CSSStyleSheet === 'undefined') return;
  if (root.adoptedStyleSheets.some((s) => (s as CSSStyleSheet & { t0Ticket?: true }).t0Ticket)) return;
  const sheet = Object.assign(new CSSStyleSheet(), { t0Ticket: true as const });
  sheet.replaceSync(ticketCss);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** The ticket form and its delivery status. */
export function TicketView({ state, options, strings, service }: TicketViewProps) {
  const t = useMemo(() => makeTranslate(strings), [strings]);
  const rootRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLHeadingElement>(null);
  const h = state.handoff;
  const d = h.delivery;
  const errors = h.errors ?? [];
  const form = handoffForm(state, t, { customFields: options.ticketFields, lockIdentity: options.lockIdentity });

  useEffect(() => {
    adoptStyles(rootRef.current);
    service.shown();
  }, []);

  const focus = (id: string): void => {
    const root = rootRef.current?.getRootNode() as ShadowRoot | Document | undefined;
    root?.getElementById(id)?.focus();
  };

  // After a submit: the first field to fix (the attachment when only it is wrong).
  useEffect(() => {
    if (!h.attempted) return;
    const first = errors[0]?.field ?? (h.attachmentError ? 'attachment' : '');
    if (first) focus(fieldId(first));
  }, [h.errors]);

  // The status when it changes screen; the refusal when the endpoint said no.
  const refused = d?.status === 'form' ? d.error : undefined;
  useEffect(() => {
    if (refused) focus('t0-tk-notice');
    else if (d && d.status !== 'form') statusRef.current?.focus();
  }, [d?.status, refused]);

  const showForm = d?.status === 'form';
  const lockedName = options.lockIdentity && !!state.identity.name;
  const lockedEmail = options.lockIdentity && !!state.identity.email;
  // Browser check findings come from the state, so a check finishing while the form is open shows up.
  const contextItems = [...(h.context ?? []), ...diagnosticsItems(state.diagnostics.findings)];
  const back = () => service.leave();

  return (
    <div ref={rootRef} class="t0-ticket-root">
      {!d && <p class="t0-loading t0-muted"><span class="t0-spinner" aria-hidden="true" />{strings.loading}</p>}
      {showForm && h.memoryOnly && <p class="t0-warn">{t('ticket.memoryNotice')}</p>}
      {showForm && (
        <TicketFormView
          form={form}
          errors={errors}
          attempted={!!h.attempted}
          notice={refused ? `${t('ticket.status.failed', { error: refused })} ${t('ticket.status.failedHint')}` : ''}
          categories={options.categories?.map((c) => ({ id: c, title: c })) ?? h.categories ?? []}
          customFields={options.ticketFields}
          lockedName={lockedName}
          lockedEmail={lockedEmail}
          attachmentsEnabled={options.attachments}
          maxAttachmentBytes={options.maxAttachmentBytes}
          attachment={h.attachment ?? null}
          attachmentError={h.attachmentError ?? ''}
          contextItems={contextItems}
          strings={strings}
          t={t}
          onChange={(patch) => service.edit(patch)}
          onAttachment={(value, error) => service.attach(value, error)}
          onSubmit={() => void service.submit(t)}
          onBack={back}
        />
      )}
      {d && (d.status === 'sending' || d.status === 'retrying' || d.status === 'offline' || d.status === 'sent') && (
        <div class="t0-status" data-kind={d.status}>
          <h3 ref={statusRef} tabIndex={-1}>{t('ticket.title')}</h3>
          <p role="status">
            {d.status === 'sent'
              ? d.ticketId
                ? t('ticket.status.sent', { ticketId: d.ticketId })
                : t('ticket.status.sentNoId')
              : t(`ticket.status.${d.status}`)}
          </p>
          {d.status === 'sent' && (
            <>
              <p>{t('ticket.sent.next', { email: form.email })}</p>
              <p>{d.ticketId ? t('ticket.sent.add', { ticketId: d.ticketId }) : t('ticket.sent.addNoId')}</p>
            </>
          )}
          {h.memoryOnly && d.status !== 'sent' && <p class="t0-warn" role="alert">{t('ticket.memoryNotice')}</p>}
          <div class="t0-actions">
            <button type="button" class="t0-btn" onClick={back}>{t('ticket.back')}</button>
          </div>
        </div>
      )}
      {d?.status === 'mailto' && (
        <div class="t0-status" data-kind="mailto">
          <h3 ref={statusRef} tabIndex={-1}>{t('ticket.title')}</h3>
          <p>{t('ticket.mailto.intro')}</p>
          {d.withAttachment && <p class="t0-warn">{t('ticket.mailto.attachmentNote')}</p>}
          <div class="t0-actions">
            <button type="button" class="t0-btn" onClick={() => service.editAgain()}>{t('ticket.back')}</button>
            <a class="t0-btn t0-btn-primary" href={d.url} onClick={() => service.mailtoOpened()}>
              {t('ticket.mailto.open')}
            </a>
          </div>
        </div>
      )}
    </div>
  );
}
