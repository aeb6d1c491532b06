import { expect, test } from 'vitest';
import { isLevel, priorityCode, priorityOf } from '../../../widget/core/ticket/priority.ts';

test('maps impact × urgency onto the ITIL 5-step priority matrix', () => {
  const matrix = (['high', 'medium', 'low'] as const).map((impact) =>
    (['high', 'medium', 'low'] as const).map((urgency) => priorityOf(impact, urgency)),
  );
  expect(matrix).toEqual([
    [1, 2, 3],
    [2, 3, 4],
    [3, 4, 5],
  ]);
});

test('formats a priority as the P-code sent in ticket fields', () => {
  expect(priorityCode(priorityOf('high', 'high'))).toBe('P1');
  expect(priorityCode(priorityOf('low', 'low'))).toBe('P5');
});

test('accepts only the three ITIL levels', () => {
  expect(isLevel('medium')).toBe(true);
  expect(isLevel('urgent')).toBe(false);
  expect(isLevel(undefined)).toBe(false);
});
