/**
 * `tier0 demo` (`npm start`): compiles the KB and the widget, then runs the whole path on this
 * machine: dist/ (the demo page at `/`, http://localhost:5170/ by default), the relay (SQLite in
 * .tier0-relay/, the inbox connector) behind the page's own `/api/tickets`, and the inbox page
 * at `/inbox` showing what Level 1 receives. Edits under kb-content/ rebuild the KB.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInbox, type InboxTicket } from '../relay/connectors/inbox.ts';
import { resolveConfig } from '../relay/config.ts';
import { startRelay, type Relay } from '../relay/relay.ts';
import { AGENT_INBOX_CSS, renderAgentInbox } from './agent-inbox-page.ts';
import { watchKb } from './kb-watch.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_PORT = 5170;

/** Content types of the files a Tier0 dist/ holds (shared with the browser-test host server). */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

// Content-hashed names (widget chunks, KB files) never change content; the rest is revalidated.
const HASHED = /[\\/]chunks[\\/]|\.[0-9a-f]{8,}\.[a-z0-9]+$/;

/** Serves files under `dir` (GET/HEAD only, no directory escapes); false when there is no such file. */
export async function serveStatic(dir: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return false; // malformed escapes: not a file of ours
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = path.resolve(dir, `.${pathname}`);
  if (file !== dir && !file.startsWith(dir + path.sep)) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': info.size,
    'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
  return true;
}

export interface DemoServerOptions {
  port: number;
  distDir?: string;
  /** Where the relay keeps its SQLite database and the inbox. Default `.tier0-relay/`. */
  dataDir?: string;
  host?: string;
  /** The relay's port. Default 5180 (0: any free port). */
  relayPort?: number;
}

export interface DemoServer {
  server: Server;
  relay: Relay;
  url: string;
  /** The tickets the relay delivered to the demo inbox, oldest first. */
  inboxTickets(): InboxTicket[];
  close(): Promise<void>;
}

/**
 * Forwards the demo page's `/api/tickets` to the relay's `/tickets`, as a site would with its
 * own reverse proxy: the page and its ticket endpoint share one origin, so there is no CORS and
 * the service worker can retry tickets in the background.
 */
function proxyToRelay(relayUrl: string, req: IncomingMessage, res: ServerResponse): void {
  const target = new URL('/tickets', relayUrl);
  const headers = { ...req.headers, host: target.host, 'x-forwarded-for': req.socket.remoteAddress ?? '' };
  // Same-origin for the browser; the relay sees a request with no cross-site Origin.
  delete headers.origin;
  const upstream = request(target, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '5' });
    res.end(JSON.stringify({ error: 'the relay is not running; your ticket is kept and sent again' }));
  });
  req.pipe(upstream);
}

/** Starts the demo: static dist/, the relay (SQLite + inbox connector) and the inbox page. */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const distDir = path.resolve(options.distDir ?? path.join(root, 'dist'));
  const dataDir = path.resolve(options.dataDir ?? path.join(root, '.tier0-relay'));
  const host = options.host ?? 'localhost';
  const config = resolveConfig(
    {
      port: options.relayPort ?? 5180,
      host: '127.0.0.1',
      origins: ['*'],
      store: `sqlite:${path.join(dataDir, 'relay.db')}`,
      helpdesk: { kind: 'inbox', url: path.join(dataDir, 'inbox'), queue: 'Service Desk' },
      routing: { queues: DEMO_QUEUES },
      // The whole demo comes from one address: keep the limits for real sites, not for it.
      limits: { perClientBurst: 1000, perClientPerMinute: 6000 },
      delivery: { pollMs: 250 },
    },
    process.env,
    'demo relay',
    root,
  );
  const relay = await startRelay(config, { log: () => {} });
  const inboxDir = config.helpdesk.url;
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/api/tickets') return proxyToRelay(relay.url, req, res);
      if (url.pathname === '/inbox' || url.pathname === '/inbox/') {
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src data:; base-uri 'none'; form-action 'none'",
        });
        res.end(renderAgentInbox(readInbox(inboxDir)));
        return;
      }
      if (url.pathname === '/inbox.css') {
        res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' });
        res.end(AGENT_INBOX_CSS);
        return;
      }
      if (await serveStatic(distDir, req, res)) return;
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    })().catch((error: unknown) => {
      console.error('[tier0] demo server error', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => resolve());
    });
  } catch (error) {
    await relay.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    server,
    relay,
    url: `http://localhost:${port}/`,
    inboxTickets: () => readInbox(inboxDir),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await relay.close();
    },
  };
}

// The starter KB's categories, each to its own L1 queue; anything else goes to "Service Desk".
const DEMO_QUEUES = { accounts: 'Accounts', printing: 'Printing', network: 'Network', email: 'Email', devices: 'Devices', security: 'Security' };

function parsePort(args: string[]): number | null {
  const i = args.indexOf('--port');
  const inline = args.find((a) => a.startsWith('--port='))?.slice(7);
  const raw = inline ?? (i >= 0 ? args[i + 1] : undefined) ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(raw);
  return Number.isInteger(port) && port >= 0 && port < 65536 ? port : null;
}

/** `tier0 demo [--port N]`: build everything, serve the demo, the relay and the inbox until Ctrl-C. */
export async function demoCommand(args: string[]): Promise<number> {
  const port = parsePort(args);
  if (port === null) {
    console.error('tier0 demo: --port needs a number between 0 and 65535');
    return 2;
  }
  const contentDir = path.join(root, 'kb-content');
  const kbOut = path.join(root, 'dist/kb');
  const { compileKb } = await import('../kb/compile.ts');
  const kb = await compileKb({ contentDir, outDir: kbOut });
  for (const d of kb.diagnostics) console.error(`${d.file}:${d.line}: ${d.severity}: ${d.message}`);
  if (!kb.ok) {
    console.error('tier0 demo: the knowledge base has errors (above); fix them and run again');
    return 1;
  }
  console.log(`tier0: KB compiled — ${kb.stats.articles} articles`);
  const { buildWidget } = await import('../build/build-widget.ts');
  await buildWidget();

  let started: DemoServer;
  try {
    started = await startDemoServer({ port });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    console.error(e.code === 'EADDRINUSE' ? `tier0 demo: a port is in use (${e.message}) — try --port ${port + 1}, or stop the other relay on 5180` : `tier0 demo: ${String(error)}`);
    return 1;
  }
  const stopWatching = watchKb({ contentDir, distDir: path.join(root, 'dist'), kbOut });
  console.log(
    `\n  Demo page:     ${started.url}\n  Ticket inbox:  ${started.url}inbox   (what Level 1 receives)\n  Relay:         ${started.relay.url}/tickets   (health: ${started.relay.url}/healthz)\n\n  Editing kb-content/ rebuilds the KB: reload the page to see it ("Help content was updated").\n  Ctrl-C stops.`,
  );
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      stopWatching();
      void started.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
