/**
 * An in-memory help desk behind the Connector interface, for delivery and server tests: it keeps
 * every created ticket (never deduplicating, so a duplicate shows as two), finds them by hand-off
 * id, and fails on request: a queue of scripted outcomes, or a gate that holds creates open.
 */
import type { Connector, ConnectorError, HelpdeskTicket } from '../../scripts/relay/relay-types.ts';

export interface MemoryHelpdesk extends Connector {
  created: HelpdeskTicket[];
  /** Outcomes for the next creates, in order; an empty queue means success. */
  failNext(...errors: ConnectorError[]): void;
  /** Holds every create until release() (to test leases and shutdown with work in flight). */
  hold(): void;
  release(): void;
  /** Calls to findByHandoffId. */
  lookups: string[];
  down: boolean;
}

/** A fresh in-memory help desk. */
export function createMemoryHelpdesk(): MemoryHelpdesk {
  const created: HelpdeskTicket[] = [];
  const lookups: string[] = [];
  const failures: ConnectorError[] = [];
  let gate: Promise<void> | null = null;
  let open = () => {};
  const desk: MemoryHelpdesk = {
    kind: 'memory',
    created,
    lookups,
    down: false,
    failNext: (...errors) => failures.push(...errors),
    hold() {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release() {
      open();
      gate = null;
    },
    async create(ticket) {
      if (gate) await gate;
      const failure = failures.shift();
      if (failure) return { ok: false, error: failure };
      created.push(ticket);
      return { ok: true, value: { helpdeskId: `MEM-${created.length}` } };
    },
    async findByHandoffId(handoffId) {
      lookups.push(handoffId);
      const index = created.findIndex((t) => t.handoffId === handoffId);
      return { ok: true, value: index >= 0 ? { helpdeskId: `MEM-${index + 1}` } : null };
    },
    async health() {
      return desk.down ? { ok: false, error: { kind: 'retry', message: 'memory help desk is down' } } : { ok: true, value: { detail: 'memory' } };
    },
  };
  return desk;
}
