import { describe, expect, test } from 'vitest';
import { summaryLines, toHelpdeskTicket, transcriptText } from '../../../scripts/relay/agent-summary.ts';
import type { Route, TicketRecord } from '../../../scripts/relay/relay-types.ts';
import { makeRelayTicket } from '../../relay-helpers/relay-ticket.ts';

const route: Route = { queue: 'Printing', priority: 2, impact: 'high', urgency: 'medium', rated: true };

function makeRecord(ticket = makeRelayTicket()): TicketRecord {
  return {
    ticketId: 'T0-1042',
    idempotencyKey: ticket.id,
    handoffId: ticket.id,
    status: 'queued',
    ticket,
    route,
    receivedAt: '2026-12-04T10:00:01.000Z',
    attempts: 1,
    nextAttemptAt: null,
    createStartedAt: null,
    helpdeskId: null,
    deliveredAt: null,
    lastError: null,
  };
}

describe('the L1 summary', () => {
  test('puts everything an agent acts on first, in order', () => {
    expect(summaryLines(makeRelayTicket(), route, 'T0-1042', 1500)).toEqual([
      'Tier0 hand-off T0-1042 · P2 (impact high, urgency medium) · category printing → Printing',
      `Problem, in the user's words: "Printer on floor 3 shows offline"`,
      'First question: "printer offline"',
      'Searched: "printer offline"; "print queue stuck"',
      'Articles read: "Fix an offline printer" (did not help)',
      'Guided steps: Is the printer switched on? → Yes',
      'Browser checks: PROBLEM cookies: third-party cookies blocked · ok: online',
      'Environment: Chrome 131 on Windows 11 · page https://intranet.example.com/print · time zone Europe/Berlin · language de-DE',
      'Sent 2026-12-04 10:00 UTC (11:00 for the user), 42 s after the form opened',
    ]);
  });

  test('says when the priority is a default, not the user’s rating', () => {
    const [first] = summaryLines(makeRelayTicket({ fields: {} }), { ...route, priority: 3, impact: 'medium', urgency: 'medium', rated: false }, 'T0-1', 1500);
    expect(first).toContain('P3 (not rated by the user: default impact medium, urgency medium)');
  });

  test('counts what it leaves out instead of dropping it silently', () => {
    const searches = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'];
    const line = summaryLines(makeRelayTicket({ searches }), route, 'T0-1', 1500).find((l) => l.startsWith('Searched'));
    expect(line).toBe('Searched: "a1"; "a2"; "a3"; "a4"; "a5"; and 2 more');
  });

  test('names articles by title, with the last verdict, once each', () => {
    const ticket = makeRelayTicket({
      articlesViewed: [
        { id: 'printing/printer-offline', title: 'Fix an offline printer', helpful: false },
        { id: 'printing/printer-offline', helpful: true },
        { id: 'network/vpn', helpful: null },
      ],
    });
    const line = summaryLines(ticket, route, 'T0-1', 1500).find((l) => l.startsWith('Articles'));
    expect(line).toBe('Articles read: "Fix an offline printer" (helped); "network/vpn" (no answer)');
  });

  test('flags a very fast submit for the agent (a pre-filled form, or a bot) without refusing it', () => {
    const lines = summaryLines(makeRelayTicket({ signals: { formMs: 300 } }), route, 'T0-1', 1500);
    expect(lines.at(-1)).toBe('Sent 2026-12-04 10:00 UTC (11:00 for the user), 0.3 s after the form opened (very fast: a pre-filled form, or automated)');
  });

  test('masks one-time codes and passwords an older widget let through', () => {
    const ticket = makeRelayTicket({ subject: 'my password is Hunter2!x', searches: ['otp 482913 rejected'] });
    const text = summaryLines(ticket, route, 'T0-1', 1500).join('\n');
    expect(text).not.toContain('Hunter2!x');
    expect(text).not.toContain('482913');
  });
});

describe('the ticket a connector sends', () => {
  test('starts its body with the summary, then the description; the transcript goes apart', () => {
    const sent = toHelpdeskTicket(makeRecord(), 1500);
    expect(sent.body.split('\n')[0]).toBe('Tier0 hand-off T0-1042 · P2 (impact high, urgency medium) · category printing → Printing');
    expect(sent.body).toContain('\nDescription:\nIt worked yesterday.\n');
    expect(sent).toMatchObject({ queue: 'Printing', priority: 2, subject: 'Printer on floor 3 shows offline', requester: { email: 'ada@example.test' } });
    expect(sent.transcript).toBe('[2026-12-04T09:58:00.000Z] User: printer offline\n[2026-12-04T09:58:01.000Z] Tier0: Try "Fix an offline printer".\n');
  });

  test('lists the site’s own fields but not impact and urgency twice', () => {
    const sent = toHelpdeskTicket(makeRecord(makeRelayTicket({ fields: { impact: 'high', urgency: 'medium', priority: 'P2', employeeId: 'E-1234' } })), 1500);
    expect(sent.body).toContain('Fields:\n- employeeId: E-1234');
    expect(sent.body).not.toContain('impact: high');
  });

  test('a form opened directly has no conversation, and says so', () => {
    expect(transcriptText(makeRelayTicket({ transcript: [] }))).toBe('(no conversation: the form was opened directly)\n');
  });
});
