// The case file in a real browser: the timeline chart and the list it points into, a fact's quoted
// words shown in their source, the sections, editing a record (a wrong date is refused next to the
// field and nothing changes; a right one is saved), opening a new case, and a viewer who cannot edit.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server.ts';
import { hasChromium, launch, seriousViolations, signedInPage } from './support.ts';

describe.skipIf(!hasChromium)('the case file in chromium', () => {
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

  it('draws the timeline chart, and a click on an event finds it in the list', async () => {
    await page.goto(`/cases/${caseId}`);
    const chart = page.getByTestId('timeline-chart');
    await chart.locator('[data-mark]').first().waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/^Timeline chart of \d+ dated events from 2018/);
    // "2019" is drawn as the span of the year, the raid's day-less date.
    expect(await chart.locator('[data-mark] .span').count()).toBeGreaterThan(0);
    expect(await chart.locator('[data-mark].disputed').count()).toBeGreaterThan(0);
    await chart.locator('[data-mark].disputed').first().click();
    const selected = page.locator('.timeline > li[data-selected]');
    await selected.waitFor();
    expect(await selected.textContent()).toContain('Disputed');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await page.getByRole('button', { name: 'Whole case' }).isEnabled()).toBe(true);
    await expectAccessible();
  });

  it('downloads the documents written from the case file', async () => {
    await page.getByRole('button', { name: 'Documents' }).click();
    const [appeal] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Urgent appeal (DOCX)' }).click()]);
    expect(appeal.suggestedFilename()).toMatch(/^urgent-appeal-almazbek-atambayev-[0-9a-f]{8}\.docx$/);
    await page.getByRole('button', { name: 'Documents' }).click();
    const [wgad] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^UN Working Group/ }).click()]);
    expect(wgad.suggestedFilename()).toMatch(/^wgad-communication-/);
    await page.getByRole('button', { name: 'Documents' }).click();
    const [data] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Case data (JSON Lines)' }).click()]);
    expect(data.suggestedFilename()).toMatch(/^habeas-case-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.jsonl$/);
  });

  it("shows a fact's quoted words highlighted in its source", async () => {
    const selected = page.locator('.timeline > li[data-selected]');
    const quote = selected.locator('.quote button').first();
    const words = (await quote.textContent())!.replace(/^“|”$/g, '');
    await quote.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('quoted').waitFor();
    expect(await drawer.getByTestId('quoted').textContent()).toBe(words);
    await expectAccessible();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('shows the sections: legal proceedings, custody, health with how long each request for care waited, visits, advocacy, sources', async () => {
    await page.getByRole('tab', { name: 'Health' }).click();
    await page.waitForURL(/section=health/);
    expect(await page.getByTestId('care-waiting').first().textContent()).toMatch(/^waited at least [\d,]+ days until custody ended$/);
    await expectAccessible();
    for (const [tab, text] of [['Legal proceedings', 'Sentence'], ['Custody', 'Moldovanovka'], ['Visits', 'Bruises'], ['Advocacy', 'Public appeal'], ['Sources', 'Socialist International']] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel').getByText(text).first().waitFor();
    }
    await expectAccessible();
  });

  it('refuses a wrong date next to its field and changes nothing, then saves a right one', async () => {
    await page.getByRole('tab', { name: 'Custody' }).click();
    await page.getByRole('button', { name: /^Edit: 2019 – March 2023/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the detention period' });
    await dialog.getByLabel('Until').fill('2023-13');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Not a date').waitFor();
    await dialog.getByLabel('Until').fill('2018-05');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // The server's rule: the end cannot come before the start.
    await dialog.getByText('2018-05 is before the start 2019').waitFor();
    await expectAccessible();
    const stored = await server.admin.get(`/api/detention-periods?caseId=${caseId}`);
    expect(stored.body.items[0].end).toBe('2023-03');
    await dialog.getByLabel('Until').fill('2023-03-05');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('tabpanel').getByText('2019 – 5 March 2023').waitFor();
    const audit = await server.admin.get(`/api/audit?recordId=${stored.body.items[0].id}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'update', before: { end: '2023-03' }, after: { end: '2023-03-05' } });
    // The record's history, from its form: the change at the top.
    await page.getByRole('button', { name: /^Edit: 2019 – 5 March 2023/ }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'History' }).click();
    await page.waitForURL(/\/admin\/audit\?recordId=/);
    const entry = page.getByTestId('audit-entry').first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Changed');
    await expectAccessible();
  });

  it("changes what is known of a source (not its text, which claims quote)", async () => {
    await page.goto(`/cases/${caseId}?section=sources`);
    await page.getByRole('button', { name: /^Edit: The SI reiterates/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the source' });
    expect(await dialog.getByRole('textbox', { name: 'Text' }).count()).toBe(0);
    await dialog.getByRole('combobox', { name: 'Reliability' }).click();
    await page.getByRole('option', { name: 'A — reliable' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('tabpanel').getByText('reliability A').waitFor();
  });

  it('opens a new case with every spelling, and an event added to it appears on its timeline', async () => {
    await page.goto('/cases');
    await page.getByRole('button', { name: 'New case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a case' });
    await dialog.getByRole('button', { name: 'New case' }).click();
    await dialog.getByText('Required').first().waitFor();
    await dialog.getByLabel('Name').fill('Gulnara Sydykova');
    await dialog.getByLabel('Other spellings').fill('Гульнара Сыдыкова');
    await dialog.getByLabel('Other spellings').press('Enter');
    await dialog.getByRole('textbox', { name: 'Country' }).fill('KG');
    await dialog.getByRole('button', { name: 'New case' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gulnara Sydykova' }).waitFor();
    expect(await page.getByTestId('aliases').textContent()).toContain('Гульнара Сыдыкова');
    await page.getByText('No events recorded yet.').waitFor();
    await page.getByRole('tab', { name: 'Custody' }).click();
    await page.getByRole('button', { name: 'Add an event' }).click();
    const add = page.getByRole('dialog', { name: 'Add an event' });
    await add.getByRole('combobox', { name: 'What happened' }).click();
    await page.getByRole('option', { name: 'Arrest' }).click();
    await add.getByLabel('Date').fill('2024-02-10');
    await add.getByLabel('Description').fill('Taken from her flat by plain-clothes officers.');
    await add.getByRole('button', { name: 'Add' }).click();
    await add.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const event = page.getByTestId('timeline-event');
    await event.first().waitFor();
    expect(await event.first().textContent()).toContain('10 February 2024');
    expect(await event.first().textContent()).toContain('Taken from her flat');

    // Publishing: first exactly what the public would see, then the page itself, open to anyone.
    await page.getByRole('button', { name: 'Public page…' }).click();
    const preview = page.getByRole('dialog', { name: 'What the public page would show' });
    await preview.getByTestId('public-preview').waitFor();
    await expect.poll(() => page.frameLocator('[data-testid="public-preview"]').locator('h1').textContent()).toBe('Gulnara Sydykova');
    await expectAccessible();
    await preview.getByRole('button', { name: 'Publish this case' }).click();
    await preview.waitFor({ state: 'hidden' });
    const link = page.getByRole('link', { name: 'Public page' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/public\/cases\/[0-9a-f]{8}$/);
    const visitor = await fetch(`${server.url}${href}`);
    expect(visitor.status).toBe(200);
    expect(visitor.url).toMatch(/\/public\/cases\/gulnara-sydykova-[0-9a-f]{8}$/);
    expect(await visitor.text()).toContain('Taken from her flat by plain-clothes officers.');
  });

  it('gives a viewer no way to edit, and the server refuses them anyway', async () => {
    await server.admin.post('/api/users', { username: 'vivian', role: 'viewer', password: 'vivian password 1234' });
    const viewer = await signedInPage(browser, server.url, 'vivian', 'vivian password 1234');
    await viewer.goto(`/cases/${caseId}`);
    await viewer.getByTestId('timeline-event').first().waitFor();
    expect(await viewer.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    await viewer.getByRole('tab', { name: 'Custody' }).click();
    await viewer.getByText('Detention periods').waitFor();
    expect(await viewer.getByRole('button', { name: /^(Edit|Add)/ }).count()).toBe(0);
    await viewer.goto('/cases');
    await viewer.getByRole('link', { name: 'Almazbek Atambayev' }).first().waitFor();
    expect(await viewer.getByRole('button', { name: 'New case' }).count()).toBe(0);
    const status = await viewer.evaluate(async (id) => (await fetch(`/api/cases/${id}`, {
      method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'released' }),
    })).status, caseId);
    expect(status).toBe(403);
    await viewer.context().close();
  });
});
