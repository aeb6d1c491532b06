import { describe, expect, test } from 'vitest';
import { DEFAULT_PRIORITY_MATRIX, routeTicket, type RoutingConfig } from '../../../scripts/relay/routing.ts';

const routing: RoutingConfig = {
  queues: { printing: 'Printing', Network: 'Network', accounts: 'Accounts' },
  priority: DEFAULT_PRIORITY_MATRIX,
  defaultImpact: 'medium',
  defaultUrgency: 'medium',
};

describe('routeTicket', () => {
  // [category, impact, urgency] → [queue, priority, rated]
  test.each([
    ['printing', 'high', 'high', 'Printing', 1, true],
    ['printing', 'high', 'medium', 'Printing', 2, true],
    ['printing', 'high', 'low', 'Printing', 3, true],
    ['network', 'medium', 'high', 'Network', 2, true],
    ['NETWORK', 'medium', 'medium', 'Network', 3, true],
    ['accounts', 'medium', 'low', 'Accounts', 4, true],
    ['accounts', 'low', 'high', 'Accounts', 3, true],
    ['accounts', 'low', 'medium', 'Accounts', 4, true],
    ['accounts', 'low', 'low', 'Accounts', 5, true],
    [' printing ', undefined, 'high', 'Printing', 2, true],
    ['email', 'high', undefined, 'General L1', 2, true],
    ['email', undefined, undefined, 'General L1', 3, false],
    ['', undefined, undefined, 'General L1', 3, false],
    ['printing', 'urgent!!', 'asap', 'Printing', 3, false],
  ] as const)('%s impact=%s urgency=%s → %s P%i', (category, impact, urgency, queue, priority, rated) => {
    const fields: Record<string, string> = {};
    if (impact !== undefined) fields.impact = impact;
    if (urgency !== undefined) fields.urgency = urgency;
    const route = routeTicket({ category, fields }, routing, 'General L1');
    expect(route).toMatchObject({ queue, priority, rated });
  });

  test('a ticket without a category or fields goes to the default queue at the default priority', () => {
    expect(routeTicket({ category: undefined as unknown as string, fields: undefined as unknown as Record<string, string> }, routing, 'Inbox')).toEqual({
      queue: 'Inbox',
      priority: 3,
      impact: 'medium',
      urgency: 'medium',
      rated: false,
    });
  });

  test('the configured matrix and defaults decide, not the built-in ones', () => {
    const custom: RoutingConfig = {
      ...routing,
      priority: { high: { high: 1, medium: 1, low: 2 }, medium: { high: 2, medium: 4, low: 5 }, low: { high: 5, medium: 5, low: 5 } },
      defaultImpact: 'low',
      defaultUrgency: 'low',
    };
    expect(routeTicket({ category: 'printing', fields: { impact: 'high', urgency: 'medium' } }, custom, 'G').priority).toBe(1);
    expect(routeTicket({ category: 'printing', fields: { impact: 'medium', urgency: 'medium' } }, custom, 'G').priority).toBe(4);
    expect(routeTicket({ category: 'printing', fields: {} }, custom, 'G')).toMatchObject({ priority: 5, impact: 'low', urgency: 'low', rated: false });
  });
});
