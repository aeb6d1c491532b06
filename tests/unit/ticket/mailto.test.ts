import { expect, test } from 'vitest';
import { composeMailto, isMailto } from '../../../widget/core/ticket/mailto.ts';
import { makeTicket, t } from './factories.ts';

test('composes a mailto: URL with the subject and a readable body', () => {
  const url = composeMailto('mailto:help@example.com', makeTicket(), t);
  expect(url.startsWith('mailto:help@example.com?subject=Printer%20offline&body=')).toBe(true);
  const body = decodeURIComponent(url.split('&body=')[1] ?? '');
  expect(body).toContain('It says offline.');
  expect(body).toContain('From: Ada Lovelace <ada@example.com>');
  expect(body).toContain('priority: P3');
  expect(body).toContain('Searches\n- printer offline');
  expect(body).toContain('[user] printer offline');
});

test('keeps a long ticket under the length mail clients accept, dropping the transcript first', () => {
  const transcript = Array.from({ length: 200 }, (_, i) => ({ role: 'user' as const, text: `message ${i}`, at: '2026-11-23T08:00:00Z' }));
  const url = composeMailto('mailto:help@example.com', makeTicket({ transcript }), t);
  expect(url.length).toBeLessThanOrEqual(1900);
  expect(decodeURIComponent(url)).toContain('It says offline.');
  expect(decodeURIComponent(url)).not.toContain('message 199');
});

test('recognizes mailto: endpoints', () => {
  expect(isMailto('MAILTO:help@example.com')).toBe(true);
  expect(isMailto('https://example.com/api/tickets')).toBe(false);
});
