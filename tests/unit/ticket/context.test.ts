import { expect, test, vi } from 'vitest';
import { contextFromItems, diagnosticsItems, siteItems } from '../../../widget/core/ticket/context-items.ts';
import type { Finding } from '../../../widget/core/diagnostics-relevance.ts';
import { SECRET_MASK } from '../../../widget/core/ticket/secrets.ts';
import { fetchKbFacts } from '../../../widget/services/ticket/collect-context.ts';
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

test('takes the clock offset from the manifest’s Date header with the browser check’s measure, ignoring sub-second noise', async () => {
  const server = Date.parse('Mon, 23 Nov 2026 08:00:00 GMT');
  const manifest = (date: string) => (async () => new Response(JSON.stringify({ version: 'kb-7' }), { headers: { Date: date } })) as typeof fetch;
  const now = vi.spyOn(Date, 'now');
  try {
    // Sent and answered two minutes after the server stamped the header: the device is ahead.
    now.mockReturnValueOnce(server + 120_000).mockReturnValueOnce(server + 120_000);
    const ahead = await fetchKbFacts('https://help.example.com/kb/', manifest('Mon, 23 Nov 2026 08:00:00 GMT'));
    // clockOffsetMs compares with the middle of the header's second (+500 ms).
    expect(ahead.items).toEqual([{ key: 'kbVersion', value: 'kb-7' }, { key: 'clockOffsetMs', value: 119_500 }]);

    now.mockReturnValueOnce(server + 100).mockReturnValueOnce(server + 300);
    const inSync = await fetchKbFacts('https://help.example.com/kb/', manifest('Mon, 23 Nov 2026 08:00:00 GMT'));
    expect(inSync.items).toContainEqual({ key: 'clockOffsetMs', value: 0 });
  } finally {
    now.mockRestore();
  }
});

function finding(id: Finding['id'], status: Finding['status'], detail: string): Finding {
  return { id, status, detail, articleId: `help/${id}`, code: `${id}Code`, values: { minutes: 5 } };
}

test('turns browser check findings into one diagnostics item of id, status and detail', () => {
  const items = diagnosticsItems([
    finding('clock', 'problem', 'device clock is 300 s ahead of the server'),
    finding('storage', 'ok', 'cookies, localStorage, sessionStorage and IndexedDB work'),
  ]);
  expect(items).toEqual([
    {
      key: 'diagnostics',
      value: [
        { id: 'clock', status: 'problem', detail: 'device clock is 300 s ahead of the server' },
        { id: 'storage', status: 'ok', detail: 'cookies, localStorage, sessionStorage and IndexedDB work' },
      ],
    },
  ]);
  expect(contextFromItems([{ key: 'url', value: 'https://example.com/' }, ...items])).toEqual({
    url: 'https://example.com/',
    diagnostics: [
      { id: 'clock', status: 'problem', detail: 'device clock is 300 s ahead of the server' },
      { id: 'storage', status: 'ok', detail: 'cookies, localStorage, sessionStorage and IndexedDB work' },
    ],
  });
  expect(contextFromItems(items, ['diagnostics'])).toEqual({});
});

test('adds no diagnostics item before any check ran, and masks credentials quoted in a detail', () => {
  expect(diagnosticsItems([])).toEqual([]);
  expect(diagnosticsItems(undefined)).toEqual([]);
  const [item] = diagnosticsItems([finding('offline', 'problem', 'cannot reach https://kb.example.com: password=hunter2 rejected')]);
  expect(JSON.stringify(item)).not.toContain('hunter2');
  expect(JSON.stringify(item)).toContain(SECRET_MASK);
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
