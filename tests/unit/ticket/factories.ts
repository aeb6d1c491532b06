import type { ConversationFacts } from '../../../widget/core/ticket/conversation-facts.ts';
import { makeTranslate } from '../../../widget/core/ticket/format.ts';
import type { Ticket, TicketForm } from '../../../widget/core/ticket/ticket-types.ts';
import { ticketStrings } from '../../../widget/core/i18n/ticket-strings.ts';

export const t = makeTranslate(ticketStrings.en);

export function makeForm(overrides: Partial<TicketForm> = {}): TicketForm {
  return {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    subject: 'Printer offline',
    description: 'It says offline since Monday.',
    category: 'printing',
    impact: 'medium',
    urgency: 'medium',
    custom: {},
    removedContext: [],
    honeypot: '',
    rememberEmail: false,
    ...overrides,
  };
}

export function makeFacts(overrides: Partial<ConversationFacts> = {}): ConversationFacts {
  return {
    transcript: [
      { role: 'user', text: 'printer offline', at: '2026-11-23T08:00:00.000Z' },
      { role: 'assistant', text: 'Suggested: Printer shows "Offline" (printing/printer-offline)', at: '2026-11-23T08:00:00.000Z' },
    ],
    searches: ['printer offline'],
    articlesViewed: [{ id: 'printing/printer-offline', title: 'Printer shows "Offline"', category: 'printing', helpful: false }],
    flowAnswers: [],
    firstQuestion: 'printer offline',
    ...overrides,
  };
}

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: '7d3c0a57-3f2e-4a8e-9f61-3c7b2b1f0d11',
    createdAt: '2026-11-23T08:01:00.000Z',
    requester: { name: 'Ada Lovelace', email: 'ada@example.com' },
    subject: 'Printer offline',
    description: 'It says offline.',
    category: 'printing',
    fields: { impact: 'medium', urgency: 'medium', priority: 'P3' },
    transcript: [{ role: 'user', text: 'printer offline', at: '2026-11-23T08:00:00.000Z' }],
    searches: ['printer offline'],
    articlesViewed: [{ id: 'printing/printer-offline', helpful: false }],
    context: { url: 'https://example.com/', userAgent: 'UA', language: 'en', timezone: 'UTC' },
    ...overrides,
  };
}
