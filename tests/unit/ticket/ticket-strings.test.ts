import { expect, test } from 'vitest';
import { ticketStrings } from '../../../widget/core/i18n/ticket-strings.ts';

test('every locale has every ticket string, with the same placeholders as English', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const en = ticketStrings.en;
  for (const [locale, table] of Object.entries(ticketStrings)) {
    expect(Object.keys(table).sort(), locale).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(table)) expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(en[key]!));
  }
});

test('translates every non-empty string (no English left in other locales by mistake)', () => {
  // Proper nouns and codes that are legitimately the same in several languages.
  const same = new Set(['ticket.ctx.url', 'ticket.ctx.browser', 'ticket.ctx.online', 'ticket.ctx.userAgent', 'ticket.email', 'ticket.name', 'ticket.description', 'ticket.impact', 'ticket.mail.transcript', 'ticket.optional', 'ticket.no', 'ticket.priority.1']);
  for (const locale of ['fr', 'es', 'de', 'ar'] as const) {
    for (const [key, text] of Object.entries(ticketStrings[locale])) {
      if (text === '' || same.has(key)) continue;
      expect(text, `${locale} ${key}`).not.toBe(ticketStrings.en[key]);
    }
  }
});
