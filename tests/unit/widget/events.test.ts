import { describe, expect, test, vi } from 'vitest';
import { createEmitter } from '../../../widget/core/events.ts';

describe('createEmitter', () => {
  test('calls handlers with the payload and unsubscribes', () => {
    const e = createEmitter(() => {});
    const seen: string[] = [];
    const off = e.on('search', (p) => seen.push(p.query));
    e.emit('search', { query: 'a', results: [] });
    off();
    e.emit('search', { query: 'b', results: [] });
    expect(seen).toEqual(['a']);
  });

  test('a throwing handler is reported and does not stop the others', () => {
    const report = vi.fn();
    const e = createEmitter(report);
    const after = vi.fn();
    e.on('open', () => { throw new Error('boom'); });
    e.on('open', after);
    e.emit('open', {});
    expect(after).toHaveBeenCalledOnce();
    expect(report).toHaveBeenCalledOnce();
    expect(report.mock.calls[0]![0]).toMatch(/^\[tier0\] a "open" event handler threw — /);
  });

  test('ready is replayed to a late subscriber at once', () => {
    const e = createEmitter(() => {});
    e.emit('ready', { articles: 3 });
    const late = vi.fn();
    e.on('ready', late);
    expect(late).toHaveBeenCalledWith({ articles: 3 });
  });

  test('unsubscribing during an emit does not skip the next handler', () => {
    const e = createEmitter(() => {});
    const second = vi.fn();
    const off = e.on('close', () => off());
    e.on('close', second);
    e.emit('close', {});
    expect(second).toHaveBeenCalledOnce();
  });

  test('clear removes every handler and the remembered ready payload', () => {
    const e = createEmitter(() => {});
    const h = vi.fn();
    e.on('open', h);
    e.emit('ready', { articles: 1 });
    e.clear();
    e.emit('open', {});
    const late = vi.fn();
    e.on('ready', late);
    expect(h).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
  });

  test('a misspelt event name is a compile error', () => {
    const e = createEmitter(() => {});
    const h = vi.fn();
    // @ts-expect-error "serach" is not an event (tsc fails without this directive)
    e.on('serach', h);
    e.emit('search', { query: 'x', results: [] });
    expect(h).not.toHaveBeenCalled();
    // @ts-expect-error a feedback payload needs `helpful`
    const wrong: Parameters<typeof e.emit<'feedback'>>[1] = { id: 'x' };
    expect(wrong).toEqual({ id: 'x' });
  });
});
