import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../support/cli-harness.js';
import { chromiumInstalled, ensureWebBuilt, launchChromium, screenshots } from '../support/browser.js';
import { serveTend, type ServedTend } from '../support/served-demo.js';

/**
 * The Duplicates page in Chromium against the built `tend serve` (as web-ui.test.ts): the demo network plus
 * an address book card for a second Mei Tanaka, proposed as a duplicate; merged, then undone, each checked
 * after a reload. Screenshots at desktop width and on a 360 px phone land in test-results/.
 */
const run = chromiumInstalled || process.env.CI === 'true';

describe.skipIf(!run)('the Duplicates page in Chromium', { timeout: 90_000 }, () => {
  let served: ServedTend;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const shot = (name: string, target: Page = page) =>
    target.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    ensureWebBuilt();
    const data = tempDataDir();
    expect((await runCli(['demo', '--data', data])).code).toBe(0);
    const cards = mkdtempSync(join(tmpdir(), 'tend-twin-'));
    writeFileSync(
      join(cards, 'mei.vcf'),
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Tanaka;Mei;;;\r\nFN:Mei Tanaka\r\nEMAIL:mei@home.example\r\nEND:VCARD\r\n',
    );
    expect((await runCli(['import', cards, '--data', data])).code).toBe(0);
    served = await serveTend(data);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    await page.goto(served.loginUrl);
    await page.waitForSelector('li.card');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (served?.child.exitCode === null) await served.stop();
  });

  it('fits a 360 px phone: no sideways scrolling, the navigation one line with Duplicates in view', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await phone.addCookies(await context.cookies(served.origin));
    const small = await phone.newPage();
    for (const path of ['/duplicates', '/import', '/']) {
      await small.goto(`${served.origin}${path}`);
      await small.waitForLoadState('networkidle');
      if (path === '/duplicates') await small.getByRole('heading', { name: 'Duplicates' }).waitFor();
      const overflow = Number(
        await small.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      expect(overflow, `${path} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
      const nav = (await small.locator('nav.top').boundingBox())!;
      const link = (await small.locator('nav.top a[aria-current="page"]').boundingBox())!;
      expect(nav.height, `${path}: the navigation is ${nav.height} px high`).toBeLessThan(50);
      expect(link.x).toBeGreaterThanOrEqual(nav.x);
      expect(link.x + link.width).toBeLessThanOrEqual(nav.x + nav.width);
      if (path === '/duplicates') await shot('duplicates-phone', small);
    }
    await phone.close();
  });

  it('merges a proposed pair, and undoes the merge; each stays after a reload', async () => {
    await page.getByRole('link', { name: 'Duplicates', exact: true }).click();
    const proposals = page.getByRole('list', { name: 'Possible duplicates' });
    const pair = proposals.locator('li.card').filter({ hasText: 'Mei Tanaka' });
    await pair.waitFor();
    expect(await pair.locator('.reasons').innerText()).toMatch(/^same name \(Mei Tanaka\)/);
    await shot('duplicates-desktop');
    await pair.getByRole('button', { name: 'Merge' }).click();
    await page.getByRole('status').filter({ hasText: 'Merged Mei Tanaka into Mei Tanaka.' }).waitFor();
    const merges = page.getByRole('list', { name: 'Merges' });
    await merges.locator('li.card').filter({ hasText: 'Mei Tanaka into Mei Tanaka' }).waitFor();
    await page.reload();
    await merges.locator('li.card').filter({ hasText: 'Mei Tanaka into Mei Tanaka' }).waitFor();
    expect(await page.locator('[data-pair]').filter({ hasText: 'Mei Tanaka' }).count()).toBe(0);
    await shot('duplicates-merged-desktop');
    await page.getByRole('button', { name: 'Undo merging Mei Tanaka into Mei Tanaka' }).click();
    await page.getByRole('status').filter({ hasText: 'is apart from Mei Tanaka again' }).waitFor();
    await expect.poll(() => page.locator('[data-merge]').count()).toBe(0);
    await page.reload();
    await page.getByText('No merges to undo.').waitFor();
    // Undone by the user: the pair is not proposed again (tend unmerge says the same).
    expect(await page.locator('[data-pair]').filter({ hasText: 'Mei Tanaka' }).count()).toBe(0);
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search people' }).fill('Mei Tanaka');
    await expect.poll(() => page.getByRole('link', { name: 'Mei Tanaka' }).count()).toBe(2);
  });
});
