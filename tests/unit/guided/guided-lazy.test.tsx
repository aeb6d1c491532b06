// @vitest-environment jsdom
/**
 * The guided chunk is lazy: a conversation that needs it shows a placeholder until it arrives,
 * and a load that failed (offline before warm-up reached it) is retried once the browser is back
 * online.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { initialState, reducer } from '../../../widget/core/state.ts';
import { mergeStrings } from '../../../widget/core/i18n/strings.ts';
import { enStrings } from '../../../widget/core/i18n/ui-strings.ts';
import { loadGuidedStrings } from '../../../widget/core/i18n/guided-locale.ts';
import type { WidgetController } from '../../../widget/services/widget-controller.ts';
import { GuidedBubble } from '../../../widget/ui/guided/guided-messages.tsx';

// The network as the chunk's import sees it (vi.mock is hoisted above the imports).
const network = vi.hoisted(() => ({ offline: true }));
vi.mock('../../../widget/ui/guided/guided-chunk.tsx', async (importOriginal) => {
  if (network.offline) throw new Error('net::ERR_INTERNET_DISCONNECTED');
  return importOriginal();
});

const strings = mergeStrings('en', enStrings, {}, [await loadGuidedStrings('en')]);
const controller = { runDiagnostics: vi.fn(), meta: () => undefined, openArticle: vi.fn() } as unknown as WidgetController;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

test('a diagnostics card whose chunk failed to load appears once the browser is back online', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const state = reducer(initialState(), { type: 'diagnosticsOffer', ids: ['offline'], at: '2026-12-03T10:00:00.000Z' });
  const message = state.messages.find((m) => m.kind === 'diagnostics')!;
  render(<GuidedBubble message={message as Extract<typeof message, { kind: 'diagnostics' }>} state={state} controller={controller} strings={strings} canEscalate />);

  await vi.waitFor(() => expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/^\[tier0\] cannot load the guided/), expect.anything()));
  expect(screen.getByText('Browser check')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Run checks' })).toBeNull();

  network.offline = false;
  window.dispatchEvent(new Event('online'));
  expect(await screen.findByRole('button', { name: 'Run checks' })).toBeTruthy();
});
