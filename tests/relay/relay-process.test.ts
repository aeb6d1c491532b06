/**
 * `npx tier0 relay` as a site owner runs it: one command, one ready line, a clear line for a bad
 * config, a graceful stop that finishes the delivery in flight, and the retry command for
 * parked tickets.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeHelpdesk, type FakeHelpdesk } from '../relay-helpers/fake-helpdesk.ts';
import { postTicket, startRelayProcess, TIER0_BIN } from '../relay-helpers/relay-process.ts';
import { makeTicket } from '../unit/ticket/factories.ts';

let dir: string;
let fake: FakeHelpdesk;

const config = (overrides: Record<string, unknown> = {}) => ({
  port: 0,
  origins: ['https://intranet.example.com'],
  store: 'sqlite:./data/relay.db',
  helpdesk: { kind: 'webhook', url: fake.url, secret: '${HOOK_SECRET}', timeoutMs: 1000 },
  delivery: { pollMs: 100, retryBaseMs: 100, retryMaxMs: 500, leaseMs: 3000 },
  ...overrides,
});
const env = () => ({ HOOK_SECRET: fake.secret });

/**
 * Announces a body of `bytes` and waits for the answer before sending any of it. The relay answers
 * an oversized body from its Content-Length alone and closes the connection: a client still
 * uploading then races that close (EPIPE, or a reset that loses the answer), which made this test
 * flaky with a real 10 MB upload.
 */
function announceBody(url: string, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(bytes), 'Idempotency-Key': 'big' },
    });
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body });
        request.destroy();
      });
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    request.flushHeaders();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tier0-relay-proc-'));
  fake = await startFakeHelpdesk();
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [TIER0_BIN, 'relay', ...args], { cwd: dir, env: { ...process.env, ...extraEnv }, encoding: 'utf8' });
}

describe('tier0 relay', () => {
  test('a bad config exits non-zero with "path: key: message" lines and starts nothing', async () => {
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ origins: 'https://a.example', helpdesk: { kind: 'rt', url: 'https://rt.example', token: '${RT_TOKEN}' } }));
    const run = cli(['--config', 'bad.json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('bad.json: origins: must be a list of site origins');
    expect(run.stderr).toContain('bad.json: helpdesk.token: environment variable RT_TOKEN is not set');
    expect(run.stdout).toBe('');
  });

  test('starts with one ready line, delivers, and logs JSON without personal data', async () => {
    const relay = await startRelayProcess(dir, config(), 'relay', env());
    try {
      const ticket = makeTicket({ id: 'proc-1', requester: { name: 'Grace Hopper', email: 'grace@example.com' } });
      const res = await postTicket(relay.url, ticket, { Origin: 'https://intranet.example.com' });
      expect(res.status).toBe(202);
      await expect.poll(() => fake.counts().get('proc-1'), { timeout: 10_000 }).toBe(1);
      const health = await (await fetch(`${relay.url}/healthz`)).json();
      expect(health).toMatchObject({ ok: true, status: 'ok', store: { kind: 'sqlite' }, helpdesk: { kind: 'webhook', ok: true } });
    } finally {
      expect(await relay.stop()).toBe(0);
    }
    const logs = relay.logs();
    expect(logs.map((l) => l.event)).toEqual(expect.arrayContaining(['relay.started', 'ticket.accepted', 'ticket.delivered', 'relay.stopped']));
    expect(JSON.stringify(logs)).not.toMatch(/Grace|grace@example\.com/);
  });

  test('over real HTTP: a 10 MB body, a wrong origin and invalid JSON get their 4xx and store nothing', async () => {
    const relay = await startRelayProcess(dir, config({ store: 'sqlite:./data/bad-input.db' }), 'bad-input', env());
    try {
      const big = await announceBody(relay.url, 10 * 1024 * 1024);
      expect(big.status).toBe(413);
      expect(JSON.parse(big.body).error).toMatch(/too large/);
      const evil = await postTicket(relay.url, makeTicket({ id: 'evil' }), { Origin: 'https://evil.example' });
      expect(evil.status).toBe(403);
      const broken = await fetch(`${relay.url}/tickets`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"id":' });
      expect(broken.status).toBe(400);
      expect(await broken.json()).toEqual({ error: 'the body is not valid JSON' });
      const health = await (await fetch(`${relay.url}/healthz`)).json();
      expect(health.queue).toMatchObject({ queued: 0, delivered: 0, parked: 0, discarded: 0 });
    } finally {
      await relay.stop();
    }
  });

  test('SIGTERM finishes the delivery in flight before exiting', async () => {
    fake.setMode({ kind: 'hang' });
    const relay = await startRelayProcess(dir, config({ helpdesk: { kind: 'webhook', url: fake.url, secret: '${HOOK_SECRET}', timeoutMs: 1500 }, delivery: { pollMs: 100, leaseMs: 4000 } }), 'relay', env());
    await postTicket(relay.url, makeTicket({ id: 'proc-2' }));
    await new Promise((r) => setTimeout(r, 400)); // the create is now waiting on the help desk
    const started = Date.now();
    const code = await relay.stop('SIGTERM');
    expect(code).toBe(0);
    // It waited for the request's timeout instead of dropping it mid-flight.
    expect(Date.now() - started).toBeGreaterThan(700);
    expect(relay.logs().map((l) => l.event)).toEqual(expect.arrayContaining(['ticket.retry', 'relay.stopped']));
    fake.setMode({ kind: 'ok' });
  });

  test('a permanent help-desk error parks the ticket; "relay retry" sends it once the cause is fixed', async () => {
    // A field the help desk refuses: retrying cannot help, a person must fix the mapping.
    fake.setMode({ kind: 'status', status: 422 });
    const relay = await startRelayProcess(dir, config({ store: 'sqlite:./data/parked.db' }), 'parked', env());
    try {
      await postTicket(relay.url, makeTicket({ id: 'proc-3' }));
      await expect.poll(async () => (await (await fetch(`${relay.url}/healthz`)).json()).status, { timeout: 10_000 }).toBe('degraded');
      expect(relay.logs().some((l) => l.event === 'ticket.parked' && l.status === 422)).toBe(true);
      const status = cli(['status', '--config', 'parked.json'], env());
      expect(JSON.parse(status.stdout)).toMatchObject({ parked: 1, queued: 0 });
      fake.setMode({ kind: 'ok' });
      const retry = cli(['retry', '--config', 'parked.json'], env());
      expect(retry.status).toBe(0);
      expect(retry.stdout).toContain('1 parked ticket(s) back in the queue');
      await expect.poll(() => fake.counts().get('proc-3'), { timeout: 10_000 }).toBe(1);
    } finally {
      await relay.stop();
    }
  });

  test('without a config it runs the demo set-up: SQLite and the inbox in ./.tier0-relay/', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'tier0-relay-demo-'));
    try {
      const relay = await startRelayProcess(empty, { port: 0 }, 'only-port');
      try {
        await postTicket(relay.url, makeTicket({ id: 'demo-1' }));
        const { readInbox } = await import('../../scripts/relay/connectors/inbox.ts');
        await expect.poll(() => readInbox(path.join(empty, '.tier0-relay/inbox')).length, { timeout: 10_000 }).toBe(1);
      } finally {
        await relay.stop();
      }
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
