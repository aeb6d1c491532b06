/**
 * A tiny static server for real-browser tests: serves the built dist/ under a sub-path (default
 * `/static/help/`, proving the widget works away from the site root), extra host pages given as
 * strings, optional response headers (e.g. a CSP) and custom route handlers (e.g. a ticket
 * endpoint). Shared by the widget, hand-off, offline and CSP tests.
 *
 *   const server = await startHostServer({
 *     pages: { '/': '<!doctype html>…<script src="/static/help/tier0.js" async></script>' },
 *     headers: { 'Content-Security-Policy': "default-src 'self'" },
 *     routes: { 'POST /api/tickets': (req, res) => { res.writeHead(201); res.end('{}'); } },
 *   });
 *   await page.goto(server.url('/'));
 *   await server.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_TYPES } from '../../../scripts/demo/demo-server.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built widget; TIER0_DIST points the browser tests at another copy (e.g. a snapshot). */
export const DIST_DIR = process.env.TIER0_DIST ? path.resolve(process.env.TIER0_DIST) : path.join(REPO_ROOT, 'dist');

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

export interface HostServerOptions {
  /** Folder served under `mount` (default dist/). */
  root?: string;
  /** URL prefix of `root` (default `/static/help/`). */
  mount?: string;
  /** Extra HTML pages by exact path, e.g. `{ '/': '<!doctype html>…' }`. */
  pages?: Record<string, string>;
  /** Headers added to every response (pages and files), e.g. Content-Security-Policy. */
  headers?: Record<string, string>;
  /** Headers per path prefix, e.g. `{ '/static/help/sw.js': { 'Service-Worker-Allowed': '/' } }`. */
  pathHeaders?: Record<string, Record<string, string>>;
  /** Custom routes as `"METHOD /path"` (or `"* /path"` for any method); get the request body. */
  routes?: Record<string, RouteHandler>;
  /** Fixed port; default a free one. */
  port?: number;
}

export interface HostServer {
  origin: string;
  /** Absolute URL for a path on this server. */
  url(p?: string): string;
  /** Every request seen, in order (method and path), for assertions. */
  requests: Array<{ method: string; path: string }>;
  /** Replaces or adds a page while running. */
  setPage(p: string, html: string): void;
  close(): Promise<void>;
}


/** Starts the server on 127.0.0.1. */
export async function startHostServer(options: HostServerOptions = {}): Promise<HostServer> {
  const root = options.root ?? DIST_DIR;
  const mount = options.mount ?? '/static/help/';
  const pages = new Map(Object.entries(options.pages ?? {}));
  const requests: HostServer['requests'] = [];

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    requests.push({ method, path: url.pathname });
    const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...(options.headers ?? {}) };
    for (const [prefix, extra] of Object.entries(options.pathHeaders ?? {})) {
      if (url.pathname.startsWith(prefix)) Object.assign(headers, extra);
    }

    const route = options.routes?.[`${method} ${url.pathname}`] ?? options.routes?.[`* ${url.pathname}`];
    if (route) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      for (const [k, v] of Object.entries(headers)) if (!res.hasHeader(k)) res.setHeader(k, v);
      await route(req, res, Buffer.concat(chunks));
      return;
    }
    const page = pages.get(url.pathname);
    if (page !== undefined && (method === 'GET' || method === 'HEAD')) {
      res.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES['.html']! });
      res.end(method === 'HEAD' ? undefined : page);
      return;
    }
    if (url.pathname.startsWith(mount) && (method === 'GET' || method === 'HEAD')) {
      const rel = decodeURIComponent(url.pathname.slice(mount.length)) || 'index.html';
      const file = path.resolve(root, rel);
      // Never serve outside the root (a "../" in a test URL is a bug, not a feature).
      if (file.startsWith(path.resolve(root) + path.sep) && await stat(file).then((s) => s.isFile(), () => false)) {
        const body = await readFile(file);
        res.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
        res.end(method === 'HEAD' ? undefined : body);
        return;
      }
    }
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
    res.end('not found');
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p = '/') => new URL(p, origin).href,
    requests,
    setPage: (p, html) => { pages.set(p, html); },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A minimal host page embedding the widget from `mount` (extra HTML goes in head/body). */
export function hostPage(opts: { mount?: string; attrs?: string; head?: string; body?: string; lang?: string; stub?: boolean } = {}): string {
  const mount = opts.mount ?? '/static/help/';
  const stub = opts.stub ? `<script>${STUB_SNIPPET}</script>` : '';
  return `<!doctype html><html lang="${opts.lang ?? 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host page</title><link rel="icon" href="data:,">${opts.head ?? ''}${stub}<script src="${mount}tier0.js" ${opts.attrs ?? ''} async></script></head><body>${opts.body ?? '<main><h1>Host page</h1><p>Content.</p></main>'}</body></html>`;
}

/** The documented one-line stub (same as public/index.html). */
export const STUB_SNIPPET = '!function(w,t){t=w.Tier0=w.Tier0||{q:[]};"init open close toggle search showArticle escalate prefill identify on destroy".split(" ").forEach(function(m){t[m]=t[m]||function(){t.q.push([m,[].slice.call(arguments)])}})}(window)';
