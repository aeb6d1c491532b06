/**
 * A fake Request Tracker 5 REST 2.0 API for unit tests: a real HTTP server that enforces the
 * request shape RT documents (token auth, JSON create fields, base64 attachments, TicketSQL on
 * a custom field) and behaves as the real RT did when probed (403 for an unknown queue, unknown
 * custom fields silently dropped). It can be told to fail: an HTTP status (with Retry-After), a
 * reset connection, a slow answer, or "created, then the answer got lost".
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeRtTicket {
  id: number;
  Queue: string;
  Subject: string;
  Requestor: string;
  Content: string;
  ContentType: string;
  Priority: number | string | undefined;
  InitialPriority: number | string | undefined;
  CustomFields: Record<string, string>;
  Attachments: Array<{ FileName: string; FileType: string; content: Buffer }>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * status: answer with it (and `retryAfter`); reset: drop the connection; slow: answer after
 * `delayMs`; lose-answer: create the ticket, then drop the connection (a crash between RT's
 * create and our record of it). `times` failures, then normal service (default: until cleared).
 * `only` limits the failure to one operation.
 */
export type FakeRtFailure = {
  times?: number;
  only?: 'create' | 'search' | 'rt' | 'queue';
} & ({ mode: 'status'; status: number; retryAfter?: string; body?: string } | { mode: 'reset' } | { mode: 'slow'; delayMs: number } | { mode: 'lose-answer' });

export interface FakeRt {
  url: string;
  token: string;
  idField: string;
  queues: string[];
  tickets: FakeRtTicket[];
  requests: RecordedRequest[];
  fail(failure: FakeRtFailure | null): void;
  stop(): Promise<void>;
}

export interface FakeRtOptions {
  token?: string;
  idField?: string;
  queues?: string[];
  /** Queues the id field is applied to (default: all). */
  idFieldQueues?: string[];
}

const CREATE_FIELDS = new Set([
  'Queue', 'Subject', 'Requestor', 'Cc', 'AdminCc', 'Owner', 'Status', 'Content', 'ContentType',
  'Priority', 'InitialPriority', 'FinalPriority', 'Due', 'Starts', 'CustomFields', 'Attachments',
]);

/** Parses the TicketSQL this fake understands: `KEY = 'value'` conditions joined by AND. */
export function parseTicketSql(query: string): Array<{ key: string; value: string }> | string {
  const conditions: Array<{ key: string; value: string }> = [];
  let rest = query.trim();
  const quoted = /^'((?:[^'\\]|\\.)*)'|^"((?:[^"\\]|\\.)*)"/;
  const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
  for (;;) {
    let key: string;
    const q = quoted.exec(rest);
    if (q) {
      key = unescape(q[1] ?? q[2] ?? '');
      rest = rest.slice(q[0].length);
    } else {
      const bare = /^(CF\.\{[^}]+\}|\w+)/i.exec(rest);
      if (!bare) return `Wrong query, expecting a keyword in '${query}'`;
      key = bare[1] ?? '';
      rest = rest.slice(bare[0].length);
    }
    rest = rest.trimStart();
    if (!rest.startsWith('=')) return `Wrong query, expecting an operator in '${query}'`;
    rest = rest.slice(1).trimStart();
    const v = quoted.exec(rest);
    if (!v) return `Wrong query, no such column in '${query}'`;
    conditions.push({ key, value: unescape(v[1] ?? v[2] ?? '') });
    rest = rest.slice(v[0].length).trim();
    if (!rest) return conditions;
    const and = /^AND\s+/i.exec(rest);
    if (!and) return `Wrong query, expecting AND in '${query}'`;
    rest = rest.slice(and[0].length);
  }
}

const isBase64 = (s: string) => /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0;

/** Starts the fake on a free loopback port. */
export async function startFakeRt(options: FakeRtOptions = {}): Promise<FakeRt> {
  const token = options.token ?? '1-27-fakefakefakefakefakefakefake0';
  const idField = options.idField ?? 'Tier0 Handoff';
  const queues = options.queues ?? ['General L1', 'Printing', 'Network', 'Accounts'];
  const idFieldQueues = new Set(options.idFieldQueues ?? queues);
  const tickets: FakeRtTicket[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let failure: (FakeRtFailure & { left: number }) | null = null;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const operation = (method: string, path: string) =>
    method === 'POST' && path === '/REST/2.0/ticket' ? 'create'
      : path === '/REST/2.0/tickets' ? 'search'
        : path === '/REST/2.0/rt' ? 'rt'
          : path.startsWith('/REST/2.0/queue/') ? 'queue' : 'other';

  function create(body: string, res: ServerResponse, loseAnswer: boolean) {
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return send(res, 400, { message: 'JSON parse error' });
    }
    const unknown = Object.keys(json).filter((k) => !CREATE_FIELDS.has(k));
    if (unknown.length) return send(res, 400, { message: `fake RT: unknown create field(s) ${unknown.join(', ')}` });
    const queue = json.Queue;
    if (typeof queue !== 'string' || !queues.includes(queue)) {
      return send(res, 403, { message: `No permission to create tickets in the queue '${String(queue)}'` });
    }
    for (const key of ['Subject', 'Content', 'ContentType', 'Requestor'] as const) {
      if (json[key] !== undefined && typeof json[key] !== 'string') return send(res, 400, { message: `fake RT: ${key} must be a string` });
    }
    if (json.ContentType !== undefined && !['text/plain', 'text/html'].includes(json.ContentType as string)) {
      return send(res, 400, { message: 'fake RT: ContentType must be text/plain or text/html' });
    }
    for (const key of ['Priority', 'InitialPriority'] as const) {
      if (json[key] !== undefined && typeof json[key] !== 'number' && !/^\d+$/.test(String(json[key]))) {
        return send(res, 400, { message: `fake RT: ${key} must be a number` });
      }
    }
    const cfs = json.CustomFields ?? {};
    if (typeof cfs !== 'object' || cfs === null || Array.isArray(cfs)) return send(res, 400, { message: 'fake RT: CustomFields must be an object' });
    const attachments = json.Attachments ?? [];
    if (!Array.isArray(attachments)) return send(res, 400, { message: 'fake RT: Attachments must be an array' });
    for (const a of attachments as Array<Record<string, unknown>>) {
      if (typeof a.FileName !== 'string' || typeof a.FileType !== 'string' || typeof a.FileContent !== 'string' || !isBase64(a.FileContent)) {
        return send(res, 400, { message: 'fake RT: each attachment needs FileName, FileType and base64 FileContent' });
      }
    }
    const id = tickets.length + 1;
    tickets.push({
      id,
      Queue: queue,
      Subject: (json.Subject as string | undefined) ?? '',
      Requestor: (json.Requestor as string | undefined) ?? '',
      Content: (json.Content as string | undefined) ?? '',
      ContentType: (json.ContentType as string | undefined) ?? 'text/plain',
      Priority: json.Priority as number | string | undefined,
      InitialPriority: json.InitialPriority as number | string | undefined,
      // Like RT: a custom field not applied to the queue is dropped without a word.
      CustomFields: idFieldQueues.has(queue) && typeof (cfs as Record<string, unknown>)[idField] === 'string'
        ? { [idField]: (cfs as Record<string, string>)[idField] ?? '' }
        : {},
      Attachments: (attachments as Array<Record<string, string>>).map((a) => ({
        FileName: a.FileName ?? '', FileType: a.FileType ?? '', content: Buffer.from(a.FileContent ?? '', 'base64'),
      })),
    });
    if (loseAnswer) return res.socket?.destroy();
    send(res, 201, { id: String(id), type: 'ticket', _url: `${url}/REST/2.0/ticket/${id}` });
  }

  function search(query: URLSearchParams, res: ServerResponse) {
    const parsed = parseTicketSql(query.get('query') ?? '');
    if (typeof parsed === 'string') return send(res, 400, { message: parsed });
    let found = tickets.filter((t) => parsed.every(({ key, value }) => {
      const cf = /^CF\.\{(.+)\}$/i.exec(key);
      if (cf) return t.CustomFields[cf[1] ?? ''] === value;
      if (key.toLowerCase() === 'queue') return t.Queue === value;
      return false;
    }));
    if (query.get('order')?.toUpperCase() === 'DESC') found = [...found].reverse();
    const perPage = Number(query.get('per_page') ?? 20);
    const items = found.slice(0, perPage).map((t) => ({ id: String(t.id), type: 'ticket', _url: `${url}/REST/2.0/ticket/${t.id}` }));
    send(res, 200, { count: items.length, total: found.length, page: 1, per_page: perPage, items });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const parsedUrl = new URL(req.url ?? '/', 'http://fake');
      const path = parsedUrl.pathname;
      const method = req.method ?? 'GET';
      requests.push({ method, path, query: parsedUrl.searchParams, headers: req.headers, body });
      const answer = () => {
        if (req.headers.authorization !== `token ${token}`) return send(res, 401, { message: 'Unauthorized' });
        if (path === '/REST/2.0/rt' && method === 'GET') return send(res, 200, { Version: '5.0.3' });
        if (path === '/REST/2.0/ticket' && method === 'POST') {
          if (!String(req.headers['content-type']).startsWith('application/json')) return send(res, 415, { message: 'Unsupported Media Type' });
          return create(body, res, active?.mode === 'lose-answer');
        }
        if (path === '/REST/2.0/tickets' && method === 'GET') return search(parsedUrl.searchParams, res);
        const queue = /^\/REST\/2\.0\/queue\/(.+)$/.exec(path);
        if (queue && method === 'GET') {
          const name = decodeURIComponent(queue[1] ?? '');
          if (!queues.includes(name)) return send(res, 403, { message: 'Forbidden' });
          const cfs = idFieldQueues.has(name) ? [{ id: '2', name: idField, ref: 'customfield', type: 'customfield' }] : [];
          return send(res, 200, { id: queues.indexOf(name) + 1, Name: name, TicketCustomFields: cfs });
        }
        send(res, 404, { message: 'Not Found' });
      };
      const op = operation(method, path);
      const active = failure && (!failure.only || failure.only === op) ? failure : null;
      if (active && failure) {
        failure.left -= 1;
        if (failure.left <= 0) failure = null;
      }
      if (!active || active.mode === 'lose-answer') return answer();
      if (active.mode === 'status') {
        return send(res, active.status, { message: active.body ?? `fake failure ${active.status}` }, active.retryAfter ? { 'Retry-After': active.retryAfter } : {});
      }
      if (active.mode === 'reset') return req.socket.destroy();
      setTimeout(answer, active.delayMs).unref();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    token,
    idField,
    queues,
    tickets,
    requests,
    fail(next) {
      failure = next ? { ...next, left: next.times ?? Infinity } : null;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
