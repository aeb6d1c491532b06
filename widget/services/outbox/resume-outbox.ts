/**
 * Entry point for the loader: sends tickets left from an earlier visit without loading the
 * panel. Meant to be import()ed at idle time when hasPendingTickets() is true (or always: it
 * only opens the store).
 */
import { getOutbox, type OutboxConnection } from './outbox-instance.ts';

export { hasPendingTickets } from './pending-marker.ts';
export { disposeOutbox } from './outbox-instance.ts';
export type { TicketEmit, TicketEventPayload } from './outbox-instance.ts';

/** Resumes delivery of queued tickets; resolves to the number still waiting after this attempt. */
export async function resumeOutbox(connection: OutboxConnection = {}): Promise<number> {
  const outbox = await getOutbox(connection);
  await outbox.flush();
  return (await outbox.pending()).length;
}
