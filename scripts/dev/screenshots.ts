/**
 * Screenshots of the widget for design review (run by hand, not by tests):
 *   npx tier0 build && npx tsx scripts/build/build-widget.ts && npx tsx scripts/dev/screenshots.ts
 * Writes tests/.tmp/screenshots/<locale>-<device>-<state>.png for desktop 1280×800, phone 390×844
 * and a phone turned sideways (844×390), states closed, greeting, results, answer, article, in en and ar.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '../../tests/browser/helpers/chromium.ts';
import { DIST_DIR, REPO_ROOT, startHostServer } from '../../tests/browser/helpers/host-server.ts';

const OUT = path.join(REPO_ROOT, 'tests/.tmp/screenshots');
const devices = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 }, landscape: { width: 844, height: 390 } } as const;
const queries = { en: 'printer offline', ar: 'printer offline' } as const;

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const demo = await readFile(path.join(DIST_DIR, 'index.html'), 'utf8');
  const rooted = demo.replace('href="demo.css"', 'href="/static/help/demo.css"').replace('src="tier0.js"', 'src="/static/help/tier0.js"').replace('src="demo.js"', 'src="/static/help/demo.js"');
  const server = await startHostServer({
    pages: { '/en/': rooted, '/ar/': rooted.replace('<html lang="en">', '<html lang="ar" dir="rtl">') },
  });
  const only = process.argv.slice(2);
  try {
    for (const [device, viewport] of Object.entries(devices)) {
      const browser = await launchChromium({ viewport, ...(device !== 'desktop' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
      for (const locale of ['en', 'ar'] as const) {
        if (only.length && !only.includes(locale) && !only.includes(device)) continue;
        const page = await browser.newPage();
        page.on('console', (m) => { if (m.type() === 'error') console.error(`[${locale}/${device}]`, m.text()); });
        const shot = (state: string) => page.screenshot({ path: path.join(OUT, `${locale}-${device}-${state}.png`) });
        await page.goto(server.url(`/${locale}/`));
        const launcher = page.locator('tier0-widget').locator('button.t0-launcher');
        await launcher.waitFor();
        await page.waitForTimeout(300);
        await shot('closed');
        await launcher.click();
        const input = page.getByRole('combobox');
        await input.waitFor();
        await page.waitForTimeout(400);
        await shot('greeting');
        await input.fill(queries[locale]);
        await page.waitForTimeout(600);
        await shot('results');
        await input.press('Enter');
        await page.waitForTimeout(500);
        await shot('answer');
        await page.getByRole('button', { name: /^(Open article|فتح المقال)/ }).first().click();
        await page.locator('.t0-prose p').first().waitFor();
        await page.waitForTimeout(300);
        await shot('article');
        await page.close();
      }
      await browser.close();
    }
  } finally {
    await server.close();
  }
  console.log(`screenshots in ${path.relative(REPO_ROOT, OUT)}/`);
}

await main();
