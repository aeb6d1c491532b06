/**
 * The demo inbox as a help desk: tickets land in `<dir>/inbox.jsonl` (appended and fsync'd, so
 * a ticket the relay recorded as delivered is there after a crash), numbered L1-1001, L1-1002 …
 * The demo's inbox page reads the same folder and shows what an agent would see: queue,
 * priority, the first-diagnosis summary and the transcript.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Connector, HelpdeskTicket } from '../relay-types.ts';

/** One ticket as the inbox keeps it: what a connector sends (less the raw ticket), numbered. */
export type InboxTicket = Omit<HelpdeskTicket, 'ticket'> & { helpdeskId: string; receivedAt: string };

const FILE = 'inbox.jsonl';
const FIRST_NUMBER = 1001;

/** Every ticket in the inbox folder, oldest first (a torn last line from a crash is skipped). */
export function readInbox(dir: string): InboxTicket[] {
  let raw: string;
  try {
    raw = readFileSync(path.join(dir, FILE), 'utf8');
  } catch {
    return [];
  }
  return raw.split('\n').flatMap((line) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as InboxTicket];
    } catch {
      return []; // written by a process that died mid-line: that ticket was never recorded as delivered
    }
  });
}

/** Appends one line and fsyncs it before returning: a line written is a line kept. */
export function appendDurably(file: string, line: string): void {
  const fd = openSync(file, 'a');
  try {
    writeSync(fd, line);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The inbox connector over a folder. */
export function createInboxConnector(dir: string): Connector {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, FILE);
  const nextNumber = () => readInbox(dir).reduce((max, t) => Math.max(max, Number(/^L1-(\d+)$/.exec(t.helpdeskId)?.[1] ?? 0) + 1), FIRST_NUMBER);
  return {
    kind: 'inbox',
    async create(ticket: HelpdeskTicket) {
      try {
        // The raw widget ticket stays out: the agent reads the summary, as in any help desk.
        const { ticket: _raw, ...fields } = ticket;
        const stored: InboxTicket = { helpdeskId: `L1-${nextNumber()}`, receivedAt: new Date().toISOString(), ...fields };
        appendDurably(file, `${JSON.stringify(stored)}\n`);
        return { ok: true, value: { helpdeskId: stored.helpdeskId } };
      } catch (error) {
        return { ok: false, error: { kind: 'retry', message: `the inbox could not store the ticket (${(error as Error).message})` } };
      }
    },
    async findByHandoffId(handoffId) {
      const found = readInbox(dir).find((t) => t.handoffId === handoffId);
      return { ok: true, value: found ? { helpdeskId: found.helpdeskId } : null };
    },
    async health() {
      try {
        mkdirSync(dir, { recursive: true });
        return { ok: true, value: { detail: `inbox at ${dir}` } };
      } catch (error) {
        return { ok: false, error: { kind: 'retry', message: `the inbox folder is not writable (${(error as Error).message})` } };
      }
    },
  };
}
