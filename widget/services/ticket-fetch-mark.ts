/**
 * The ticket POST marker for Tier0's service worker. Its own module: the outbox (ticket chunks)
 * needs it, the service worker registration (offline chunk) does not.
 */
import { TICKET_HEADER } from '../core/offline/sw-routes.ts';

/**
 * Wraps the outbox's fetch so same-origin ticket POSTs carry `X-Tier0-Ticket`, which tells the
 * worker to queue them for background sync if they fail. Cross-origin endpoints are left alone:
 * an extra header would need the endpoint's CORS policy to allow it.
 */
export function markTicketFetch(fetchImpl: typeof fetch, pageUrl: string): typeof fetch {
  const origin = new URL(pageUrl).origin;
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET')).toUpperCase();
    let sameOrigin = false;
    try {
      sameOrigin = new URL(url, pageUrl).origin === origin;
    } catch {
      sameOrigin = false; // unparsable URL: let fetch itself report it
    }
    if (method !== 'POST' || !sameOrigin) return fetchImpl(input, init);
    const headers = new Headers(init?.headers ?? (typeof input === 'object' && 'headers' in input ? input.headers : undefined));
    headers.set(TICKET_HEADER, '1');
    return fetchImpl(input, { ...init, headers });
  };
}
