/**
 * The config's `store` value: which store it opens, and the message for one we cannot open.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, parseStoreUrl, redact } from '../../../scripts/relay/store/open-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'tier0-open-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseStoreUrl', () => {
  it.each([
    ['sqlite:./.tier0-relay/relay.db', { kind: 'sqlite', file: '/srv/app/.tier0-relay/relay.db' }],
    ['sqlite:data/relay.db', { kind: 'sqlite', file: '/srv/app/data/relay.db' }],
    ['sqlite:/var/lib/tier0/relay.db', { kind: 'sqlite', file: '/var/lib/tier0/relay.db' }],
    ['relay.db', { kind: 'sqlite', file: '/srv/app/relay.db' }],
    ['./x/relay.db', { kind: 'sqlite', file: '/srv/app/x/relay.db' }],
    ['/abs/relay.db', { kind: 'sqlite', file: '/abs/relay.db' }],
    ['postgres://u:p@db:5432/tier0', { kind: 'postgres', url: 'postgres://u:p@db:5432/tier0' }],
    ['postgresql://db/tier0?sslmode=require', { kind: 'postgres', url: 'postgresql://db/tier0?sslmode=require' }],
  ])('reads %s', (url, expected) => {
    expect(parseStoreUrl(url, '/srv/app')).toEqual(expected);
  });

  it.each([
    ['mysql://root:secret@db/tier0', /^store: "mysql:\/\/root:\*\*\*@db\/tier0" is not a store we know — use sqlite:PATH or a postgres:\/\/ URL$/],
    ['http://example.com/db', /is not a store we know — use sqlite:PATH or a postgres:\/\/ URL/],
    ['sqlite:', /names no file — use sqlite:PATH or a postgres:\/\/ URL/],
    ['', /names no file/],
    ['sqlite://relay.db', /write sqlite:PATH, e\.g\. sqlite:\.\/data\/relay\.db/],
  ])('refuses %j with a message that says what to write', (url, message) => {
    expect(() => parseStoreUrl(url, '/srv/app')).toThrow(message);
  });

  it('hides the password of a URL', () => {
    expect(redact('postgres://relay:s3cret@db:5432/tier0')).toBe('postgres://relay:***@db:5432/tier0');
    expect(redact('postgres://db/tier0')).toBe('postgres://db/tier0');
  });
});

describe('openStore', () => {
  it('opens and migrates a SQLite file relative to the current folder', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const store = await openStore('sqlite:nested/relay.db');
      expect(store.kind).toBe('sqlite');
      expect(existsSync(join(dir, 'nested', 'relay.db'))).toBe(true);
      expect((await store.accept({
        idempotencyKey: 'k',
        handoffId: 'h',
        ticket: null,
        route: { queue: 'General', priority: 3, impact: 'medium', urgency: 'medium', rated: false },
        status: 'discarded',
        receivedAt: new Date(),
      })).record.ticketId).toBe('T0-1001');
      await store.close();
    } finally {
      process.chdir(cwd);
    }
  });

  it('says which database it could not reach, without its password', async () => {
    // A port that refuses connections: listen, note it, close.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const failure = openStore(`postgres://relay:s3cret@127.0.0.1:${port}/tier0`);
    await expect(failure).rejects.toThrow(new RegExp(`^store: cannot open postgres://relay:\\*\\*\\*@127\\.0\\.0\\.1:${port}/tier0: .*ECONNREFUSED`));
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });
});
