import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig, RELAY_DEFAULTS, resolveConfig } from '../../../scripts/relay/config.ts';

const resolve = (raw: unknown, env: NodeJS.ProcessEnv = {}) => resolveConfig(raw, env, 'relay.json', '/srv/tier0');
const problems = (raw: unknown, env: NodeJS.ProcessEnv = {}) => {
  try {
    resolve(raw, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.split('\n');
  }
  throw new Error('expected a ConfigError');
};

describe('relay configuration', () => {
  test('an empty config is the demo set-up: SQLite and the inbox in ./.tier0-relay/', () => {
    const config = resolve({});
    expect(config.port).toBe(5180);
    expect(config.host).toBe('127.0.0.1');
    expect(config.store).toBe('sqlite:/srv/tier0/.tier0-relay/relay.db');
    expect(config.helpdesk).toMatchObject({ kind: 'inbox', url: '/srv/tier0/.tier0-relay/inbox', queue: 'General' });
    expect(config.limits).toEqual(RELAY_DEFAULTS.limits);
  });

  test('takes ${NAME} from the environment and reports a missing one with its key', () => {
    const raw = { helpdesk: { kind: 'rt', url: 'https://rt.example.com', token: '${RT_TOKEN}' } };
    expect(resolve(raw, { RT_TOKEN: '1-23-abc' }).helpdesk.token).toBe('1-23-abc');
    expect(problems(raw)).toContain('relay.json: helpdesk.token: environment variable RT_TOKEN is not set');
  });

  test('rt needs a URL and a token; webhook needs a secret', () => {
    expect(problems({ helpdesk: { kind: 'rt' } })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^relay\.json: helpdesk\.url: required/), expect.stringMatching(/^relay\.json: helpdesk\.token: required/)]),
    );
    expect(problems({ helpdesk: { kind: 'webhook', url: 'https://hooks.example.com/t0' } })).toEqual([expect.stringMatching(/helpdesk\.secret: required/)]);
  });

  test('every problem is listed as "file: key: problem", unknown keys included', () => {
    const lines = problems({ orgins: ['https://a.example'], port: 'eighty', helpdesk: { kind: 'zendesk' }, routing: { priority: { high: { high: 9 } } } });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^relay\.json: orgins: unknown key/),
        'relay.json: port: must be a whole number from 0 to 65535',
        expect.stringMatching(/^relay\.json: helpdesk\.kind: "zendesk" is not one of rt, webhook, inbox/),
        'relay.json: routing.priority.high.high: must be a whole number from 1 to 5',
      ]),
    );
  });

  test('keeps a delivered ticket’s body 30 days by default; 0 keeps it for good', () => {
    expect(resolve({}).retention.deliveredDays).toBe(30);
    expect(resolve({ retention: { deliveredDays: 0 } }).retention.deliveredDays).toBe(0);
    expect(problems({ retention: { deliveredDays: -1 } })[0]).toMatch(/retention\.deliveredDays: must be a whole number/);
  });

  test('origins must be bare origins', () => {
    expect(resolve({ origins: ['https://intranet.example.com', 'http://localhost:5170/'] }).origins).toEqual(['https://intranet.example.com', 'http://localhost:5170']);
    expect(problems({ origins: ['https://intranet.example.com/help'] })[0]).toMatch(/origins\[0\]: .* is not an origin/);
    expect(problems({ origins: 'https://a.example' })[0]).toMatch(/origins: must be a list/);
  });

  test('a partial priority matrix keeps the default cells', () => {
    const config = resolve({ routing: { priority: { low: { low: 4 } }, queues: { printing: 'Printing' } } });
    expect(config.routing.priority.low.low).toBe(4);
    expect(config.routing.priority.high.high).toBe(1);
    expect(config.routing.queues).toEqual({ printing: 'Printing' });
  });

  test('refuses a lease too short for two help-desk timeouts (a slow help desk could get a ticket twice)', () => {
    expect(problems({ helpdesk: { timeoutMs: 10_000 }, delivery: { leaseMs: 15_000 } })[0]).toMatch(/delivery\.leaseMs: must be more than twice/);
    expect(resolve({ helpdesk: { timeoutMs: 20_000 } }).delivery.leaseMs).toBe(45_000);
  });

  test('a store must be sqlite:PATH or a postgres URL, and its password is not echoed', () => {
    expect(resolve({ store: 'postgres://relay:pw@db/tier0' }).store).toBe('postgres://relay:pw@db/tier0');
    const [line] = problems({ store: 'mysql://relay:secret@db/tier0' });
    expect(line).toMatch(/store: .* use sqlite:PATH or a postgres:\/\/ URL/);
    expect(line).not.toContain('secret');
  });

  test('loadConfig reads tier0.relay.yml from the folder and reports YAML errors with a line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tier0-relay-config-'));
    await writeFile(path.join(dir, 'tier0.relay.yml'), 'port: 5999\norigins:\n  - https://intranet.example.com\n');
    expect(loadConfig({ cwd: dir, env: {} }).config).toMatchObject({ port: 5999, origins: ['https://intranet.example.com'] });
    expect(loadConfig({ cwd: dir, env: {}, port: 6000 }).config.port).toBe(6000);
    await writeFile(path.join(dir, 'bad.yml'), 'port: 5999\norigins: [https://a.example\n');
    expect(() => loadConfig({ cwd: dir, env: {}, file: 'bad.yml' })).toThrow(/bad\.yml:\d+: /);
    expect(() => loadConfig({ cwd: dir, env: {}, file: 'missing.json' })).toThrow('missing.json: no such file');
  });
});
