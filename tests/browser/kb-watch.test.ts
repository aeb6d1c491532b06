/**
 * `npm start` for an author: saving an article under the content folder rebuilds the KB while the
 * demo runs, and the next visit to the page finds the new text, with the "Help content was
 * updated" notice.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compileKb } from '../../scripts/kb/compile.ts';
import { watchKb } from '../../scripts/demo/kb-watch.ts';
import { launchChromium, type LaunchedBrowser } from './helpers/chromium.ts';
import { DIST_DIR, hostPage, REPO_ROOT, startHostServer, type HostServer } from './helpers/host-server.ts';

let work: string;
let content: string;
let dist: string;
let server: HostServer;
let browser: LaunchedBrowser;
let stop: () => void;
const rebuilds: Array<{ ok: boolean; articles: number }> = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'tier0-kb-watch-'));
  content = path.join(work, 'content');
  dist = path.join(work, 'dist');
  await cp(path.join(REPO_ROOT, 'tests/fixtures/kb-mini'), content, { recursive: true });
  await cp(path.join(DIST_DIR, 'tier0.js'), path.join(dist, 'tier0.js'));
  await cp(path.join(DIST_DIR, 'chunks'), path.join(dist, 'chunks'), { recursive: true });
  const first = await compileKb({ contentDir: content, outDir: path.join(dist, 'kb') });
  expect(first.ok).toBe(true);
  stop = watchKb({ contentDir: content, distDir: dist, kbOut: path.join(dist, 'kb'), debounceMs: 100, onRebuilt: (r) => rebuilds.push(r), log: () => {} });
  server = await startHostServer({ root: dist, mount: '/static/help/', pages: { '/': hostPage({ attrs: 'data-service-worker="false"' }) } });
  browser = await launchChromium();
});

afterAll(async () => {
  stop?.();
  await browser?.close();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

async function searchTitles(page: import('playwright-core').Page, query: string): Promise<string> {
  await page.evaluate((q) => (window as unknown as { Tier0: { search(q: string): void } }).Tier0.search(q), query);
  await page.waitForTimeout(500);
  return (await page.locator('tier0-widget').evaluate((el) => el.shadowRoot?.textContent ?? '')) as string;
}

test('an article saved while the demo runs is found on the next visit, with the update notice', async () => {
  const page = await browser.newPage();
  await page.goto(server.url('/'));
  expect(await searchTitles(page, 'zebra crossing printer')).not.toContain('Zebra label printer');

  await writeFile(
    path.join(content, 'printing', 'zebra-labels.md'),
    '---\ntitle: Zebra label printer prints blank labels\n---\n\n# Zebra label printer prints blank labels\n\nCalibrate the zebra label printer from its menu.\n',
  );
  await expect.poll(() => rebuilds.at(-1)?.articles ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
  expect(rebuilds.at(-1)?.ok).toBe(true);

  await page.reload();
  const text = await searchTitles(page, 'zebra label printer');
  expect(text).toContain('Zebra label printer prints blank labels');
  expect(text).toContain('Help content was updated');
});

test('a broken save keeps the last good KB and says why in the log', async () => {
  const before = rebuilds.length;
  await writeFile(path.join(content, 'printing', 'broken.md'), '---\ntitle: [unclosed\n---\n\n# Broken\n');
  await expect.poll(() => rebuilds.length, { timeout: 20_000 }).toBeGreaterThan(before);
  expect(rebuilds.at(-1)?.ok).toBe(false);
  const page = await browser.newPage();
  await page.goto(server.url('/'));
  expect(await searchTitles(page, 'zebra label printer')).toContain('Zebra label printer prints blank labels');
});
