// @vitest-environment jsdom
/**
 * Tickets an earlier visit left queued are resumed when the panel mounts (panel.tsx): resume()
 * flushes the outbox, and a failure there is the service's to report, never a rejection.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { resolveOptions } from '../../../widget/core/options.ts';
import { initialState } from '../../../widget/core/state.ts';
import { createStore } from '../../../widget/core/store.ts';
import { createTicketService } from '../../../widget/services/ticket/ticket-service.ts';

const box = vi.hoisted(() => ({
  flush: vi.fn(async () => undefined),
  pending: vi.fn(async () => []),
  subscribe: () => () => undefined,
  subscribeRemote: () => () => undefined,
  dispose: () => undefined,
  setChallenge: () => undefined,
  storeKind: 'indexeddb' as const,
}));
vi.mock('../../../widget/services/outbox/outbox-instance.ts', () => ({ openPageOutbox: async () => box }));

function makeService() {
  const { options } = resolveOptions({ ticketEndpoint: 'https://help.example.com/api/tickets' }, {
    loaderUrl: 'https://help.example.com/tier0/tier0.js', pageUrl: 'https://help.example.com/app',
  });
  const report = vi.fn();
  const service = createTicketService({ store: createStore(initialState()), emit: vi.fn(), options, report });
  return { service, report };
}

afterEach(() => { vi.clearAllMocks(); });

test('resume sends what the outbox holds', async () => {
  const { service, report } = makeService();
  await service.resume();
  expect(box.flush).toHaveBeenCalledOnce();
  expect(report).not.toHaveBeenCalled();
});

test('a resume that fails is reported once as a [tier0] problem, and resolves: the tickets stay queued', async () => {
  const { service, report } = makeService();
  const error = new Error('QuotaExceededError');
  box.flush.mockRejectedValueOnce(error);
  await expect(service.resume()).resolves.toBeUndefined();
  expect(report).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/^\[tier0\] could not resume queued tickets — .*next visit$/), error);
});
