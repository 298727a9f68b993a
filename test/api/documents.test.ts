// The documents advocates send, read back as a person would read them (DOCX turned to text with
// mammoth): the urgent appeal and the WGAD draft for the demo case cite what it breaches and the
// sources behind each fact; a case with no data still gives documents with every gap marked; names
// in any script come through; a case one may not see is not found.
import { existsSync } from 'node:fs';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase } from '../helpers/factories.ts';
import { Client, STORES, startTestServer, type TestServer } from '../helpers/server.ts';

/** The document's text with its footnotes, as mammoth reads it. */
async function docxText(client: Client, path: string): Promise<{ status: number; type: string | null; disposition: string | null; text: string }> {
  const res = await fetch(client.base + path, { headers: await headersOf(client) });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = res.ok ? (await mammoth.convertToHtml({ buffer: bytes })).value.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ') : '';
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), text };
}

/** The session cookie the test client holds (it signs in as a browser would). */
async function headersOf(client: Client): Promise<Record<string, string>> {
  const cookie = (client as unknown as { cookie: string }).cookie;
  return cookie ? { cookie } : {};
}

describe.each(STORES)('documents on the %s store', (store) => {
  let server: TestServer;
  let demoId: string;

  beforeAll(async () => {
    server = await startTestServer(store, { demo: true });
    demoId = server.running.firstRun!.demoCaseId!;
  });
  afterAll(async () => server?.stop());

  it('writes the urgent appeal: the person, where held, each breach with its facts, sources and provisions, and what is asked', async () => {
    const doc = await docxText(server.admin, `/api/cases/${demoId}/appeal.docx`);
    expect(doc.status).toBe(200);
    expect(doc.type).toContain('wordprocessingml');
    expect(doc.disposition).toMatch(/^attachment; filename="urgent-appeal-almazbek-atambayev-[0-9a-f]{8}\.docx"$/);
    expect(doc.text).toContain('Urgent appeal on behalf of Almazbek Atambayev');
    expect(doc.text).toContain('held for between 1,156 and 1,550 days');
    expect(doc.text).toContain('Moldovanovka');
    expect(doc.text).toContain('Mandela Rules 27(2)');
    expect(doc.text).toContain('ICCPR 14(3)(d)');
    expect(doc.text).toContain('We urge you to');
    expect(doc.text).toContain('open a prompt, impartial and effective investigation');
    // Facts footnoted to their sources.
    expect(doc.text).toContain('The SI reiterates urgent call for medical attention for Almazbek Atambayev');
    expect(doc.text).toContain('[TO COMPLETE: the sending organisation’s name');
  });

  it('writes the WGAD draft by the questionnaire’s sections, facts under the categories, gaps marked for counsel', async () => {
    const doc = await docxText(server.admin, `/api/cases/${demoId}/wgad.docx`);
    expect(doc.status).toBe(200);
    for (const section of ['I. Identity of the person', 'II. Arrest', 'III. Detention', 'IV. Circumstances and legal proceedings', 'V. Why the detention is arbitrary', 'VI. Domestic remedies', 'VII. Submitting organisation or person']) {
      expect(doc.text).toContain(section);
    }
    expect(doc.text).toContain('Full name as recorded: Almazbek Atambayev');
    expect(doc.text).toContain('Nationality: Kyrgyzstan');
    expect(doc.text).toMatch(/Category III — fair trial .*too ill to attend/);
    expect(doc.text).toContain('[TO COMPLETE: the family name');
    expect(doc.text).toMatch(/VI\. Domestic remedies 2020: The Supreme Court annulled the eleven-year sentence/);
  });

  it('gives valid documents for a case with no data at all, every gap marked, names in any script intact', async () => {
    for (const name of ['Гульнара Сыдыкова', 'علياء عبد الفتاح', '刘晓波']) {
      const c = await buildCase(server.admin, {}, { canonicalName: name });
      const appeal = await docxText(server.admin, `/api/cases/${c.id}/appeal.docx`);
      expect(appeal.status).toBe(200);
      expect(appeal.text).toContain(`Urgent appeal on behalf of ${name}`);
      expect(appeal.text).toContain('[TO COMPLETE: the facts of concern');
      const dossier = await server.admin.get(`/api/cases/${c.id}/report.html`);
      expect(dossier.status).toBe(200);
      expect(dossier.body).toContain(name);
      expect(dossier.body).toContain('INTERNAL — for the organisation’s staff and partners only');
      const wgad = await docxText(server.admin, `/api/cases/${c.id}/wgad.docx`);
      expect(wgad.text).toContain(`Full name as recorded: ${name}`);
      for (const gap of ['date of arrest', 'places of detention', 'the remedies sought']) expect(wgad.text).toContain(`[TO COMPLETE: ${gap}`);
    }
  });

  it('writes the dossier: every part of the case file, statements footnoted to numbered sources, the marking at top and bottom', async () => {
    const res = await server.admin.get(`/api/cases/${demoId}/report.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = res.body as string;
    for (const part of ['Identity', 'Status and custody', 'Timeline', 'Legal proceedings', 'Health and medical care', 'Monitoring visits and findings', 'Advocacy', 'Standards breached', 'Sources']) {
      expect(html).toContain(`<h2>${part}</h2>`);
    }
    expect(html.match(/PUBLIC — the facts in this dossier may be shared/g)).toHaveLength(2);
    expect(html).toContain('between 1,156 and 1,550 days');
    expect(html).toMatch(/at least [\d,]+ days, until custody ended/);
    expect(html).toContain('Mandela Rules 27(2)');
    expect(html).toContain('<a href="#source-1">[1]</a>');
    expect(html).toContain('id="source-1"');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
  });

  it.skipIf(!existsSync(process.env.HABEAS_CHROMIUM ?? '/usr/bin/chromium'))('prints the dossier to PDF: A4 pages, numbered, the marking on each', async () => {
    const res = await fetch(`${server.url}/api/cases/${demoId}/report.pdf`, { headers: await headersOf(server.admin) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="dossier-almazbek-atambayev-[0-9a-f]{8}\.pdf"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pdf = await getDocumentProxy(bytes);
    const { text } = await extractText(pdf, { mergePages: false });
    expect(pdf.numPages).toBeGreaterThan(3);
    expect(text[0]).toContain('Almazbek Atambayev');
    for (const [i, page] of text.entries()) {
      expect(page).toContain(`Page ${i + 1} of ${pdf.numPages}`);
      expect(page).toContain('PUBLIC');
    }
  });

  it('says plainly when the server has no browser to print with', async () => {
    const before = process.env.HABEAS_CHROMIUM;
    process.env.HABEAS_CHROMIUM = '/nowhere/chromium';
    try {
      const res = await server.admin.get(`/api/cases/${demoId}/report.pdf`);
      expect(res.status).toBe(503);
      expect(res.body.detail).toContain('PDF needs Chromium at /nowhere/chromium');
    } finally {
      if (before === undefined) delete process.env.HABEAS_CHROMIUM;
      else process.env.HABEAS_CHROMIUM = before;
    }
  });

  it('answers 404 for a case one may not see, and 401 to a visitor', async () => {
    await server.admin.post('/api/users', { username: 'eve', role: 'editor', password: 'eve password 12345' });
    const editor = await server.login('eve', 'eve password 12345');
    const hidden = await buildCase(editor, { confidentiality: 'restricted' }, { canonicalName: 'Hidden Person' });
    expect((await docxText(server.admin, `/api/cases/${hidden.id}/appeal.docx`)).status).toBe(404);
    expect((await server.admin.get(`/api/cases/${hidden.id}/report.html`)).status).toBe(404);
    expect((await docxText(editor, `/api/cases/${hidden.id}/wgad.docx`)).status).toBe(200);
    expect((await docxText(new Client(server.url), `/api/cases/${demoId}/appeal.docx`)).status).toBe(401);
  });
});
