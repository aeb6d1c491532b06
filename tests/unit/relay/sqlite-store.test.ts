/**
 * What only the SQLite store does: WAL, one commit for concurrent accepts, and sharing one file
 * with another process (a `tier0 relay retry`, or a second relay on the same machine).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RelayStore } from '../../../scripts/relay/relay-types.ts';
import { openStore } from '../../../scripts/relay/store/open-store.ts';
import { makeAccept } from '../../relay-helpers/store-kinds.ts';

const dir = mkdtempSync(join(tmpdir(), 'tier0-sqlite-store-'));
let n = 0;
const freshFile = () => join(dir, `case-${++n}`, 'relay.db');
const opened: RelayStore[] = [];
async function open(file: string): Promise<RelayStore> {
  const store = await openStore(`sqlite:${file}`);
  opened.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite store', () => {
  it('creates its folder and keeps the file in WAL mode', async () => {
    const file = freshFile();
    await open(file);
    const raw = new Database(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('stores concurrent accepts together and answers each its own record', async () => {
    const file = freshFile();
    const store = await open(file);
    const inputs = Array.from({ length: 50 }, (_, i) => makeAccept({ idempotencyKey: `k${i}` }));
    const results = await Promise.all(inputs.map((input) => store.accept(input)));
    expect(results.map((r) => r.record.idempotencyKey)).toEqual(inputs.map((i) => i.idempotencyKey));
    expect(new Set(results.map((r) => r.record.ticketId)).size).toBe(50);
    // Committed when resolved: another connection sees all of them.
    const raw = new Database(file);
    expect(raw.prepare<{ n: number }>('SELECT count(*) AS n FROM tickets').get()?.n).toBe(50);
    raw.close();
  });

  describe('shared by several processes', () => {
    const child = promisify(execFile);
    const runChild = async (...args: string[]) => {
      const { stdout } = await child(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../relay-helpers/store-child.ts'), ...args], {
        timeout: 60_000,
      });
      return JSON.parse(stdout.trim().split('\n').pop()!) as string[];
    };

    it('gives every ticket to exactly one of three processes claiming at once', async () => {
      const file = freshFile();
      const store = await open(file);
      await Promise.all(Array.from({ length: 150 }, (_, i) => store.accept(makeAccept({ idempotencyKey: `c${i}` }))));
      const url = `sqlite:${file}`;
      const claimed = (await Promise.all([runChild(url, 'claim', 'p1'), runChild(url, 'claim', 'p2'), runChild(url, 'claim', 'p3')])).flat();
      expect(claimed).toHaveLength(150);
      expect(new Set(claimed).size).toBe(150);
    }, 60_000);

    it('stores one ticket per key when two processes accept the same keys at once', async () => {
      const file = freshFile();
      const store = await open(file);
      const url = `sqlite:${file}`;
      const lines = (await Promise.all([runChild(url, 'accept', 'k', '100'), runChild(url, 'accept', 'k', '100')])).flat();
      const idsByKey = new Map<string, Set<string>>();
      for (const line of lines) {
        const [key, id] = line.split('=') as [string, string];
        idsByKey.set(key, (idsByKey.get(key) ?? new Set()).add(id));
      }
      expect(idsByKey.size).toBe(100);
      expect([...idsByKey.values()].every((ids) => ids.size === 1)).toBe(true);
      expect((await store.stats()).queued).toBe(100);
    }, 60_000);
  });
});
