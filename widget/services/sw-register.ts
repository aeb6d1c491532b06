/**
 * The page side of Tier0's service worker, kept small: registration, with the browser's own API
 * (workbox-window added 2.2 KB gzip to every session for two calls it wraps). The
 * marker that lets the worker queue failed tickets is ticket-fetch-mark.ts ("help content was
 * updated": kb-updates.ts).
 * Nothing here may break the host page: every failure is reported once as `[tier0] …` and the
 * widget carries on online (and offline through warm-up).
 */
import { registrationDecision, type RegistrationDecision } from '../core/offline/registration.ts';
import { trustedScriptUrl } from './trusted-types.ts';

export type SwStatus =
  | { kind: 'registered'; registration: ServiceWorkerRegistration }
  | { kind: 'skipped'; reason: Extract<RegistrationDecision, { kind: 'skip' }>['reason'] }
  | { kind: 'failed'; message: string };

export interface SwRegisterDeps {
  pageUrl: string;
  /** `navigator.serviceWorker`, or undefined where unsupported. */
  container: ServiceWorkerContainer | undefined;
  /** Creates and registers the worker; default: `navigator.serviceWorker.register`. */
  register?: (url: string, scope: string) => Promise<ServiceWorkerRegistration | undefined>;
  /** Reports a problem once (the loader's `[tier0]` reporter). */
  report: (message: string, error?: unknown) => void;
  /** Quiet notes for skipped cases that are not errors. Default console.debug. */
  debug?: (message: string) => void;
}

/** Registers the worker and asks for an update check when one already existed. */
async function registerWorker(url: string, scope: string): Promise<ServiceWorkerRegistration | undefined> {
  // Under `require-trusted-types-for 'script'` register() only takes a TrustedScriptURL.
  const registration = await navigator.serviceWorker.register(trustedScriptUrl(url), { scope });
  // Browsers only check for a new sw.js on navigations inside its scope; the host page is often
  // outside Tier0's folder, so ask once per page load (a small, HTTP-cache-bypassing request).
  if (registration.active) void registration.update().catch(() => undefined);
  return registration;
}

/** Registers Tier0's worker as the options say; never throws, reports a failure once. */
export async function registerServiceWorker(
  options: { serviceWorker: string | false; serviceWorkerScope: string },
  deps: SwRegisterDeps,
): Promise<SwStatus> {
  const decision = registrationDecision({
    serviceWorker: options.serviceWorker,
    scope: options.serviceWorkerScope,
    pageUrl: deps.pageUrl,
    supported: deps.container !== undefined,
  });
  if (decision.kind === 'skip') {
    if ('note' in decision) (deps.debug ?? ((m: string) => console.debug(m)))(`[tier0] service worker skipped: ${decision.note}`);
    return { kind: 'skipped', reason: decision.reason };
  }
  try {
    const registration = await (deps.register ?? registerWorker)(decision.url, decision.scope);
    if (!registration) throw new Error('registration returned nothing');
    return { kind: 'registered', registration };
  } catch (error) {
    const message = `[tier0] could not register the service worker ${decision.url} with scope ${decision.scope} — `
      + 'serve it from the same origin, and send "Service-Worker-Allowed" for a scope above its folder '
      + '(the widget still works, without offline caching)';
    deps.report(message, error);
    return { kind: 'failed', message };
  }
}
