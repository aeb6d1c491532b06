// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import type { ContextItem } from '../../../widget/core/ticket/context-items.ts';
import { ticketStrings } from '../../../widget/core/i18n/ticket-strings.ts';
import { TechnicalDetails } from '../../../widget/ui/ticket/technical-details.tsx';
import { t } from './factories.ts';

afterEach(cleanup);

const items: ContextItem[] = [
  ...['url', 'userAgent', 'language', 'timezone', 'screen', 'viewport', 'online', 'cookies', 'referrer', 'kbVersion', 'widgetVersion', 'platform', 'colorScheme'].map((key, i) => ({ key, value: `value ${i}` })),
  { key: 'plan', value: 'gold', site: true },
  { key: 'account', value: 42, site: true },
];

function show(removed: string[]) {
  const changes: string[][] = [];
  render(<TechnicalDetails items={items} removed={removed} strings={ticketStrings.en} t={t} onChange={(r) => changes.push(r)} />);
  fireEvent.click(screen.getByText('Technical details'));
  return changes;
}

test('fifteen details are fifteen labelled checkboxes in one group, not fifteen "Remove" buttons', () => {
  show([]);
  const group = screen.getByRole('group', { name: /Untick anything/ });
  const boxes = within(group).getAllByRole('checkbox') as HTMLInputElement[];
  expect(boxes).toHaveLength(15);
  expect(boxes.every((b) => b.checked)).toBe(true);
  expect(screen.queryAllByRole('button')).toEqual([]);
  expect(screen.getByRole('checkbox', { name: 'plan: gold' })).toBeTruthy();
  expect(screen.getByText('15 of 15 will be sent')).toBeTruthy();
});

test('unticking leaves an item out and ticking it again puts it back', () => {
  const changes = show(['site.plan']);
  expect(screen.getByText('14 of 15 will be sent')).toBeTruthy();
  const plan = screen.getByRole('checkbox', { name: 'plan: gold' }) as HTMLInputElement;
  expect(plan.checked).toBe(false);
  fireEvent.click(plan);
  fireEvent.click(screen.getByRole('checkbox', { name: 'account: 42' }));
  expect(changes).toEqual([[], ['site.plan', 'site.account']]);
});
