/**
 * The inbox page, rendered on the server. Every value is HTML-escaped, and there is no inline
 * script or style, so the page works under `default-src 'none'; style-src 'self'`.
 */
import type { StoredTicket } from './inbox.ts';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type Json = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));

function table(rows: Array<[string, unknown]>): string {
  if (rows.length === 0) return '<p class="muted">None</p>';
  return `<table>${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(text(v))}</td></tr>`).join('')}</table>`;
}

function flatten(obj: unknown, prefix = ''): Array<[string, unknown]> {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return [];
  const rows: Array<[string, unknown]> = [];
  for (const [k, v] of Object.entries(obj as Json)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) rows.push(...flatten(v, `${prefix}${k}.`));
    else rows.push([`${prefix}${k}`, v]);
  }
  return rows;
}

function list(items: string[]): string {
  return items.length === 0 ? '<p class="muted">None</p>' : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

const SAFE_IMAGE = /^image\/(png|jpeg|gif|webp)$/;

function renderTicket(stored: StoredTicket): string {
  const t = stored.ticket as Json;
  const requester = (t.requester ?? {}) as Json;
  const articles = Array.isArray(t.articlesViewed) ? (t.articlesViewed as Json[]) : [];
  const transcript = Array.isArray(t.transcript) ? (t.transcript as Json[]) : [];
  const searches = Array.isArray(t.searches) ? (t.searches as unknown[]) : [];
  const attachments = Array.isArray(t.attachments) ? (t.attachments as Json[]) : [];
  const verdict = (h: unknown) => (h === true ? 'helped' : h === false ? 'did not help' : 'no feedback');
  return `<article class="ticket" id="${escapeHtml(stored.ticketId)}">
<h2><span class="tid">${escapeHtml(stored.ticketId)}</span> ${escapeHtml(text(t.subject))}</h2>
<p class="meta">From ${escapeHtml(text(requester.name))} &lt;${escapeHtml(text(requester.email))}&gt; · received ${escapeHtml(stored.receivedAt)} · category ${escapeHtml(text(t.category) || '—')}</p>
<h3>Description</h3>
<p class="description">${escapeHtml(text(t.description))}</p>
<h3>Fields</h3>
${table(flatten(t.fields))}
<h3>Searches</h3>
${list(searches.map((s) => escapeHtml(text(s))))}
<h3>Articles viewed</h3>
${list(articles.map((a) => `${escapeHtml(text(a.title ?? a.id))} <code>${escapeHtml(text(a.id))}</code> — ${escapeHtml(verdict(a.helpful))}`))}
<h3>Transcript</h3>
${transcript.length === 0 ? '<p class="muted">None</p>' : `<ol class="transcript">${transcript.map((e) => `<li class="${e.role === 'user' ? 'user' : 'assistant'}"><span class="role">${escapeHtml(text(e.role))}</span> ${escapeHtml(text(e.text))} <time>${escapeHtml(text(e.at))}</time></li>`).join('')}</ol>`}
<h3>Context</h3>
${table(flatten(t.context))}
${attachments.length === 0 ? '' : `<h3>Attachments</h3>${list(attachments.map((a) => {
    const type = text(a.type);
    const preview = SAFE_IMAGE.test(type) ? `<br><img alt="${escapeHtml(text(a.name))}" src="data:${type};base64,${escapeHtml(text(a.data).replace(/[^A-Za-z0-9+/=]/g, ''))}">` : '';
    return `${escapeHtml(text(a.name))} (${escapeHtml(type || 'unknown type')}, ${escapeHtml(text(a.size))} bytes)${preview}`;
  }))}`}
<p class="meta">Ticket id <code>${escapeHtml(text(t.id))}</code></p>
</article>`;
}

/** The whole inbox page, newest ticket first. */
export function renderInboxPage(tickets: readonly StoredTicket[]): string {
  const body = tickets.length === 0
    ? '<p class="empty">No tickets yet. Open the demo page, ask for help and contact support.</p>'
    : [...tickets].reverse().map(renderTicket).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tier0 demo inbox (${tickets.length})</title>
<link rel="stylesheet" href="/inbox.css">
</head>
<body>
<header><h1>Tier0 demo inbox</h1><p>${tickets.length} ticket${tickets.length === 1 ? '' : 's'} received. Reload to see new ones. <a href="/">Back to the demo</a></p></header>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The inbox stylesheet (served as a file, never inline, for the strict CSP). */
export const INBOX_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1b1f24}
header{background:#1f2937;color:#fff;padding:1rem 2rem}header a{color:#bfdbfe}h1{margin:0 0 .25rem;font-size:1.4rem}
main{max-width:60rem;margin:0 auto;padding:1rem}
.ticket{background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:1rem 1.5rem;margin:1rem 0}
.ticket h2{font-size:1.15rem;margin:.25rem 0}.tid{background:#2563eb;color:#fff;border-radius:4px;padding:0 .4rem;margin-right:.4rem}
h3{font-size:.95rem;margin:1rem 0 .25rem;color:#374151}.meta,.muted{color:#5b6470;font-size:.9rem}
.description{white-space:pre-wrap;background:#f9fafb;padding:.5rem;border-radius:4px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #eceff3;padding:.2rem .5rem;vertical-align:top;word-break:break-word}th{width:30%;font-weight:600}
.transcript .role{font-weight:600}.transcript .user .role{color:#1d4ed8}.transcript time{color:#8a929c;font-size:.8rem}
img{max-width:100%;max-height:20rem;border:1px solid #d8dde3;margin-top:.25rem}.empty{padding:2rem;text-align:center}
`;
