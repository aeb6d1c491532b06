/**
 * What both stores share: the ticket id format and the mapping from a `tickets` row to a
 * TicketRecord. Only the time type differs (epoch milliseconds in SQLite, Date from PostgreSQL).
 */
import type { RelayTicket, Route, TicketRecord, TicketStatus } from '../relay-types.ts';

const PREFIX = 'T0-';

/** The relay's ticket id for a row number. */
export function ticketIdOf(seq: number | string): string {
  return `${PREFIX}${seq}`;
}

/** The row number inside a ticket id, or null for anything that is not one of ours. */
export function seqOf(ticketId: string): number | null {
  const match = /^T0-([1-9][0-9]{0,14})$/.exec(ticketId);
  return match ? Number(match[1]) : null;
}

/** The row numbers of those ids that are ours; the rest cannot name a stored ticket. */
export function seqsOf(ticketIds: readonly string[]): number[] {
  return ticketIds.map(seqOf).filter((s): s is number => s !== null);
}

/** The columns every query returns, in the names `recordFromRow` reads. */
export const COLUMNS =
  'seq, idempotency_key, handoff_id, status, ticket, route, received_at, attempts, next_attempt_at, create_started_at, helpdesk_id, delivered_at, last_error';

export interface TicketRow<Time, Json> {
  seq: number | string;
  idempotency_key: string;
  handoff_id: string;
  status: TicketStatus;
  ticket: Json | null;
  route: Json;
  received_at: Time;
  attempts: number;
  next_attempt_at: Time | null;
  create_started_at: Time | null;
  helpdesk_id: string | null;
  delivered_at: Time | null;
  last_error: string | null;
}

/** A row as the record the relay works with; `iso` and `json` read the dialect's types. */
export function recordFromRow<Time, Json>(
  row: TicketRow<Time, Json>,
  iso: (time: Time) => string,
  json: (value: Json) => unknown,
): TicketRecord {
  const isoOrNull = (time: Time | null) => (time === null ? null : iso(time));
  return {
    ticketId: ticketIdOf(row.seq),
    idempotencyKey: row.idempotency_key,
    handoffId: row.handoff_id,
    status: row.status,
    ticket: row.ticket === null ? null : (json(row.ticket) as RelayTicket),
    route: json(row.route) as Route,
    receivedAt: iso(row.received_at),
    attempts: row.attempts,
    nextAttemptAt: isoOrNull(row.next_attempt_at),
    createStartedAt: isoOrNull(row.create_started_at),
    helpdeskId: row.helpdesk_id,
    deliveredAt: isoOrNull(row.delivered_at),
    lastError: row.last_error,
  };
}

/** Orders claimed records as the queue does (due first, then oldest), since RETURNING does not. */
export function byDueThenAge(a: TicketRecord, b: TicketRecord): number {
  const due = (a.nextAttemptAt ?? '').localeCompare(b.nextAttemptAt ?? '');
  return due !== 0 ? due : Number(seqOf(a.ticketId)) - Number(seqOf(b.ticketId));
}
