/**
 * Tier0's one Trusted Types policy, `tier0`, shared by every caller of a Trusted Types sink
 * (sanitized article HTML, the service worker's script URL). It is created once per page: a CSP
 * `trusted-types tier0` without 'allow-duplicates' refuses a second policy of the same name.
 */
export interface TrustedTypePolicyLike {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}

let policy: TrustedTypePolicyLike | null | undefined;

/** The `tier0` Trusted Types policy, created once; null where Trusted Types are unavailable or refused. */
export function trustedTypesPolicy(): TrustedTypePolicyLike | null {
  if (policy !== undefined) return policy;
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): TrustedTypePolicyLike } }).trustedTypes;
  policy = null;
  if (tt) {
    try {
      // Identity functions: callers pass only DOMPurify's sanitized output or Tier0's own worker URL.
      policy = tt.createPolicy('tier0', { createHTML: (s: string) => s, createScriptURL: (s: string) => s });
    } catch (error) {
      console.error('[tier0] cannot create the Trusted Types policy "tier0" — add "tier0" to your CSP trusted-types directive', error);
    }
  }
  return policy;
}

/**
 * A script URL for a Trusted Types sink such as `serviceWorker.register`: a TrustedScriptURL
 * where Trusted Types exist (typed as string, which is what those sinks also accept), else the URL.
 */
export function trustedScriptUrl(url: string): string {
  const tt = trustedTypesPolicy();
  return tt ? (tt.createScriptURL(url) as string) : url;
}
