// The web app in a real browser (Debian's chromium) against a real server on a fresh embedded store
// with the demo case: sign in, the overview, the cases list and its search, the case page, sign out;
// an axe-core scan of every page; the phone width. Skipped, saying so, where chromium is missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { OUT_DIR } from '../../web/build.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server.ts';
import { hasChromium, launch, seriousViolations } from './support.ts';

if (!hasChromium) {
  console.warn('Browser tests skipped: /usr/bin/chromium is missing (apt-get install -y --no-install-recommends chromium).');
}

describe.skipIf(!hasChromium)('web app in chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('embedded', { demo: true }), launch()]);
    caseId = server.running.firstRun!.demoCaseId!;
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
    page = await context.newPage();
    // A step that cannot happen fails in seconds, naming what it waited for.
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const expectAccessible = async () => expect(await seriousViolations(page)).toEqual([]);

  it('sends a visitor to sign in, and says so when the password is wrong', async () => {
    await page.goto('/cases');
    await page.waitForURL(/\/signin\?next=%2Fcases/);
    await expectAccessible();
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong username or password');
  });

  it('says when sign-in is throttled', async () => {
    await page.route('**/api/auth/login', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '300' },
        body: JSON.stringify({ type: '/problems/too-many-attempts', title: 'Too many attempts', status: 429 }),
      }),
    );
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Too many attempts. Wait 5 minutes');
    await page.unroute('**/api/auth/login');
  });

  it('signs in and lands where it was going, the cases list, which finds the demo case by any spelling and filters by open alerts', async () => {
    await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/cases$/);
    const row = page.getByRole('link', { name: 'Almazbek Atambayev' }).first();
    await row.waitFor();
    await expectAccessible();
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('Атамбаев');
    await row.waitFor();
    await search.fill('atambaev');
    await row.waitFor();
    // The demo case has open alerts: the filter for cases without any leaves nothing, and says so.
    await page.getByRole('combobox', { name: 'Open alerts' }).click();
    await page.getByRole('option', { name: 'Without open alerts' }).click();
    await page.getByText('No case matches this search').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await row.waitFor();
    expect(new URL(page.url()).search).toBe('');
    // Country and tag, from the cases one may see.
    await page.getByRole('combobox', { name: 'Tag' }).click();
    await page.getByRole('option', { name: 'former head of state' }).click();
    await page.waitForURL(/tag=former/);
    await row.waitFor();
    await page.getByRole('combobox', { name: 'Country' }).click();
    await page.getByRole('option', { name: 'Kyrgyzstan' }).click();
    await page.waitForURL(/country=KG/);
    await row.waitFor();
    await expectAccessible();
    await page.getByRole('button', { name: 'Clear filters' }).click().catch(() => undefined);
    await page.goto('/cases');
    await row.waitFor();
    await page.getByRole('combobox', { name: 'Order' }).click();
    await page.getByRole('option', { name: 'Recently updated first' }).click();
    await page.waitForURL(/sort=updated/);
    await row.waitFor();
    await search.fill('nobody by this name');
    await page.getByText('No case matches this search').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await row.waitFor();
  });

  it('shows the overview: held now, open alerts by severity, cases by status and by country, the longest held', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Longest held' }).waitFor();
    expect(await page.getByTestId('stat-Held now').textContent()).toBe('0');
    expect(Number(await page.getByTestId('stat-Open alerts').textContent())).toBeGreaterThan(0);
    expect(await page.getByText(/^Critical: \d+$/).count()).toBe(1);
    await page.getByText('between 1,156 and 1,550 days').first().waitFor();
    // The charts (their code loaded only now): the demo case by its status and its country.
    await page.getByTestId('chart-Cases by status').locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.getByTestId('chart-Cases by status').textContent()).toContain('Abroad for treatment: 1');
    expect(await page.getByTestId('chart-Cases by country').textContent()).toContain('Kyrgyzstan: 1');
    await expectAccessible();
  });

  it('opens the demo case: every spelling, days held, alerts with their explanation, the timeline', async () => {
    await page.getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: 'Almazbek Atambayev' }).first().click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    await page.getByRole('heading', { level: 1, name: 'Almazbek Atambayev' }).waitFor();
    expect(await page.getByTestId('aliases').textContent()).toContain('Алмазбек Атамбаев');
    expect(await page.getByTestId('days-held').textContent()).toContain('between 1,156 and 1,550 days');
    const alerts = page.getByTestId('case-alerts');
    await alerts.waitFor();
    expect(await alerts.textContent()).toContain('Critical');
    expect(await alerts.textContent()).toContain('had no investigation within 7 days');
    await page.getByTestId('timeline-event').first().waitFor();
    const dates = await page.locator('.timeline .when').allTextContents();
    expect(dates[0]).toBe('2019');
    expect(dates).toContain('before 14 May 2022');
    expect(await page.locator('.timeline').getByText('Disputed', { exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible();
  });

  it('fits a phone-width screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('timeline-event').first().waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible();
    await page.goto('/cases');
    await page.getByRole('link', { name: 'Almazbek Atambayev' }).first().waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('says when a case does not exist', async () => {
    await page.goto('/cases/00000000-0000-4000-8000-000000000000');
    await page.getByText('There is nothing here, or you may not see it.').waitFor();
  });

  it('loads at most 350 KB of JavaScript (gzipped) at first, a production build', async () => {
    const index = readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
    const scripts = [...index.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const bytes = scripts.map((src) => readFileSync(join(OUT_DIR, src)));
    // React's development build warns about DOM nesting; the production build has no such text.
    expect(bytes.some((b) => b.includes('cannot be a child of'))).toBe(false);
    const gzipped = bytes.reduce((sum, b) => sum + gzipSync(b).length, 0);
    expect(gzipped).toBeLessThanOrEqual(350 * 1024);
  });

  it('signs out, and the pages need signing in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await page.getByText('You have signed out.').waitFor();
    await page.goto('/');
    await page.waitForURL(/\/signin$/);
  });
});
