// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Strings } from '../../../widget/core/i18n/strings.ts';
import { resolveTicketStrings } from '../../../widget/core/i18n/ticket-strings-load.ts';
import { resolveOptions, type WidgetOptions } from '../../../widget/core/options.ts';
import type { Finding } from '../../../widget/core/diagnostics-relevance.ts';
import { initialState, reducer, type WidgetState } from '../../../widget/core/state.ts';
import { createStore, type Store } from '../../../widget/core/store.ts';
import type { ResolvedOptions } from '../../../widget/core/options.ts';
import { draftKey } from '../../../widget/services/outbox/draft-store.ts';
import { createTicketService, type TicketService } from '../../../widget/services/ticket/ticket-service.ts';
import { useStore } from '../../../widget/ui/use-store.ts';
import { TicketView } from '../../../widget/ui/ticket/ticket-view.tsx';

const ENDPOINT = 'https://help.example.com/api/tickets';
let strings: Strings;

function makeState(): WidgetState {
  let s = initialState();
  const at = '2026-11-23T08:00:00.000Z';
  s = reducer(s, { type: 'ask', query: 'printer offline', hits: [{ id: 'printing/printer-offline', title: 'Printer shows offline', score: 2, snippet: [] }], at });
  s = reducer(s, { type: 'answerFeedback', messageId: s.messages[1]!.id, helpful: false, at });
  s = reducer(s, { type: 'escalate', reason: 'not-helpful' });
  return s;
}

/** The panel's wiring in small: one store, the ticket service over it, the view rendering it. */
function Harness({ store, options, service }: { store: Store; options: ResolvedOptions; service: TicketService }) {
  const state = useStore(store);
  return <TicketView state={state} options={options} strings={strings} service={service} />;
}

let services: TicketService[] = [];

function setup(options: WidgetOptions = {}, state = makeState()) {
  const { options: resolved } = resolveOptions({ ticketEndpoint: ENDPOINT, kb: 'https://help.example.com/kb/', ...options }, {
    loaderUrl: 'https://help.example.com/tier0/tier0.js',
    pageUrl: 'https://help.example.com/app',
  });
  const emit = vi.fn();
  const store = createStore(state);
  const service = createTicketService({ store, emit, options: resolved, report: vi.fn() });
  services.push(service);
  render(<Harness store={store} options={resolved} service={service} />);
  return { emit, store, service };
}

let posted: Array<{ headers: Record<string, string>; body: Record<string, unknown> }>;
let replies: Response[];

beforeEach(async () => {
  strings ??= await resolveTicketStrings('en');
  localStorage.clear();
  posted = [];
  replies = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (String(url).endsWith('manifest.json')) {
      return new Response(JSON.stringify({ version: 'kb-v1', categories: [{ id: 'printing', title: 'Printing', count: 2 }, { id: 'accounts', title: 'Accounts', count: 1 }] }), {
        headers: { Date: new Date().toUTCString() },
      });
    }
    posted.push({ headers: init?.headers as Record<string, string>, body: JSON.parse(String(init?.body)) });
    return replies.shift() ?? new Response(JSON.stringify({ ticketId: 'L1-1001' }), { status: 201 });
  }));
});

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  await Promise.all(services.map((service) => service.dispose()));
  services = [];
});

describe('TicketView', () => {
  test('pre-fills identity, subject, a summary of what was tried and the category', async () => {
    const state = reducer(makeState(), { type: 'identify', identity: { name: 'Ada', email: 'ada@example.com' } });
    setup({}, state);
    expect(await screen.findByLabelText(/^Subject/)).toHaveProperty('value', 'printer offline');
    expect(screen.getByLabelText(/^Name/)).toHaveProperty('value', 'Ada');
    expect(screen.getByLabelText(/^E-mail/)).toHaveProperty('value', 'ada@example.com');
    const description = screen.getByLabelText(/^Description/) as HTMLTextAreaElement;
    expect(description.value).toContain('Asked: “printer offline”');
    expect(description.value).toContain('Read “Printer shows offline” — it didn’t help');
    expect(screen.getByLabelText(/^Category/)).toHaveProperty('value', 'printing');
  });

  test('lets prefill() win over derived values and locks identify() values when asked', async () => {
    let state = reducer(makeState(), { type: 'identify', identity: { name: 'Ada', email: 'ada@example.com' } });
    state = reducer(state, { type: 'prefill', prefill: { subject: 'VPN down', message: 'Since 9am' } });
    setup({ lockIdentity: true }, state);
    expect(await screen.findByLabelText(/^Subject/)).toHaveProperty('value', 'VPN down');
    expect(screen.getByLabelText(/^Description/)).toHaveProperty('value', 'Since 9am');
    expect(screen.getByLabelText(/^Name/)).toHaveProperty('readOnly', true);
    expect(screen.getByLabelText(/^E-mail/)).toHaveProperty('readOnly', true);
  });

  test('sends a complete form at once, however fast, with the time it took as a signal', async () => {
    const state = reducer(makeState(), { type: 'identify', identity: { email: 'ada@example.com' } });
    setup({}, state);
    fireEvent.click(await screen.findByRole('button', { name: 'Send to support' }));
    expect(await screen.findByText('Sent — ticket L1-1001')).toBeTruthy();
    expect(posted).toHaveLength(1);
    expect(screen.queryByText(/take a moment/)).toBeNull();
    const signals = posted[0]!.body.signals as { formMs: number };
    expect(signals.formMs).toBeGreaterThanOrEqual(0);
    expect(signals.formMs).toBeLessThan(60_000);
  });

  test('marks the empty e-mail at once on a fast submit (field errors first, no refusal)', async () => {
    setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Send to support' }));
    const email = screen.getByLabelText(/^E-mail/);
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('alert').textContent).toContain('Enter your e-mail address so support can reply.');
    expect(posted).toHaveLength(0);
  });

  test('shows a prefill() that arrives after the form opened, and keeps what the user typed over it', async () => {
    const { store } = setup();
    const subject = await screen.findByLabelText(/^Subject/);
    expect(subject).toHaveProperty('value', 'printer offline');
    store.dispatch({ type: 'prefill', prefill: { subject: 'VPN down', message: 'Since 9am' } });
    await waitFor(() => expect(screen.getByLabelText(/^Subject/)).toHaveProperty('value', 'VPN down'));
    expect(screen.getByLabelText(/^Description/)).toHaveProperty('value', 'Since 9am');
    fireEvent.input(screen.getByLabelText(/^Subject/), { target: { value: 'My own words' } });
    store.dispatch({ type: 'prefill', prefill: { subject: 'Later prefill', message: 'Later message' } });
    await waitFor(() => expect(screen.getByLabelText(/^Description/)).toHaveProperty('value', 'Later message'));
    expect(screen.getByLabelText(/^Subject/)).toHaveProperty('value', 'My own words');
  });

  test('leaves impact and urgency unset unless the user chooses, and sends the flow answers', async () => {
    let state = makeState();
    state = { ...state, flowAnswers: [{ flow: 'Printer offline', step: 'Is it on?', answer: 'Yes' }] };
    setup({}, state);
    expect(await screen.findByLabelText(/^Impact/)).toHaveProperty('value', '');
    expect(screen.queryByText(/^Priority:/)).toBeNull();
    fireEvent.input(screen.getByLabelText(/^E-mail/), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to support' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    const body = posted[0]!.body;
    expect(body.fields).toEqual({ escalationReason: 'not-helpful' });
    expect(body.flowAnswers).toEqual([{ flow: 'Printer offline', step: 'Is it on?', answer: 'Yes' }]);
  });

  test('sends impact, urgency and their priority once the user sets both', async () => {
    setup();
    fireEvent.input(await screen.findByLabelText(/^E-mail/), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText(/^Impact/), { target: { value: 'high' } });
    fireEvent.change(screen.getByLabelText(/^Urgency/), { target: { value: 'medium' } });
    expect(screen.getByText('Priority: P2 — High')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send to support' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]!.body.fields).toMatchObject({ impact: 'high', urgency: 'medium', priority: 'P2' });
  });

  test('remembers the e-mail for the next ticket only when the user agrees, and says what happens next', async () => {
    setup();
    fireEvent.input(await screen.findByLabelText(/^E-mail/), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to support' }));
    expect(await screen.findByText(/replies by e-mail to ada@example\.com/)).toBeTruthy();
    expect(screen.getByText(/mention ticket L1-1001/)).toBeTruthy();
    cleanup();
    setup();
    expect(await screen.findByLabelText(/^E-mail/)).toHaveProperty('value', '');
    fireEvent.input(screen.getByLabelText(/^E-mail/), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByLabelText('Remember my e-mail address on this browser'));
    fireEvent.click(screen.getByRole('button', { name: 'Send to support' }));
    await screen.findByText(/Sent — ticket/);
    cleanup();
    setup();
    expect(await screen.findByLabelText(/^E-mail/)).toHaveProperty('value', 'ada@example.com');
    expect(screen.getByLabelText('Remember my e-mail address on this browser')).toHaveProperty('checked', true);
  });

  test('says exactly what is wrong next to each field, announces it and focuses the first one', async () => {
    setup();
    fireEvent.input(await screen.findByLabelText(/^Subject/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to support' }));
    const email = screen.getByLabelText(/^E-mail/);
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const described = (email.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Enter your e-mail address so support can reply.');
    expect(screen.getByLabelText(/^Subject/).getAttribute('aria-invalid')).toBe('true');
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain('Please fix 2 problems before sending');
    expect(summary.textContent).toContain('Enter a subject');
    expect(posted).toHaveLength(0);
  });

  test('says the file is optional once, and its limit without repeating it', async () => {
    setup({ maxAttachmentBytes: 5 * 1024 * 1024 });
    const input = await screen.findByLabelText(/^Screenshot or file/);
    const field = input.closest('.t0-field')!;
    expect(field.textContent!.match(/optional/gi)).toHaveLength(1);
    expect(document.getElementById(`${input.id}-hint`)!.textContent).toMatch(/^Up to 5 MB\.$/);
  });

  test('refuses an attachment over the size limit with a clear message', async () => {
    setup({ maxAttachmentBytes: 10 });
    const input = (await screen.findByLabelText(/^Screenshot or file/)) as HTMLInputElement;
    const file = new File(['x'.repeat(50)], 'big.png', { type: 'image/png' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByText(/“big\.png” is .*; the limit is .*Choose a smaller file\./)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  test('warns a user who types a password, and masks it in the ticket', async () => {
    setup();
    const description = await screen.findByLabelText(/^Description/);
    fireEvent.input(description, { target: { value: 'my password is hunter2 and it fails' } });
    expect(await screen.findByText(/Never share passwords/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText(/^E-mail/), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to support' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(JSON.stringify(posted[0]?.body)).not.toContain('hunter2');
  });

  test('sends without the technical details the user removed', async () => {
    setup();
    fireEvent.input(await screen.findByLabelText(/^E-mail/), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByText('Technical details'));
    const page = screen.getByRole('checkbox', { name: /^Page:/ }) as HTMLInputElement;
    expect(page.checked).toBe(true);
    fireEvent.click(page);
    expect(page.checked).toBe(false);
    expect(screen.queryAllByRole('button', { name: /^Remove/ })).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Send to support' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    const context = posted[0]?.body.context as Record<string, unknown>;
    expect(context.url).toBeUndefined();
    expect(context).toMatchObject({ language: expect.any(String), timezone: expect.any(String), userAgent: expect.any(String) });
  });

  test('shows the browser check findings under Technical details and sends them as context.diagnostics', async () => {
    const findings: Finding[] = [
      { id: 'clock', status: 'problem', detail: 'device clock is 300 s ahead of the server', articleId: 'devices/fix-clock', code: 'clockAhead', values: { minutes: 5 } },
      { id: 'popups', status: 'ok', detail: 'pop-ups are allowed', articleId: 'browser/allow-pop-ups', code: 'popupsOk' },
    ];
    setup({}, reducer(makeState(), { type: 'diagnosticsDone', findings, at: '2026-11-23T08:00:00.000Z' }));
    fireEvent.input(await screen.findByLabelText(/^E-mail/), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByText('Technical details'));
    expect(screen.getByText('clock: problem — device clock is 300 s ahead of the server; popups: ok — pop-ups are allowed')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send to support' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect((posted[0]?.body.context as Record<string, unknown>).diagnostics).toEqual([
      { id: 'clock', status: 'problem', detail: 'device clock is 300 s ahead of the server' },
      { id: 'popups', status: 'ok', detail: 'pop-ups are allowed' },
    ]);
  });

  test('sends no diagnostics when the user removed them from Technical details', async () => {
    const findings: Finding[] = [{ id: 'storage', status: 'problem', detail: 'blocked: cookies', articleId: 'browser/enable-cookies', code: 'cookiesDisabled' }];
    setup({}, reducer(makeState(), { type: 'diagnosticsDone', findings, at: '2026-11-23T08:00:00.000Z' }));
    fireEvent.input(await screen.findByLabelText(/^E-mail/), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByText('Technical details'));
    const row = screen.getByText('storage: problem — blocked: cookies').closest('li')!;
    fireEvent.click(within(row).getByRole('checkbox'));
    expect((within(row).getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Send to support' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    const context = posted[0]?.body.context as Record<string, unknown>;
    expect(context).not.toHaveProperty('diagnostics');
    expect(context).toHaveProperty('timezone');
  });

  test('sends the ticket once with its Idempotency-Key and shows the endpoint’s ticketId', async () => {
    const { emit } = setup();
    fireEvent.input(await screen.findByLabelText(/^E-mail/), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to support' }));
    expect(await screen.findByText('Sent — ticket L1-1001')).toBeTruthy();
    expect(posted).toHaveLength(1);
    const body = posted[0]!.body;
    expect(posted[0]!.headers['Idempotency-Key']).toBe(body.id);
    expect(body).toMatchObject({
      requester: { email: 'ada@example.com' },
      subject: 'printer offline',
      category: 'printing',
      searches: ['printer offline'],
      articlesViewed: [{ id: 'printing/printer-offline', helpful: false }],
      fields: { escalationReason: 'not-helpful' },
    });
    expect(emit).toHaveBeenCalledWith('ticket:queued', { id: body.id });
    expect(emit).toHaveBeenCalledWith('ticket:sent', { id: body.id, ticketId: 'L1-1001' });
    expect(localStorage.getItem(draftKey(resolveOptions({ ticketEndpoint: ENDPOINT }, { loaderUrl: ENDPOINT, pageUrl: ENDPOINT }).options.ticketEndpoint!))).toBeNull();
  });

  test('shows the endpoint’s 4xx message and keeps the draft', async () => {
    replies.push(new Response(JSON.stringify({ error: 'Your account is not allowed to open tickets.' }), { status: 403 }));
    const { emit } = setup();
    fireEvent.input(await screen.findByLabelText(/^E-mail/), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to support' }));
    expect((await screen.findByText(/Your account is not allowed to open tickets\./)).closest('[role=alert]')).toBeTruthy();
    expect(screen.getByLabelText(/^E-mail/)).toHaveProperty('value', 'ada@example.com');
    expect(localStorage.getItem(draftKey(ENDPOINT))).toContain('ada@example.com');
    expect(emit).toHaveBeenCalledWith('ticket:failed', expect.objectContaining({ error: 'Your account is not allowed to open tickets.' }));
  });

  test('composes an e-mail for a mailto: endpoint without any network request', async () => {
    setup({ ticketEndpoint: 'mailto:it@example.com' });
    fireEvent.input(await screen.findByLabelText(/^E-mail/), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to support' }));
    const link = (await screen.findByRole('link', { name: 'Open the e-mail' })) as HTMLAnchorElement;
    expect(link.href.startsWith('mailto:it@example.com?subject=printer%20offline&body=')).toBe(true);
    expect(posted).toHaveLength(0);
  });
});

test('fills name and e-mail from an identify() that arrives after the form opened', async () => {
  const { store } = setup();
  fireEvent.input(await screen.findByLabelText(/^Name/), { target: { value: 'Typed Name' } });
  store.dispatch({ type: 'identify', identity: { name: 'Ada', email: 'ada@example.com' } });
  await waitFor(() => expect(screen.getByLabelText(/^E-mail/)).toHaveProperty('value', 'ada@example.com'));
  expect(screen.getByLabelText(/^Name/)).toHaveProperty('value', 'Typed Name');
});

test('restores what the user typed after a reload, under a prefill() for the fields they left alone', async () => {
  setup();
  fireEvent.input(await screen.findByLabelText(/^Description/), { target: { value: 'typed before the reload' } });
  await waitFor(() => expect(localStorage.getItem(draftKey(ENDPOINT))).toContain('typed before the reload'));
  cleanup();
  const { store } = setup();
  store.dispatch({ type: 'prefill', prefill: { subject: 'From the site', message: 'site text' } });
  await waitFor(() => expect(screen.getByLabelText(/^Subject/)).toHaveProperty('value', 'From the site'));
  expect(screen.getByLabelText(/^Description/)).toHaveProperty('value', 'typed before the reload');
});
