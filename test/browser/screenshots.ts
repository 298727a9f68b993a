// `npm run screenshots`: starts Habeas with the demo case on a fresh store, signs in, and saves a
// PNG of every page at desktop (1280 px) and phone (390 px) width into screenshots/ (not in git).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb } from '../../web/build.ts';
import { buildCase } from '../helpers/factories.ts';
import { ADMIN_PASSWORD, startTestServer } from '../helpers/server.ts';
import type { Route } from 'playwright-core';
import { CHROMIUM, hasChromium, launch } from './support.ts';

if (!hasChromium) {
  console.error(`No browser at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium`);
  process.exit(1);
}
const OUT = join(process.cwd(), 'screenshots');
const REPORT = fileURLToPath(new URL('../fixtures/import/atambayev-hearing.md', import.meta.url));
mkdirSync(OUT, { recursive: true });
await buildWeb();
const server = await startTestServer('embedded', { demo: true });
const browser = await launch();
const caseId = server.running.firstRun!.demoCaseId!;
// For the administration pages: more users, a restricted case shared with one of them, a token.
const viewer = (await server.admin.post('/api/users', { username: 'vera.v', displayName: 'Vera Viewer', role: 'viewer', email: 'vera@example.org', password: 'a long viewer passphrase' })).body;
await server.admin.post('/api/users', { username: 'eddie', displayName: 'Эдуард Редактор', role: 'editor', password: 'a long editor passphrase' });
const restricted = await buildCase(server.admin, { confidentiality: 'restricted', country: 'UZ' }, { canonicalName: 'Shahnoza Yuldasheva-Rakhimova' });
await server.admin.put(`/api/cases/${restricted.id}/grants/${viewer.id}`);
await server.admin.post('/api/tokens', { name: 'nightly export' });
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
    await shot('5-case', () => page.getByTestId('timeline-chart').locator('[data-mark]').first().waitFor());
    await page.getByRole('tab', { name: 'Timeline' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, `5b-case-timeline-${label}.png`) });
    saved.push(join(OUT, `5b-case-timeline-${label}.png`));
    for (const section of ['health', 'visits', 'sources']) {
      await page.goto(`/cases/${caseId}?section=${section}`);
      await shot(`5c-case-${section}`, () => page.getByRole('tabpanel').locator('.mantine-Paper-root').first().waitFor());
    }
    await page.goto(`/cases/${caseId}?section=custody`);
    await page.getByRole('button', { name: /^Edit: 2019/ }).click();
    await page.getByRole('dialog').getByLabel('Until').fill('2018-05');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await shot('5d-case-edit-refused', () => page.getByRole('dialog').getByText('is before the start').waitFor(), false);
    await page.keyboard.press('Escape');
    await page.goto(`/cases/${caseId}`);
    await page.locator('.quote button').first().click({ trial: false }).catch(async () => {
      await page.locator('.timeline details summary').first().click();
      await page.locator('.quote button').first().click();
    });
    await shot('5e-case-source', async () => { await page.getByRole('dialog').getByTestId('quoted').waitFor(); await page.waitForTimeout(500); }, false);
    await page.keyboard.press('Escape');
    await page.goto(`/cases/${caseId}`);
    await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, `5a-case-top-${label}.png`) });
    saved.push(join(OUT, `5a-case-top-${label}.png`));
    // Import: a report written for the tests, a file that is no PDF, and (on the phone) the report again.
    await page.goto('/import');
    await page.getByRole('combobox', { name: 'File under case (optional)' }).fill('atambaev');
    await page.getByRole('option', { name: 'Almazbek Atambayev' }).click();
    await page.locator('input[type="file"]').setInputFiles([
      { name: 'atambayev-hearing.md', mimeType: 'text/markdown', buffer: readFileSync(REPORT) },
      { name: 'scanned-letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a PDF at all') },
    ]);
    await shot('7a-import-chosen', () => page.getByTestId('chosen-files').waitFor());
    await page.getByRole('button', { name: /^Import 2 documents/ }).click();
    await shot('7b-import-finished', () => page.getByTestId('import-job').first().getByText(/^Finished/).waitFor());
    await page.getByTestId('import-job').first().getByRole('link', { name: /^Review/ }).click();
    await page.getByTestId('suggestion').first().waitFor();
    if (width >= 600) {
      // Decide two, so that the highlights show their states, then select the transfer.
      await page.getByTestId('suggestion').filter({ hasText: 'Hearing, 20 October 2022' }).locator('.item-head').click();
      await page.keyboard.press('r');
      await page.getByTestId('suggestion').filter({ hasText: 'Hearing, 17 October 2022' }).locator('.item-head').click();
      await page.keyboard.press('a');
      await page.getByTestId('review-counts').getByText(/1 accepted/).waitFor();
    }
    await page.getByTestId('suggestion').filter({ hasText: 'Transfer, 19 October 2022' }).locator('.item-head').click();
    await shot('8a-review', () => page.locator('.hl-event.is-selected').first().waitFor());
    await page.getByTestId('suggestion').filter({ hasText: 'Aibek Osmonov' }).locator('.item-head').click();
    await page.keyboard.press('e');
    await page.getByRole('textbox', { name: 'Full name' }).fill('');
    await page.getByRole('button', { name: 'Accept with these details' }).click();
    await shot('8b-review-edit', () => page.getByText('Required', { exact: true }).waitFor());
    await page.keyboard.press('Escape');
    // A suggestion that contradicts the case file (the demo case has his arrest in 2019).
    await page.goto('/import');
    await page.getByRole('combobox', { name: 'File under case (optional)' }).fill('atambaev');
    await page.getByRole('option', { name: 'Almazbek Atambayev' }).click();
    await page.getByRole('tab', { name: 'Paste text' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Arrest reported');
    await page.getByRole('textbox', { name: 'Text' }).fill('Police arrested Almazbek Atambayev on 3 March 2021 in Bishkek, a relative said.');
    await page.getByRole('button', { name: 'Import text' }).click();
    await page.getByRole('status').getByRole('link', { name: /^Review/ }).click();
    await page.getByTestId('suggestion').filter({ hasText: 'Arrest, 3 March 2021' }).locator('.item-head').click();
    await shot('8c-review-dispute', () => page.getByText('Contradicts the case file').waitFor());
    // A longer job: six reports (made up here, each different); the list shows the first few until asked.
    await page.goto('/import');
    await page.locator('input[type="file"]').setInputFiles(Array.from({ length: 6 }, (_, i) => ({
      name: `visit-notes-${label}-${i + 1}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(Array.from({ length: 600 }, (_, j) =>
        `Visit note ${i + 1}.${j + 1} (${label}). Monitors from the Steppe Rights Centre visited the detention centre in Bishkek on ${(j % 28) + 1} February 2023 and spoke with ${j + 3} detainees.`).join('\n\n')),
    })));
    // The server imports faster than a picture is taken: its progress reports reach the page a few
    // seconds late here, so the job is seen as the page first shows it, under way.
    const late = async (route: Route) => { await new Promise((r) => setTimeout(r, 4_000)); await route.continue().catch(() => undefined); };
    await page.route('**/api/imports/*', late);
    await page.getByRole('button', { name: 'Import 6 documents' }).click();
    await page.getByRole('heading', { name: 'This import' }).waitFor();
    await page.screenshot({ path: join(OUT, `7c-import-running-${label}.png`), fullPage: true });
    saved.push(join(OUT, `7c-import-running-${label}.png`));
    await page.unroute('**/api/imports/*', late);
    await page.getByTestId('import-job').first().getByText(/^Finished/).waitFor({ timeout: 120_000 });
    await page.goto('/admin/users');
    await shot('10-admin-users', () => page.getByTestId(width < 600 ? 'user-card-vera.v' : 'user-vera.v').waitFor());
    await page.getByRole('button', { name: 'Add a user' }).click();
    await page.getByRole('dialog').getByLabel('Username').fill('Not Valid');
    await page.getByRole('dialog').getByLabel(/^Password/).fill('short');
    await page.getByRole('dialog').getByRole('button', { name: 'Add a user' }).click();
    await shot('10a-admin-add-user', async () => { await page.getByText('At least 12 characters', { exact: true }).waitFor(); await page.waitForTimeout(300); }, false);
    await page.keyboard.press('Escape');
    await page.goto('/admin/grants');
    await shot('11-admin-grants', () => page.getByText('Vera Viewer (vera.v)').waitFor());
    await page.goto('/admin/tokens');
    await page.getByLabel('What the token is for').fill(`screenshot ${label}`);
    await page.getByRole('button', { name: 'Create a token' }).click();
    await shot('12-admin-tokens', () => page.getByTestId('token-secret').waitFor());
    await page.goto('/admin/audit');
    await page.getByTestId('audit-entry').first().waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByTestId('verify-result').waitFor();
    await page.getByText(/^Show \d+ changes?$/).first().click();
    await shot('13-admin-audit', () => page.getByRole('columnheader', { name: 'Field' }).first().waitFor(), false);
    await page.goto(`/admin/audit?recordId=${restricted.id}`);
    await shot('13a-admin-audit-record', () => page.getByTestId('audit-entry').first().waitFor());
    const searched = (q: string) => page.locator(`[data-testid="search-results"][data-state="done"][data-q="${q}"]`).waitFor();
    await page.goto('/search');
    await shot('9-search-start', () => page.getByText('Type a name as any source spells it').waitFor(), false);
    await page.goto(`/search?q=${encodeURIComponent('Атамбаев')}`);
    await shot('9a-search-person', () => searched('Атамбаев'));
    await page.goto('/search?q=medical%20care');
    await shot('9b-search-text', () => searched('medical care'));
    await page.goto('/search?q=medical%20care&kind=source');
    await shot('9c-search-facet', () => searched('medical care'));
    await page.goto('/search?q=qqzzxv');
    await shot('9d-search-no-match', () => page.getByText('No match.').waitFor(), false);
    // The public page, as anyone sees it without signing in.
    const visitor = await (await browser.newContext({ viewport: { width, height }, baseURL: server.url })).newPage();
    await visitor.goto('/public/cases');
    await visitor.getByRole('link', { name: 'Almazbek Atambayev' }).click();
    await visitor.getByRole('heading', { level: 1 }).waitFor();
    await visitor.screenshot({ path: join(OUT, `14-public-case-${label}.png`), fullPage: true });
    saved.push(join(OUT, `14-public-case-${label}.png`));
    await visitor.context().close();
    if (width < 600) {
      await page.getByRole('button', { name: 'Open or close the navigation' }).click();
      await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
      // Let the drawer finish sliding in before the picture.
      await shot('6-navigation', async () => { await page.getByRole('link', { name: 'Overview' }).waitFor(); await page.waitForTimeout(500); }, false);
    }
    await context.close();
  }
  // What a viewer sees at /admin.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: server.url, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('Username').fill('vera.v');
  await page.getByLabel('Password', { exact: true }).fill('a long viewer passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.goto('/admin');
  await page.getByText('Only administrators can see this').waitFor();
  await page.screenshot({ path: join(OUT, '11-admin-not-admin-phone.png') });
  saved.push(join(OUT, '11-admin-not-admin-phone.png'));
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
console.log(`Saved ${saved.length} screenshots:\n${saved.map((p) => `  ${p}`).join('\n')}`);
