/**
 * ITIL priority from impact × urgency: each step of either raises priority by one, so
 * priority = impact + urgency − 1 on a 1 (critical) … 5 (planning) scale.
 */
import type { Level } from './ticket-types.ts';

export const LEVELS: readonly Level[] = ['high', 'medium', 'low'];

export type Priority = 1 | 2 | 3 | 4 | 5;

const RANK: Record<Level, number> = { high: 1, medium: 2, low: 3 };

/** The ITIL priority (1 critical … 5 planning) for an impact and an urgency. */
export function priorityOf(impact: Level, urgency: Level): Priority {
  return (RANK[impact] + RANK[urgency] - 1) as Priority;
}

/** The priority as sent in ticket fields: "P1" … "P5". */
export function priorityCode(priority: Priority): string {
  return `P${priority}`;
}

/** True for the three ITIL levels; used to reject tampered drafts. */
export function isLevel(value: unknown): value is Level {
  return value === 'high' || value === 'medium' || value === 'low';
}
