/**
 * What the Level 1 agent reads first: a first-diagnosis summary they can act on in ten seconds
 * (the problem in the user's words, what was searched and read and whether it helped, the guided
 * answers, the browser-check findings, the environment), then the user's own description. The
 * full conversation goes separately (an attachment or a private comment). Pure, plain text:
 * every help desk shows plain text, and nothing here can be read as markup. Everything the user
 * typed is masked again here, so a relay fed by an older widget leaks no code or password.
 */
import { maskSecrets } from '../../widget/core/ticket/secrets.ts';
import type { HelpdeskTicket, RelayTicket, Route, TicketRecord } from './relay-types.ts';

const LEVEL_WORD = { high: 'high', medium: 'medium', low: 'low' } as const;
// Enough to see the pattern at a glance; the rest is counted, never silently dropped.
const MAX_LIST = 5;

const oneLine = (text: string): string => maskSecrets(text.replace(/\s+/g, ' ').trim());

function listWithMore(items: string[], max = MAX_LIST): string {
  const shown = items.slice(0, max).join('; ');
  return items.length > max ? `${shown}; and ${items.length - max} more` : shown;
}

function unique(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (item === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

/** "2026-12-04 10:00 UTC (11:00 for the user)": agents read UTC; the user's clock helps the call. */
function when(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const utc = `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 16)} UTC`;
  try {
    if (!timeZone) return utc;
    const local = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    return local === at.toISOString().slice(11, 16) ? utc : `${utc} (${local} for the user)`;
  } catch {
    return utc; // a time zone name the runtime does not know
  }
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

interface Finding {
  id: string;
  status: string;
  detail: string;
}

function findings(context: Record<string, unknown>): Finding[] {
  const list = context.diagnostics;
  if (!Array.isArray(list)) return [];
  return list.filter((f): f is Finding => typeof f === 'object' && f !== null && typeof (f as Finding).id === 'string');
}

/** The summary lines, without the user's description. `fastSubmitMs` flags a possibly automated ticket. */
export function summaryLines(ticket: RelayTicket, route: Route, ticketId: string, fastSubmitMs: number): string[] {
  const lines: string[] = [];
  const rating = route.rated
    ? `impact ${LEVEL_WORD[route.impact]}, urgency ${LEVEL_WORD[route.urgency]}`
    : `not rated by the user: default impact ${LEVEL_WORD[route.impact]}, urgency ${LEVEL_WORD[route.urgency]}`;
  lines.push(`Tier0 hand-off ${ticketId} · P${route.priority} (${rating}) · category ${ticket.category?.trim() || 'none'} → ${route.queue}`);

  const problem = oneLine(ticket.subject);
  const firstQuestion = ticket.transcript.find((e) => e.role === 'user')?.text;
  lines.push(`Problem, in the user's words: "${problem}"`);
  if (firstQuestion && oneLine(firstQuestion).toLowerCase() !== problem.toLowerCase()) lines.push(`First question: "${oneLine(firstQuestion)}"`);

  const searches = unique(ticket.searches.map(oneLine));
  lines.push(`Searched: ${searches.length > 0 ? listWithMore(searches.map((s) => `"${s}"`)) : 'nothing'}`);

  const read = new Map<string, { title: string; helpful: boolean | null }>();
  for (const a of ticket.articlesViewed) {
    const prior = read.get(a.id);
    // The last verdict counts: a user may first say "no" and later "yes".
    read.set(a.id, { title: a.title?.trim() || prior?.title || a.id, helpful: a.helpful ?? prior?.helpful ?? null });
  }
  const verdict = (h: boolean | null) => (h === true ? 'helped' : h === false ? 'did not help' : 'no answer');
  const articles = [...read.values()].map((a) => `"${a.title}" (${verdict(a.helpful)})`);
  lines.push(`Articles read: ${articles.length > 0 ? listWithMore(articles) : 'none'}`);

  const answers = (ticket.flowAnswers ?? []).map((a) => `${oneLine(a.step)} → ${oneLine(a.answer)}`);
  if (answers.length > 0) lines.push(`Guided steps: ${listWithMore(answers, 8)}`);

  const checks = findings(ticket.context);
  const problems = checks.filter((f) => f.status === 'problem').map((f) => `${f.id}: ${oneLine(f.detail)}`);
  if (checks.length > 0) {
    const ok = checks.filter((f) => f.status === 'ok').map((f) => f.id);
    lines.push(`Browser checks: ${problems.length > 0 ? `PROBLEM ${listWithMore(problems)}` : 'no problem found'}${ok.length > 0 ? ` · ok: ${ok.join(', ')}` : ''}`);
  }

  const c = ticket.context;
  const env = [
    [text(c.browser), text(c.os)].filter(Boolean).join(' on '),
    text(c.url) && `page ${text(c.url)}`,
    text(c.timezone) && `time zone ${text(c.timezone)}`,
    text(c.language) && `language ${text(c.language)}`,
    c.online === false ? 'OFFLINE when sent' : '',
  ].filter(Boolean);
  if (env.length > 0) lines.push(`Environment: ${env.join(' · ')}`);

  const formMs = ticket.signals?.formMs;
  const sent = `Sent ${when(ticket.createdAt, text(c.timezone))}${typeof formMs === 'number' ? `, ${seconds(formMs)} after the form opened` : ''}`;
  lines.push(typeof formMs === 'number' && formMs < fastSubmitMs ? `${sent} (very fast: a pre-filled form, or automated)` : sent);
  if (ticket.attachments && ticket.attachments.length > 0) lines.push(`Attachments: ${ticket.attachments.map((a) => a.name).join(', ')}`);
  return lines;
}

/** The conversation as plain text, one exchange a line, masked. */
export function transcriptText(ticket: RelayTicket): string {
  const who = { user: 'User', assistant: 'Tier0' } as const;
  const lines = ticket.transcript.map((e) => `[${e.at}] ${who[e.role] ?? e.role}: ${maskSecrets(e.text)}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '(no conversation: the form was opened directly)\n';
}

/** The ticket a connector sends: routed, summarised, the description after the summary. */
export function toHelpdeskTicket(record: TicketRecord, fastSubmitMs: number): HelpdeskTicket {
  const ticket = record.ticket;
  if (!ticket) throw new Error(`ticket ${record.ticketId} has no body to deliver`);
  const summary = summaryLines(ticket, record.route, record.ticketId, fastSubmitMs);
  const description = maskSecrets(ticket.description.trim());
  const custom = Object.entries(ticket.fields ?? {})
    .filter(([k]) => !['impact', 'urgency', 'priority'].includes(k))
    .map(([k, v]) => `${k}: ${maskSecrets(String(v))}`);
  const body = [
    ...summary,
    // A list marker, not an indent: RT's history view collapses leading spaces.
    ...(custom.length > 0 ? ['', 'Fields:', ...custom.map((f) => `- ${f}`)] : []),
    '',
    'Description:',
    description || '(none)',
    '',
    'The whole conversation is attached as transcript.txt.',
  ].join('\n');
  return {
    ticketId: record.ticketId,
    handoffId: record.handoffId,
    queue: record.route.queue,
    priority: record.route.priority,
    impact: record.route.impact,
    urgency: record.route.urgency,
    subject: oneLine(ticket.subject).slice(0, 200),
    requester: { name: ticket.requester.name?.trim() ?? '', email: ticket.requester.email.trim() },
    body,
    transcript: transcriptText(ticket),
    attachments: (ticket.attachments ?? []).map((a) => ({ name: a.name, type: a.type || 'application/octet-stream', data: a.data })),
    ticket,
  };
}
