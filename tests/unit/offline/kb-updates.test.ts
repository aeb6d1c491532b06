import { describe, expect, test, vi } from 'vitest';
import { isKbUpdated, noteKbVersion, watchKbUpdates } from '../../../widget/services/kb-updates.ts';

describe('help content updates', () => {
  test('isKbUpdated needs two known, different versions', () => {
    expect(isKbUpdated('a', 'b')).toBe(true);
    expect(isKbUpdated('a', 'a')).toBe(false);
    expect(isKbUpdated(null, 'b')).toBe(false);
    expect(isKbUpdated('a', undefined)).toBe(false);
  });

  test('watchKbUpdates reports a worker-adopted version other than the loaded one', () => {
    const target = new EventTarget();
    const container = Object.assign(target, { startMessages: vi.fn() }) as unknown as ServiceWorkerContainer;
    const seen: string[] = [];
    let loaded = 'v1';
    const stop = watchKbUpdates(container, () => loaded, (v) => seen.push(v));
    const send = (data: unknown) => target.dispatchEvent(new MessageEvent('message', { data }));
    send({ type: 'tier0:kb-updated', version: 'v1' });
    send({ type: 'other', version: 'v9' });
    send({ type: 'tier0:kb-updated', version: 'v2' });
    loaded = 'v2';
    send({ type: 'tier0:kb-updated', version: 'v2' });
    stop();
    send({ type: 'tier0:kb-updated', version: 'v3' });
    expect(seen).toEqual(['v2']);
  });

  test('noteKbVersion says "updated" only when this browser saw another version before', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => { data.set(k, v); } };
    expect(noteKbVersion('v1', storage)).toBe(false);
    expect(noteKbVersion('v1', storage)).toBe(false);
    expect(noteKbVersion('v2', storage)).toBe(true);
    expect(noteKbVersion('v2', storage)).toBe(false);
  });

  test('noteKbVersion treats blocked storage as no news', () => {
    const blocked = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => {} };
    expect(noteKbVersion('v2', blocked)).toBe(false);
  });
});

describe('onKbUpdated', () => {
  // Module state (what was loaded, what was announced) is per page: a fresh module per test.
  const fresh = async () => {
    vi.resetModules();
    return import('../../../widget/services/kb-updates.ts');
  };
  const makeStorage = (seen?: string) => {
    const data = new Map<string, string>(seen ? [['tier0:kb-version', seen]] : []);
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => { data.set(k, v); } } as Storage;
  };

  test('announces a KB that changed since the last visit, also to a late subscriber', async () => {
    const m = await fresh();
    const early: string[] = [];
    m.onKbUpdated((v) => early.push(v));
    m.noteLoadedKbVersion('https://x.example/kb/', 'v2', makeStorage('v1'));
    const late: string[] = [];
    m.onKbUpdated((v) => late.push(v));
    expect(early).toEqual(['v2']);
    expect(late).toEqual(['v2']);
    expect(m.loadedKbVersion('https://x.example/kb/')).toBe('v2');
  });

  test('stays quiet on a first visit and when nothing changed', async () => {
    const m = await fresh();
    const seen: string[] = [];
    m.onKbUpdated((v) => seen.push(v));
    m.noteLoadedKbVersion('https://x.example/kb/', 'v1', makeStorage());
    m.noteLoadedKbVersion('https://x.example/kb/', 'v1', makeStorage('v1'));
    expect(seen).toEqual([]);
  });

  test('announces each new version once, and not after unsubscribing', async () => {
    const m = await fresh();
    const seen: string[] = [];
    const stop = m.onKbUpdated((v) => seen.push(v));
    m.announceKbUpdate('v2');
    m.announceKbUpdate('v2');
    stop();
    m.announceKbUpdate('v3');
    expect(seen).toEqual(['v2']);
  });
});
