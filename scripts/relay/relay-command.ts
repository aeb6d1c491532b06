/**
 * `tier0 relay [--config FILE] [--port N]` runs the relay until SIGTERM/SIGINT;
 * `tier0 relay retry [--config FILE] [TICKET_ID…]` puts parked tickets back in the queue;
 * `tier0 relay status [--config FILE]` prints the queue as JSON.
 * Standard output carries the one ready line (and command results); the structured logs go to
 * standard error, one JSON object a line.
 */
import { ConfigError, loadConfig, type RelayConfig } from './config.ts';
import { openStore } from './store/open-store.ts';

// A close that hangs (a help desk that never answers) must not keep a stopping relay forever;
// leases make an abandoned delivery safe to resume elsewhere.
const STOP_TIMEOUT_MS = 20_000;

const usage = `usage: tier0 relay [--config FILE] [--port N]
       tier0 relay retry [--config FILE] [TICKET_ID…]   requeue parked tickets (all, or those named)
       tier0 relay status [--config FILE]                print the queue as JSON`;

interface Parsed {
  sub: 'run' | 'retry' | 'status';
  file?: string;
  port?: number;
  ids: string[];
}

function parseArgs(args: string[]): Parsed | string {
  const parsed: Parsed = { sub: 'run', ids: [] };
  const rest = [...args];
  if (rest[0] === 'retry' || rest[0] === 'status') parsed.sub = rest.shift() as Parsed['sub'];
  while (rest.length > 0) {
    const arg = rest.shift()!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--config') {
      const value = inline ?? rest.shift();
      if (!value) return '--config needs a file';
      parsed.file = value;
    } else if (flag === '--port') {
      const port = Number(inline ?? rest.shift());
      if (!Number.isInteger(port) || port < 0 || port > 65535) return '--port needs a number from 0 to 65535';
      parsed.port = port;
    } else if (flag === '--help' || flag === '-h') return '';
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (parsed.sub === 'retry') parsed.ids.push(arg);
    else return `unexpected argument ${arg}`;
  }
  return parsed;
}

async function withStore<T>(config: RelayConfig, fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(config.store);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Runs `tier0 relay …` and resolves to its exit code. */
export async function relayCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    if (parsed) console.error(`tier0 relay: ${parsed}`);
    console.error(usage);
    return parsed ? 2 : 0;
  }
  let config: RelayConfig;
  let source: string;
  try {
    ({ config, source } = loadConfig({ file: parsed.file, cwd: process.cwd(), env: process.env, port: parsed.port }));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  if (parsed.sub === 'retry') {
    const count = await withStore(config, (store) => store.requeueParked(parsed.ids.length > 0 ? parsed.ids : undefined));
    console.log(`tier0 relay: ${count} parked ticket(s) back in the queue; a running relay delivers them within its poll interval`);
    return 0;
  }
  if (parsed.sub === 'status') {
    const stats = await withStore(config, (store) => store.stats());
    console.log(JSON.stringify(stats));
    return 0;
  }

  const { startRelay } = await import('./relay.ts');
  let relay;
  try {
    relay = await startRelay(config);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    console.error(e.code === 'EADDRINUSE' ? `tier0 relay: port ${config.port} is in use — set "port" in the config or pass --port` : `tier0 relay: ${e.message}`);
    return 1;
  }
  console.log(`tier0 relay: listening on ${relay.url}/tickets (config: ${source}; store: ${relay.store.kind}; help desk: ${relay.connector.kind})`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      const timer = setTimeout(() => resolve(1), STOP_TIMEOUT_MS);
      timer.unref();
      void relay.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
