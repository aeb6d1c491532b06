/**
 * Fixtures for the offline suites, on top of the shared helpers/: the caching headers the README
 * asks site owners for, a ticket endpoint that fails on demand and deduplicates by
 * Idempotency-Key, and a KB compiled from an editable copy of kb-content/.
 */
import { spawnSync } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, type RouteHandler } from './helpers/host-server.ts';

/**
 * `pathHeaders` for a Tier0 folder served at `mount`, as the README recommends: content-hashed
 * files immutable for a year, the fixed names revalidated; `Service-Worker-Allowed: /` so the
 * worker may control host pages outside its folder.
 */
export function offlineHeaders(mount: string): Record<string, Record<string, string>> {
  const immutable = { 'Cache-Control': 'public, max-age=31536000, immutable' };
  const revalidate = { 'Cache-Control': 'no-cache' };
  return {
    [`${mount}tier0.js`]: revalidate,
    [`${mount}sw.js`]: { ...revalidate, 'Service-Worker-Allowed': '/' },
    [`${mount}chunks/`]: immutable,
    [`${mount}kb/manifest.json`]: revalidate,
    [`${mount}kb/index.`]: immutable,
    [`${mount}kb/articles/`]: immutable,
    [`${mount}kb/media/`]: immutable,
  };
}

export interface TicketAttempt {
  key: string | null;
  status: number;
  marked: boolean;
  body: string;
}

export interface TicketEndpoint {
  route: RouteHandler;
  /** Statuses for the next POSTs, in order; afterwards tickets are accepted (201). */
  plan: number[];
  /** Retry-After sent with planned failures. */
  retryAfter: string | null;
  /** Every POST received. */
  attempts: TicketAttempt[];
  /** Accepted tickets: Idempotency-Key → ticket id (a duplicate gets the same id back). */
  accepted: Map<string, string>;
}

/** A ticket endpoint for `routes: { 'POST /api/tickets': endpoint.route }`. */
export function createTicketEndpoint(): TicketEndpoint {
  const endpoint: TicketEndpoint = {
    plan: [],
    retryAfter: null,
    attempts: [],
    accepted: new Map(),
    route: (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
      const key = req.headers['idempotency-key'];
      const attempt: TicketAttempt = {
        key: typeof key === 'string' ? key : null,
        status: 201,
        marked: req.headers['x-tier0-ticket'] === '1',
        body: body.toString('utf8'),
      };
      endpoint.attempts.push(attempt);
      const planned = endpoint.plan.shift();
      if (planned !== undefined && planned >= 400) {
        attempt.status = planned;
        res.writeHead(planned, { 'Content-Type': 'application/json', ...(endpoint.retryAfter ? { 'Retry-After': endpoint.retryAfter } : {}) });
        res.end(JSON.stringify({ error: `planned ${planned}` }));
        return;
      }
      const id = (attempt.key && endpoint.accepted.get(attempt.key)) || `T-${endpoint.accepted.size + 1}`;
      if (attempt.key) endpoint.accepted.set(attempt.key, id);
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ticketId: id }));
    },
  };
  return endpoint;
}

/** Compiles a content folder into `<distDir>/kb` with the real `tier0 build`. */
export function buildKb(contentDir: string, distDir: string): void {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/tier0.mjs'), 'build', '--content', contentDir, '--out', path.join(distDir, 'kb')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`tier0 build failed: ${r.stderr || r.stdout}`);
}

/** Copies the repository's KB content into `dir` so a test can edit an article. */
export async function copyContent(dir: string): Promise<string> {
  const target = path.join(dir, 'kb-content');
  await mkdir(target, { recursive: true });
  await cp(path.join(REPO_ROOT, 'kb-content'), target, { recursive: true });
  return target;
}

/** Polls `probe` until it returns a truthy value (for effects of background work). */
export async function eventually<T>(probe: () => T | Promise<T>, what: string, tries = 200): Promise<NonNullable<T>> {
  for (let i = 0; i < tries; i += 1) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
