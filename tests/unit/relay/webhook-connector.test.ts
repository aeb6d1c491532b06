import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createWebhookConnector, signWebhook } from '../../../scripts/relay/connectors/webhook.ts';
import type { HelpdeskConfig, HelpdeskTicket } from '../../../scripts/relay/relay-types.ts';
import { startFakeHelpdesk, verifySignature, type FakeHelpdesk } from '../../relay-helpers/fake-helpdesk.ts';

let fake: FakeHelpdesk;
const config = (overrides: Partial<HelpdeskConfig> = {}): HelpdeskConfig => ({
  kind: 'webhook',
  url: fake.url,
  token: '',
  queue: 'General',
  idField: '',
  secret: fake.secret,
  timeoutMs: 500,
  priorities: {},
  ...overrides,
});

const ticket = {
  ticketId: 'T0-1001',
  handoffId: 'hand-off-1',
  queue: 'Printing',
  priority: 2,
  impact: 'high',
  urgency: 'medium',
  subject: 'Printer offline',
  requester: { name: 'Ada', email: 'ada@example.test' },
  body: 'Tier0 hand-off T0-1001 …',
  transcript: '',
  attachments: [],
  ticket: { id: 'hand-off-1' },
} as unknown as HelpdeskTicket;

beforeAll(async () => {
  fake = await startFakeHelpdesk();
});
afterAll(() => fake.close());

describe('webhook connector', () => {
  test('posts the routed ticket, signed, with the hand-off id as Idempotency-Key, and records the answered id', async () => {
    const outcome = await createWebhookConnector(config()).create(ticket);
    expect(outcome).toEqual({ ok: true, value: { helpdeskId: 'FAKE-1' } });
    expect(fake.received[0]).toMatchObject({ idempotencyKey: 'hand-off-1', payload: { event: 'ticket.created', ticketId: 'T0-1001', queue: 'Printing', priority: 2, summary: 'Tier0 hand-off T0-1001 …' } });
    expect(fake.badSignatures).toBe(0);
  });

  test('a signature made with another key, or for another body, or long ago, does not verify', () => {
    const body = '{"a":1}';
    const now = 1_800_000_000;
    expect(verifySignature('k', signWebhook('k', body, now), body, now)).toBe(true);
    expect(verifySignature('k', signWebhook('other', body, now), body, now)).toBe(false);
    expect(verifySignature('k', signWebhook('k', body, now), '{"a":2}', now)).toBe(false);
    expect(verifySignature('k', signWebhook('k', body, now - 3600), body, now)).toBe(false);
  });

  test('401 and 422 are permanent; 503 is retried with its Retry-After; a hang times out and is retried', async () => {
    const connector = createWebhookConnector(config());
    fake.setMode({ kind: 'status', status: 401 });
    expect(await connector.create(ticket)).toMatchObject({ ok: false, error: { kind: 'permanent', status: 401 } });
    fake.setMode({ kind: 'status', status: 422 });
    expect(await connector.create(ticket)).toMatchObject({ ok: false, error: { kind: 'permanent', status: 422 } });
    fake.setMode({ kind: 'status', status: 503, retryAfter: '7' });
    expect(await connector.create(ticket)).toMatchObject({ ok: false, error: { kind: 'retry', status: 503, retryAfterMs: 7000 } });
    fake.setMode({ kind: 'hang' });
    expect(await connector.create(ticket)).toMatchObject({ ok: false, error: { kind: 'retry', message: expect.stringContaining('timed out') } });
    fake.setMode({ kind: 'ok' });
  });

  test('a refused connection is retried; health says whether the receiver answers', async () => {
    const down = createWebhookConnector(config({ url: 'http://127.0.0.1:9/tickets' }));
    expect(await down.create(ticket)).toMatchObject({ ok: false, error: { kind: 'retry' } });
    expect((await down.health()).ok).toBe(false);
    expect((await createWebhookConnector(config()).health()).ok).toBe(true);
  });
});
