import { expect, test } from 'vitest';
import { clockOffset, contextFromItems, siteItems } from '../../../widget/core/ticket/context-items.ts';
import { describeUserAgent } from '../../../widget/core/ticket/user-agent.ts';

test('names browser and OS from common user agents', () => {
  expect(
    describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86'),
  ).toEqual({ browser: 'Edge 131', os: 'Windows 10/11', mobile: false });
  expect(describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15')).toEqual({
    browser: 'Safari 17',
    os: 'macOS 10.15.7',
    mobile: false,
  });
  expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0').browser).toBe('Firefox 133');
  expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 Version/17.2 Mobile/15E148 Safari/604.1')).toEqual({
    browser: 'Safari 17',
    os: 'iOS 17.2',
    mobile: true,
  });
});

test('prefers the real brand from userAgentData over the frozen UA string', () => {
  const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  expect(
    describeUserAgent(ua, { brands: [{ brand: 'Not_A Brand', version: '8' }, { brand: 'Chromium', version: '131' }, { brand: 'Google Chrome', version: '131' }], platform: 'Linux', mobile: false }),
  ).toEqual({ browser: 'Chrome 131', os: 'Linux', mobile: false });
});

test('measures the clock offset from a Date header, ignoring sub-second noise', () => {
  const server = Date.parse('Mon, 23 Nov 2026 08:00:00 GMT');
  expect(clockOffset('Mon, 23 Nov 2026 08:00:00 GMT', server + 119_900, server + 120_100)).toBe(120_000);
  expect(clockOffset('Mon, 23 Nov 2026 08:00:00 GMT', server + 100, server + 300)).toBe(0);
  expect(clockOffset(null, 0, 0)).toBeNull();
});

test('flattens the site context() result into removable items', () => {
  const items = siteItems({ plan: 'gold', seats: 3, nested: { a: 1 }, skip: undefined, fn: () => 1 });
  expect(items).toEqual([
    { key: 'plan', value: 'gold', site: true },
    { key: 'seats', value: 3, site: true },
    { key: 'nested', value: '{"a":1}', site: true },
  ]);
  expect(siteItems('not an object')).toEqual([]);
  expect(contextFromItems(items, ['site.seats'])).toEqual({ site: { plan: 'gold', nested: '{"a":1}' } });
});
