/** Shapes shared by the outbox store, the delivery state machine and the ticket view. */
import type { Ticket } from '../../core/ticket/ticket-types.ts';

export interface OutboxEntry {
  id: string;
  endpoint: string;
  ticket: Ticket;
  /** Failed attempts so far. */
  attempts: number;
  /** Earliest time (ms since epoch) of the next attempt. */
  nextAt: number;
  /** The endpoint's Retry-After: no attempt before this, even when the tab comes back online. */
  notBefore: number;
  queuedAt: number;
  /** The last attempt failed on the network (offline), not on the endpoint. */
  offline: boolean;
  /** Draft to clear once delivered (localStorage key). */
  draftKey?: string;
}

export type StoreKind = 'indexeddb' | 'localstorage' | 'memory';

/** Durable storage of queued tickets. Writes report failure as `false` instead of throwing. */
export interface OutboxStore {
  readonly kind: StoreKind;
  all(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<boolean>;
  remove(id: string): Promise<void>;
}

export type OutboxEvent =
  | { type: 'queued'; id: string; persisted: boolean }
  | { type: 'sending'; id: string }
  | { type: 'waiting'; id: string; offline: boolean; retryAt: number; error: string }
  | { type: 'sent'; id: string; ticketId?: string }
  | { type: 'failed'; id: string; error: string; status: number };
