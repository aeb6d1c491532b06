// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { App } from '../../../widget/ui/app.tsx';
import { createEmitter, type EventName } from '../../../widget/core/events.ts';
import { resolveOptions, type WidgetOptions } from '../../../widget/core/options.ts';
import { resolveStrings, type Locale } from '../../../widget/core/i18n/strings.ts';
import { createWidgetController } from '../../../widget/services/widget-controller.ts';
import type { PanelContext } from '../../../widget/ui/panel-api.ts';
import { makeClient, makeSession } from './fixtures.ts';

async function setup(opts: { options?: WidgetOptions; locale?: Locale; fail?: boolean; path?: string } = {}) {
  const emitter = createEmitter(() => {});
  const events: Array<[EventName, unknown]> = [];
  for (const name of ['open', 'close', 'search', 'article:view', 'feedback', 'escalate'] as EventName[]) {
    emitter.on(name, (p: unknown) => events.push([name, p]));
  }
  const { options } = resolveOptions(opts.options ?? { ticketEndpoint: '/api/tickets' }, { loaderUrl: 'https://x.example/help/tier0.js', pageUrl: 'https://x.example/' });
  const locale = opts.locale ?? 'en';
  const strings = await resolveStrings(locale, options.strings);
  const client = makeClient({ fail: opts.fail });
  const controller = createWidgetController({
    kbUrl: options.kb, emitter, report: () => {}, path: opts.path ?? '/', client, session: makeSession(),
  });
  const launcher = document.createElement('button');
  launcher.textContent = 'Help';
  document.body.appendChild(launcher);
  const ctx = {
    shadow: null as unknown as ShadowRoot, root: document.body, launcher, options, locale, emitter,
    report: () => {}, setExpanded: vi.fn(),
  } satisfies PanelContext;
  render(<App controller={controller} ctx={ctx} strings={strings} loadTicket={() => new Promise(() => {})} />);
  controller.open();
  await controller.loadKb();
  return { controller, events, ctx, client, launcher };
}

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

describe('panel', () => {
  test('is a labelled dialog, focuses the search box and updates the launcher', async () => {
    const { ctx } = await setup();
    const dialog = await screen.findByRole('dialog', { name: 'Help' });
    expect(dialog.getAttribute('aria-modal')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Search help' })));
    expect(ctx.setExpanded).toHaveBeenLastCalledWith(true);
    expect(ctx.launcher.getAttribute('aria-controls')).toBe(dialog.id);
  });

  test('keeps option problems the widget falls back from in the console, out of the visitor\'s panel', async () => {
    await setup({ options: { ticketEndpoint: '/api/tickets', position: 'middle' as never } });
    const dialog = await screen.findByRole('dialog', { name: 'Help' });
    await screen.findByText(/Describe your problem or pick a topic/);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(dialog.textContent).not.toMatch(/tier0|set up correctly|position/);
  });

  test('greets and offers the KB top categories as quick topics', async () => {
    await setup();
    expect(await screen.findByText(/Describe your problem or pick a topic/)).toBeTruthy();
    const topics = screen.getByRole('region', { name: 'Popular topics' });
    expect(within(topics).getAllByRole('button').map((b) => b.textContent)).toEqual(['Printing', 'Accounts', 'Network']);
    fireEvent.click(within(topics).getByRole('button', { name: 'Printing' }));
    expect(await screen.findByText((_, el) => el?.tagName === 'P' && el.textContent === 'Articles about Printing:')).toBeTruthy();
  });

  test('typing shows results in a listbox; arrows move the active option; Enter opens it', async () => {
    const { events } = await setup();
    const box = screen.getByRole('combobox');
    fireEvent.input(box, { target: { value: 'printer offline' } });
    const listbox = await screen.findByRole('listbox', { name: 'Matching articles' });
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.getAttribute('aria-controls')).toBe(listbox.id);
    const options = within(listbox).getAllByRole('option');
    expect(options[0]!.textContent).toContain('Printer shows "Offline"');
    expect(options[0]!.querySelector('mark')).not.toBeNull();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(box.getAttribute('aria-activedescendant')).toBe(within(listbox).getAllByRole('option').at(-1)!.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    const heading = await screen.findByRole('heading', { name: 'Printer shows "Offline"', level: 2 });
    expect(heading).toBeTruthy();
    await waitFor(() => expect(events.some(([n]) => n === 'article:view')).toBe(true));
  });

  test('the article is sanitized, deduplicates its title, gets Copy buttons and opens linked articles with Back', async () => {
    const { controller } = await setup();
    controller.openArticle('printing/printer-offline');
    const article = await screen.findByRole('article');
    await waitFor(() => expect(article.querySelector('.t0-prose p')).not.toBeNull());
    expect(article.querySelector('script')).toBeNull();
    expect(article.querySelector('[onerror]')).toBeNull();
    expect(article.querySelectorAll('h1')).toHaveLength(0);
    expect(article.querySelector('img')!.getAttribute('src')).toBe('https://x.example/help/kb/media/x.png');
    expect(within(article).getByRole('button', { name: 'Copy code' })).toBeTruthy();
    fireEvent.click(within(article).getByRole('link', { name: 'Reset your password' }));
    expect(await screen.findByRole('heading', { name: 'Reset your password', level: 2 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: 'Printer shows "Offline"', level: 2 })).toBeTruthy();
  });

  test('"Was this helpful?" emits feedback and records it', async () => {
    const { controller, events } = await setup();
    controller.openArticle('printing/paper-jam');
    const group = await screen.findByRole('group', { name: 'Was this helpful?' });
    fireEvent.click(within(group).getByRole('button', { name: 'No' }));
    expect(events).toContainEqual(['feedback', { id: 'printing/paper-jam', helpful: false }]);
    expect(await screen.findByText(/sorry it didn’t help/)).toBeTruthy();
    expect(controller.store.get().articlesViewed).toContainEqual(expect.objectContaining({ id: 'printing/paper-jam', helpful: false }));
    expect(screen.getAllByRole('button', { name: 'Contact support' }).length).toBeGreaterThan(1);
  });

  test('Send asks: the user message, the best answer with two alternatives, then Did this solve it?', async () => {
    await setup();
    const box = screen.getByRole('combobox');
    fireEvent.input(box, { target: { value: 'printer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('This article should help:')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Open article: / })).toBeTruthy();
    const also = screen.getByText('Also related').nextElementSibling as HTMLElement;
    expect(within(also).getAllByRole('button')).toHaveLength(2);
    const solve = screen.getByRole('group', { name: 'Did this solve it?' });
    fireEvent.click(within(solve).getByRole('button', { name: 'No' }));
    expect(await within(screen.getByRole('dialog')).findByText(/These might fit better/)).toBeTruthy();
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  test('nothing found twice: tips, then the way to a person', async () => {
    await setup();
    const box = screen.getByRole('combobox');
    for (const q of ['qqqzzzxx', 'wwwvvvkk']) {
      fireEvent.input(box, { target: { value: q } });
      fireEvent.keyDown(box, { key: 'Enter' });
    }
    const dialog = screen.getByRole('dialog');
    await within(dialog).findByText((_, el) => el?.tagName === 'P' && /couldn’t find an article about “wwwvvvkk”/.test(el.textContent ?? ''));
    expect(within(dialog).getAllByText(/Try fewer words/)).toHaveLength(2);
    expect(within(dialog).getByText('Would you like to contact a person from support?')).toBeTruthy();
  });

  test('asking for a person offers support and the button escalates', async () => {
    const { events, controller } = await setup();
    const box = screen.getByRole('combobox');
    fireEvent.input(box, { target: { value: 'I want to talk to a human' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    const dialog = screen.getByRole('dialog');
    const offer = (await within(dialog).findByText('Would you like to contact a person from support?')).parentElement!;
    fireEvent.click(within(offer).getByRole('button', { name: 'Contact support' }));
    expect(events).toContainEqual(['escalate', { reason: 'user-request' }]);
    expect(controller.store.get().view).toBe('ticket');
  });

  test('Escape clears the box first, then closes and returns focus to the launcher', async () => {
    const { controller, launcher } = await setup();
    const box = screen.getByRole('combobox');
    fireEvent.input(box, { target: { value: 'vpn' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect((box as HTMLInputElement).value).toBe('');
    expect(controller.store.get().open).toBe(true);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(controller.store.get().open).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(launcher);
  });

  test('new bot messages are announced in a polite live region', async () => {
    await setup();
    const box = screen.getByRole('combobox');
    fireEvent.input(box, { target: { value: 'vpn' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    const status = document.querySelector('[aria-live="polite"]')!;
    await waitFor(() => expect(status.textContent).toContain('Connect to the VPN'));
  });

  test('a guided message is announced once the guided chunk, which has its words, has arrived', async () => {
    const { controller } = await setup();
    const status = document.querySelector('[aria-live="polite"]')!;
    controller.store.dispatch({ type: 'diagnosticsOffer', ids: ['clock'], at: '2026-12-04T10:00:00.000Z' });
    await waitFor(() => expect(status.textContent).toMatch(/^Run a quick check of your browser\?/));
  });

  test('Contact support is always visible when a ticket endpoint is configured, and hidden without one', async () => {
    await setup();
    expect(screen.getByRole('button', { name: 'Contact support' })).toBeTruthy();
    cleanup();
    document.body.innerHTML = '';
    await setup({ options: {} });
    expect(screen.queryByRole('button', { name: 'Contact support' })).toBeNull();
  });

  test('an unreachable KB shows a readable message with Retry', async () => {
    const { client } = await setup({ fail: true });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Help articles couldn’t be loaded');
    client.fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Popular topics' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('speaks Arabic when the locale is ar', async () => {
    await setup({ locale: 'ar' });
    expect(screen.getByRole('button', { name: 'إرسال' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'ابحث في المساعدة' })).toBeTruthy();
  });

  test('articles whose pages globs match the current path are suggested first', async () => {
    await setup({ path: '/account/security' });
    const region = await screen.findByRole('region', { name: 'Suggested for this page' });
    expect(within(region).getAllByRole('button').map((b) => b.textContent)).toEqual(['Reset your password']);
  });

  test('no page suggestions where no article matches', async () => {
    await setup({ path: '/expenses' });
    await screen.findByRole('region', { name: 'Popular topics' });
    expect(screen.queryByRole('region', { name: 'Suggested for this page' })).toBeNull();
  });

  test('site-owner string overrides replace built-in text', async () => {
    await setup({ options: { strings: { greeting: 'Welcome to Northwind IT.' }, title: 'IT Help' } });
    expect(screen.getByText('Welcome to Northwind IT.')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'IT Help' })).toBeTruthy();
  });
});
