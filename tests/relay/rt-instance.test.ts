/**
 * The live RT harness itself: a private RT answers on loopback, and never outlives the test
 * process that started it, even one killed with SIGKILL before it could call stop().
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { expect, test } from 'vitest';

test('an RT whose test process was SIGKILLed stops and leaves no folder behind', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/relay-helpers/rt-child.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`rt-child exited with ${code}`)));
  });
  const rt = JSON.parse(line) as { url: string; dir: string; token: string };
  const ask = () => fetch(`${rt.url}/REST/2.0/rt`, { headers: { Authorization: `token ${rt.token}` }, signal: AbortSignal.timeout(5000) });
  expect((await ask()).status).toBe(200);
  expect(existsSync(rt.dir)).toBe(true);

  child.kill('SIGKILL');
  await expect.poll(async () => ask().then(() => 'answers', (e: Error) => (e.cause as { code?: string })?.code ?? e.name), { timeout: 30_000, interval: 250 }).toBe('ECONNREFUSED');
  await expect.poll(() => existsSync(rt.dir), { timeout: 10_000, interval: 100 }).toBe(false);
});
