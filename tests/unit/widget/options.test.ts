import { describe, expect, test } from 'vitest';
import { DEFAULTS, contrastRatio, contrastText, optionsFromDataset, resolveOptions } from '../../../widget/core/options.ts';

const ctx = { loaderUrl: 'https://cdn.example.com/static/help/tier0.js', pageUrl: 'https://intranet.example.com/expenses/' };

describe('resolveOptions', () => {
  test('defaults the KB and service worker to files beside the loader', () => {
    const { options, problems } = resolveOptions({}, ctx);
    expect(problems).toEqual([]);
    expect(options.kb).toBe('https://cdn.example.com/static/help/kb/');
    expect(options.serviceWorker).toBe('https://cdn.example.com/static/help/sw.js');
    expect(options.serviceWorkerScope).toBe('https://cdn.example.com/static/help/');
    expect(options.position).toBe(DEFAULTS.position);
    expect(options.attachments).toBe(true);
    expect(options.maxAttachmentBytes).toBe(5 * 1024 * 1024);
    expect(options.ticketEndpoint).toBeUndefined();
  });

  test('resolves page-relative URLs against the page and adds a trailing slash to kb', () => {
    const { options } = resolveOptions({ kb: '/tier0/kb', ticketEndpoint: '/api/tickets' }, ctx);
    expect(options.kb).toBe('https://intranet.example.com/tier0/kb/');
    expect(options.ticketEndpoint).toBe('https://intranet.example.com/api/tickets');
  });

  test('keeps a mailto ticket endpoint as written', () => {
    expect(resolveOptions({ ticketEndpoint: 'mailto:help@example.com' }, ctx).options.ticketEndpoint).toBe('mailto:help@example.com');
  });

  test('reports bad values as [tier0] problem — fix, and falls back to defaults', () => {
    const { options, problems } = resolveOptions({ position: 'middle' as never, accentColor: 'red;}', zIndex: -3, theme: 'neon' as never }, ctx);
    expect(options.position).toBe('right');
    expect(options.accentColor).toBe(DEFAULTS.accentColor);
    expect(options.zIndex).toBe(DEFAULTS.zIndex);
    expect(options.theme).toBe('auto');
    expect(problems).toHaveLength(4);
    for (const p of problems) expect(p).toMatch(/^\[tier0\] .+ — .+/);
  });

  test('reports an unknown option by name', () => {
    expect(resolveOptions({ ticketEndpiont: '/x' } as never, ctx).problems[0]).toContain('"ticketEndpiont"');
  });

  test('does not mutate its input', () => {
    const input = Object.freeze({ kb: '/kb/', strings: Object.freeze({ title: 'Hi' }) });
    const { options } = resolveOptions(input, ctx);
    expect(options.strings).toEqual({ title: 'Hi' });
    expect(options.strings).not.toBe(input.strings);
  });

  test('turns the service worker off with false or "false"', () => {
    expect(resolveOptions({ serviceWorker: false }, ctx).options.serviceWorker).toBe(false);
    expect(resolveOptions({ serviceWorker: 'false' as never }, ctx).options.serviceWorker).toBe(false);
  });

  test('parses data-attribute strings for numbers and booleans', () => {
    const data = optionsFromDataset({ zIndex: '50', attachments: 'false', lockIdentity: 'true', position: 'left', ticketEndpoint: '/t', unknownThing: 'x' });
    const { options, problems } = resolveOptions(data, ctx);
    expect(problems).toEqual([]);
    expect(options.zIndex).toBe(50);
    expect(options.attachments).toBe(false);
    expect(options.lockIdentity).toBe(true);
    expect(options.position).toBe('left');
  });

  test('validates ticketFields and keeps the valid ones', () => {
    const { options, problems } = resolveOptions({ ticketFields: [{ name: 'asset', type: 'text', label: 'Asset tag' }, { name: 'x', type: 'radio', label: 'X' } as never] }, ctx);
    expect(options.ticketFields.map((f) => f.name)).toEqual(['asset']);
    expect(problems).toHaveLength(1);
  });
});

describe('accent contrast', () => {
  test('picks white text on a dark accent and dark text on a light one', () => {
    expect(contrastText('#2563eb')).toBe('#ffffff');
    expect(contrastText('#ffd700')).toBe('#111111');
    expect(resolveOptions({ accentColor: '#FFD700' }, ctx).options.onAccentColor).toBe('#111111');
  });

  test('the chosen text colour always meets 4.5:1 or the best possible', () => {
    for (const c of ['#000000', '#ffffff', '#777777', '#0f766e', '#e11d48', '#a3e635']) {
      const t = contrastText(c);
      const other = t === '#ffffff' ? '#111111' : '#ffffff';
      expect(contrastRatio(c, t)).toBeGreaterThanOrEqual(contrastRatio(c, other));
    }
  });
});
