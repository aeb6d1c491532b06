import { expect, test } from 'vitest';
import { isEmail, validateTicketForm } from '../../../widget/core/ticket/validate.ts';
import { makeForm } from './factories.ts';

test('accepts a complete form', () => {
  expect(validateTicketForm(makeForm())).toEqual([]);
});

test('reports every missing required field in form order', () => {
  const errors = validateTicketForm(makeForm({ email: ' ', subject: '', description: '' }));
  expect(errors).toEqual([
    { field: 'email', code: 'required' },
    { field: 'subject', code: 'required' },
    { field: 'description', code: 'required' },
  ]);
});

test('reports a mistyped e-mail address', () => {
  expect(validateTicketForm(makeForm({ email: 'ada@example' }))).toEqual([{ field: 'email', code: 'email' }]);
  expect(isEmail('ada@example.co.uk')).toBe(true);
  expect(isEmail('ada example.com')).toBe(false);
});

test('reports text that is too long with its limit', () => {
  expect(validateTicketForm(makeForm({ subject: 'x'.repeat(201) }))).toEqual([{ field: 'subject', code: 'tooLong', max: 200 }]);
});

test('checks site-defined fields: required, choices, checkboxes', () => {
  const fields = [
    { name: 'asset', type: 'text', label: 'Asset tag', required: true },
    { name: 'office', type: 'select', label: 'Office', choices: ['Paris', 'Berlin'] },
    { name: 'agree', type: 'checkbox', label: 'I agree', required: true },
  ];
  expect(validateTicketForm(makeForm({ custom: { asset: '', office: 'Rome', agree: false } }), fields)).toEqual([
    { field: 'custom.asset', code: 'required' },
    { field: 'custom.office', code: 'choice' },
    { field: 'custom.agree', code: 'required' },
  ]);
  expect(validateTicketForm(makeForm({ custom: { asset: 'A-1', office: 'Paris', agree: true } }), fields)).toEqual([]);
});

test('rejects impact or urgency values outside the ITIL levels (tampered drafts)', () => {
  expect(validateTicketForm(makeForm({ impact: 'urgent' as never }))).toEqual([{ field: 'impact', code: 'choice' }]);
});
