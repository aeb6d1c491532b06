// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { initialState, reducer } from '../../../widget/core/state.ts';
import { createStore } from '../../../widget/core/store.ts';
import { statusReducer } from '../../../widget/core/status-state.ts';
import { mergeStrings, type Strings } from '../../../widget/core/i18n/strings.ts';
import { enStrings } from '../../../widget/core/i18n/ui-strings.ts';
import type { StatusSnapshot } from '../../../widget/services/status-banner.ts';
import { setUpStatus } from '../../../widget/ui/status-chunk.tsx';

afterEach(cleanup);

const makeSnapshot = (overrides: Partial<StatusSnapshot> = {}): StatusSnapshot => ({
  incidents: [{ id: 'a', title: 'VPN is down', severity: 'major' }, { id: 'b', title: 'Email is slow', severity: 'minor' }],
  fetchedAt: 5,
  fromCache: false,
  ...overrides,
});

/** A store with the status chunk set up over a fake feed that hides incident `a` (dismissed before). */
function setup(snapshot: StatusSnapshot | null = makeSnapshot()) {
  const store = createStore(initialState());
  const feed = { load: vi.fn(async () => snapshot), dismiss: vi.fn(), visible: vi.fn((s: StatusSnapshot | null) => s?.incidents.slice(1) ?? []) };
  const parts = setUpStatus({ url: 'https://intranet.example.com/status.json', store, locale: 'en', report: () => undefined, feed });
  return { store, feed, parts };
}

describe('the status slice', () => {
  test('the core reducer leaves the status to the slice, which only sites with a statusUrl load', () => {
    const status = makeSnapshot();
    expect(reducer(initialState(), { type: 'status', status })).toEqual(initialState());
    expect(statusReducer(initialState(), { type: 'status', status }).status).toEqual(status);
  });

  test('a dismissed incident leaves the status', () => {
    const s = statusReducer(statusReducer(initialState(), { type: 'status', status: makeSnapshot() }), { type: 'dismissIncident', id: 'a' });
    expect(s.status?.incidents.map((i) => i.id)).toEqual(['b']);
  });
});

describe('the status chunk', () => {
  test('opening the panel loads the feed (visible incidents only), once per opening', async () => {
    const { store, feed } = setup();
    expect(feed.load).not.toHaveBeenCalled();
    store.dispatch({ type: 'open' });
    await vi.waitFor(() => expect(store.get().status).toEqual({ ...makeSnapshot(), incidents: [makeSnapshot().incidents[1]] }));
    store.dispatch({ type: 'query', query: 'vpn' });
    expect(feed.load).toHaveBeenCalledOnce();
    store.dispatch({ type: 'close' });
    store.dispatch({ type: 'open' });
    expect(feed.load).toHaveBeenCalledTimes(2);
  });

  test('the banner dismisses an incident for good and in the state', async () => {
    const { store, feed, parts } = setup();
    store.dispatch({ type: 'open' });
    await vi.waitFor(() => expect(store.get().status).toBeDefined());
    const { rerender } = render(<parts.Banner state={store.get()} strings={mergeStrings('en', enStrings)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Email is slow' }));
    expect(feed.dismiss).toHaveBeenCalledWith('b');
    expect(store.get().status?.incidents).toEqual([]);
    rerender(<parts.Banner state={store.get()} strings={mergeStrings('en', enStrings)} />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  test('the banner fills in its English texts under the locale’s and the site owner’s', async () => {
    const { store, parts } = setup(makeSnapshot({ fromCache: true }));
    store.dispatch({ type: 'open' });
    await vi.waitFor(() => expect(store.get().status).toBeDefined());
    // The panel's strings hold no banner texts in English: they come with the chunk.
    const panel: Strings = mergeStrings('en', enStrings, { 'guided.status.label': 'IT status' });
    expect(panel['guided.status.severity.minor']).toBeUndefined();
    render(<parts.Banner state={store.get()} strings={panel} />);
    const banner = screen.getByRole('status', { name: 'IT status' });
    expect(banner.textContent).toContain('Minor incident: Email is slow');
    expect(banner.textContent).toMatch(/As of /);
  });

  test('nothing shows before the feed answers, and a stopped chunk no longer loads it', async () => {
    const { store, feed, parts } = setup();
    const { container } = render(<parts.Banner state={store.get()} strings={mergeStrings('en', enStrings)} />);
    expect(container.innerHTML).toBe('');
    parts.stop();
    store.dispatch({ type: 'open' });
    expect(feed.load).not.toHaveBeenCalled();
  });
});
