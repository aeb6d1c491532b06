/**
 * Whether and how the page registers Tier0's service worker, as a pure decision. A worker can only
 * be registered from its own origin, so a loader served from a CDN or another host skips it
 * quietly (the widget still works online, and warm-up still helps offline).
 */

export type RegistrationDecision =
  | { kind: 'register'; url: string; scope: string }
  // Turned off, or no service workers here: nothing worth telling the site owner.
  | { kind: 'skip'; reason: 'off' | 'unsupported' }
  // A loader set up so that its worker cannot be registered: a note for the console's debug level.
  | { kind: 'skip'; reason: 'cross-origin' | 'bad-url'; note: string };

export interface RegistrationInput {
  /** Resolved `serviceWorker` option: absolute URL, or false. */
  serviceWorker: string | false;
  /** Resolved `serviceWorkerScope` option (absolute URL). */
  scope: string;
  pageUrl: string;
  /** `'serviceWorker' in navigator` (false on plain http too: workers need a secure context). */
  supported: boolean;
}

/** Decides whether to register the worker, and with which URL and scope. */
export function registrationDecision(input: RegistrationInput): RegistrationDecision {
  if (input.serviceWorker === false) return { kind: 'skip', reason: 'off' };
  if (!input.supported) return { kind: 'skip', reason: 'unsupported' };
  let sw: URL;
  let scope: URL;
  let page: URL;
  try {
    sw = new URL(input.serviceWorker);
    scope = new URL(input.scope);
    page = new URL(input.pageUrl);
  } catch {
    return { kind: 'skip', reason: 'bad-url', note: `cannot read the service worker URL "${String(input.serviceWorker)}"` };
  }
  if (sw.origin !== page.origin || scope.origin !== page.origin) {
    return { kind: 'skip', reason: 'cross-origin', note: `${sw.href} is not on this page's origin, so it cannot be registered here` };
  }
  return { kind: 'register', url: sw.href, scope: scope.href };
}
