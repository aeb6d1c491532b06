/**
 * Routing the ITIL way, as pure functions: the category picks the queue (an unknown or missing
 * category goes to the help desk's default queue), and impact × urgency picks the priority
 * through the configured matrix. A ticket the user did not rate gets the configured default
 * impact and urgency, and says so (`rated: false`), so the agent knows the priority is a default.
 */
import { isLevel, LEVELS, priorityOf } from '../../widget/core/ticket/priority.ts';
import type { Level, RelayTicket, Route } from './relay-types.ts';

/** `matrix[impact][urgency]` = ITIL priority 1 (critical) … 5 (planning). */
export type PriorityMatrix = Record<Level, Record<Level, number>>;

export interface RoutingConfig {
  /** Category (matched case-insensitively) → queue. */
  queues: Record<string, string>;
  priority: PriorityMatrix;
  defaultImpact: Level;
  defaultUrgency: Level;
}

/** The usual ITIL matrix: each step of impact or urgency raises priority by one. */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = Object.freeze(
  Object.fromEntries(LEVELS.map((impact) => [impact, Object.freeze(Object.fromEntries(LEVELS.map((urgency) => [urgency, priorityOf(impact, urgency)])))])),
) as PriorityMatrix;

/** Where the ticket goes and at which priority. `defaultQueue` is the help desk's `queue`. */
export function routeTicket(ticket: Pick<RelayTicket, 'category' | 'fields'>, routing: RoutingConfig, defaultQueue: string): Route {
  const category = (ticket.category ?? '').trim().toLowerCase();
  const match = Object.entries(routing.queues).find(([name]) => name.trim().toLowerCase() === category);
  const fields = ticket.fields ?? {};
  const rated = isLevel(fields.impact) || isLevel(fields.urgency);
  const impact = isLevel(fields.impact) ? fields.impact : routing.defaultImpact;
  const urgency = isLevel(fields.urgency) ? fields.urgency : routing.defaultUrgency;
  return {
    queue: category !== '' && match ? match[1] : defaultQueue,
    priority: routing.priority[impact][urgency],
    impact,
    urgency,
    rated,
  };
}
