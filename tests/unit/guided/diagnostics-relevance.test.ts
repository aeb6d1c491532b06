import { describe, expect, test } from 'vitest';
import {
  browserVersion,
  clockOffsetMs,
  compareVersions,
  DEFAULT_DIAGNOSTIC_ARTICLES,
  diagnosticArticles,
  isClockOff,
  isOutdated,
  parseHttpDate,
  relevantDiagnostics,
} from '../../../widget/core/diagnostics-relevance.ts';

const CHROME_UA = (major: number) =>
  `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;

describe('which diagnostics a question calls for', () => {
  test.each([
    ['mfa code rejected', ['clock']],
    ['my authenticator code is invalid', ['clock']],
    ["can't sign in", ['clock', 'storage']],
    ['I cannot log in to the portal', ['clock', 'storage']],
    ['no internet', ['offline']],
    ['laptop says offline', ['offline']],
    ['the popup does not appear', ['popups']],
    ['pop-up window blocked', ['popups']],
    ['page broken', ['storage', 'browser']],
    ['site not loading', ['storage', 'browser']],
    ['pas d’internet au bureau', ['offline']],
    // Phrasings the rules leave out because a shorter phrase of theirs holds all its words.
    ['the page wont load', ['storage', 'browser']],
    ['page not loading at all', ['storage', 'browser']],
    ['the page is blank', ['storage', 'browser']],
    ['wrong code from the app', ['clock']],
    ['the time is wrong', ['clock']],
  ])('"%s" → %j', (query, ids) => {
    expect(relevantDiagnostics(query)).toEqual(ids);
  });

  test('a question no check can explain offers none', () => {
    expect(relevantDiagnostics('printer paper jam')).toEqual([]);
    expect(relevantDiagnostics('printer offline')).toEqual([]);
    expect(relevantDiagnostics('')).toEqual([]);
  });

  test('several matching rules are merged in run order', () => {
    expect(relevantDiagnostics('no internet and my mfa code is rejected')).toEqual(['offline', 'clock']);
  });
});

describe('versions', () => {
  test('compares dotted versions numerically, missing parts as zero', () => {
    expect(compareVersions('10.2', '9.14')).toBe(1);
    expect(compareVersions('120.0.1', '120')).toBe(1);
    expect(compareVersions('120', '120.0.0')).toBe(0);
    expect(compareVersions('17.4', '18')).toBe(-1);
  });

  test('reads the browser and its major version from the UA string', () => {
    expect(browserVersion(CHROME_UA(131))).toEqual({ name: 'Chrome', key: 'chrome', major: 131 });
    const safari = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
    expect(browserVersion(safari)).toMatchObject({ key: 'safari', major: 17 });
  });

  test('prefers client hints, mapping "Microsoft Edge" to the edge entry', () => {
    const data = { brands: [{ brand: 'Not A(Brand', version: '8' }, { brand: 'Chromium', version: '150' }, { brand: 'Microsoft Edge', version: '150' }] };
    expect(browserVersion(CHROME_UA(110), data)).toEqual({ name: 'Microsoft Edge', key: 'edge', major: 150 });
  });

  test('returns null for a UA it cannot read', () => {
    expect(browserVersion('curl/8.0')).toBeNull();
  });

  test('an old major version is outdated, a browser missing from the table never is', () => {
    const table = { chrome: 138 };
    expect(isOutdated('chrome', 137, table)).toBe(true);
    expect(isOutdated('chrome', 138, table)).toBe(false);
    expect(isOutdated('netsurf', 1, table)).toBe(false);
  });
});

describe('clock offset from a Date header', () => {
  const server = Date.parse('Mon, 23 Nov 2026 09:00:00 GMT');

  test('parses an HTTP date and rejects garbage', () => {
    expect(parseHttpDate('Mon, 23 Nov 2026 09:00:00 GMT')).toBe(server);
    expect(parseHttpDate('yesterday-ish')).toBeNull();
    expect(parseHttpDate(null)).toBeNull();
  });

  test('a device 5 minutes ahead gives a positive offset beyond the tolerance', () => {
    const device = server + 5 * 60_000;
    const offset = clockOffsetMs('Mon, 23 Nov 2026 09:00:00 GMT', device, device + 200) as number;
    expect(Math.round(offset / 60_000)).toBe(5);
    expect(isClockOff(offset)).toBe(true);
  });

  test('a device 2 minutes behind gives a negative offset', () => {
    const device = server - 2 * 60_000;
    const offset = clockOffsetMs('Mon, 23 Nov 2026 09:00:00 GMT', device, device) as number;
    expect(offset).toBeLessThan(-60_000);
    expect(isClockOff(offset)).toBe(true);
  });

  test('a round trip and second-truncated header stay within tolerance', () => {
    const offset = clockOffsetMs('Mon, 23 Nov 2026 09:00:00 GMT', server - 300, server + 1700) as number;
    expect(Math.abs(offset)).toBeLessThan(1000);
    expect(isClockOff(offset)).toBe(false);
  });

  test('no header, no offset', () => {
    expect(clockOffsetMs(null, 0, 0)).toBeNull();
  });
});

test('fixing articles default to the table and accept site overrides', () => {
  expect(diagnosticArticles()).toEqual(DEFAULT_DIAGNOSTIC_ARTICLES);
  const table = diagnosticArticles({ clock: 'it/time-sync', popups: 42 });
  expect(table.clock).toBe('it/time-sync');
  expect(table.popups).toBe(DEFAULT_DIAGNOSTIC_ARTICLES.popups);
});
