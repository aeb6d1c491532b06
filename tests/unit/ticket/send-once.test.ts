import { expect, test } from 'vitest';
import { isRetryableStatus as isRetryable } from '../../../widget/core/ticket/backoff.ts';
import { sendOnce } from '../../../widget/services/outbox/send-once.ts';
import { makeTicket } from './factories.ts';

const reply = (res: Response | Error) =>
  (async () => {
    if (res instanceof Error) throw res;
    return res;
  }) as unknown as typeof fetch;

test('retries 408, 429 and 5xx; treats other 4xx as permanent', () => {
  expect([408, 429, 500, 502, 503].every(isRetryable)).toBe(true);
  expect([400, 401, 403, 404, 409, 422].some(isRetryable)).toBe(false);
});

test('reads the ticketId of a 2xx, and accepts a 2xx without a JSON body', async () => {
  const ticket = makeTicket();
  expect(await sendOnce({ fetch: reply(new Response('{"ticketId":42}', { status: 200 })), endpoint: '/t', ticket })).toEqual({ kind: 'sent', ticketId: '42' });
  expect(await sendOnce({ fetch: reply(new Response(null, { status: 204 })), endpoint: '/t', ticket })).toEqual({ kind: 'sent' });
});

test('passes Retry-After on with a retryable status', async () => {
  const res = new Response('', { status: 429, headers: { 'Retry-After': '7' } });
  expect(await sendOnce({ fetch: reply(res), endpoint: '/t', ticket: makeTicket() })).toEqual({ kind: 'retry', offline: false, retryAfter: '7', error: 'HTTP 429' });
});

test('treats a network error or a failing challenge provider as offline, to retry later', async () => {
  expect(await sendOnce({ fetch: reply(new TypeError('Failed to fetch')), endpoint: '/t', ticket: makeTicket() })).toMatchObject({ kind: 'retry', offline: true });
  const challenge = async () => {
    throw new Error('captcha unreachable');
  };
  expect(await sendOnce({ fetch: reply(new Response('{}')), endpoint: '/t', ticket: makeTicket(), challenge })).toMatchObject({ kind: 'retry', offline: true });
});
