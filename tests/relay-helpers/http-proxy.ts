/**
 * A loopback HTTP proxy in front of a help desk, for failure tests: `down()` refuses connections
 * (the help desk is unreachable), `up()` serves again on the same port, and `afterCreate` runs a
 * test's hook once the help desk has answered a create but before that answer reaches the relay
 * (to kill the relay at the worst moment; the answer is then never delivered).
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface HelpdeskProxy {
  url: string;
  down(): Promise<void>;
  up(): Promise<void>;
  /** Called when a request matching `isCreate` got its answer; return true to drop the answer. */
  afterCreate: ((status: number, body: string) => Promise<boolean> | boolean) | null;
  close(): Promise<void>;
}

/** Starts a proxy to `target` (base URL) on a free loopback port. */
export async function startProxy(target: string, isCreate: (method: string, path: string) => boolean): Promise<HelpdeskProxy> {
  const base = new URL(target);
  const sockets = new Set<Socket>();
  let port = 0;
  let server: Server;
  const proxy: HelpdeskProxy = {
    url: '',
    afterCreate: null,
    async down() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async up() {
      server = make();
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
  function make(): Server {
    const s = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const upstream = request(
          { host: base.hostname, port: base.port, path: req.url, method: req.method, headers: { ...req.headers, host: base.host } },
          (answer) => {
            const body: Buffer[] = [];
            answer.on('data', (c: Buffer) => body.push(c));
            answer.on('end', () => {
              void (async () => {
                const text = Buffer.concat(body).toString('utf8');
                if (proxy.afterCreate && isCreate(req.method ?? '', req.url ?? '') && (await proxy.afterCreate(answer.statusCode ?? 0, text))) {
                  req.socket.destroy();
                  return;
                }
                res.writeHead(answer.statusCode ?? 502, answer.headers);
                res.end(Buffer.concat(body));
              })();
            });
          },
        );
        upstream.on('error', () => req.socket.destroy());
        upstream.end(Buffer.concat(chunks));
      });
    });
    s.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return s;
  }
  server = make();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  proxy.url = `http://127.0.0.1:${port}`;
  return proxy;
}
