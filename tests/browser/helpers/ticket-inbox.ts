/**
 * A ticket endpoint for widget tests (the demo itself goes through the relay): a node:http
 * handler implementing the endpoint side of the ticket hand-off, as the README describes it.
 * Tickets are appended to `<dataDir>/tickets.jsonl` and fsync'd before the answer, so an
 * acknowledged ticket survives a crash; a replayed Idempotency-Key gets the same ticketId back
 * (the key index is rebuilt from the file on start), so retries never create duplicates.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { HONEYPOT_FIELD } from '../../../widget/core/ticket/ticket-types.ts';
import { appendDurably } from '../../../scripts/relay/connectors/inbox.ts';
import { ticketProblem } from '../../../scripts/relay/validate-ticket.ts';

export interface StoredTicket {
  ticketId: string;
  idempotencyKey: string;
  receivedAt: string;
  ticket: Record<string, unknown>;
}

export interface InboxOptions {
  /** Folder of tickets.jsonl. Default `.data`. */
  dataDir?: string;
  /** Path of the ticket endpoint. Default `/api/tickets`. */
  path?: string;
  /** Largest accepted body in bytes (attachments are base64). Default 16 MB. */
  maxBodyBytes?: number;
}

export interface Inbox {
  /** Handles the inbox's routes; resolves to false for any other request. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Every ticket received, oldest first. */
  tickets(): StoredTicket[];
}

const FIRST_NUMBER = 1001;

function readLog(file: string): StoredTicket[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return []; // no file yet: an empty inbox
  }
  const out: StoredTicket[] = [];
  for (const line of raw.split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as StoredTicket);
    } catch {
      // A torn last line from a crash mid-write: that ticket was never acknowledged, skip it.
    }
  }
  return out;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  res.setHeader('Vary', 'Origin');
  // Retry-After and Date are not readable cross-origin unless exposed.
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Date');
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Creates the inbox over a data folder, loading the tickets already received. */
export function createInbox(options: InboxOptions = {}): Inbox {
  const dataDir = options.dataDir ?? '.data';
  const path = options.path ?? '/api/tickets';
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const file = join(dataDir, 'tickets.jsonl');
  mkdirSync(dataDir, { recursive: true });
  const stored = readLog(file);
  const byKey = new Map(stored.map((s) => [s.idempotencyKey, s]));
  let next = stored.reduce((max, s) => Math.max(max, Number(/^L1-(\d+)$/.exec(s.ticketId)?.[1] ?? 0) + 1), FIRST_NUMBER);

  async function receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, maxBodyBytes);
    if (raw === null) return sendJson(res, 413, { error: 'the ticket is too large (attachments included)' });
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return sendJson(res, 400, { error: 'the body is not valid JSON' });
    }
    // Bots fill every field they see; the widget sends its off-screen honeypot when filled.
    const honeypot = (body as Record<string, unknown> | null)?.[HONEYPOT_FIELD];
    const problem = typeof honeypot === 'string' && honeypot.trim() !== '' ? 'this ticket looks automated and was not accepted' : ticketProblem(body);
    if (problem) return sendJson(res, 422, { error: problem });
    const ticket = body as Record<string, unknown>;
    const header = req.headers['idempotency-key'];
    const key = (Array.isArray(header) ? header[0] : header) || String(ticket.id);
    // Everything from here to the write is synchronous, so two concurrent requests with the same
    // key cannot both miss the map.
    const seen = byKey.get(key);
    if (seen) return sendJson(res, 200, { ticketId: seen.ticketId, duplicate: true });
    const record: StoredTicket = {
      ticketId: `L1-${next}`,
      idempotencyKey: key,
      receivedAt: new Date().toISOString(),
      ticket,
    };
    try {
      appendDurably(file, `${JSON.stringify(record)}\n`);
    } catch (error) {
      return sendJson(res, 503, { error: `the inbox could not store the ticket (${String(error)})` }, { 'Retry-After': '5' });
    }
    next++;
    stored.push(record);
    byKey.set(key, record);
    sendJson(res, 201, { ticketId: record.ticketId });
  }

  return {
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === path) {
        cors(req, res);
        if (req.method === 'OPTIONS') {
          res.writeHead(204, {
            'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
            'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, X-Tier0-Challenge',
            'Access-Control-Max-Age': '600',
          });
          res.end();
          return true;
        }
        if (req.method === 'POST') {
          await receive(req, res);
          return true;
        }
        if (req.method === 'GET') {
          sendJson(res, 200, stored);
          return true;
        }
        sendJson(res, 405, { error: 'use POST' }, { Allow: 'POST, GET, OPTIONS' });
        return true;
      }
      return false;
    },
    tickets: () => stored.map((s) => structuredClone(s)),
  };
}
