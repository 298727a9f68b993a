// Import and review in a real browser (Debian's chromium) against a real server on a fresh embedded
// store with the demo case: an editor files a short news report (test/fixtures/import, written for
// this test) under the demo case, watches the job finish, reviews what extraction suggests with
// the keys and the mouse, and finds the accepted events on the case's timeline. A viewer may not
// import. An axe-core scan of every page, and the phone width.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server.ts';
import { hasChromium, launch, seriousViolations, signedInPage } from './support.ts';

// Written for this test, served over HTTP to the URL import.
const APPEAL = '# Appeal filed for Atambayev\n\nLawyers for Almazbek Atambayev filed an appeal on 2 February 2023 against the ruling, his defence said.\n';
const REPORT = fileURLToPath(new URL('../fixtures/import/atambayev-hearing.md', import.meta.url));

describe.skipIf(!hasChromium)('import and review in chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  let reviewUrl: string;
  let documents: Server;

  beforeAll(async () => {
    // The URL import reaches a document served on this machine: private addresses allowed here.
    [server, browser] = await Promise.all([startTestServer('embedded', { demo: true, env: { HABEAS_FETCH_PRIVATE_URLS: 'true' } }), launch()]);
    documents = createServer((request, response) => {
      if (request.url !== '/appeal.md') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(APPEAL);
    });
    await new Promise<void>((resolve) => documents.listen(0, '127.0.0.1', resolve));
    caseId = server.running.firstRun!.demoCaseId!;
    page = await signedInPage(browser, server.url, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    documents?.close();
    await browser?.close();
    await server?.stop();
  });

  const expectAccessible = async () => expect(await seriousViolations(page)).toEqual([]);
  const item = (name: string | RegExp) => page.getByTestId('suggestion').filter({ has: page.locator('.item-head', { hasText: name }) });
  const selected = () => page.locator('[data-testid="suggestion"].is-selected .item-label').textContent();

  it('imports a dropped document under the demo case and shows the job to its end', async () => {
    await page.getByRole('link', { name: 'Import and review' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.getByText('No imports in the last 24 hours.').waitFor();
    await expectAccessible();
    const picker = page.getByRole('combobox', { name: 'File under case (optional)' });
    await picker.fill('atambaev');
    await page.getByRole('option', { name: 'Almazbek Atambayev' }).click();
    await page.locator('input[type="file"]').setInputFiles(REPORT);
    await page.getByTestId('chosen-files').getByText('atambayev-hearing.md').waitFor();
    await page.getByRole('button', { name: 'Import 1 document' }).click();
    const job = page.getByTestId('import-job').first();
    await job.getByText('Finished: 1 imported').waitFor();
    expect(await job.getByTestId('import-item').getAttribute('data-status')).toBe('imported');
    expect(await job.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await expectAccessible();
    await job.getByRole('link', { name: /^Review “Hearing for Atambayev put off again/ }).click();
    await page.waitForURL(/\/sources\/[0-9a-f-]+\/review$/);
    reviewUrl = new URL(page.url()).pathname;
  });

  it('shows the source with every suggestion highlighted, and a list of them with the keys to use', async () => {
    await page.getByRole('heading', { level: 1, name: 'Hearing for Atambayev put off again, defence says' }).waitFor();
    await page.getByTestId('key-help').getByText('accept').waitFor();
    const text = page.getByTestId('source-text');
    expect(await text.textContent()).toContain('transferred to a hospital in Bishkek');
    expect(await text.locator('mark.hl-person').count()).toBeGreaterThanOrEqual(2);
    expect(await text.locator('.hl-event').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('suggestion').count()).toBe(7);
    expect(await page.getByTestId('review-counts').textContent()).toBe('7 pending · 0 accepted · 0 merged · 0 rejected');
    // The first suggestion in the text is selected to begin with.
    expect(await page.locator('[data-testid="suggestion"].is-selected').count()).toBe(1);
    await expectAccessible();
  });

  it('moves with j and k, rejects with r and accepts with a', async () => {
    // The headline's dateline is no hearing: select it with the mouse in the list, reject by key.
    await item('Hearing, 20 October 2022').locator('.item-head').click();
    expect(await selected()).toBe('Hearing, 20 October 2022');
    await page.keyboard.press('r');
    await item('Hearing, 20 October 2022').getByText('Rejected', { exact: true }).waitFor();
    // j and k walk the list in text order.
    const before = await selected();
    await page.keyboard.press('j');
    await expect.poll(selected).not.toBe(before);
    await page.keyboard.press('k');
    await expect.poll(selected).toBe(before);
    // The hearing: selected by a click on its words in the text, accepted by key.
    const hearing = await item('Hearing, 17 October 2022').getAttribute('data-item');
    await page.locator(`.source-text span.hl-event[data-suggestion="${hearing}"]`).first().click();
    expect(await selected()).toBe('Hearing, 17 October 2022');
    await page.keyboard.press('a');
    await item('Hearing, 17 October 2022').getByText('Accepted', { exact: true }).waitFor();
    await expectAccessible();
  });

  it('accepts with the mouse, merges a name into the known person, and edits before accepting with messages beside the fields', async () => {
    await item('Transfer, 19 October 2022').locator('.item-head').click();
    await item('Transfer, 19 October 2022').getByRole('button', { name: /^Accept/ }).click();
    await item('Transfer, 19 October 2022').getByText('Accepted', { exact: true }).waitFor();

    await item('Almazbek Atambayev').locator('.item-head').click();
    await page.keyboard.press('m');
    const candidate = item('Almazbek Atambayev').getByRole('radio', { name: /Almazbek Atamba/ });
    expect(await candidate.isChecked()).toBe(true);
    await item('Almazbek Atambayev').getByRole('button', { name: 'Merge' }).click();
    await item('Almazbek Atambayev').getByText('Merged', { exact: true }).waitFor();

    await item('Aibek Osmonov').locator('.item-head').click();
    await page.keyboard.press('e');
    const name = page.getByRole('textbox', { name: 'Full name' });
    await expect.poll(() => name.evaluate((el) => el === (el.ownerDocument as any).activeElement)).toBe(true);
    // Keys typed into a field are words, not shortcuts.
    await name.fill('');
    await page.keyboard.type('ra');
    expect(await name.inputValue()).toBe('ra');
    expect(await item('Aibek Osmonov').getByText('Pending', { exact: true }).count()).toBe(1);
    await name.fill(' ');
    await page.getByRole('button', { name: 'Accept with these details' }).click();
    await item('Aibek Osmonov').getByText('Required').waitFor();
    await expectAccessible();
    await name.fill('Aibek Osmonov');
    await page.getByRole('button', { name: 'Accept with these details' }).click();
    await item('Aibek Osmonov').getByText('Accepted', { exact: true }).waitFor();
    expect(await page.getByTestId('review-counts').textContent()).toBe('2 pending · 3 accepted · 1 merged · 1 rejected');
  });

  it('fits a phone-width screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('suggestion').first().waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible();
    await page.goto('/import');
    await page.getByTestId('import-job').first().waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the accepted events on the demo case’s timeline, reached from the review', async () => {
    await page.goto(reviewUrl);
    await item('Transfer, 19 October 2022').locator('.item-head').click();
    await item('Transfer, 19 October 2022').getByRole('link', { name: 'Open the case' }).click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    await page.getByTestId('timeline-event').first().waitFor();
    const dates = await page.locator('.timeline .when').allTextContents();
    expect(dates).toContain('17 October 2022');
    expect(dates).toContain('19 October 2022');
    expect(dates).not.toContain('20 October 2022');
    const transfer = page.getByTestId('timeline-event').filter({ hasText: '19 October 2022' });
    expect(await transfer.textContent()).toContain('Transfer');
    await expectAccessible();
  });

  it('imports a pasted text under no case, and asks which case before accepting its event', async () => {
    await page.goto('/import');
    await page.getByRole('tab', { name: 'Paste text' }).click();
    await page.getByRole('button', { name: 'Import text' }).click();
    await page.getByText('Paste the text of the document.').waitFor();
    await page.getByRole('textbox', { name: 'Title' }).fill('Doctors see Atambayev');
    await page.getByRole('textbox', { name: 'Text' }).fill('Doctors examined Almazbek Atambayev in the prison hospital on 5 December 2022, his lawyer said.');
    await page.getByRole('button', { name: 'Import text' }).click();
    await page.getByRole('link', { name: 'Review “Doctors see Atambayev”' }).click();
    await page.getByRole('heading', { level: 1, name: 'Doctors see Atambayev' }).waitFor();
    await item('Medical examination, 5 December 2022').locator('.item-head').click();
    await page.keyboard.press('a');
    // The source is about no case yet: the event's case is asked for, and required.
    const picker = page.getByRole('combobox', { name: 'Case this event belongs to' });
    await picker.waitFor();
    await page.getByRole('button', { name: 'Accept with these details' }).click();
    await item('Medical examination, 5 December 2022').getByText('Choose the case').waitFor();
    await expectAccessible();
    await picker.fill('Atambayev');
    await page.getByRole('option', { name: 'Almazbek Atambayev' }).click();
    await page.getByRole('button', { name: 'Accept with these details' }).click();
    await item('Medical examination, 5 December 2022').getByText('Accepted', { exact: true }).waitFor();
    // The selection has moved on; what was decided is said above the list, with its case.
    expect(await page.getByTestId('last-decision').textContent()).toContain('Accepted: Medical examination, 5 December 2022');
    await page.getByTestId('last-decision').getByRole('link', { name: 'Open the case' }).click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    await page.locator('.timeline .when', { hasText: '5 December 2022' }).waitFor();
  });

  it('flags a suggestion that contradicts the case file', async () => {
    await page.goto('/import');
    await page.getByRole('combobox', { name: 'File under case (optional)' }).fill('Atambayev');
    await page.getByRole('option', { name: 'Almazbek Atambayev' }).click();
    await page.getByRole('tab', { name: 'Paste text' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Arrest reported');
    await page.getByRole('textbox', { name: 'Text' }).fill('Police arrested Almazbek Atambayev on 3 March 2021 in Bishkek, a relative said.');
    await page.getByRole('button', { name: 'Import text' }).click();
    await page.getByRole('link', { name: 'Review “Arrest reported”' }).click();
    // The demo case has his arrest in 2019: a once-only event on another date disputes it.
    const arrest = item('Arrest, 3 March 2021');
    await arrest.getByText('Disputes a record').waitFor();
    await arrest.locator('.item-head').click();
    await arrest.getByText('Contradicts the case file').waitFor();
    await expectAccessible();
  });

  it('imports a document from a web address, and finds it again the second time', async () => {
    const url = `http://127.0.0.1:${(documents.address() as AddressInfo).port}/appeal.md`;
    await page.goto('/import');
    await page.getByRole('tab', { name: 'Web address' }).click();
    const address = page.getByRole('textbox', { name: 'Web address of the document' });
    await address.fill('not an address');
    await page.getByRole('button', { name: 'Fetch and import' }).click();
    await page.getByText('Enter an address that starts with http:// or https://').waitFor();
    await address.fill(url);
    await page.getByRole('button', { name: 'Fetch and import' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported' }).getByRole('link', { name: 'Review “Appeal filed for Atambayev”' }).waitFor();
    await address.fill(url);
    await page.getByRole('button', { name: 'Fetch and import' }).click();
    await page.getByRole('status').filter({ hasText: 'Already in Habeas' }).waitFor();
    await expectAccessible();
  });

  it('says when a source has nothing to suggest, and when it does not exist', async () => {
    await page.goto('/import');
    await page.getByRole('tab', { name: 'Paste text' }).click();
    await page.getByRole('textbox', { name: 'Text' }).fill('the weather was mild and nothing else was reported');
    await page.getByRole('button', { name: 'Import text' }).click();
    await page.getByRole('status').getByRole('link', { name: /^Review/ }).click();
    await page.getByText('Nothing was found to suggest in this text.').waitFor();
    await expectAccessible();
    await page.goto('/sources/00000000-0000-4000-8000-000000000000/review');
    await page.getByText('There is nothing here, or you may not see it.').waitFor();
  });

  it('tells a viewer they may not import, and shows them no actions on a review', async () => {
    await server.admin.post('/api/users', { username: 'vera', role: 'viewer', password: 'vera password 1234' });
    const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
    const viewer = await viewerContext.newPage();
    try {
      await viewer.goto('/signin');
      await viewer.getByLabel('Username').fill('vera');
      await viewer.getByLabel('Password', { exact: true }).fill('vera password 1234');
      await viewer.getByRole('button', { name: 'Sign in' }).click();
      await viewer.waitForURL((url) => url.pathname === '/');
      expect(await viewer.getByRole('link', { name: 'Import and review' }).count()).toBe(0);
      await viewer.goto('/import');
      await viewer.getByRole('alert').getByText('You may not import').waitFor();
      expect(await viewer.locator('input[type="file"]').count()).toBe(0);
      expect(await seriousViolations(viewer)).toEqual([]);
      await viewer.goto(reviewUrl);
      await viewer.getByTestId('suggestion').first().waitFor();
      expect(await viewer.getByRole('button', { name: /^Accept/ }).count()).toBe(0);
      expect(await viewer.getByTestId('key-help').count()).toBe(0);
    } finally {
      await viewerContext.close();
    }
  });
});
