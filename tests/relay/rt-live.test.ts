/**
 * The RT connector against a real Request Tracker 5 from Debian, started privately for this file
 * (tests/relay-helpers/rt-instance.ts). Timings are printed, not asserted.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createRtConnector } from '../../scripts/relay/connectors/rt.ts';
import type { HelpdeskConfig, HelpdeskTicket } from '../../scripts/relay/relay-types.ts';
import { countRtTickets, listRtTickets, readRtTicket, RT_DEFAULT_QUEUES, rtOutgoingMail, rtTicketPageText, startRt, type RtInstance } from '../relay-helpers/rt-instance.ts';

let rt: RtInstance;

beforeAll(async () => {
  const started = Date.now();
  // "Facilities" has the relay user's rights but not the hand-off id field.
  rt = await startRt({ queues: [...RT_DEFAULT_QUEUES, 'Facilities'], idFieldQueues: RT_DEFAULT_QUEUES });
  console.log(`[rt-live] RT started in ${Date.now() - started} ms at ${rt.url}`);
});

afterAll(async () => {
  await rt?.stop();
});

function makeConfig(overrides: Partial<HelpdeskConfig> = {}): HelpdeskConfig {
  return { kind: 'rt', url: rt.url, token: rt.token, queue: 'General L1', idField: rt.idField, secret: '', timeoutMs: 10_000, priorities: {}, ...overrides };
}

const SUMMARY = [
  'First diagnosis (Tier0)',
  'Problem: "The printer on floor 3 says offline since Monday."',
  'Searched: printer offline; printer queue stuck',
  'Read: Printer shows "Offline" — did not help',
  'Browser: Firefox 133 on Windows 11, page /intranet/print, time zone Europe/Berlin',
  '',
  'It says offline since Monday. Password: ********',
].join('\n');

function makeHelpdeskTicket(overrides: Partial<HelpdeskTicket> = {}): HelpdeskTicket {
  return {
    ticketId: 'T0-1001',
    handoffId: `live-${Math.random().toString(36).slice(2)}`,
    queue: 'Printing',
    priority: 2,
    impact: 'high',
    urgency: 'medium',
    subject: 'Printer offline on floor 3',
    requester: { name: 'Ada Lovelace', email: `ada.${Date.now()}@example.test` },
    body: SUMMARY,
    transcript: 'user: printer offline\nassistant: Suggested: Printer shows "Offline" — ünïcode ✓',
    attachments: [{ name: 'screenshot.png', type: 'image/png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]).toString('base64') }],
    ticket: {} as HelpdeskTicket['ticket'],
    ...overrides,
  };
}

test('health is ok with the relay user’s token', async () => {
  expect(await createRtConnector(makeConfig()).health()).toMatchObject({ ok: true, value: { detail: expect.stringContaining('RT 5.') } });
});

test('creates a ticket an L1 agent reads back with queue, priority, hand-off id, body and attachments', async () => {
  const ticket = makeHelpdeskTicket();
  const started = Date.now();
  const outcome = await createRtConnector(makeConfig()).create(ticket);
  console.log(`[rt-live] create (queue check + POST) took ${Date.now() - started} ms`);
  expect(outcome.ok).toBe(true);
  const helpdeskId = outcome.ok ? Number(outcome.value.helpdeskId) : 0;

  expect((await listRtTickets(rt, 'Printing')).map((t) => t.id)).toContain(helpdeskId);
  const seen = await readRtTicket(rt, helpdeskId);
  expect(seen).toMatchObject({
    subject: 'Printer offline on floor 3',
    queue: 'Printing',
    priority: 75,
    handoffId: ticket.handoffId,
    // RT made a user for the unknown address, with the relay user's rights only.
    requestors: [{ email: ticket.requester.email, realName: 'Ada Lovelace' }],
    content: SUMMARY,
  });
  expect(seen?.attachments.map((a) => [a.filename, a.contentType, a.content.toString('base64')])).toEqual([
    ['transcript.txt', 'text/plain', Buffer.from(ticket.transcript).toString('base64')],
    ['screenshot.png', 'image/png', ticket.attachments[0]?.data],
  ]);
});

test('each ITIL priority lands as its RT number, through the config too', async () => {
  const connector = createRtConnector(makeConfig({ priorities: { 1: 99 } }));
  const ids: number[] = [];
  for (const priority of [1, 3, 5]) {
    const outcome = await connector.create(makeHelpdeskTicket({ priority, queue: 'Network' }));
    if (outcome.ok) ids.push(Number(outcome.value.helpdeskId));
  }
  const seen = (await listRtTickets(rt, 'Network')).filter((t) => ids.includes(t.id));
  expect(seen.map((t) => t.priority)).toEqual([99, 50, 0]);
  expect(await countRtTickets(rt, "Queue = 'Network'")).toBe(seen.length);
});

test('finds the ticket by its hand-off id, even one full of quotes, and nothing for an unknown id', async () => {
  const connector = createRtConnector(makeConfig());
  const handoffId = `it's a \\ "quoted" id ${Date.now()}`;
  const created = await connector.create(makeHelpdeskTicket({ handoffId, queue: 'Accounts' }));
  expect(created.ok).toBe(true);
  const started = Date.now();
  expect(await connector.findByHandoffId(handoffId, 'Accounts')).toEqual({ ok: true, value: created.ok ? created.value : null });
  console.log(`[rt-live] findByHandoffId took ${Date.now() - started} ms`);
  expect(await connector.findByHandoffId(`${handoffId}-other`, 'Accounts')).toEqual({ ok: true, value: null });
});

test('a wrong token is permanent everywhere and never shows in the error', async () => {
  const token = '1-99-0123456789abcdef0123456789abcdef';
  const connector = createRtConnector(makeConfig({ token }));
  const outcomes = [await connector.health(), await connector.create(makeHelpdeskTicket()), await connector.findByHandoffId('x', 'Printing')];
  for (const outcome of outcomes) {
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'permanent', status: 401 } });
    expect(JSON.stringify(outcome)).not.toContain(token);
  }
  expect(outcomes[0]).toMatchObject({ error: { message: 'RT refused the token' } });
});

test('an unknown queue is permanent and creates nothing', async () => {
  const before = (await listRtTickets(rt, null)).length;
  const outcome = await createRtConnector(makeConfig()).create(makeHelpdeskTicket({ queue: 'No Such Queue' }));
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'permanent', status: 403 } });
  expect(await listRtTickets(rt, null)).toHaveLength(before);
});

test('RT drops the id field on a queue it is not applied to, so the connector refuses that queue', async () => {
  // What RT itself does: 201, and the hand-off id is gone (recovery could never find the ticket).
  const raw = await fetch(`${rt.url}/REST/2.0/ticket`, {
    method: 'POST',
    headers: { Authorization: `token ${rt.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ Queue: 'Facilities', Subject: 'raw', Content: 'raw', CustomFields: { [rt.idField]: 'raw-id' } }),
  });
  expect(raw.status).toBe(201);
  const rawId = Number(((await raw.json()) as { id: string }).id);
  expect((await readRtTicket(rt, rawId)).handoffId).toBeNull();

  const before = (await listRtTickets(rt, 'Facilities')).length;
  const outcome = await createRtConnector(makeConfig()).create(makeHelpdeskTicket({ queue: 'Facilities' }));
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'permanent', message: expect.stringContaining('"Facilities"') } });
  expect(await listRtTickets(rt, 'Facilities')).toHaveLength(before);
});

test('a misspelt id field, which RT itself would silently ignore, makes health fail', async () => {
  expect(await createRtConnector(makeConfig({ idField: 'Tier0 Handof' })).health()).toMatchObject({ ok: false, error: { kind: 'permanent' } });
});

test('the agent’s ticket page shows the summary line by line and the transcript', async () => {
  const outcome = await createRtConnector(makeConfig()).create(makeHelpdeskTicket());
  const id = outcome.ok ? Number(outcome.value.helpdeskId) : 0;
  const page = await rtTicketPageText(rt, id);
  expect(page.display).toContain('Printer offline on floor 3');
  // Priority 2 as the harness's ITIL labels show it (stock RT would say "Medium").
  expect(page.display).toMatch(/Priority:\s*P2 High/);
  for (const line of SUMMARY.split('\n').filter(Boolean)) expect(page.history).toContain(line);
  expect(page.history).toContain('transcript.txt');
  expect(page.history).toContain('ünïcode ✓');
  // RT mailed the requester an autoreply into the instance's mbox, not to the world.
  expect(rtOutgoingMail(rt)).toContain('Printer offline on floor 3');
});

test('with RT stopped, every call is worth retrying', async () => {
  const connector = createRtConnector(makeConfig({ timeoutMs: 2000 }));
  await rt.stop();
  for (const outcome of [await connector.health(), await connector.create(makeHelpdeskTicket()), await connector.findByHandoffId('x', 'Printing')]) {
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'retry' } });
  }
});
