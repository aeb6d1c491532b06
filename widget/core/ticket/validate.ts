/**
 * Form validation: a list of field errors in form order, each a code the UI turns into a
 * sentence naming the field ("Enter your e-mail address, like name@example.com").
 */
import type { CustomFieldSpec, TicketForm } from './ticket-types.ts';
import { isLevel } from './priority.ts';

export type FieldErrorCode = 'required' | 'email' | 'tooLong' | 'choice' | 'number';

export interface FieldError {
  /** Form field name: "email", "subject", … or "custom.<name>" for site-defined fields. */
  field: string;
  code: FieldErrorCode;
  /** For tooLong: the limit. */
  max?: number;
}

export const LIMITS = Object.freeze({ name: 200, email: 254, subject: 200, description: 20_000, custom: 2_000 });

// Deliberately loose: the server is the judge; this only catches the typos users make.
const EMAIL_RE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** True when the text looks like an e-mail address. */
export function isEmail(text: string): boolean {
  return EMAIL_RE.test(text.trim());
}

function text(field: string, value: string, required: boolean, max: number, errors: FieldError[]): void {
  const v = value.trim();
  if (v === '') {
    if (required) errors.push({ field, code: 'required' });
    return;
  }
  if (v.length > max) errors.push({ field, code: 'tooLong', max });
}

/** Every problem with the form, in the order the fields appear. Empty when it can be sent. */
export function validateTicketForm(form: TicketForm, customFields: readonly CustomFieldSpec[] = []): FieldError[] {
  const errors: FieldError[] = [];
  text('name', form.name, false, LIMITS.name, errors);
  text('email', form.email, true, LIMITS.email, errors);
  if (form.email.trim() !== '' && !errors.some((e) => e.field === 'email') && !isEmail(form.email)) {
    errors.push({ field: 'email', code: 'email' });
  }
  text('subject', form.subject, true, LIMITS.subject, errors);
  text('description', form.description, true, LIMITS.description, errors);
  // Unset ('') is allowed: the help desk applies its default.
  if (form.impact !== '' && !isLevel(form.impact)) errors.push({ field: 'impact', code: 'choice' });
  if (form.urgency !== '' && !isLevel(form.urgency)) errors.push({ field: 'urgency', code: 'choice' });
  for (const spec of customFields) {
    const field = `custom.${spec.name}`;
    const value = form.custom[spec.name];
    if (spec.type === 'checkbox') {
      if (spec.required && value !== true) errors.push({ field, code: 'required' });
      continue;
    }
    const v = typeof value === 'string' ? value : '';
    text(field, v, spec.required === true, LIMITS.custom, errors);
    if (v.trim() === '') continue;
    if (spec.type === 'select' && spec.choices && !spec.choices.includes(v)) errors.push({ field, code: 'choice' });
    if (spec.type === 'number' && !Number.isFinite(Number(v))) errors.push({ field, code: 'number' });
    if (spec.type === 'email' && !isEmail(v)) errors.push({ field, code: 'email' });
  }
  return errors;
}
