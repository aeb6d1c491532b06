/**
 * The test harness itself: a private cluster that starts from nothing but the binaries, and
 * leaves nothing behind; and a clear failure when the binaries are missing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findPostgresBin, startPostgres } from '../../relay-helpers/postgres-instance.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('postgres-instance', () => {
  it('runs a private cluster on loopback with fresh databases, then stops it by pid and removes its folder', async () => {
    const instance = await startPostgres({ fsync: false });
    try {
      expect(instance.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/tier0$/);
      const other = await instance.createDatabase();
      for (const url of [instance.url, other]) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
        await client.end();
        expect(url.endsWith(`/${rows[0]!.db}`)).toBe(true);
      }
      expect(alive(instance.pid)).toBe(true);
    } finally {
      await instance.stop();
    }
    expect(alive(instance.pid)).toBe(false);
    expect(existsSync(instance.dir)).toBe(false);
  }, 60_000);

  it('fails with the install command when the server binaries are missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'tier0-no-pg-'));
    try {
      expect(() => findPostgresBin({ PATH: empty }, join(empty, 'nothing'))).toThrow(
        /PostgreSQL server binaries \(initdb, pg_ctl\) not found .* apt-get install postgresql/,
      );
      expect(() => findPostgresBin({ TIER0_PG_BIN: empty, PATH: process.env.PATH })).toThrow(/\$TIER0_PG_BIN/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
