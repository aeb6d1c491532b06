/**
 * A private PostgreSQL cluster for one test run: initdb into a temporary folder, postgres on a
 * free loopback port with its socket in that folder, trust authentication (loopback only), one
 * database. Needs only Debian's server binaries (`apt-get install postgresql`); no cluster has
 * to be running or configured, and the system's clusters are never touched.
 *
 *   const pg = await startPostgres();      // in beforeAll (allow ~30 s)
 *   pg.url                                 // postgres://postgres@127.0.0.1:PORT/tier0
 *   await pg.createDatabase()              // a fresh empty database's URL
 *   await pg.stop();                       // in afterAll: stops it by pid, removes the folder
 *
 * Running as root (CI containers), the cluster runs as the `postgres` user, because initdb and
 * postgres refuse root. Missing binaries are an error with the fix in its message, so a test
 * that needs PostgreSQL fails instead of silently skipping.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresInstance {
  /** URL of the database created at start. */
  url: string;
  /** Creates another empty database in the cluster and answers its URL. */
  createDatabase(name?: string): Promise<string>;
  /** The postmaster's pid. */
  pid: number;
  /** The temporary folder holding the cluster, its socket and its log. */
  dir: string;
  /** Stops the cluster (fast shutdown, then SIGKILL after 10 s) and removes its folder. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /**
   * fsync on, as in production (default). Tests that measure nothing about durability may turn
   * it off to spare a machine that several people share.
   */
  fsync?: boolean;
}

/**
 * Where the server binaries are: $TIER0_PG_BIN when set (and only there: a setting that points
 * nowhere is an error, not a hint), else the newest /usr/lib/postgresql/N/bin, else PATH.
 */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env, debianRoot = '/usr/lib/postgresql'): string {
  const candidates: string[] = [];
  if (env.TIER0_PG_BIN) {
    candidates.push(env.TIER0_PG_BIN);
  } else {
    if (existsSync(debianRoot)) {
      const versions = readdirSync(debianRoot)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a));
      candidates.push(...versions.map((v) => join(debianRoot, v, 'bin')));
    }
    candidates.push(...(env.PATH ?? '').split(':').filter(Boolean));
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    const where = env.TIER0_PG_BIN ? `$TIER0_PG_BIN (${env.TIER0_PG_BIN})` : `${debianRoot}/*/bin or PATH`;
    throw new Error(
      `PostgreSQL server binaries (initdb, pg_ctl) not found in ${where} — ` +
        'install them (Debian: apt-get install postgresql) to run the PostgreSQL store tests',
    );
  }
  return found;
}

/** Starts a private cluster and creates its first database. */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresInstance> {
  const bin = findPostgresBin();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'tier0-pg-'));
  const data = join(dir, 'data');
  // As root, everything runs as `postgres`, which must own the folder (and reach it: mkdtemp in
  // /tmp is fine; a TMPDIR inside /root would not be).
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    try {
      return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`postgres-instance: ${cmd} failed: ${(e.stderr || e.message).trim()}`);
    }
  };

  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    // --no-sync: the cluster is thrown away after the run; fsync at run time is set below.
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    const port = await freePort();
    const settings = [
      `-c listen_addresses=127.0.0.1`,
      `-p ${port}`,
      `-k ${dir}`,
      `-c fsync=${options.fsync === false ? 'off' : 'on'}`,
      `-c max_connections=200`,
      `-c shared_buffers=32MB`,
    ].join(' ');
    run('pg_ctl', ['start', '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', settings]);
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    // If the test process exits without afterAll, take the cluster and its folder with it.
    const onExit = () => {
      kill(pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', onExit);

    const base = `postgres://postgres@127.0.0.1:${port}`;
    let counter = 0;
    const createDatabase = async (name = `tier0_${++counter}_${Date.now().toString(36)}`) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`postgres-instance: bad database name ${name}`);
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    };
    const url = await createDatabase('tier0');

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        process.removeListener('exit', onExit);
        kill(pid, 'SIGINT'); // fast shutdown: disconnects clients, no waiting for them
        const deadline = Date.now() + 10_000;
        while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        if (alive(pid)) kill(pid, 'SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      })());
    return { url, createDatabase, pid, dir, stop };
  } catch (error) {
    const log = join(dir, 'server.log');
    const tail = existsSync(log) ? `\n--- server.log ---\n${readFileSync(log, 'utf8').slice(-2000)}` : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}${tail}`, { cause: error });
  }
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone: nothing to stop.
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A loopback port free right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** For scripts (bench, manual runs): `npx tsx tests/relay-helpers/postgres-instance.ts` prints a URL until Ctrl-C. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const instance = await startPostgres();
  console.log(instance.url);
  const stop = () => void instance.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
