import { expect, test } from 'vitest';
import { buildTicket, initialForm } from '../../../widget/core/ticket/build-ticket.ts';
import { SECRET_MASK } from '../../../widget/core/ticket/secrets.ts';
import { makeFacts, makeForm, t } from './factories.ts';

const base = { id: 'id-1', createdAt: '2026-11-23T08:01:00.000Z', context: [] };

test('shapes the contract §4 ticket from the form and the conversation', () => {
  const facts = makeFacts();
  const ticket = buildTicket({
    ...base,
    form: makeForm({ impact: 'high', urgency: 'medium' }),
    facts,
    context: [
      { key: 'url', value: 'https://example.com/app' },
      { key: 'language', value: 'en-GB' },
    ],
  });
  expect(ticket).toEqual({
    id: 'id-1',
    createdAt: '2026-11-23T08:01:00.000Z',
    requester: { name: 'Ada Lovelace', email: 'ada@example.com' },
    subject: 'Printer offline',
    description: 'It says offline since Monday.',
    category: 'printing',
    fields: { impact: 'high', urgency: 'medium', priority: 'P2' },
    transcript: facts.transcript,
    searches: ['printer offline'],
    articlesViewed: [{ id: 'printing/printer-offline', helpful: false, title: 'Printer shows "Offline"' }],
    context: { url: 'https://example.com/app', language: 'en-GB' },
    flowAnswers: [],
  });
});

test('leaves impact, urgency and priority out while unset, so the help desk applies its default', () => {
  const ticket = buildTicket({ ...base, form: makeForm({ impact: '', urgency: '' }), facts: makeFacts() });
  expect(ticket.fields).toEqual({});
  expect(buildTicket({ ...base, form: makeForm({ impact: 'low', urgency: '' }), facts: makeFacts() }).fields).toEqual({ impact: 'low' });
  expect(initialForm({ facts: makeFacts(), t })).toMatchObject({ impact: '', urgency: '' });
});

test('carries the time to submit and the standing flow answers for the endpoint', () => {
  const facts = makeFacts({ flowAnswers: [{ flow: 'Printer offline', step: 'Is it on?', answer: 'Yes' }, { step: 'Cable?', answer: 'No' }] });
  const ticket = buildTicket({ ...base, form: makeForm(), facts, formMs: 312.4 });
  expect(ticket.signals).toEqual({ formMs: 312 });
  expect(ticket.flowAnswers).toEqual([
    { flow: 'Printer offline', step: 'Is it on?', answer: 'Yes' },
    { flow: '', step: 'Cable?', answer: 'No' },
  ]);
  expect('signals' in buildTicket({ ...base, form: makeForm(), facts })).toBe(false);
});

test('masks secrets in subject, description, transcript and searches', () => {
  const ticket = buildTicket({
    ...base,
    form: makeForm({ subject: 'pw: hunter2 rejected', description: 'my password is hunter2' }),
    facts: makeFacts({
      transcript: [{ role: 'user', text: 'my password is hunter2', at: '2026-11-23T08:00:00.000Z' }],
      searches: ['passwd=hunter2'],
    }),
  });
  expect(JSON.stringify(ticket)).not.toContain('hunter2');
  expect(ticket.subject).toBe(`pw: ${SECRET_MASK} rejected`);
  expect(ticket.transcript[0]?.text).toBe(`my password is ${SECRET_MASK}`);
  expect(ticket.searches).toEqual([`passwd=${SECRET_MASK}`]);
});

test('masks one-time codes followed by punctuation or split in groups in every masked field', () => {
  const ticket = buildTicket({
    ...base,
    form: makeForm({ subject: 'MFA code 482913. rejected', description: 'code: 482 913, then رمز التحقق: ٤٨٢٩١٣،' }),
    facts: makeFacts({
      transcript: [{ role: 'user', text: 'OTP 482913, still nothing', at: '2026-11-23T08:00:00.000Z' }],
      searches: ['verification code 482-913?'],
    }),
  });
  expect(ticket.subject).toBe(`MFA code ${SECRET_MASK}. rejected`);
  expect(ticket.description).toBe(`code: ${SECRET_MASK}, then رمز التحقق: ${SECRET_MASK}،`);
  expect(ticket.transcript[0]?.text).toBe(`OTP ${SECRET_MASK}, still nothing`);
  expect(ticket.searches).toEqual([`verification code ${SECRET_MASK}?`]);
  expect(JSON.stringify(ticket)).not.toMatch(/482.?913|٤٨٢٩١٣/);
});

test('leaves out the technical details the user removed and nests site context under "site"', () => {
  const ticket = buildTicket({
    ...base,
    form: makeForm({ removedContext: ['url', 'site.plan'] }),
    facts: makeFacts(),
    context: [
      { key: 'url', value: 'https://example.com/secret-page' },
      { key: 'timezone', value: 'Europe/Paris' },
      { key: 'plan', value: 'gold', site: true },
      { key: 'account', value: 42, site: true },
    ],
  });
  expect(ticket.context).toEqual({ timezone: 'Europe/Paris', site: { account: 42 } });
});

test('sends custom fields typed as declared, plus the escalation reason', () => {
  const ticket = buildTicket({
    ...base,
    form: makeForm({ custom: { asset: ' A-17 ', seats: '3', vip: true } }),
    facts: makeFacts({ reason: 'not-helpful' }),
    customFields: [
      { name: 'asset', type: 'text', label: 'Asset' },
      { name: 'seats', type: 'number', label: 'Seats' },
      { name: 'vip', type: 'checkbox', label: 'VIP' },
    ],
  });
  expect(ticket.fields).toEqual({
    asset: 'A-17',
    seats: 3,
    vip: true,
    impact: 'medium',
    urgency: 'medium',
    priority: 'P3',
    escalationReason: 'not-helpful',
  });
});

test('adds attachments only when there are some', () => {
  const attachment = { name: 'shot.png', type: 'image/png', size: 3, data: 'AAEC' };
  expect(buildTicket({ ...base, form: makeForm(), facts: makeFacts(), attachments: [attachment] }).attachments).toEqual([attachment]);
  expect('attachments' in buildTicket({ ...base, form: makeForm(), facts: makeFacts(), attachments: [] })).toBe(false);
});

test('pre-fills the form from identify() and the conversation', () => {
  const form = initialForm({ facts: makeFacts(), t, identity: { name: 'Ada', email: 'ada@example.com' } });
  expect(form.name).toBe('Ada');
  expect(form.email).toBe('ada@example.com');
  expect(form.subject).toBe('printer offline');
  expect(form.category).toBe('printing');
  expect(form.description).toContain('Read “Printer shows "Offline"” — it didn’t help');
});

test('lets prefill() values win over identify() and the derived pre-fills', () => {
  const form = initialForm({
    facts: makeFacts(),
    t,
    identity: { name: 'Ada', email: 'ada@example.com' },
    prefill: { name: 'A. L.', email: 'al@example.com', subject: 'Badge broken', message: 'Card reader beeps', fields: { asset: 'A-9', category: 'hardware' } },
    customFields: [{ name: 'asset', type: 'text', label: 'Asset' }],
  });
  expect(form).toMatchObject({
    name: 'A. L.',
    email: 'al@example.com',
    subject: 'Badge broken',
    description: 'Card reader beeps',
    category: 'hardware',
    custom: { asset: 'A-9' },
  });
});

test('restores the saved draft over every pre-fill', () => {
  const draft = makeForm({ subject: 'typed by the user' });
  expect(initialForm({ facts: makeFacts(), t, prefill: { subject: 'from prefill' }, draft })).toEqual(draft);
});

test('composes the form with one precedence: typed > prefill() > identify() > remembered e-mail > conversation', () => {
  const facts = makeFacts();
  const layers = { facts, t, identity: { name: 'Ada', email: 'id@example.com' }, prefill: { subject: 'from prefill', email: 'pre@example.com' }, rememberedEmail: 'mem@example.com' };
  expect(initialForm(layers)).toMatchObject({ name: 'Ada', email: 'pre@example.com', subject: 'from prefill', rememberEmail: true });
  expect(initialForm({ ...layers, prefill: {} })).toMatchObject({ email: 'id@example.com', subject: 'printer offline' });
  expect(initialForm({ ...layers, prefill: {}, identity: {} })).toMatchObject({ email: 'mem@example.com' });
  expect(initialForm({ ...layers, draft: { subject: 'typed', email: '' } })).toMatchObject({ subject: 'typed', email: '', name: 'Ada' });
  // lockIdentity: what the organisation says the user is always wins (the fields are read-only).
  expect(initialForm({ ...layers, lockIdentity: true, draft: { email: 'typed@example.com' } }).email).toBe('id@example.com');
});

test('merges custom fields one by one, so editing one keeps the others’ pre-fills', () => {
  const customFields = [{ name: 'asset', type: 'text', label: 'Asset' }, { name: 'office', type: 'text', label: 'Office' }];
  const form = initialForm({ facts: makeFacts(), t, prefill: { fields: { asset: 'A-9', office: 'Rome' } }, customFields, draft: { custom: { office: 'Paris' } } });
  expect(form.custom).toEqual({ asset: 'A-9', office: 'Paris' });
});

test('carries a filled honeypot so the endpoint can reject the ticket, and nothing otherwise', () => {
  expect(buildTicket({ ...base, form: makeForm({ honeypot: 'http://spam' }), facts: makeFacts() }).tier0_hp_website).toBe('http://spam');
  expect('tier0_hp_website' in buildTicket({ ...base, form: makeForm(), facts: makeFacts() })).toBe(false);
});
