import { describe, expect, test, vi } from 'vitest';
import { registrationDecision, type RegistrationInput } from '../../../widget/core/offline/registration.ts';
import { registerServiceWorker, type SwRegisterDeps } from '../../../widget/services/sw-register.ts';
import { markTicketFetch } from '../../../widget/services/ticket-fetch-mark.ts';

const page = 'https://intranet.example/app/page.html';
const makeInput = (overrides: Partial<RegistrationInput> = {}): RegistrationInput => ({
  serviceWorker: 'https://intranet.example/tier0/sw.js',
  scope: 'https://intranet.example/tier0/',
  pageUrl: page,
  supported: true,
  ...overrides,
});

describe('registrationDecision', () => {
  test('registers a same-origin worker with the given scope', () => {
    expect(registrationDecision(makeInput())).toEqual({
      kind: 'register', url: 'https://intranet.example/tier0/sw.js', scope: 'https://intranet.example/tier0/',
    });
    expect(registrationDecision(makeInput({ scope: 'https://intranet.example/' }))).toMatchObject({ kind: 'register', scope: 'https://intranet.example/' });
  });

  test('does nothing when the option is false', () => {
    expect(registrationDecision(makeInput({ serviceWorker: false }))).toMatchObject({ kind: 'skip', reason: 'off' });
  });

  test('skips browsers without service workers', () => {
    expect(registrationDecision(makeInput({ supported: false }))).toMatchObject({ kind: 'skip', reason: 'unsupported' });
  });

  test('skips a loader served from another origin', () => {
    const d = registrationDecision(makeInput({ serviceWorker: 'https://cdn.example/tier0/sw.js', scope: 'https://cdn.example/tier0/' }));
    expect(d).toMatchObject({ kind: 'skip', reason: 'cross-origin' });
  });

  test('skips a scope on another origin', () => {
    expect(registrationDecision(makeInput({ scope: 'https://other.example/' }))).toMatchObject({ kind: 'skip', reason: 'cross-origin' });
  });
});

const makeDeps = (overrides: Partial<SwRegisterDeps> = {}): SwRegisterDeps => ({
  pageUrl: page,
  container: {} as ServiceWorkerContainer,
  register: vi.fn(async () => ({ scope: 'x' }) as ServiceWorkerRegistration),
  report: vi.fn(),
  debug: vi.fn(),
  ...overrides,
});
const options = { serviceWorker: 'https://intranet.example/tier0/sw.js' as string | false, serviceWorkerScope: 'https://intranet.example/' };

describe('registerServiceWorker', () => {
  test('registers with the resolved URL and scope', async () => {
    const deps = makeDeps();
    const status = await registerServiceWorker(options, deps);
    expect(status.kind).toBe('registered');
    expect(deps.register).toHaveBeenCalledWith('https://intranet.example/tier0/sw.js', 'https://intranet.example/');
    expect(deps.report).not.toHaveBeenCalled();
  });

  test('never registers when serviceWorker is false', async () => {
    const deps = makeDeps();
    expect(await registerServiceWorker({ ...options, serviceWorker: false }, deps)).toEqual({ kind: 'skipped', reason: 'off' });
    expect(deps.register).not.toHaveBeenCalled();
  });

  test('skips a cross-origin loader with a debug note, not an error', async () => {
    const deps = makeDeps();
    const status = await registerServiceWorker({ ...options, serviceWorker: 'https://cdn.example/sw.js' }, deps);
    expect(status).toEqual({ kind: 'skipped', reason: 'cross-origin' });
    expect(deps.debug).toHaveBeenCalledWith(expect.stringMatching(/^\[tier0\] service worker skipped/));
    expect(deps.report).not.toHaveBeenCalled();
    expect(deps.register).not.toHaveBeenCalled();
  });

  test('reports a refused registration once as [tier0] and resolves instead of throwing', async () => {
    const refusal = new DOMException('The path of the provided scope is not under the max scope allowed', 'SecurityError');
    const deps = makeDeps({ register: vi.fn(async () => { throw refusal; }) });
    const status = await registerServiceWorker(options, deps);
    expect(status.kind).toBe('failed');
    expect(deps.report).toHaveBeenCalledTimes(1);
    expect(deps.report).toHaveBeenCalledWith(expect.stringMatching(/^\[tier0\] .*Service-Worker-Allowed/), refusal);
  });

  test('skips quietly where service workers are unsupported', async () => {
    const deps = makeDeps({ container: undefined });
    expect(await registerServiceWorker(options, deps)).toEqual({ kind: 'skipped', reason: 'unsupported' });
    expect(deps.debug).not.toHaveBeenCalled();
    expect(deps.report).not.toHaveBeenCalled();
  });
});

describe('markTicketFetch', () => {
  const capture = () => {
    const calls: Array<{ url: string; headers: Headers }> = [];
    const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(input), headers: new Headers(init?.headers) });
      return new Response('{}');
    }) as unknown as typeof fetch;
    return { calls, fetchImpl };
  };

  test('marks same-origin ticket POSTs and keeps their own headers', async () => {
    const { calls, fetchImpl } = capture();
    await markTicketFetch(fetchImpl, page)('/api/tickets', { method: 'POST', headers: { 'Idempotency-Key': 'k1' } });
    expect(calls[0]?.headers.get('X-Tier0-Ticket')).toBe('1');
    expect(calls[0]?.headers.get('Idempotency-Key')).toBe('k1');
  });

  test('leaves cross-origin POSTs and GETs unmarked (no CORS change needed)', async () => {
    const { calls, fetchImpl } = capture();
    const marked = markTicketFetch(fetchImpl, page);
    await marked('https://helpdesk.example/api/tickets', { method: 'POST', headers: { 'Idempotency-Key': 'k1' } });
    await marked('/api/tickets');
    expect(calls.map((c) => c.headers.has('X-Tier0-Ticket'))).toEqual([false, false]);
  });
});
