import { createServer } from 'node:net';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createRtConnector, handoffQuery, rtPriority } from '../../../scripts/relay/connectors/rt.ts';
import type { HelpdeskConfig, HelpdeskTicket } from '../../../scripts/relay/relay-types.ts';
import { parseTicketSql, startFakeRt, type FakeRt } from '../../relay-helpers/fake-rt.ts';

let rt: FakeRt;

beforeEach(async () => {
  rt = await startFakeRt();
});

afterEach(async () => {
  await rt.stop();
});

function makeConfig(overrides: Partial<HelpdeskConfig> = {}): HelpdeskConfig {
  return { kind: 'rt', url: rt.url, token: rt.token, queue: 'General L1', idField: rt.idField, secret: '', timeoutMs: 2000, priorities: {}, ...overrides };
}

function makeHelpdeskTicket(overrides: Partial<HelpdeskTicket> = {}): HelpdeskTicket {
  return {
    ticketId: 'T0-1001',
    handoffId: '7d3c0a57-3f2e-4a8e-9f61-3c7b2b1f0d11',
    queue: 'Printing',
    priority: 2,
    impact: 'high',
    urgency: 'medium',
    subject: 'Printer offline',
    requester: { name: 'Ada Lovelace', email: 'ada@example.com' },
    body: 'L1 summary\n- tried: restart\n\nIt says offline since Monday.',
    transcript: 'user: printer offline\nassistant: Printer shows "Offline" — ünïcode',
    attachments: [{ name: 'screen.png', type: 'image/png', data: Buffer.from('PNGDATA').toString('base64') }],
    ticket: {} as HelpdeskTicket['ticket'],
    ...overrides,
  };
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('create maps every field to RT and answers RT’s ticket id', async () => {
  const outcome = await createRtConnector(makeConfig()).create(makeHelpdeskTicket());
  expect(outcome).toEqual({ ok: true, value: { helpdeskId: '1' } });
  const [ticket] = rt.tickets;
  expect(ticket).toMatchObject({
    Queue: 'Printing',
    Subject: 'Printer offline',
    Requestor: '"Ada Lovelace" <ada@example.com>',
    Content: 'L1 summary\n- tried: restart\n\nIt says offline since Monday.',
    ContentType: 'text/plain',
    Priority: 75,
    InitialPriority: 75,
    CustomFields: { 'Tier0 Handoff': '7d3c0a57-3f2e-4a8e-9f61-3c7b2b1f0d11' },
  });
  expect(ticket?.Attachments.map((a) => [a.FileName, a.FileType, a.content.toString('utf8')])).toEqual([
    ['transcript.txt', 'text/plain', 'user: printer offline\nassistant: Printer shows "Offline" — ünïcode'],
    ['screen.png', 'image/png', 'PNGDATA'],
  ]);
  const post = rt.requests.find((r) => r.method === 'POST');
  expect(post?.headers.authorization).toBe(`token ${rt.token}`);
  expect(post?.headers['content-type']).toBe('application/json');
});

test('quotes a requester name RT would otherwise split, and sends a bare address without a name', async () => {
  const connector = createRtConnector(makeConfig());
  await connector.create(makeHelpdeskTicket({ requester: { name: 'O\'Brien, "Pat"', email: 'pat@example.com' } }));
  await connector.create(makeHelpdeskTicket({ requester: { name: '', email: 'anon@example.com' } }));
  expect(rt.tickets.map((t) => t.Requestor)).toEqual(['"O\'Brien, \\"Pat\\"" <pat@example.com>', 'anon@example.com']);
});

test('maps ITIL priorities 1–5 to RT numbers, by default and through the config', async () => {
  expect([1, 2, 3, 4, 5].map((p) => rtPriority(p))).toEqual([100, 75, 50, 25, 0]);
  expect([1, 2, 3].map((p) => rtPriority(p, { 1: 99, 2: 'High' }))).toEqual([99, 'High', 50]);
  const connector = createRtConnector(makeConfig({ priorities: { 1: 99, 5: 1 } }));
  await connector.create(makeHelpdeskTicket({ priority: 1 }));
  await connector.create(makeHelpdeskTicket({ priority: 5 }));
  await connector.create(makeHelpdeskTicket({ priority: 4 }));
  expect(rt.tickets.map((t) => t.Priority)).toEqual([99, 1, 25]);
});

test('finds a ticket created earlier by its hand-off id, in any queue, and null when there is none', async () => {
  const connector = createRtConnector(makeConfig());
  await connector.create(makeHelpdeskTicket({ handoffId: 'other' }));
  await connector.create(makeHelpdeskTicket({ queue: 'Network' }));
  expect(await connector.findByHandoffId('7d3c0a57-3f2e-4a8e-9f61-3c7b2b1f0d11', 'Printing')).toEqual({ ok: true, value: { helpdeskId: '2' } });
  expect(await connector.findByHandoffId('never-sent', 'Printing')).toEqual({ ok: true, value: null });
  const search = rt.requests.find((r) => r.path === '/REST/2.0/tickets');
  expect(search?.query.get('query')).toBe("'CF.{Tier0 Handoff}' = '7d3c0a57-3f2e-4a8e-9f61-3c7b2b1f0d11'");
});

test('escapes quotes and backslashes in the hand-off id and the field name for TicketSQL', async () => {
  await rt.stop();
  rt = await startFakeRt({ idField: "Tier0 'hand-off' id" });
  const id = `it's a \\ "tricky" id`;
  const connector = createRtConnector(makeConfig({ idField: rt.idField }));
  await connector.create(makeHelpdeskTicket({ handoffId: id }));
  expect(await connector.findByHandoffId(id, 'Printing')).toEqual({ ok: true, value: { helpdeskId: '1' } });
  expect(parseTicketSql(handoffQuery(rt.idField, id))).toEqual([{ key: `CF.{${rt.idField}}`, value: id }]);
});

test('refuses to search for a hand-off id RT would read as a custom-field reference', async () => {
  const outcome = await createRtConnector(makeConfig()).findByHandoffId('CF.{Tier0 Handoff}', 'Printing');
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'permanent' } });
  expect(rt.requests).toHaveLength(0);
});

test('an unknown queue is permanent, and nothing is created', async () => {
  const outcome = await createRtConnector(makeConfig()).create(makeHelpdeskTicket({ queue: 'Nope' }));
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'permanent', status: 403 } });
  expect(outcome.ok || outcome.error.message).toContain('"Nope"');
  expect(rt.tickets).toHaveLength(0);
});

test('a queue without the hand-off id field is permanent, since RT would drop the id silently', async () => {
  await rt.stop();
  rt = await startFakeRt({ idFieldQueues: ['General L1'] });
  const outcome = await createRtConnector(makeConfig()).create(makeHelpdeskTicket({ queue: 'Printing' }));
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'permanent' } });
  expect(outcome.ok || outcome.error.message).toContain('custom field "Tier0 Handoff"');
  expect(rt.tickets).toHaveLength(0);
});

test('checks each queue once per connector, not before every create', async () => {
  const connector = createRtConnector(makeConfig());
  await connector.create(makeHelpdeskTicket());
  await connector.create(makeHelpdeskTicket());
  expect(rt.requests.filter((r) => r.path.startsWith('/REST/2.0/queue/')).map((r) => r.path)).toEqual(['/REST/2.0/queue/Printing']);
});

test.each([401, 403, 422])('HTTP %i on create is permanent', async (status) => {
  const connector = createRtConnector(makeConfig());
  rt.fail({ mode: 'status', status, only: 'create' });
  const outcome = await connector.create(makeHelpdeskTicket());
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'permanent', status } });
});

test('a wrong token is permanent and never appears in the error', async () => {
  const token = '1-27-wrongwrongwrongwrongwrongwrong';
  const connector = createRtConnector(makeConfig({ token }));
  const outcomes = [await connector.create(makeHelpdeskTicket()), await connector.findByHandoffId('x', 'Printing'), await connector.health()];
  for (const outcome of outcomes) {
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'permanent', status: 401 } });
    expect(JSON.stringify(outcome)).not.toContain(token);
  }
  expect(outcomes[2]).toMatchObject({ error: { message: 'RT refused the token' } });
});

test('the token is masked even when RT echoes it back in an error', async () => {
  const connector = createRtConnector(makeConfig());
  rt.fail({ mode: 'status', status: 400, body: `bad header token ${rt.token}`, only: 'create' });
  const outcome = await connector.create(makeHelpdeskTicket());
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'permanent' } });
  expect(JSON.stringify(outcome)).not.toContain(rt.token);
  expect(JSON.stringify(outcome)).toContain('[token]');
});

test.each([500, 502, 503, 429])('HTTP %i is retried, with RT’s Retry-After honoured', async (status) => {
  const connector = createRtConnector(makeConfig());
  rt.fail({ mode: 'status', status, retryAfter: '7', only: 'create' });
  expect(await connector.create(makeHelpdeskTicket())).toEqual({
    ok: false,
    error: { kind: 'retry', status, retryAfterMs: 7000, message: `HTTP ${status}: {"message":"fake failure ${status}"}` },
  });
});

test('a 5xx during search is retried too', async () => {
  rt.fail({ mode: 'status', status: 503, only: 'search' });
  expect(await createRtConnector(makeConfig()).findByHandoffId('x', 'Printing')).toMatchObject({ ok: false, error: { kind: 'retry', status: 503 } });
});

test('a slow RT times out after timeoutMs and is retried', async () => {
  rt.fail({ mode: 'slow', delayMs: 1000 });
  const outcome = await createRtConnector(makeConfig({ timeoutMs: 100 })).health();
  expect(outcome).toEqual({ ok: false, error: { kind: 'retry', message: 'no answer from the help desk (timed out)' } });
});

test('a refused or reset connection is retried', async () => {
  const refused = await createRtConnector(makeConfig({ url: `http://127.0.0.1:${await closedPort()}` })).create(makeHelpdeskTicket());
  expect(refused).toMatchObject({ ok: false, error: { kind: 'retry', message: expect.stringContaining('ECONNREFUSED') } });
  rt.fail({ mode: 'reset', only: 'create' });
  expect(await createRtConnector(makeConfig()).create(makeHelpdeskTicket())).toMatchObject({ ok: false, error: { kind: 'retry' } });
});

test('after an answer lost on the way back, the search finds the ticket RT did create', async () => {
  const connector = createRtConnector(makeConfig());
  rt.fail({ mode: 'lose-answer', only: 'create', times: 1 });
  expect(await connector.create(makeHelpdeskTicket())).toMatchObject({ ok: false, error: { kind: 'retry' } });
  expect(await connector.findByHandoffId(makeHelpdeskTicket().handoffId, 'Printing')).toEqual({ ok: true, value: { helpdeskId: '1' } });
  expect(rt.tickets).toHaveLength(1);
});

test('health is ok when RT answers and the default queue carries the id field', async () => {
  expect(await createRtConnector(makeConfig()).health()).toEqual({ ok: true, value: { detail: 'RT 5.0.3' } });
  expect(await createRtConnector(makeConfig({ queue: 'Missing' })).health()).toMatchObject({ ok: false, error: { kind: 'permanent', status: 403 } });
  expect(await createRtConnector(makeConfig({ idField: 'Misspelt' })).health()).toMatchObject({ ok: false, error: { kind: 'permanent' } });
});

test('health reports a 403 on /rt as a refused token and a 500 as worth retrying', async () => {
  rt.fail({ mode: 'status', status: 403, only: 'rt', times: 1 });
  expect(await createRtConnector(makeConfig()).health()).toEqual({ ok: false, error: { kind: 'permanent', status: 403, message: 'RT refused the token' } });
  rt.fail({ mode: 'status', status: 500, only: 'rt', times: 1 });
  expect(await createRtConnector(makeConfig()).health()).toMatchObject({ ok: false, error: { kind: 'retry', status: 500 } });
});

test('an RT URL with a trailing slash still reaches /REST/2.0', async () => {
  expect(await createRtConnector(makeConfig({ url: `${rt.url}/` })).health()).toMatchObject({ ok: true });
});
