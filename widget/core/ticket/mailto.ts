/**
 * A `mailto:` endpoint gets the same ticket as an e-mail. Mail clients truncate long mailto
 * URLs (around 2 000 characters in some), so the body keeps the essentials first and cuts the
 * transcript, never the user's description.
 */
import type { Translate } from './format.ts';
import type { Ticket } from './ticket-types.ts';

const MAX_URL = 1900;

function section(title: string, lines: string[]): string {
  return lines.length === 0 ? '' : `\n${title}\n${lines.join('\n')}\n`;
}

/** A readable plain-text e-mail body for the ticket. */
export function ticketEmailBody(ticket: Ticket, t: Translate, withTranscript = true): string {
  const head = [
    ticket.description,
    '',
    `${t('ticket.mail.from')}: ${ticket.requester.name} <${ticket.requester.email}>`,
    ticket.category ? `${t('ticket.mail.category')}: ${ticket.category}` : '',
    ...Object.entries(ticket.fields).map(([k, v]) => `${k}: ${String(v)}`),
    `${t('ticket.mail.reference')}: ${ticket.id}`,
  ].filter((line, i) => i < 2 || line !== '');
  const searches = section(t('ticket.mail.searches'), ticket.searches.map((s) => `- ${s}`));
  const articles = section(
    t('ticket.mail.articles'),
    ticket.articlesViewed.map((a) => `- ${a.title ?? a.id}${a.helpful === true ? ' (+)' : a.helpful === false ? ' (-)' : ''}`),
  );
  const context = section(
    t('ticket.mail.context'),
    Object.entries(ticket.context).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`),
  );
  const transcript = withTranscript
    ? section(t('ticket.mail.transcript'), ticket.transcript.map((e) => `[${e.role}] ${e.text}`))
    : '';
  return `${head.join('\n')}\n${searches}${articles}${context}${transcript}`;
}

/** The mailto: URL for the ticket (address from the endpoint option). */
export function composeMailto(endpoint: string, ticket: Ticket, t: Translate): string {
  const address = endpoint.replace(/^mailto:/i, '').split('?')[0] ?? '';
  const build = (body: string) =>
    `mailto:${address}?subject=${encodeURIComponent(ticket.subject)}&body=${encodeURIComponent(body)}`;
  let url = build(ticketEmailBody(ticket, t));
  if (url.length > MAX_URL) url = build(ticketEmailBody(ticket, t, false));
  if (url.length > MAX_URL) {
    let body = ticketEmailBody(ticket, t, false);
    while (body.length > 200 && build(body).length > MAX_URL) body = body.slice(0, Math.floor(body.length * 0.9));
    url = build(`${body}…`);
  }
  return url;
}

/** True when the ticket endpoint is an e-mail address rather than a URL. */
export function isMailto(endpoint: string): boolean {
  return /^mailto:/i.test(endpoint);
}
