/**
 * `tier0 demo` (`npm start`): compiles the KB and the widget, then serves dist/ (the demo page at
 * `/`) and the demo ticket inbox on one origin, http://localhost:5170/ by default.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInbox, type Inbox } from './inbox/inbox.ts';

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
  dataDir?: string;
  host?: string;
}

/** Starts the demo server (static dist/ + inbox); resolves once it listens. */
export async function startDemoServer(options: DemoServerOptions): Promise<{ server: Server; inbox: Inbox; url: string }> {
  const distDir = path.resolve(options.distDir ?? path.join(root, 'dist'));
  const inbox = createInbox({ dataDir: options.dataDir ?? path.join(root, '.data') });
  const server = createServer((req, res) => {
    void (async () => {
      if (await inbox.handle(req, res)) return;
      if (await serveStatic(distDir, req, res)) return;
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    })().catch((error: unknown) => {
      console.error('[tier0] demo server error', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? 'localhost', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, inbox, url: `http://localhost:${port}/` };
}

function parsePort(args: string[]): number | null {
  const i = args.indexOf('--port');
  const inline = args.find((a) => a.startsWith('--port='))?.slice(7);
  const raw = inline ?? (i >= 0 ? args[i + 1] : undefined) ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(raw);
  return Number.isInteger(port) && port >= 0 && port < 65536 ? port : null;
}

/** `tier0 demo [--port N]`: build everything, serve the demo and the inbox until Ctrl-C. */
export async function demoCommand(args: string[]): Promise<number> {
  const port = parsePort(args);
  if (port === null) {
    console.error('tier0 demo: --port needs a number between 0 and 65535');
    return 2;
  }
  const { compileKb } = await import('../kb/compile.ts');
  const kb = await compileKb({ contentDir: path.join(root, 'kb-content'), outDir: path.join(root, 'dist/kb') });
  for (const d of kb.diagnostics) console.error(`${d.file}:${d.line}: ${d.severity}: ${d.message}`);
  if (!kb.ok) {
    console.error('tier0 demo: the knowledge base has errors (above); fix them and run again');
    return 1;
  }
  console.log(`tier0: KB compiled — ${kb.stats.articles} articles`);
  const { buildWidget } = await import('../build/build-widget.ts');
  await buildWidget();

  let started: Awaited<ReturnType<typeof startDemoServer>>;
  try {
    started = await startDemoServer({ port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `tier0 demo: port ${port} is in use — try --port ${port + 1}` : `tier0 demo: ${String(error)}`);
    return 1;
  }
  console.log(`\n  Demo page:     ${started.url}\n  Ticket inbox:  ${started.url}inbox\n  Ticket API:    ${started.url}api/tickets\n\n  Ctrl-C stops.`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      started.server.close(() => resolve(0));
      // Keep-alive connections from the browser would hold close() open.
      started.server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
