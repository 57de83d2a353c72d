import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../support/cli-harness.js';
import { chromiumInstalled, ensureWebBuilt, launchChromium, screenshots } from '../support/browser.js';
import { repositoryRoot } from '../support/built-cli.js';
import { serveTend, type ServedTend } from '../support/served-demo.js';

/**
 * The web UI in a real browser (Debian's Chromium through playwright-core) against the built `tend serve` on
 * the demo network: what a user does on each page, checked after a reload where it must stick. Each test
 * saves a screenshot in test-results/ to look at. Outside CI a machine without Chromium skips this file;
 * CI installs Chromium (.ci/run) and runs it.
 */
const run = chromiumInstalled || process.env.CI === 'true';

// A real browser on a shared 2-core machine: a step may wait seconds for the CPU, not for tend.
describe.skipIf(!run)('the web UI in Chromium', { timeout: 90_000 }, () => {
  let served: ServedTend;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];

  const shot = (name: string, target: Page = page) =>
    target.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    ensureWebBuilt();
    const data = tempDataDir();
    expect((await runCli(['demo', '--data', data])).code).toBe(0);
    served = await serveTend(data);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(served.loginUrl);
    await page.waitForSelector('li.card');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (served?.child.exitCode === null) await served.stop();
  });

  it('marks a Today item done, and it stays gone after a reload', async () => {
    await shot('today-desktop');
    // A command named in a shared text is a link to its page here (Invitations), never `tend triage`.
    expect(await page.locator('main').innerText()).not.toContain('tend triage');
    const first = page.locator('li.card').first();
    const id = await first.getAttribute('data-item');
    await first.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.locator(`[data-item="${id}"]`).count()).toBe(0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Done:' }).count()).toBe(1);
    await page.reload();
    await page.waitForSelector('li.card');
    expect(await page.locator(`[data-item="${id}"]`).count()).toBe(0);
  });

  it('snoozes with the keyboard alone: j, s, Enter', async () => {
    const second = await page.locator('li.card').nth(1).getAttribute('data-item');
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('li.card.selected').getAttribute('data-item')).toBe(second);
    await page.keyboard.press('s');
    await page.getByRole('group', { name: 'Snooze until' }).waitFor();
    await shot('today-snooze-menu');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`[data-item="${second}"]`).count()).toBe(0);
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard' }).waitFor();
    await shot('today-keyboard-help');
    await page.keyboard.press('Escape');
    await page.reload();
    await page.waitForSelector('li.card');
    expect(await page.locator(`[data-item="${second}"]`).count()).toBe(0);
  });

  it('searches People and sorts them by strength', async () => {
    await page.getByRole('link', { name: 'People', exact: true }).click();
    // A field of the segment query language: free text would also find people whose messages name the company.
    await page.getByRole('searchbox', { name: 'Search people' }).fill('company:brightloop');
    await expect.poll(() => decodeURIComponent(page.url())).toContain('/people?q=company:brightloop');
    const table = page.getByRole('table', { name: 'People' });
    await expect.poll(() => table.getAttribute('aria-busy')).toBe('false');
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(1);
    const companies = await page.locator('[role=row]:not(.head) .c-company').allTextContents();
    expect(companies.length).toBeGreaterThan(0);
    for (const company of companies) expect(company).toMatch(/brightloop/i);
    await page.getByRole('searchbox', { name: 'Search people' }).fill('');
    await expect.poll(() => decodeURIComponent(page.url())).not.toContain('q=');
    await expect.poll(() => table.getAttribute('aria-busy')).toBe('false');
    await page.getByRole('button', { name: 'Score' }).click();
    await expect
      .poll(() => page.getByRole('columnheader', { name: /Score/ }).getAttribute('aria-sort'))
      .toBe('descending');
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(10);
    const strengths = (await page.locator('[role=row]:not(.head) .c-strength').allTextContents()).map(Number);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    await shot('people-desktop');
  });

  it('edits needs on a Person, and the edit stays after a reload', async () => {
    await page.getByRole('searchbox', { name: 'Search people' }).fill('Rasmus Holm');
    await page.getByRole('link', { name: 'Rasmus Holm' }).click();
    await page.getByRole('heading', { name: 'Rasmus Holm' }).waitFor();
    await page.getByLabel('Add to Needs').fill('a Rust mentor');
    await page.getByLabel('Add to Needs').press('Enter');
    await page.getByRole('list', { name: 'Needs' }).getByText('a Rust mentor').waitFor();
    await page.reload();
    await page.getByRole('list', { name: 'Needs' }).getByText('a Rust mentor').waitFor();
    await page.getByRole('heading', { name: 'Warm paths to Mimir Learning' }).waitFor();
    await shot('person-desktop');
  });

  it('shows a note with markup as text, and runs nothing', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await page.getByLabel('Notes').fill(hostile);
    await page.getByRole('button', { name: 'Save' }).last().click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Rasmus Holm' }).waitFor();
    expect(await page.getByLabel('Notes').inputValue()).toBe(hostile);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('records on a Person who else knows them, lists the tie after a reload, and removes it', async () => {
    const section = page.locator('section[aria-labelledby="knows-title"]');
    await section.getByRole('heading', { name: 'Who else knows Rasmus?' }).waitFor();
    await section.getByLabel('Someone who knows Rasmus Holm').fill('Felix Hartmann');
    await section.getByRole('button', { name: 'Knows them' }).first().click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Recorded: Felix Hartmann knows Rasmus Holm.' })
      .waitFor();
    const ties = section.getByRole('list', { name: 'Who knows Rasmus' });
    await ties.getByRole('link', { name: 'Felix Hartmann' }).waitFor();
    await page.reload();
    await ties.getByRole('link', { name: 'Felix Hartmann' }).waitFor();
    await shot('person-known-ties');
    await section.getByRole('button', { name: 'Remove the tie with Felix Hartmann' }).click();
    await page.getByRole('status').filter({ hasText: 'Removed the tie you recorded' }).waitFor();
    await expect.poll(() => ties.getByRole('link', { name: 'Felix Hartmann' }).count()).toBe(0);
    await page.reload();
    await section.getByText('No one recorded yet.').waitFor();
    expect(await section.getByRole('link', { name: 'Felix Hartmann' }).count()).toBe(0);
  });

  it('shows Invitations and Introductions, and decides and advances in place', async () => {
    await page.getByRole('link', { name: 'Invitations' }).click();
    const card = page.locator('[data-invitation]').first();
    const id = await card.getAttribute('data-invitation');
    await shot('invitations-desktop');
    await card.getByRole('button', { name: 'Decline' }).click();
    await expect.poll(() => page.locator(`[data-invitation="${id}"]`).count()).toBe(0);
    await page.getByRole('link', { name: 'Introductions' }).click();
    await page.getByRole('button', { name: 'Start introduction' }).first().click();
    const started = page.locator('[data-introduction]').first();
    await started.waitFor();
    await started.getByRole('button', { name: /^I asked / }).click();
    await expect.poll(() => started.locator('.state').textContent()).toBe('asked-a');
    await shot('introductions-desktop');
    await page.getByRole('link', { name: 'Health' }).click();
    await page.getByText(/^depth: \d+ of \d+ connections/).waitFor();
    // Over time: the demo's weeks of daily snapshots, charted.
    await page.getByRole('img', { name: /^Depth and follow-up rate, 13 days from / }).waitFor();
    await shot('health-desktop');
  });

  it('imports an export from the Import page, shows the report per file, and adds nothing the second time', async () => {
    const folder = join(repositoryRoot, 'test', 'fixtures', 'linkedin', '2024-2025');
    const files = readdirSync(folder)
      .filter((name) => name.endsWith('.csv'))
      .map((name) => join(folder, name));
    await page.getByRole('link', { name: 'Import' }).click();
    const report = page.getByRole('region', { name: 'Report' });
    await page.getByLabel('Choose files to import').setInputFiles(files);
    await report.getByText('Connections.csv', { exact: true }).waitFor({ timeout: 60_000 });
    const added = Number(/People: (\d+) added/.exec((await report.textContent()) ?? '')?.[1]);
    expect(added).toBeGreaterThan(0);
    await shot('import-desktop');
    await page.getByLabel('Choose files to import').setInputFiles([]);
    await page.getByLabel('Choose files to import').setInputFiles(files);
    await report.getByText(/People: 0 added, 0 updated\. Interactions: 0 added/).waitFor({ timeout: 60_000 });
  });

  it('refuses a foreign Origin, a wrong Host and a call without the session', async () => {
    const cookies = await context.cookies(served.origin);
    const cookie = cookies.map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const url = new URL('/api/today', served.origin);
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(url, { headers }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end();
      });
    expect(await status({ cookie })).toBe(200);
    expect(await status({ cookie, origin: 'http://evil.example' })).toBe(403);
    expect(await status({ cookie, host: `evil.example:${url.port}` })).toBe(403);
    expect(await status({})).toBe(401);
    // From a page on another origin the browser itself sends the foreign Origin: refused as well.
    const other = await context.newPage();
    await other.goto('about:blank');
    const answer = await other.evaluate(async (target) => {
      try {
        return (await fetch(target, { credentials: 'include' })).status;
      } catch {
        return 'blocked';
      }
    }, url.href);
    expect(answer === 'blocked' || answer === 403).toBe(true);
    await other.close();
  });

  it('fits a 360 px phone screen without sideways scrolling, on every page', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    await phone.addCookies(await context.cookies(served.origin));
    const small = await phone.newPage();
    for (const [name, path] of [
      ['today', '/'],
      ['people', '/people'],
      ['person', '/people?q=Rasmus'],
      ['invitations', '/invitations'],
      ['introductions', '/introductions'],
      ['health', '/health'],
      ['import', '/import'],
      ['settings', '/settings'],
    ] as const) {
      await small.goto(`${served.origin}${path}`);
      await small.waitForLoadState('networkidle');
      if (name === 'person') {
        await small.getByRole('link', { name: 'Rasmus Holm' }).click();
        await small.getByRole('heading', { name: 'Rasmus Holm' }).waitFor();
      }
      const overflow = Number(
        await small.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      await shot(`${name}-phone-dark`, small);
      expect(overflow, `${name} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
      // The seven pages' links are one line (they wrapped to three), the current one in view.
      const nav = (await small.locator('nav.top').boundingBox())!;
      const link = (await small.locator('nav.top a[aria-current="page"]').boundingBox())!;
      expect(nav.height, `${name}: the navigation is ${nav.height} px high`).toBeLessThan(50);
      expect(link.x, `${name}: the current page's link is out of view`).toBeGreaterThanOrEqual(nav.x);
      expect(link.x + link.width).toBeLessThanOrEqual(nav.x + nav.width);
    }
    await phone.close();
  });
});
