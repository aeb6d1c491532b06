import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { resolveConfig } from '../../../scripts/relay/config.ts';
import { startRelay } from '../../../scripts/relay/relay.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

test('a relay that cannot listen closes its database before it reports the error', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tier0-start-'));
  dirs.push(dir);
  const busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const port = (busy.address() as { port: number }).port;
  try {
    const config = resolveConfig({ port, host: '127.0.0.1', store: 'sqlite:./relay.db' }, {}, 'relay.json', dir);
    await expect(startRelay(config, { log: () => {}, deliver: false })).rejects.toThrow(/EADDRINUSE/);
    // SQLite removes the write-ahead log when the last connection to the database closes.
    expect(existsSync(path.join(dir, 'relay.db'))).toBe(true);
    expect(existsSync(path.join(dir, 'relay.db-wal'))).toBe(false);
  } finally {
    busy.close();
  }
});
