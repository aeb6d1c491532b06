/**
 * `npx tier0 relay` as a real child process, the way a site owner runs it: a config file in a
 * temp folder, the ready line awaited on standard output, JSON logs collected from standard
 * error, and the process stopped with the signal a test chooses (SIGTERM to see a graceful stop,
 * SIGKILL to crash it mid-delivery).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TIER0_BIN = path.join(ROOT, 'scripts/tier0.mjs');

export interface RelayProcess {
  url: string;
  child: ChildProcess;
  /** Structured log lines so far, parsed. */
  logs(): Array<Record<string, unknown>>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Writes `config` to `<dir>/<name>.json` and starts a relay on it; resolves once it listens. */
export async function startRelayProcess(dir: string, config: Record<string, unknown>, name = 'relay', env: NodeJS.ProcessEnv = {}): Promise<RelayProcess> {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  const child = spawn(process.execPath, [TIER0_BIN, 'relay', '--config', file], { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay ${name} did not start in 30 s:\n${stdout}\n${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const m = /listening on (http:\/\/\S+)\/tickets/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`relay ${name} exited with ${code} before listening:\n${stdout}\n${stderr}`));
    });
  });
  return {
    url,
    child,
    exited,
    logs: () =>
      stderr
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** POSTs a ticket as the widget does. */
export function postTicket(url: string, ticket: { id: string }, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': ticket.id, ...headers },
    body: JSON.stringify(ticket),
  });
}
