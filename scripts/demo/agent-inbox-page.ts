/**
 * The demo inbox as a Level 1 agent sees it: the tickets the relay's inbox connector received,
 * newest first, each with its queue, priority and the first-diagnosis summary on top, the
 * conversation folded below. Rendered on the server with every value escaped and no inline
 * script or style, so the page works under `default-src 'none'; style-src 'self'`.
 */
import type { InboxTicket } from '../relay/connectors/inbox.ts';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const SAFE_IMAGE = /^image\/(png|jpeg|gif|webp)$/;

function renderTicket(t: InboxTicket): string {
  const attachments = t.attachments.map((a) => {
    const preview = SAFE_IMAGE.test(a.type) ? `<img alt="${escapeHtml(a.name)}" src="data:${a.type};base64,${a.data.replace(/[^A-Za-z0-9+/=]/g, '')}">` : '';
    return `<li>${escapeHtml(a.name)} <span class="muted">(${escapeHtml(a.type)})</span>${preview}</li>`;
  });
  return `<article class="ticket" aria-labelledby="h-${escapeHtml(t.helpdeskId)}">
<h2 id="h-${escapeHtml(t.helpdeskId)}"><span class="tid">${escapeHtml(t.helpdeskId)}</span> ${escapeHtml(t.subject)}</h2>
<p class="badges"><span class="badge p${escapeHtml(t.priority)}">P${escapeHtml(t.priority)}</span> <span class="badge queue">Queue: ${escapeHtml(t.queue)}</span> <span class="muted">impact ${escapeHtml(t.impact)} · urgency ${escapeHtml(t.urgency)}</span></p>
<p class="meta">From ${escapeHtml(t.requester.name || '(no name)')} &lt;${escapeHtml(t.requester.email)}&gt; · received ${escapeHtml(t.receivedAt)} · relay ${escapeHtml(t.ticketId)}</p>
<pre class="summary">${escapeHtml(t.body)}</pre>
${attachments.length > 0 ? `<h3>Attachments</h3><ul>${attachments.join('')}</ul>` : ''}
<details><summary>Conversation (transcript.txt)</summary><pre class="transcript">${escapeHtml(t.transcript)}</pre></details>
</article>`;
}

/** The whole page, newest ticket first. */
export function renderAgentInbox(tickets: readonly InboxTicket[]): string {
  const body =
    tickets.length === 0
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
<header><h1>Tier0 demo inbox</h1><p>What a Level 1 agent receives through the relay: ${tickets.length} ticket${tickets.length === 1 ? '' : 's'}. Reload to see new ones. <a href="/">Back to the demo</a></p></header>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The inbox stylesheet (served as a file, never inline, for the strict CSP). */
export const AGENT_INBOX_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1b1f24}
header{background:#1f2937;color:#fff;padding:1rem 2rem}header a{color:#bfdbfe}h1{margin:0 0 .25rem;font-size:1.4rem}
main{max-width:62rem;margin:0 auto;padding:1rem}
.ticket{background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:1rem 1.5rem;margin:1rem 0}
.ticket h2{font-size:1.15rem;margin:.25rem 0}.tid{background:#1f2937;color:#fff;border-radius:4px;padding:0 .4rem;margin-right:.4rem}
.badges{margin:.25rem 0}.badge{display:inline-block;border-radius:4px;padding:0 .45rem;font-weight:600;font-size:.85rem;border:1px solid #c5ccd5}
.p1{background:#b91c1c;color:#fff;border-color:#b91c1c}.p2{background:#c2410c;color:#fff;border-color:#c2410c}.p3{background:#fef3c7;color:#713f12}.p4,.p5{background:#e5e7eb;color:#1f2937}
.queue{background:#dbeafe;color:#1e3a8a;border-color:#93c5fd}
h3{font-size:.95rem;margin:1rem 0 .25rem;color:#374151}.meta,.muted{color:#5b6470;font-size:.9rem}
pre{white-space:pre-wrap;word-break:break-word;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;background:#f9fafb;border:1px solid #eceff3;border-radius:4px;padding:.6rem .8rem;margin:.5rem 0}
details summary{cursor:pointer;color:#1d4ed8;padding:.25rem 0}
img{display:block;max-width:100%;max-height:20rem;border:1px solid #d8dde3;margin-top:.25rem}.empty{padding:2rem;text-align:center}
`;
