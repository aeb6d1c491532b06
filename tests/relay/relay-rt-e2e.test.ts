/**
 * The whole path against a real Request Tracker 5 from Debian: a ticket escalated in the widget
 * in Chromium lands in the RT queue its category routes to, with the priority its impact and
 * urgency give and the L1 summary first, exactly once; and it stays exactly once when the relay
 * is killed between "RT created it" and "the relay recorded it", when RT is down for a minute,
 * when one ticket is POSTed 20 times at once, and in a burst of 100.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../browser/helpers/chromium.ts';
import { hostPage, startHostServer, type HostServer } from '../browser/helpers/host-server.ts';
import { askForHelpAfterSearching } from '../browser/helpers/widget-page.ts';
import { startProxy, type HelpdeskProxy } from '../relay-helpers/http-proxy.ts';
import { postTicket, startRelayProcess, type RelayProcess } from '../relay-helpers/relay-process.ts';
import { countRtTickets, listRtTickets, readRtTicket, startRt, type RtInstance } from '../relay-helpers/rt-instance.ts';
import { makeTicket } from '../unit/ticket/factories.ts';

let dir: string;
let rt: RtInstance;
let proxy: HelpdeskProxy;
let relay: RelayProcess;
const started: RelayProcess[] = [];

const isCreate = (method: string, url: string) => method === 'POST' && url.split('?')[0] === '/REST/2.0/ticket';

// Against RT's two workers a create can take seconds on a busy machine: a generous timeout keeps
// the ordinary tests from retrying what RT is still creating (the lease must outlast two).
const PATIENT = { timeoutMs: 15_000, leaseMs: 35_000 };
// The crash test wants the dead relay's lease to end soon.
const QUICK = { timeoutMs: 3000, leaseMs: 7000 };

function relayConfig(store: string, origins: string[] = ['*'], timing = PATIENT) {
  return {
    port: 0,
    origins,
    store,
    helpdesk: { kind: 'rt', url: proxy.url, token: '${RT_TOKEN}', queue: 'General L1', idField: rt.idField, timeoutMs: timing.timeoutMs },
    routing: { queues: { printing: 'Printing', network: 'Network', accounts: 'Accounts' } },
    limits: { perClientBurst: 1000, perClientPerMinute: 60_000 },
    delivery: { pollMs: 100, leaseMs: timing.leaseMs, retryBaseMs: 500, retryMaxMs: 3000, concurrency: 4 },
  };
}

async function startRelay(name: string, store: string, origins?: string[], timing = PATIENT) {
  const r = await startRelayProcess(dir, relayConfig(store, origins, timing), name, { RT_TOKEN: rt.token });
  started.push(r);
  return r;
}

/** RT's tickets carrying this hand-off id, in any queue. */
async function inRt(handoffId: string) {
  return (await listRtTickets(rt, null)).filter((t) => t.handoffId === handoffId);
}

async function answerOf(r: RelayProcess, ticket: { id: string }) {
  return (await (await postTicket(r.url, ticket)).json()) as { ticketId: string; status: string; helpdeskId?: string };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tier0-relay-rt-'));
  rt = await startRt();
  proxy = await startProxy(rt.url, isCreate);
  relay = await startRelay('main', 'sqlite:./main.db');
});

afterAll(async () => {
  await Promise.all(started.map((r) => r.stop('SIGKILL')));
  await proxy?.close();
  await rt?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('relay → Request Tracker', () => {
  test('a ticket escalated in the widget lands once in the queue and priority routing gives it, summary first', async () => {
    let host: HostServer | undefined;
    let browser: LaunchedBrowser | undefined;
    try {
      host = await startHostServer();
      // A relay that allows exactly this site, as a site owner would configure it; the widget
      // posts to it cross-origin (CORS preflight included).
      const siteRelay = await startRelay('site', 'sqlite:./site.db', [host.origin]);
      host.setPage('/', hostPage({ attrs: `data-ticket-endpoint="${siteRelay.url}/tickets" data-service-worker="false"`, stub: true }));
      browser = await launchChromium();
      const page = await browser.newPage();
      await page.goto(host.url('/'));
      await askForHelpAfterSearching(page, 'printer offline', { name: 'Dana Kim', email: 'dana@example.com' });
      const send = page.getByRole('button', { name: 'Send to support' });
      await page.getByLabel(/^Impact/).selectOption('high');
      await page.getByLabel(/^Urgency/).selectOption('high');
      await send.click();
      await page.getByText(/T0-\d+/).first().waitFor({ timeout: 20_000 });

      const tickets = await (async () => {
        for (let i = 0; i < 100; i++) {
          const found = (await listRtTickets(rt, null)).filter((t) => t.requestors.some((r) => r.email === 'dana@example.com'));
          if (found.length > 0) return found;
          await new Promise((r) => setTimeout(r, 200));
        }
        return [];
      })();
      expect(tickets).toHaveLength(1);
      const ticket = await readRtTicket(rt, tickets[0]!.id);
      expect(ticket.queue).toBe('Printing');
      expect(ticket.priority).toBe(100); // P1 (impact high × urgency high) in RT's scale: "High" even in stock RT
      const lines = ticket.content.split('\n');
      expect(lines[0]).toMatch(/^Tier0 hand-off T0-\d+ · P1 \(impact high, urgency high\) · category printing → Printing$/);
      expect(lines[1]).toBe(`Problem, in the user's words: "printer offline"`);
      expect(ticket.content).toContain('Searched: "printer offline"');
      expect(ticket.content).toMatch(/Articles read: ".+" \(did not help\)/);
      expect(ticket.content).toMatch(/Environment: Chrom\w* [\d.]+ on Linux/);
      expect(ticket.attachments.map((a) => a.filename)).toContain('transcript.txt');
      expect(ticket.attachments.find((a) => a.filename === 'transcript.txt')!.content.toString('utf8')).toContain('User: printer offline');
      // Exactly once: nothing else in RT carries its hand-off id.
      expect(await inRt(ticket.handoffId!)).toHaveLength(1);
    } finally {
      await browser?.close();
      await host?.close();
    }
  });

  test('a relay killed after RT created the ticket and before it was recorded does not create it again', async () => {
    const store = 'sqlite:./crash.db';
    const victim = await startRelay('crash', store, undefined, QUICK);
    const ticket = makeTicket({ id: `crash-${Date.now()}`, category: 'network' });
    let killed = false;
    proxy.afterCreate = async (status) => {
      proxy.afterCreate = null;
      expect(status).toBe(201);
      // RT has created it; the relay dies before it can read the answer and record it.
      await victim.stop('SIGKILL');
      killed = true;
      return true;
    };
    expect((await postTicket(victim.url, ticket)).status).toBe(202);
    await expect.poll(() => killed, { timeout: 20_000 }).toBe(true);
    expect(await inRt(ticket.id)).toHaveLength(1);

    const successor = await startRelay('crash-restarted', store, undefined, QUICK);
    // Once the dead relay's lease runs out, the successor finds the ticket in RT by its
    // hand-off id and records it instead of creating it again.
    await expect.poll(async () => (await answerOf(successor, ticket)).status, { timeout: 30_000, interval: 250 }).toBe('delivered');
    const [only] = await inRt(ticket.id);
    expect(await inRt(ticket.id)).toHaveLength(1);
    expect((await answerOf(successor, ticket)).helpdeskId).toBe(String(only!.id));
    expect(successor.logs().some((l) => l.event === 'ticket.delivered' && l.recovered === true)).toBe(true);
  });

  test('RT down for a minute: the ticket waits, healthz says why, and it arrives once RT is back', async () => {
    await proxy.down();
    const ticket = makeTicket({ id: `down-${Date.now()}`, category: 'accounts' });
    try {
      expect((await postTicket(relay.url, ticket)).status).toBe(202);
      await expect.poll(async () => (await fetch(`${relay.url}/healthz`)).status, { timeout: 20_000 }).toBe(503);
      const health = await (await fetch(`${relay.url}/healthz`)).json();
      expect(health.reason).toMatch(/the help desk is unreachable/);
      await new Promise((r) => setTimeout(r, 60_000));
      expect((await answerOf(relay, ticket)).status).toBe('queued');
      expect(await inRt(ticket.id)).toHaveLength(0);
    } finally {
      await proxy.up();
    }
    await expect.poll(async () => (await answerOf(relay, ticket)).status, { timeout: 20_000, interval: 250 }).toBe('delivered');
    const tickets = await inRt(ticket.id);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.queue).toBe('Accounts');
    expect(relay.logs().filter((l) => l.event === 'ticket.retry').length).toBeGreaterThan(3);
  });

  test('one ticket POSTed 20 times at once is one ticket in RT', async () => {
    const ticket = makeTicket({ id: `twenty-${Date.now()}` });
    const answers = await Promise.all(Array.from({ length: 20 }, () => answerOf(relay, ticket)));
    expect(new Set(answers.map((a) => a.ticketId)).size).toBe(1);
    await expect.poll(async () => (await answerOf(relay, ticket)).status, { timeout: 20_000, interval: 250 }).toBe('delivered');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await inRt(ticket.id)).toHaveLength(1);
  });

  test('a burst of 100 tickets leaves exactly 100 in RT', { timeout: 360_000 }, async () => {
    const stamp = Date.now();
    const tickets = Array.from({ length: 100 }, (_, i) => makeTicket({ id: `burst-${stamp}-${i}`, category: ['printing', 'network', 'accounts', 'email'][i % 4]! }));
    const answers = await Promise.all(tickets.map((t) => postTicket(relay.url, t)));
    expect(answers.map((a) => a.status).filter((s) => s !== 202)).toEqual([]);
    const ours = async () => (await listRtTickets(rt, null)).filter((t) => t.handoffId?.startsWith(`burst-${stamp}-`));
    // Counted with one cheap search while RT works (a full listing each time would compete with
    // the creates for RT's two workers); read in full once at the end.
    const query = `'CF.{${rt.idField}}' LIKE 'burst-${stamp}-'`;
    await expect.poll(() => countRtTickets(rt, query), { timeout: 300_000, interval: 3000 }).toBe(100);
    await new Promise((r) => setTimeout(r, 1500));
    const all = await ours();
    expect(all).toHaveLength(100);
    expect(new Set(all.map((t) => t.handoffId)).size).toBe(100);
    const queues = new Map<string, number>();
    for (const t of all) queues.set(t.queue, (queues.get(t.queue) ?? 0) + 1);
    expect(Object.fromEntries(queues)).toEqual({ Printing: 25, Network: 25, Accounts: 25, 'General L1': 25 });
  });
});
