// `npm run screenshots`: starts Habeas with the demo case on a fresh store, signs in, and saves a
// PNG of every page at desktop (1280 px) and phone (390 px) width into screenshots/ (not in git).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildWeb } from '../../web/build.ts';
import { buildCase } from '../helpers/factories.ts';
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
    await page.goto('/admin/users');
    await shot('7-admin-users', () => page.getByTestId(width < 600 ? 'user-card-vera.v' : 'user-vera.v').waitFor());
    await page.getByRole('button', { name: 'Add a user' }).click();
    await page.getByRole('dialog').getByLabel('Username').fill('Not Valid');
    await page.getByRole('dialog').getByLabel(/^Password/).fill('short');
    await page.getByRole('dialog').getByRole('button', { name: 'Add a user' }).click();
    await shot('7a-admin-add-user', async () => { await page.getByText('At least 12 characters', { exact: true }).waitFor(); await page.waitForTimeout(300); }, false);
    await page.keyboard.press('Escape');
    await page.goto('/admin/grants');
    await shot('8-admin-grants', () => page.getByText('Vera Viewer (vera.v)').waitFor());
    await page.goto('/admin/tokens');
    await page.getByLabel('What the token is for').fill(`screenshot ${label}`);
    await page.getByRole('button', { name: 'Create a token' }).click();
    await shot('9-admin-tokens', () => page.getByTestId('token-secret').waitFor());
    await page.goto('/admin/audit');
    await page.getByTestId('audit-entry').first().waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByTestId('verify-result').waitFor();
    await page.getByText(/^Show \d+ changes?$/).first().click();
    await shot('10-admin-audit', () => page.getByRole('columnheader', { name: 'Field' }).first().waitFor(), false);
    await page.goto(`/admin/audit?recordId=${restricted.id}`);
    await shot('10a-admin-audit-record', () => page.getByTestId('audit-entry').first().waitFor());
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
