// `npm run screenshots`: starts Habeas with the demo case on a fresh store, signs in, and saves a
// PNG of every page at desktop (1280 px) and phone (390 px) width into screenshots/ (not in git).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildWeb } from '../../web/build.ts';
import { ADMIN_PASSWORD, startTestServer } from '../helpers/server.ts';
import { CHROMIUM, hasChromium, launch } from './support.ts';

if (!hasChromium) {
  console.error(`No browser at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium`);
  process.exit(1);
}
const OUT = join(process.cwd(), 'screenshots');
mkdirSync(OUT, { recursive: true });
await buildWeb();
const server = await startTestServer('embedded', { demo: true });
const browser = await launch();
const caseId = server.running.firstRun!.demoCaseId!;
const saved: string[] = [];
try {
  for (const [label, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]] as const) {
    const context = await browser.newContext({ viewport: { width, height }, baseURL: server.url, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const shot = async (name: string, ready: () => Promise<unknown>, fullPage = true) => {
      await ready();
      await page.waitForLoadState('networkidle');
      const path = join(OUT, `${name}-${label}.png`);
      await page.screenshot({ path, fullPage });
      saved.push(path);
    };
    await page.goto('/signin');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shot('1-signin-wrong-password', () => page.getByRole('alert').waitFor());
    await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shot('2-overview', async () => {
      await page.getByRole('heading', { name: 'Longest held' }).waitFor();
      await page.locator('.recharts-bar-rectangle').first().waitFor();
      await page.locator('.recharts-area').first().waitFor();
    });
    await page.goto('/cases');
    await shot('3-cases', () => page.getByRole('link', { name: 'Almazbek Atambayev' }).first().waitFor());
    await page.goto('/cases?q=nobody');
    await shot('4-cases-no-match', () => page.getByText('No case matches').waitFor());
    await page.goto(`/cases/${caseId}`);
    await shot('5-case', () => page.getByTestId('timeline-event').first().waitFor());
    await page.getByRole('heading', { name: 'Timeline' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, `5b-case-timeline-${label}.png`) });
    saved.push(join(OUT, `5b-case-timeline-${label}.png`));
    await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, `5a-case-top-${label}.png`) });
    saved.push(join(OUT, `5a-case-top-${label}.png`));
    const searched = (q: string) => page.locator(`[data-testid="search-results"][data-state="done"][data-q="${q}"]`).waitFor();
    await page.goto('/search');
    await shot('7-search-start', () => page.getByText('Type a name as any source spells it').waitFor(), false);
    await page.goto(`/search?q=${encodeURIComponent('Атамбаев')}`);
    await shot('7a-search-person', () => searched('Атамбаев'));
    await page.goto('/search?q=medical%20care');
    await shot('7b-search-text', () => searched('medical care'));
    await page.goto('/search?q=medical%20care&kind=source');
    await shot('7c-search-facet', () => searched('medical care'));
    await page.goto('/search?q=qqzzxv');
    await shot('7d-search-no-match', () => page.getByText('No match.').waitFor(), false);
    if (width < 600) {
      await page.getByRole('button', { name: 'Open or close the navigation' }).click();
      await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
      // Let the drawer finish sliding in before the picture.
      await shot('6-navigation', async () => { await page.getByRole('link', { name: 'Overview' }).waitFor(); await page.waitForTimeout(500); }, false);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`Saved ${saved.length} screenshots:\n${saved.map((p) => `  ${p}`).join('\n')}`);
