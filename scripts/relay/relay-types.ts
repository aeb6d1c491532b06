/**
 * The relay's shared types: the ticket as it travels from the widget to the help desk, the
 * store's record of it, and the two interfaces behind which storage and help desks plug in.
 * Everything here is data; behaviour lives in one module per concern beside it.
 */
import type { Level, Ticket } from '../../widget/core/ticket/ticket-types.ts';

export type { Level };

/** One guided-flow answer still standing when the user escalated. */
export interface FlowAnswer {
  flow: string;
  step: string;
  answer: string;
}

/**
 * The contract §4 ticket as the relay accepts it, with the widget's additive fields: anti-bot
 * signals (judged here, never shown to the user) and the guided answers for the L1 summary.
 */
export type RelayTicket = Ticket & {
  signals?: { formMs?: number };
  flowAnswers?: FlowAnswer[];
};

/** Where a ticket goes and how urgent it is, decided once at acceptance (routing.ts). */
export interface Route {
  queue: string;
  /** ITIL priority: 1 critical … 5 planning. */
  priority: number;
  impact: Level;
  urgency: Level;
  /** True when impact and urgency came from the ticket; false when the defaults applied. */
  rated: boolean;
}

/**
 * queued: waiting for (re)delivery; delivered: the help desk has it (helpdeskId set);
 * parked: a permanent help-desk error, waits for `tier0 relay retry`; discarded: a bot's ticket,
 * answered like any other and never delivered.
 */
export type TicketStatus = 'queued' | 'delivered' | 'parked' | 'discarded';

export interface TicketRecord {
  /** The relay's id, shown to the user ("T0-1042"); one per idempotency key. */
  ticketId: string;
  idempotencyKey: string;
  /** The widget's ticket id, stored in the help desk (custom field, external_id) for lookups. */
  handoffId: string;
  status: TicketStatus;
  /** The accepted ticket; null once discarded. */
  ticket: RelayTicket | null;
  route: Route;
  receivedAt: string;
  /** Delivery attempts started (incremented by each claim). */
  attempts: number;
  /** When the next attempt is due (queued tickets). */
  nextAttemptAt: string | null;
  /**
   * Recovery point: set durably just before a create request leaves for the help desk. A record
   * with it set and no helpdeskId may already exist there, so the next attempt looks it up by
   * handoffId before creating again.
   */
  createStartedAt: string | null;
  helpdeskId: string | null;
  deliveredAt: string | null;
  lastError: string | null;
}

export interface AcceptInput {
  idempotencyKey: string;
  handoffId: string;
  /** null for a discarded (bot) ticket: nothing of it is kept. */
  ticket: RelayTicket | null;
  route: Route;
  status: 'queued' | 'discarded';
  receivedAt: Date;
}

export interface StoreStats {
  queued: number;
  delivered: number;
  parked: number;
  discarded: number;
  /** receivedAt of the oldest queued ticket, or null. */
  oldestQueuedAt: string | null;
}

/**
 * Durable storage of tickets and their delivery state (SQLite or PostgreSQL, one test suite).
 * Every method that changes a leased ticket takes the worker id and answers false when that
 * worker no longer holds the lease (it expired and another worker took the ticket over).
 */
export interface RelayStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies the versioned schema migrations not yet applied; safe from several processes at once. */
  migrate(): Promise<void>;
  /**
   * Stores a new ticket under its idempotency key, or returns the record already stored under
   * that key (created: false). Durable (committed and synced) when it resolves; concurrent calls
   * with one key create exactly one record.
   */
  accept(input: AcceptInput): Promise<{ record: TicketRecord; created: boolean }>;
  get(ticketId: string): Promise<TicketRecord | null>;
  /**
   * Leases up to `limit` queued tickets due at `now` whose lease is free or expired (several
   * relays on one PostgreSQL never get the same ticket), increments their attempts and returns
   * them. The lease serialises work per ticket.
   */
  claim(worker: string, now: Date, leaseMs: number, limit: number): Promise<TicketRecord[]>;
  /** Records the recovery point just before a create request is sent. */
  markCreateStarted(ticketId: string, worker: string, at: Date): Promise<boolean>;
  /** The help desk has the ticket: records its id and releases the lease. */
  markDelivered(ticketId: string, worker: string, helpdeskId: string, at: Date): Promise<boolean>;
  /** A retryable failure: due again at `nextAttemptAt`, lease released. */
  retryLater(ticketId: string, worker: string, nextAttemptAt: Date, error: string): Promise<boolean>;
  /** A permanent failure: parked until requeued by hand. */
  park(ticketId: string, worker: string, error: string): Promise<boolean>;
  /** Puts parked tickets (all, or those named) back in the queue, due now; resolves to how many. */
  requeueParked(ticketIds?: readonly string[]): Promise<number>;
  /**
   * Privacy: drops the body (requester, conversation, context) of tickets delivered before
   * `before`; the record stays, so a late retry still gets its first answer. Resolves to how many.
   */
  forgetDelivered(before: Date): Promise<number>;
  stats(): Promise<StoreStats>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The ticket as a connector sends it: routed, summarised, ready to map to one help desk's API. */
export interface HelpdeskTicket {
  ticketId: string;
  handoffId: string;
  queue: string;
  priority: number;
  impact: Level;
  urgency: Level;
  subject: string;
  requester: { name: string; email: string };
  /** The first message: the L1 summary, then the user's description. Plain text. */
  body: string;
  /** The whole conversation as plain text, for an attachment or a private comment. */
  transcript: string;
  attachments: Array<{ name: string; type: string; data: string }>;
  /** The accepted ticket, for connectors that forward JSON as it is (webhook, inbox). */
  ticket: RelayTicket;
}

/** A help-desk failure as a value: retried with backoff, or parked. */
export interface ConnectorError {
  kind: 'retry' | 'permanent';
  message: string;
  /** HTTP status when there was one. */
  status?: number;
  /** The help desk's Retry-After, in milliseconds. */
  retryAfterMs?: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ConnectorError };

/** One help desk behind one small interface. */
export interface Connector {
  readonly kind: string;
  /** Creates the ticket and answers the help desk's id for it. */
  create(ticket: HelpdeskTicket): Promise<Outcome<{ helpdeskId: string }>>;
  /** Finds a ticket created earlier for this hand-off id (crash recovery), or null. */
  findByHandoffId(handoffId: string, queue: string): Promise<Outcome<{ helpdeskId: string } | null>>;
  /** Whether the help desk answers and accepts our credential. */
  health(): Promise<Outcome<{ detail?: string }>>;
  close?(): Promise<void>;
}

/** The config's `helpdesk` section, resolved (config.ts): what a connector is built from. */
export interface HelpdeskConfig {
  kind: string;
  /** Base URL of the help desk (RT: its web root; webhook: the receiver's URL). */
  url: string;
  /** API credential, from the environment (`${RT_TOKEN}`); never logged. */
  token: string;
  /** Default queue or group. */
  queue: string;
  /** Where the hand-off id is stored in the help desk (RT: a ticket custom field's name). */
  idField: string;
  /** Webhook: the HMAC-SHA256 key that signs each request. */
  secret: string;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  /** The help desk's own value for each ITIL priority 1–5 (RT: 0–99, higher is more urgent). */
  priorities: Record<number, number | string>;
}
