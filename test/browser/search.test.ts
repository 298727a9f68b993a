// The overview and the search page in a real browser (Debian's chromium) against a real server on a
// fresh embedded store with the demo case: the overview's counts and charts (people held over time
// among them), search by a Cyrillic and a Latin spelling, a source found by a word of its text with
// the word highlighted, facets that filter, a person opening their case; an axe-core scan of each
// page, and the phone width. Skipped, saying so, where chromium is missing.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server.ts';
import { hasChromium, launch, seriousViolations, signedInPage } from './support.ts';

if (!hasChromium) {
  console.warn('Browser tests skipped: /usr/bin/chromium is missing (apt-get install -y --no-install-recommends chromium).');
}

describe.skipIf(!hasChromium)('overview and search in chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('embedded', { demo: true }), launch()]);
    caseId = server.running.firstRun!.demoCaseId!;
    page = await signedInPage(browser, server.url, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const expectAccessible = async () => expect(await seriousViolations(page)).toEqual([]);
  const results = () => page.getByTestId('search-results');
  /** Waits until the results shown are those of `q` (not the previous query's, kept on screen while it loads). */
  const settledOn = (q: string) => page.locator(`[data-testid="search-results"][data-state="done"][data-q="${q}"]`).waitFor();
  const box = () => page.getByRole('searchbox', { name: 'Search people, sources and events' });

  it('shows the overview counted by the server: held now, open alerts, the charts, people held over time', async () => {
    await page.getByRole('heading', { name: 'People held over time' }).waitFor();
    expect(await page.getByTestId('stat-Held now').textContent()).toBe('0');
    expect(await page.getByTestId('stat-Cases').textContent()).toBe('1');
    expect(Number(await page.getByTestId('stat-Open alerts').textContent())).toBeGreaterThan(0);
    const held = page.getByTestId('chart-People held over time');
    await held.locator('.recharts-area').first().waitFor();
    // The text alternative: the demo detainee was surely held in 2020 (the period runs from 2019 to March 2023).
    expect(await held.textContent()).toContain('2020: at most 1 person surely held in a month');
    expect(await held.textContent()).toContain('2019: at most 1 person surely held in a month, 1 possibly');
    await page.getByTestId('chart-Cases by status').locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.getByTestId('chart-Cases by country').textContent()).toContain('Kyrgyzstan: 1');
    await page.getByText('between 1,156 and 1,550 days').first().waitFor();
    await expectAccessible();
  });

  it('finds the demo detainee by a Cyrillic spelling, with the box focused and the query in the address', async () => {
    await page.getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(/\/search$/);
    await page.getByText('Type a name as any source spells it').waitFor();
    expect(await box().evaluate((el) => el === (globalThis as any).document.activeElement)).toBe(true);
    await expectAccessible();
    await page.keyboard.type('Атамбаев', { delay: 40 });
    await settledOn('Атамбаев');
    const person = results().getByRole('link', { name: 'Almazbek Atambayev' });
    await person.waitFor();
    expect(await results().locator('[data-kind="person"]').first().textContent()).toMatch(/Matched the spelling .*Атамбаев/);
    await page.waitForURL((url) => url.searchParams.get('q') === 'Атамбаев');
    await expectAccessible();
  });

  it('finds him by a Latin spelling too', async () => {
    await box().fill('atambaev');
    await settledOn('atambaev');
    await results().getByRole('link', { name: 'Almazbek Atambayev' }).waitFor();
  });

  it('finds a source by a word of its text, the word highlighted, and filters by kind and by case status', async () => {
    await page.goto('/search?q=gastritis');
    await settledOn('gastritis');
    expect(await box().inputValue()).toBe('gastritis');
    const source = results().locator('[data-kind="source"]').filter({ hasText: 'Imprisoned President Allowed Medical Treatment' });
    await source.waitFor();
    expect(await source.locator('mark').allTextContents()).toContain('gastritis');
    const sourcesFacet = page.getByRole('button', { name: /^Sources \d+ results?$/ });
    const nSources = Number((await sourcesFacet.textContent())!.match(/\d+/)![0]);
    const nAll = await results().getByTestId('search-hit').count();
    await sourcesFacet.click();
    await page.waitForURL(/kind=source/);
    await settledOn('gastritis');
    expect(await sourcesFacet.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => results().getByTestId('search-hit').count()).toBe(nSources);
    expect(await results().locator('[data-kind]:not([data-kind="source"])').count()).toBe(0);
    await expectAccessible();
    await sourcesFacet.click();
    await page.waitForURL((url) => !url.searchParams.has('kind'));
    await expect.poll(() => results().getByTestId('search-hit').count()).toBe(nAll);
    // A status no hit of this search has is offered but cannot be chosen; the demo case's status can.
    await page.getByRole('button', { name: /^Abroad for treatment \d+ results?$/ }).click();
    await page.waitForURL(/status=abroad_for_treatment/);
    await settledOn('gastritis');
    expect(await results().getByTestId('search-hit').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => !url.searchParams.has('status'));
  });

  it('says when nothing matches', async () => {
    await box().fill('qqzzxv');
    await settledOn('qqzzxv');
    await page.getByText('No match. Try another spelling').waitFor();
    await expectAccessible();
  });

  it('opens the case of a person it found', async () => {
    await box().fill('Atambayev');
    await settledOn('Atambayev');
    await results().getByRole('link', { name: 'Almazbek Atambayev' }).click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    await page.getByRole('heading', { level: 1, name: 'Almazbek Atambayev' }).waitFor();
  });

  it('fits a phone-width screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/search?q=medical');
    await settledOn('medical');
    await results().getByTestId('search-hit').first().waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible();
    await page.goto('/');
    await page.getByTestId('chart-People held over time').locator('.recharts-area').first().waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible();
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
