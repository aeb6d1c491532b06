import { describe, expect, test } from 'vitest';
import { pathInBase, routeFor, tier0Base, type RouteRequest } from '../../../widget/core/offline/sw-routes.ts';

const base = 'https://intranet.example/tier0/';
const makeRequest = (overrides: Partial<RouteRequest> = {}): RouteRequest => ({
  url: `${base}kb/manifest.json`,
  method: 'GET',
  mode: 'cors',
  ticketHeader: false,
  ...overrides,
});
const route = (overrides: Partial<RouteRequest>) => routeFor(makeRequest(overrides), { base });

describe('tier0Base', () => {
  test('is the folder of sw.js, with a trailing slash', () => {
    expect(tier0Base('https://intranet.example/tier0/sw.js')).toBe(base);
    expect(tier0Base('https://intranet.example/sw.js?v=2')).toBe('https://intranet.example/');
  });
});

describe('pathInBase', () => {
  test('gives the path below the folder', () => {
    expect(pathInBase(`${base}kb/articles/0123456789.json`, base)).toBe('kb/articles/0123456789.json');
  });
  test('is null for another origin or a sibling folder that shares a prefix', () => {
    expect(pathInBase('https://cdn.example/tier0/tier0.js', base)).toBeNull();
    expect(pathInBase('https://intranet.example/tier0-old/tier0.js', base)).toBeNull();
    expect(pathInBase('https://intranet.example/', base)).toBeNull();
  });
});

describe('routeFor', () => {
  test('sends the KB manifest network-first', () => {
    expect(route({})).toBe('manifest');
    expect(route({ url: `${base}kb/manifest.json?x=1` })).toBe('manifest');
    expect(route({ url: `${base}help/kb/manifest.json` })).toBe('manifest');
  });

  test('serves content-hashed KB files and chunks cache-first', () => {
    expect(route({ url: `${base}kb/index.c7794ad751.json` })).toBe('immutable');
    expect(route({ url: `${base}kb/articles/fdef5064d9.json` })).toBe('immutable');
    expect(route({ url: `${base}kb/media/printer.3f9c2e1d0a.png` })).toBe('immutable');
    expect(route({ url: `${base}chunks/panel.Bx3kL9aQ.js` })).toBe('immutable');
    expect(route({ url: `${base}chunks/panel.Bx3kL9aQ.css` })).toBe('immutable');
  });

  test('leaves unhashed Tier0 files to the precache only', () => {
    expect(route({ url: `${base}tier0.js` })).toBe('precache');
    expect(route({ url: `${base}kb/articles/readme.json` })).toBe('precache');
    expect(route({ url: `${base}kb/index.json` })).toBe('precache');
  });

  test('never answers host pages, host API calls or other origins', () => {
    expect(route({ url: 'https://intranet.example/', mode: 'navigate' })).toBe('pass');
    expect(route({ url: 'https://intranet.example/app/page.html', mode: 'navigate' })).toBe('pass');
    expect(route({ url: 'https://intranet.example/api/users' })).toBe('pass');
    expect(route({ url: 'https://intranet.example/kb/manifest.json' })).toBe('pass');
    expect(route({ url: 'https://cdn.example/tier0/kb/manifest.json' })).toBe('pass');
    expect(route({ url: base })).toBe('pass');
  });

  test('never answers a navigation, even to a file in Tier0 folder', () => {
    expect(route({ url: `${base}index.html`, mode: 'navigate' })).toBe('pass');
    expect(route({ url: `${base}kb/manifest.json`, mode: 'navigate' })).toBe('pass');
  });

  test('takes only marked same-origin POSTs as tickets', () => {
    expect(route({ url: 'https://intranet.example/api/tickets', method: 'POST', ticketHeader: true })).toBe('ticket');
    expect(route({ url: 'https://intranet.example/api/tickets', method: 'POST' })).toBe('pass');
    expect(route({ url: 'https://helpdesk.example/api/tickets', method: 'POST', ticketHeader: true })).toBe('pass');
  });

  test('passes other methods through', () => {
    expect(route({ method: 'PUT' })).toBe('pass');
    expect(route({ method: 'HEAD' })).toBe('pass');
    expect(route({ method: 'DELETE', ticketHeader: true })).toBe('pass');
  });
});
