import { afterEach, describe, expect, it, vi } from 'vitest';

type Rules = { createHTML(s: string): unknown; createScriptURL(s: string): unknown };

/** A stand-in for the browser's `trustedTypes` that wraps values so they are recognisable. */
function fakeTrustedTypes(refuse = false) {
  const created: string[] = [];
  return {
    created,
    createPolicy(name: string, rules: Rules) {
      if (refuse) throw new TypeError(`Policy "${name}" disallowed`);
      created.push(name);
      return { createHTML: (s: string) => ({ html: rules.createHTML(s) }), createScriptURL: (s: string) => ({ url: rules.createScriptURL(s) }) };
    },
  };
}

async function freshModule() {
  vi.resetModules();
  return import('../../../widget/services/trusted-types.ts');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the tier0 Trusted Types policy', () => {
  it('wraps the service worker URL in a TrustedScriptURL where Trusted Types exist', async () => {
    const tt = fakeTrustedTypes();
    vi.stubGlobal('trustedTypes', tt);
    const { trustedScriptUrl } = await freshModule();
    expect(trustedScriptUrl('https://example.com/help/sw.js')).toEqual({ url: 'https://example.com/help/sw.js' });
  });

  it('creates one policy named "tier0" however many callers use it', async () => {
    const tt = fakeTrustedTypes();
    vi.stubGlobal('trustedTypes', tt);
    const { trustedScriptUrl, trustedTypesPolicy } = await freshModule();
    trustedScriptUrl('/a.js');
    trustedTypesPolicy()?.createHTML('<b>x</b>');
    trustedScriptUrl('/b.js');
    expect(tt.created).toEqual(['tier0']);
  });

  it('passes the plain URL through without Trusted Types', async () => {
    const { trustedScriptUrl } = await freshModule();
    expect(trustedScriptUrl('/help/sw.js')).toBe('/help/sw.js');
  });

  it('reports once and falls back to plain values when the CSP refuses the name', async () => {
    vi.stubGlobal('trustedTypes', fakeTrustedTypes(true));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { trustedScriptUrl } = await freshModule();
    expect(trustedScriptUrl('/x.js')).toBe('/x.js');
    expect(trustedScriptUrl('/y.js')).toBe('/y.js');
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]![0])).toMatch(/^\[tier0\] .+ — add "tier0"/);
  });
});
