/**
 * A ticket as a current widget sends it to the relay after a real conversation: searches, an
 * article that did not help, a guided answer, browser-check findings and the time-to-submit
 * signal. Built on the widget tests' `makeTicket`; the relay's tests and its bench share it.
 */
import type { RelayTicket } from '../../scripts/relay/relay-types.ts';
import { makeTicket } from '../unit/ticket/factories.ts';

export function makeRelayTicket(overrides: Partial<RelayTicket> = {}): RelayTicket {
  return {
    ...makeTicket({
      id: '6f1c2d3e-0000-4000-8000-000000000001',
      createdAt: '2026-12-04T10:00:00.000Z',
      requester: { name: 'Ada Lovelace', email: 'ada@example.test' },
      subject: 'Printer on floor 3 shows offline',
      description: 'It worked yesterday.',
      fields: { impact: 'high', urgency: 'medium' },
      transcript: [
        { role: 'user', text: 'printer offline', at: '2026-12-04T09:58:00.000Z' },
        { role: 'assistant', text: 'Try "Fix an offline printer".', at: '2026-12-04T09:58:01.000Z' },
      ],
      searches: ['printer offline', 'print queue stuck'],
      articlesViewed: [{ id: 'printing/printer-offline', title: 'Fix an offline printer', helpful: false }],
      context: {
        url: 'https://intranet.example.com/print',
        browser: 'Chrome 131',
        os: 'Windows 11',
        timezone: 'Europe/Berlin',
        language: 'de-DE',
        diagnostics: [
          { id: 'online', status: 'ok', detail: 'online' },
          { id: 'cookies', status: 'problem', detail: 'third-party cookies blocked' },
        ],
      },
    }),
    flowAnswers: [{ flow: 'Fix an offline printer', step: 'Is the printer switched on?', answer: 'Yes' }],
    signals: { formMs: 42_000 },
    ...overrides,
  };
}
