// A document's HTML printed to PDF by a headless Chromium (Debian's `chromium`, driven by
// playwright-core; never a downloaded browser): CSS paged media gives the A4 pages, the running
// marking and "Page N of M". One browser is kept for the server's life, one page per document,
// with JavaScript off and every request blocked (a document loads nothing).
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { Problem } from '../server/errors.ts';

/** Where the browser is: HABEAS_CHROMIUM, or Debian's. */
const chromiumPath = () => process.env.HABEAS_CHROMIUM ?? '/usr/bin/chromium';

let browser: Promise<Browser> | null = null;

async function theBrowser(): Promise<Browser> {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Problem('not-available', `PDF needs Chromium at ${path} (apt-get install chromium, or set HABEAS_CHROMIUM); the HTML dossier prints to PDF from any browser meanwhile.`);
  }
  browser ??= import('playwright-core').then(({ chromium }) =>
    chromium.launch({ executablePath: path, args: ['--no-sandbox', '--disable-dev-shm-usage'] }));
  try {
    return await browser;
  } catch (error) {
    browser = null;
    throw error;
  }
}

export async function htmlToPdf(html: string): Promise<Buffer> {
  const context = await (await theBrowser()).newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await context.close();
  }
}

/** Closes the browser when the server stops. */
export async function closePdfBrowser(): Promise<void> {
  const open = browser;
  browser = null;
  if (open) await (await open.catch(() => null))?.close();
}
