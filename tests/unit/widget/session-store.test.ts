import { describe, expect, test } from 'vitest';
import { createSessionStore, MAX_BYTES, SESSION_KEY } from '../../../widget/services/session-store.ts';
import { initialState, persistable, reducer } from '../../../widget/core/state.ts';

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() { return data.size; },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => { data.delete(k); },
    setItem: (k, v) => { data.set(k, String(v)); },
  };
}

describe('createSessionStore', () => {
  test('saves and loads the conversation', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage);
    const s = reducer(initialState(), { type: 'ask', query: 'vpn', hits: [], at: 'now' });
    store.save(persistable(s));
    expect(store.load()?.messages).toEqual(s.messages);
  });

  test('clears corrupt JSON instead of crashing', () => {
    const storage = memoryStorage();
    storage.setItem(SESSION_KEY, '{"messages": [');
    expect(createSessionStore(storage).load()).toBeUndefined();
    expect(storage.getItem(SESSION_KEY)).toBeNull();
  });

  test('clears well-formed JSON of the wrong shape', () => {
    const storage = memoryStorage();
    storage.setItem(SESSION_KEY, '{"messages": "nope"}');
    expect(createSessionStore(storage).load()).toBeUndefined();
    expect(storage.data.size).toBe(0);
  });

  test('drops the oldest messages to stay under the size cap', () => {
    const storage = memoryStorage();
    let s = initialState();
    for (let i = 0; i < 400; i++) s = reducer(s, { type: 'ask', query: `question ${i} ${'x'.repeat(200)}`, hits: [], at: 'now' });
    createSessionStore(storage).save(persistable(s));
    const raw = storage.getItem(SESSION_KEY)!;
    expect(raw.length).toBeLessThanOrEqual(MAX_BYTES);
    const saved = JSON.parse(raw) as { messages: Array<{ kind: string; text?: string }> };
    expect(saved.messages.at(-1)).toEqual(s.messages.at(-1));
  });

  test('a full or blocked storage is ignored', () => {
    const storage = memoryStorage();
    storage.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
    storage.getItem = () => { throw new DOMException('blocked', 'SecurityError'); };
    const store = createSessionStore(storage);
    expect(() => store.save(persistable(initialState()))).not.toThrow();
    expect(store.load()).toBeUndefined();
  });
});
