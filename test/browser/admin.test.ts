// Administration in a real browser (Debian's chromium) against a real server on a fresh embedded
// store with the demo case: an admin adds a viewer; the viewer cannot see administration nor a
// restricted case until the admin gives access, and loses it when the grant is withdrawn; an API
// token made in the page works until it is revoked there; the audit log shows all of it and the
// chain verifies. An axe-core scan of every admin page, and the phone width.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase } from '../helpers/factories.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server.ts';
import { hasChromium, launch, seriousViolations } from './support.ts';

if (!hasChromium) {
  console.warn('Browser tests skipped: /usr/bin/chromium is missing (apt-get install -y --no-install-recommends chromium).');
}

// An invented person; the case about them is restricted.
const SUBJECT = 'Shahnoza Yuldasheva-Rakhimova';
const VIEWER = { username: 'vera.v', password: 'a long viewer passphrase' };

describe.skipIf(!hasChromium)('administration in chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let viewerContext: BrowserContext;
  let viewer: Page;
  let restrictedId: string;

  const signIn = async (page: Page, username: string, password: string) => {
    await page.goto('/signin');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  };
  const expectAccessible = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);
  const bearerMe = (token: string) =>
    fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('embedded', { demo: true }), launch()]);
    restrictedId = (await buildCase(server.admin, { confidentiality: 'restricted', country: 'UZ' }, { canonicalName: SUBJECT })).id as string;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
    context.setDefaultTimeout(10_000);
    admin = await context.newPage();
    await signIn(admin, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets the admin add a viewer, with the password rule shown beside the field', async () => {
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.waitForURL(/\/admin\/users$/);
    await admin.getByTestId('user-admin').waitFor();
    await expectAccessible(admin);

    await admin.getByRole('button', { name: 'Add a user' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Add a user' });
    await dialog.getByLabel('Username').fill('Vera V');
    await dialog.getByLabel(/^Password/).fill('too short');
    await dialog.getByLabel('Repeat the password').fill('different');
    await dialog.getByRole('button', { name: 'Add a user' }).click();
    await dialog.getByText('Use 2–63 lower-case letters').waitFor();
    await dialog.getByText('At least 12 characters', { exact: true }).waitFor();
    await dialog.getByText('The two passwords differ').waitFor();
    expect(await dialog.getByLabel('Username').getAttribute('aria-invalid')).toBe('true');

    await dialog.getByLabel('Username').fill(VIEWER.username);
    await dialog.getByLabel('Display name').fill('Vera Viewer');
    await dialog.getByLabel('Role').selectOption('viewer');
    await dialog.getByLabel(/^Password/).fill(VIEWER.password);
    await dialog.getByLabel('Repeat the password').fill(VIEWER.password);
    await dialog.getByRole('button', { name: 'Add a user' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.getByText(`${VIEWER.username} is added`).waitFor();
    const row = admin.getByTestId(`user-${VIEWER.username}`);
    expect(await row.textContent()).toContain('Viewer');
    expect(await row.textContent()).toContain('Active');
    await expectAccessible(admin);
  });

  it('shows the viewer no administration and no restricted case', async () => {
    viewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
    viewerContext.setDefaultTimeout(10_000);
    viewer = await viewerContext.newPage();
    await signIn(viewer, VIEWER.username, VIEWER.password);
    const nav = viewer.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Cases' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Import and review' }).count()).toBe(0);

    await viewer.goto('/admin/users');
    await viewer.getByText('Only administrators can see this').waitFor();
    expect(await viewer.getByTestId('user-admin').count()).toBe(0);
    await expectAccessible(viewer);

    await expectHidden();
  });

  const caseLink = (page: Page) => page.getByRole('link', { name: SUBJECT });

  async function expectHidden() {
    await viewer.goto('/cases');
    await viewer.getByRole('link', { name: 'Almazbek Atambayev' }).first().waitFor();
    expect(await caseLink(viewer).count()).toBe(0);
    await viewer.goto(`/cases?q=${encodeURIComponent('Yuldasheva')}`);
    await viewer.getByText('No case matches this search').waitFor();
    const search = await viewerContext.request.get(`/api/search?q=${encodeURIComponent(SUBJECT)}`);
    expect(search.status()).toBe(200);
    expect(JSON.stringify(await search.json())).not.toContain('Yuldasheva');
    await viewer.goto(`/cases/${restrictedId}`);
    await viewer.getByText('There is nothing here, or you may not see it.').waitFor();
    expect(await viewer.getByText(SUBJECT).count()).toBe(0);
  }

  async function expectShown() {
    await viewer.goto(`/cases?q=${encodeURIComponent('Yuldasheva')}`);
    await caseLink(viewer).first().waitFor();
    await viewer.goto(`/cases/${restrictedId}`);
    await viewer.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
  }

  it('lets the admin give the viewer access to the restricted case, and withdraw it', async () => {
    await admin.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Restricted cases' }).click();
    await admin.waitForURL(/\/admin\/grants$/);
    const card = admin.getByTestId(`grants-${restrictedId}`);
    await card.getByText('Administrator (admin)').waitFor();
    await expectAccessible(admin);
    // Only restricted cases are listed: not the demo case.
    expect(await admin.getByRole('link', { name: 'Almazbek Atambayev' }).count()).toBe(0);

    await card.getByLabel('Give access to', { exact: true }).selectOption({ label: `Vera Viewer (${VIEWER.username})` });
    await card.getByRole('button', { name: `Give access to the case of ${SUBJECT}` }).click();
    await card.getByText(`${VIEWER.username} may now see this case.`).waitFor();
    await card.getByText(`Vera Viewer (${VIEWER.username})`).waitFor();
    await expectShown();

    await card.getByRole('button', { name: `Withdraw the grant of ${VIEWER.username} to the case of ${SUBJECT}` }).click();
    await card.getByText(`${VIEWER.username} can no longer see this case.`).waitFor();
    expect(await card.getByRole('button', { name: /^Withdraw/ }).count()).toBe(0);
    await expectHidden();
  });

  let tokenSecret = '';

  it('makes an API token, shown once, that works until it is revoked', async () => {
    await admin.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'API tokens' }).click();
    await admin.waitForURL(/\/admin\/tokens$/);
    await admin.getByText('No API tokens yet.').waitFor();
    await expectAccessible(admin);
    await admin.getByRole('button', { name: 'Create a token' }).click();
    await admin.getByText('Required', { exact: true }).waitFor();
    await admin.getByLabel('What the token is for').fill('browser test export');
    await admin.getByLabel('Expires').selectOption({ label: 'After 30 days' });
    await admin.getByRole('button', { name: 'Create a token' }).click();
    const shown = admin.getByTestId('new-token');
    await shown.getByText('It is shown only this once').waitFor();
    tokenSecret = (await admin.getByTestId('token-secret').textContent())!.trim();
    expect(tokenSecret).toMatch(/^hab_/);
    await shown.getByRole('button', { name: 'Copy' }).waitFor();
    await expectAccessible(admin);
    expect(await bearerMe(tokenSecret)).toBe(200);

    await shown.getByRole('button', { name: 'I have copied it' }).click();
    expect(await admin.getByTestId('token-secret').count()).toBe(0);
    const row = admin.getByTestId('token-browser test export');
    expect(await row.textContent()).toContain('admin');
    expect(await row.textContent()).not.toContain(tokenSecret);
    expect(await row.textContent()).toMatch(/Expires \d+ \w+ \d{4}/);
    await admin.reload();
    await row.waitFor();
    expect(await admin.content()).not.toContain(tokenSecret);

    await row.getByRole('button', { name: 'Revoke the token browser test export' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Revoke this token?' });
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.getByText('The token “browser test export” is revoked.').waitFor();
    expect(await row.textContent()).toContain('Revoked');
    expect(await bearerMe(tokenSecret)).toBe(401);
  });

  it('shows those actions in the audit log, one record\'s history by its address, and verifies the chain', async () => {
    await admin.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Audit log' }).click();
    await admin.waitForURL(/\/admin\/audit$/);
    const entries = admin.getByTestId('audit-entry');
    await entries.first().waitFor();
    const text = (await entries.allTextContents()).slice(0, 10).join('\n');
    for (const action of ['Revoked', 'Access withdrawn', 'Access given', 'Created']) expect(text).toContain(action);
    expect(await entries.first().textContent()).toContain('API token');
    await expectAccessible(admin);
    // 50 at a time, newest first; the next page continues where the first stopped.
    expect(await entries.count()).toBe(50);
    const seqs = async () => (await entries.getByTestId('audit-seq').allTextContents()).map((x) => Number(x.slice(1)));
    await admin.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => entries.count()).toBeGreaterThan(50);
    const all = await seqs();
    expect(all).toEqual([...all].sort((a, b) => b - a));
    expect(new Set(all).size).toBe(all.length);

    await admin.getByRole('button', { name: 'Verify the chain' }).click();
    await admin.getByTestId('verify-result').getByText(/The chain is intact: [\d,]+ entries checked/).waitFor();

    // The history of the restricted case, as another page links to it.
    await admin.goto(`/admin/audit?recordId=${restrictedId}`);
    await admin.getByText(`History of record ${restrictedId}`).waitFor();
    await entries.first().waitFor();
    const history = (await entries.allTextContents()).join('\n');
    for (const action of ['Created', `Access given to ${VIEWER.username}`, `Access withdrawn from ${VIEWER.username}`]) expect(history).toContain(action);
    expect(history).not.toContain('API token');
    const created = entries.last();
    await created.getByText(/^Show \d+ changes$/).click();
    await created.getByRole('cell', { name: 'Confidentiality' }).waitFor();
    await created.getByRole('cell', { name: 'restricted' }).waitFor();
    await expectAccessible(admin);

    // A user's change shows only the fields that changed.
    await admin.getByLabel('Record id').fill((await server.admin.get('/api/users')).body.items.find((u: { username: string }) => u.username === VIEWER.username).id);
    await admin.getByRole('button', { name: 'Show history' }).click();
    await admin.waitForURL(/recordId=/);
    await entries.last().getByText('Created').waitFor();
  });

  it('changes a user\'s role and e-mail, and sets a new password that ends their session', async () => {
    await admin.goto('/admin/users');
    const row = admin.getByTestId(`user-${VIEWER.username}`);
    await row.getByRole('button', { name: `Edit ${VIEWER.username}` }).click();
    const edit = admin.getByRole('dialog', { name: `Edit ${VIEWER.username}` });
    await edit.getByLabel('E-mail').fill('not an address');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByText('Enter an e-mail address').waitFor();
    await edit.getByLabel('E-mail').fill('vera@example.org');
    await edit.getByLabel('Role').selectOption('editor');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'hidden' });
    await admin.getByText(`Changes to ${VIEWER.username} are saved.`).waitFor();
    expect(await row.textContent()).toContain('Editor');
    expect(await row.textContent()).toContain('vera@example.org');
    // Your own role is not yours to change.
    await admin.getByTestId('user-admin').getByRole('button', { name: 'Edit admin' }).click();
    const own = admin.getByRole('dialog', { name: 'Edit admin' });
    expect(await own.getByLabel('Role').isDisabled()).toBe(true);
    await expectAccessible(admin);
    await own.getByRole('button', { name: 'Cancel' }).click();
    await own.waitFor({ state: 'hidden' });

    await row.getByRole('button', { name: `Set a new password for ${VIEWER.username}` }).click();
    const reset = admin.getByRole('dialog', { name: `Set a new password for ${VIEWER.username}` });
    await reset.getByLabel(/^Password/).fill('another long passphrase');
    await reset.getByLabel('Repeat the password').fill('another long passphrase');
    await reset.getByRole('button', { name: 'New password' }).click();
    await reset.waitFor({ state: 'hidden' });
    await admin.getByText(`The password of ${VIEWER.username} is changed`).waitFor();
    await viewer.goto('/cases');
    await viewer.waitForURL(/\/signin/);
    await expectAccessible(admin);
  });

  it('fits the admin pages in a phone-width screen without sideways scrolling', async () => {
    await admin.setViewportSize({ width: 390, height: 844 });
    for (const [path, ready] of [
      ['/admin/users', () => admin.getByTestId('user-card-admin').waitFor()],
      ['/admin/grants', () => admin.getByTestId(`grants-${restrictedId}`).waitFor()],
      ['/admin/tokens', () => admin.getByTestId('token-card-browser test export').waitFor()],
      ['/admin/audit', () => admin.getByTestId('audit-entry').first().waitFor()],
    ] as const) {
      await admin.goto(path);
      await ready();
      expect(await admin.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible(admin);
    }
    await admin.setViewportSize({ width: 1280, height: 900 });
  });

  it('downloads the export, adds the cases of a spreadsheet naming every wrong cell first, and restores only into an empty store', async () => {
    await admin.goto('/admin/data');
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Download the export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^habeas-export-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(exported.split('\n')[0]!)).toMatchObject({ format: 'habeas-export', version: 1 });
    await expectAccessible(admin);

    const sheet = (text: string) => ({ name: 'prisoners.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    // Mantine's file input is a button that opens the browser's file chooser.
    const choose = async (label: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
      const [chooser] = await Promise.all([admin.waitForEvent('filechooser'), admin.getByRole('button', { name: label }).click()]);
      await chooser.setFiles(file);
    };
    await choose('Spreadsheet (.csv)', sheet('Name,Status,Country\nNurlan Spreadsheet,jailed,KG\n'));
    await admin.getByRole('button', { name: 'Add the cases' }).click();
    await admin.getByRole('alert').filter({ hasText: 'Nothing was added' }).getByText('row 2, Status').waitFor();
    await choose('Spreadsheet (.csv)', sheet('Name,Status,Country\nNurlan Spreadsheet,detained,KG\n'));
    await admin.getByRole('button', { name: 'Add the cases' }).click();
    await admin.getByText('Added 1 case.').waitFor();
    expect((await server.admin.get('/api/cases?q=nurlan')).body.items).toHaveLength(1);

    await choose('Export file (.jsonl)', { name: 'export.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(exported) });
    await admin.getByRole('button', { name: 'Restore' }).click();
    await admin.getByRole('alert').getByText(/already holds case records/).waitFor();
    await expectAccessible(admin);
  });
});
