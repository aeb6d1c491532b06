/**
 * The Level 1 ticket form. Controlled by TicketView; renders labels, fieldsets, hints and errors
 * wired with aria-describedby/aria-invalid, and the off-screen honeypot.
 */
import type { ComponentChildren } from 'preact';
import type { CustomField } from '../../core/options.ts';
import type { ContextItem } from '../../core/ticket/context-items.ts';
import type { Translate } from '../../core/ticket/format.ts';
import { LEVELS, priorityOf } from '../../core/ticket/priority.ts';
import { detectSecret } from '../../core/ticket/secrets.ts';
import { HONEYPOT_FIELD, type LevelChoice, type TicketAttachment, type TicketForm } from '../../core/ticket/ticket-types.ts';
import type { FieldError } from '../../core/ticket/validate.ts';
import { AttachmentField } from './attachment-field.tsx';
import { errorText, fieldId } from './field-errors.ts';
import { TechnicalDetails } from './technical-details.tsx';

export interface TicketFormProps {
  form: TicketForm;
  errors: FieldError[];
  /** The user tried to send: the summary then also lists the attachment's problem. */
  attempted: boolean;
  /** Why the endpoint refused the last submission (4xx). */
  notice: string;
  /** Categories offered: the site's `categories` option, else the KB's. */
  categories: Array<{ id: string; title: string }>;
  customFields: readonly CustomField[];
  lockedName: boolean;
  lockedEmail: boolean;
  attachmentsEnabled: boolean;
  maxAttachmentBytes: number;
  attachment: TicketAttachment | null;
  attachmentError: string;
  contextItems: readonly ContextItem[];
  strings: Record<string, string>;
  t: Translate;
  onChange: (patch: Partial<TicketForm>) => void;
  onAttachment: (value: TicketAttachment | null, error: string) => void;
  onSubmit: () => void;
  onBack: () => void;
}

/** Field labels by form field name, for error sentences and the summary. */
export function fieldLabels(customFields: readonly CustomField[], t: Translate): Record<string, string> {
  const labels: Record<string, string> = {
    name: t('ticket.name'),
    email: t('ticket.email'),
    subject: t('ticket.subject'),
    description: t('ticket.description'),
    category: t('ticket.category'),
    impact: t('ticket.impact'),
    urgency: t('ticket.urgency'),
    attachment: t('ticket.attachment'),
  };
  for (const f of customFields) labels[`custom.${f.name}`] = f.label;
  return labels;
}

interface FieldProps {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  t: Translate;
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: 'true'; 'aria-required'?: 'true' }) => ComponentChildren;
}

function Field({ name, label, required, hint, error, t, children }: FieldProps) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : '';
  const errorId = error ? `${id}-error` : '';
  const describedBy = [errorId, hintId].filter(Boolean).join(' ');
  return (
    <div class="t0-field">
      <label for={id}>
        {label} <span class="t0-req">{required ? t('ticket.required') : t('ticket.optional')}</span>
      </label>
      {hint && <span id={hintId} class="t0-field-hint">{hint}</span>}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
        ...(required ? { 'aria-required': 'true' as const } : {}),
      })}
      {error && <span id={errorId} class="t0-field-error">{error}</span>}
    </div>
  );
}

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** The form itself. */
export function TicketFormView(props: TicketFormProps) {
  const { form, errors, strings, t, onChange } = props;
  const labels = fieldLabels(props.customFields, t);
  const errorOf = (field: string) => {
    const error = errors.find((e) => e.field === field);
    return error ? errorText(error, labels[field] ?? field, strings, t) : undefined;
  };
  const summaryItems = errors.map((e) => ({ field: e.field, text: errorText(e, labels[e.field] ?? e.field, strings, t) }));
  if (props.attempted && props.attachmentError) summaryItems.push({ field: 'attachment', text: props.attachmentError });
  const secret = detectSecret(form.description) ?? detectSecret(form.subject);
  // Shown only once both are chosen; unset, the help desk applies its own default.
  const priority = form.impact && form.urgency ? priorityOf(form.impact, form.urgency) : null;
  const categories =
    form.category && !props.categories.some((c) => c.id === form.category)
      ? [{ id: form.category, title: form.category }, ...props.categories]
      : props.categories;
  const focusField = (field: string) => (event: Event) => {
    event.preventDefault();
    const root = (event.currentTarget as HTMLElement).getRootNode() as Document | ShadowRoot;
    root.getElementById(fieldId(field))?.focus();
  };

  return (
    <form
      class="t0-ticket"
      noValidate
      aria-labelledby="t0-tk-title"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h3 id="t0-tk-title">{t('ticket.title')}</h3>
      <p>{t('ticket.intro')}</p>

      {props.notice && (
        <div class="t0-errors" role="alert" id="t0-tk-notice" tabIndex={-1}>
          <p>{props.notice}</p>
        </div>
      )}
      {summaryItems.length > 0 && (
        <div class="t0-errors" role="alert" id="t0-tk-errors">
          <p>{summaryItems.length === 1 ? t('ticket.errorSummaryOne') : t('ticket.errorSummary', { count: summaryItems.length })}</p>
          <ul>
            {summaryItems.map((item) => (
              <li key={item.field}>
                <a href={`#${fieldId(item.field)}`} onClick={focusField(item.field)}>{item.text}</a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <fieldset>
        <legend>{t('ticket.legend.you')}</legend>
        <Field name="name" label={labels.name!} hint={props.lockedName ? t('ticket.lockedIdentity') : undefined} error={errorOf('name')} t={t}>
          {(aria) => (
            <input {...aria} type="text" name="name" autoComplete="name" value={form.name} readOnly={props.lockedName} onInput={(e) => onChange({ name: value(e) })} />
          )}
        </Field>
        <Field name="email" label={labels.email!} required hint={props.lockedEmail ? t('ticket.lockedIdentity') : undefined} error={errorOf('email')} t={t}>
          {(aria) => (
            <input {...aria} type="email" name="email" autoComplete="email" spellcheck={false} value={form.email} readOnly={props.lockedEmail} onInput={(e) => onChange({ email: value(e) })} />
          )}
        </Field>
        {!props.lockedEmail && (
          <span class="t0-check">
            <input id="t0-tk-remember" type="checkbox" checked={form.rememberEmail} onChange={(e) => onChange({ rememberEmail: (e.currentTarget as HTMLInputElement).checked })} />
            <label for="t0-tk-remember">{t('ticket.rememberEmail')}</label>
          </span>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('ticket.legend.problem')}</legend>
        <Field name="subject" label={labels.subject!} required error={errorOf('subject')} t={t}>
          {(aria) => <input {...aria} type="text" name="subject" autoComplete="off" value={form.subject} onInput={(e) => onChange({ subject: value(e) })} />}
        </Field>
        <Field name="description" label={labels.description!} required hint={t('ticket.descriptionHint')} error={errorOf('description')} t={t}>
          {(aria) => (
            <textarea {...aria} name="description" autoComplete="off" rows={8} value={form.description} onInput={(e) => onChange({ description: value(e) })} />
          )}
        </Field>
        <div aria-live="polite">{secret && <p class="t0-warn">{t('ticket.secretWarning')}</p>}</div>
        <Field name="category" label={labels.category!} error={errorOf('category')} t={t}>
          {(aria) => (
            <select {...aria} name="category" value={form.category} onChange={(e) => onChange({ category: value(e) })}>
              <option value="">{t('ticket.categoryNone')}</option>
              {categories.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
            </select>
          )}
        </Field>
        <Field name="impact" label={labels.impact!} hint={t('ticket.impactHint')} error={errorOf('impact')} t={t}>
          {(aria) => (
            <select {...aria} name="impact" value={form.impact} onChange={(e) => onChange({ impact: value(e) as LevelChoice })}>
              <option value="">{t('ticket.levelNone')}</option>
              {LEVELS.map((l) => <option key={l} value={l}>{t(`ticket.impact.${l}`)}</option>)}
            </select>
          )}
        </Field>
        <Field name="urgency" label={labels.urgency!} hint={t('ticket.urgencyHint')} error={errorOf('urgency')} t={t}>
          {(aria) => (
            <select {...aria} name="urgency" value={form.urgency} onChange={(e) => onChange({ urgency: value(e) as LevelChoice })}>
              <option value="">{t('ticket.levelNone')}</option>
              {LEVELS.map((l) => <option key={l} value={l}>{t(`ticket.urgency.${l}`)}</option>)}
            </select>
          )}
        </Field>
        <output class="t0-priority" for={`${fieldId('impact')} ${fieldId('urgency')}`} aria-live="polite">
          {priority && t('ticket.priority', { priority: t(`ticket.priority.${priority}`) })}
        </output>
        {props.attachmentsEnabled && (
          <AttachmentField value={props.attachment} error={props.attachmentError} maxBytes={props.maxAttachmentBytes} t={t} onChange={props.onAttachment} />
        )}
      </fieldset>

      {props.customFields.length > 0 && (
        <fieldset>
          <legend>{t('ticket.legend.more')}</legend>
          {props.customFields.map((f) => {
            const name = `custom.${f.name}`;
            const current = form.custom[f.name];
            const set = (v: string | boolean) => onChange({ custom: { [f.name]: v } });
            if (f.type === 'checkbox') {
              const id = fieldId(name);
              const error = errorOf(name);
              return (
                <div class="t0-field" key={name}>
                  <span class="t0-check">
                    <input
                      id={id}
                      type="checkbox"
                      checked={current === true}
                      aria-invalid={error ? 'true' : undefined}
                      aria-required={f.required ? 'true' : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      onChange={(e) => set((e.currentTarget as HTMLInputElement).checked)}
                    />
                    <label for={id}>
                      {f.label} {f.required && <span class="t0-req">{t('ticket.required')}</span>}
                    </label>
                  </span>
                  {error && <span id={`${id}-error`} class="t0-field-error">{error}</span>}
                </div>
              );
            }
            return (
              <Field key={name} name={name} label={f.label} required={f.required === true} error={errorOf(name)} t={t}>
                {(aria) =>
                  f.type === 'textarea' ? (
                    <textarea {...aria} rows={3} value={String(current ?? '')} onInput={(e) => set(value(e))} />
                  ) : f.type === 'select' ? (
                    <select {...aria} value={String(current ?? '')} onChange={(e) => set(value(e))}>
                      <option value="">{t('ticket.choose')}</option>
                      {(f.choices ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
                    </select>
                  ) : (
                    <input {...aria} type="text" value={String(current ?? '')} onInput={(e) => set(value(e))} />
                  )
                }
              </Field>
            );
          })}
        </fieldset>
      )}

      <TechnicalDetails
        items={props.contextItems}
        removed={form.removedContext}
        strings={strings}
        t={t}
        onChange={(removedContext) => onChange({ removedContext })}
      />

      {/* Off-screen rather than display:none (bots skip hidden fields); not focusable, not announced. */}
      <div class="t0-hp" aria-hidden="true">
        <label for="t0-tk-hp">{t('ticket.honeypot')}</label>
        <input
          id="t0-tk-hp"
          type="text"
          name={HONEYPOT_FIELD}
          tabIndex={-1}
          autoComplete="off"
          value={form.honeypot}
          onInput={(e) => onChange({ honeypot: value(e) })}
        />
      </div>

      <div class="t0-actions">
        <button type="button" class="t0-btn" onClick={props.onBack}>{t('ticket.back')}</button>
        <button type="submit" class="t0-btn t0-btn-primary">{t('ticket.submit')}</button>
      </div>
    </form>
  );
}
