// Uploading documents over HTTP: any format intake reads becomes a source with suggestions.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocuments, type ImportInput, type ImportOutcome, type ImportResult } from '../../src/store/import.ts';
import { buildCase } from '../helpers/factories.ts';
import { STORES, startTestServer, type Client, type TestServer } from '../helpers/server.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/intake/${name}`, import.meta.url));

describe.each(STORES)('uploading documents on the %s store', (store) => {
  let server: TestServer;
  let caseId: string;
  const upload = (bytes: Uint8Array, type: string, query = '') => server.admin.upload(`/api/sources/upload${query}`, bytes, type);

  beforeAll(async () => {
    server = await startTestServer(store);
    caseId = (await buildCase(server.admin)).id;
  });
  afterAll(async () => server?.stop());

  it('reads a PDF, keeps its original bytes and suggests what it states', async () => {
    const pdf = fixture('statement.pdf');
    const res = await upload(pdf, 'application/pdf', `?filename=statement.pdf&caseId=${caseId}`);
    expect(res.status).toBe(201);
    expect(res.body.duplicate).toBe(false);
    expect(res.body.suggestions.added).toBeGreaterThan(0);
    const source = (await server.admin.get(`/api/sources/${res.body.sourceId}`)).body;
    expect(source).toMatchObject({
      mediaType: 'application/pdf', originalFilename: 'statement.pdf', caseIds: [caseId],
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    expect(source.text.length).toBeGreaterThan(100);
    const suggestions = (await server.admin.get(`/api/sources/${res.body.sourceId}/suggestions`)).body.items;
    expect(suggestions.some((s: { kind: string }) => s.kind === 'event')).toBe(true);
  });

  it('finds the source again when the same document is uploaded twice', async () => {
    const html = fixture('blog.html');
    const first = await upload(html, 'text/html', '?filename=blog.html');
    const again = await upload(html, 'application/octet-stream', '?filename=copy.html');
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, sourceId: first.body.sourceId } });
  });

  it('says why a document cannot be read, and keeps nothing of it', async () => {
    const before = (await server.admin.get('/api/sources?limit=200')).body.items.length;
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const binary = await upload(garbage, 'application/octet-stream', '?filename=blob.bin');
    expect(binary.status).toBe(422);
    expect(binary.body).toMatchObject({ type: '/problems/unreadable-document', reason: 'binary' });
    const png = await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image/png', '?filename=photo.png');
    expect(png.status).toBe(415);
    const scan = await upload(fixture('scan.pdf'), 'application/pdf', '?filename=scan.pdf');
    expect(scan.body.reason).toBe('no-text-layer');
    const empty = await upload(Buffer.alloc(0), 'text/plain');
    expect(empty.status).toBe(400);
    expect((await server.admin.get('/api/sources?limit=200')).body.items.length).toBe(before);
  });

  it('imports from a URL, and refuses private addresses unless allowed', async () => {
    const page = `<!doctype html><html lang="en"><head><title>Court extends detention of Lena Orlova</title></head>
      <body><article><h1>Court extends detention of Lena Orlova</h1><p>A court in Minsk on 3 June 2024 extended the
      detention of journalist Lena Orlova, who was arrested in March 2024 and charged with extremism.</p></article></body></html>`;
    const site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/news/orlova.html`;
    try {
      const refused = await server.admin.post('/api/sources/fetch', { url });
      expect(refused.status).toBe(400);
      expect(refused.body.detail).toMatch(/private or local address/);
      const intranet = await startTestServer(store, { env: { HABEAS_FETCH_PRIVATE_URLS: 'true' } });
      try {
        const res = await intranet.admin.post('/api/sources/fetch', { url });
        expect(res.status).toBe(201);
        expect(res.body.title).toBe('Court extends detention of Lena Orlova');
        const source = (await intranet.admin.get(`/api/sources/${res.body.sourceId}`)).body;
        expect(source).toMatchObject({ originalFilename: 'orlova.html', language: 'en' });
      } finally {
        await intranet.stop();
      }
      expect((await server.admin.post('/api/sources/fetch', { url: 'file:///etc/passwd' })).status).toBe(400);
    } finally {
      site.close();
    }
  });

  it('audits each write of an import and keeps the chain whole', async () => {
    const text = new TextEncoder().encode('Reporter Kanat Beisenov was detained in Taraz on 9 October 2023 and charged with spreading false information.');
    const res = await upload(text, 'text/plain', `?filename=beisenov.txt&caseId=${caseId}`);
    expect(res.status).toBe(201);
    const entries = (await server.admin.get(`/api/audit?recordId=${res.body.sourceId}`)).body.items;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['extract', 'create']);
    // The source is written with its original's name and hash, and its entry says so.
    expect(entries[1].after).toMatchObject({ originalFilename: 'beisenov.txt', sha256: createHash('sha256').update(text).digest('hex') });
    expect((await server.admin.get('/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('imports several documents to a transaction, one failing without taking the others along', async () => {
    const me = (await server.admin.get('/api/auth/me')).body.user.id;
    const doc = (text: string, caseIds: string[] = []) => ({ bytes: new TextEncoder().encode(text), filename: 'note.txt', caseIds });
    const first = doc('Activist Zarina Abdullaeva was arrested in Osh on 2 February 2024.');
    const unknownCase = doc('Poet Bakyt Usenov was sentenced to five years on 4 April 2024.', ['7d0c6a3e-0000-4000-8000-000000000000']);
    // Refused by the database itself: the transaction would be aborted but for the savepoint.
    const badId = doc('Lawyer Aida Kasymova was barred from the court on 3 March 2024.', ['not-a-uuid']);
    const last = doc('The family of Timur Ismailov said on 6 June 2024 that he was moved to a prison hospital.');
    const outcomes: Array<ImportOutcome<ImportInput>> = [];
    const items = [first, unknownCase, badId, first, last];
    await importDocuments(server.running.db, { userId: me }, items, (item) => item, (o) => outcomes.push(o), { perTransaction: 10 });
    const [one, failed, refused, again, four] = outcomes;
    expect(one).toMatchObject({ result: { duplicate: false } });
    expect(failed).toMatchObject({ error: { type: 'unprocessable-reference' } });
    expect(refused).toMatchObject({ error: { code: '22P02' } });
    // A document is found again by a later one of the same transaction.
    expect(again).toMatchObject({ result: { duplicate: true, sourceId: (one as { result: ImportResult }).result.sourceId } });
    expect(four).toMatchObject({ result: { duplicate: false } });
    const shas = [unknownCase, badId].map((d) => createHash('sha256').update(d.bytes).digest('hex'));
    expect(await server.running.db.query('SELECT id FROM sources WHERE sha256 = ANY($1)', [shas])).toEqual([]);
    expect((await server.admin.get('/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  describe('import jobs', () => {
    const note = 'Journalist Ainura Toktosunova was detained in Bishkek on 12 January 2024 and charged with calls for mass unrest.';
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const form = (files: Array<[name: string, bytes: string | Uint8Array, type: string]>, fields: Record<string, string> = {}) => {
      const data = new FormData();
      for (const [name, bytes, type] of files) data.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name);
      for (const [key, value] of Object.entries(fields)) data.append(key, value);
      return data;
    };
    /** Polls the job as the web app would, until it is finished. */
    const finished = async (client: Client, jobId: string) => {
      for (;;) {
        const res = await client.get(`/api/imports/${jobId}`);
        expect(res.status).toBe(200);
        if (res.body.status === 'finished') return res.body;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    let jobId: string;

    it('imports several files in the background, each imported, found again or failed on its own', async () => {
      const before = (await server.admin.get('/api/sources?limit=200')).body.items.length;
      const res = await server.admin.form('/api/imports', form([
        ['toktosunova.txt', note, 'text/plain'],
        ['toktosunova-copy.txt', note, 'text/plain'],
        ['blob.bin', garbage, 'application/octet-stream'],
      ], { caseId }));
      expect(res.status).toBe(202);
      jobId = res.body.id;
      expect(res.headers.get('location')).toBe(`/api/imports/${jobId}`);
      expect(res.body).toMatchObject({
        status: 'running', caseId, total: 3, done: 0,
        items: [{ filename: 'toktosunova.txt', status: 'pending' }, { filename: 'toktosunova-copy.txt', status: 'pending' }, { filename: 'blob.bin', status: 'pending' }],
      });
      const job = await finished(server.admin, jobId);
      const [imported, duplicate, failed] = job.items;
      expect(job).toMatchObject({ done: 3, finishedAt: expect.any(String) });
      expect(imported).toMatchObject({ status: 'imported', sourceId: expect.any(String), suggestions: { added: expect.any(Number) } });
      expect(imported.suggestions.added).toBeGreaterThan(0);
      expect(duplicate).toMatchObject({ status: 'duplicate', sourceId: imported.sourceId });
      expect(failed).toMatchObject({
        status: 'failed', reason: expect.stringMatching(/binary/i),
        problem: { type: '/problems/unreadable-document', status: 422, reason: 'binary' },
      });
      expect(failed.sourceId).toBeUndefined();
      // Nothing of the failed file is in the store; the imported one is filed under the case.
      expect((await server.admin.get('/api/sources?limit=200')).body.items.length).toBe(before + 1);
      const sha = createHash('sha256').update(garbage).digest('hex');
      expect(await server.running.db.query('SELECT id FROM sources WHERE sha256 = $1', [sha])).toEqual([]);
      expect((await server.admin.get(`/api/sources/${imported.sourceId}`)).body).toMatchObject({ caseIds: [caseId], originalFilename: 'toktosunova.txt' });
      expect((await server.admin.get('/api/imports')).body.items[0]).toMatchObject({ id: jobId, status: 'finished' });
    });

    it('shows a job only to whoever started it, other admins included', async () => {
      await server.admin.post('/api/users', { username: 'ada', role: 'admin', password: 'ada password 1234' });
      const otherAdmin = await server.login('ada', 'ada password 1234');
      const res = await otherAdmin.get(`/api/imports/${jobId}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((await otherAdmin.get('/api/imports')).body).toEqual({ items: [], next: null });
    });

    it('lets only editors start one, and checks the form at the door', async () => {
      await server.admin.post('/api/users', { username: 'vera', role: 'viewer', password: 'vera password 1234' });
      const viewer = await server.login('vera', 'vera password 1234');
      expect((await viewer.form('/api/imports', form([['a.txt', note, 'text/plain']]))).status).toBe(403);
      const notMultipart = await server.admin.post('/api/imports', { file: note });
      expect(notMultipart.status).toBe(400);
      expect(notMultipart.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const noFile = await server.admin.form('/api/imports', form([], { caseId }));
      expect(noFile).toMatchObject({ status: 400, body: { type: '/problems/validation-failed', errors: [{ field: 'file' }] } });
      const stray = await server.admin.form('/api/imports', form([['a.txt', note, 'text/plain']], { note: 'x' }));
      expect(stray).toMatchObject({ status: 400, body: { errors: [{ field: 'note' }] } });
      const unknownCase = await server.admin.form('/api/imports', form([['a.txt', note, 'text/plain']], { caseId: '7d0c6a3e-0000-4000-8000-000000000000' }));
      expect(unknownCase).toMatchObject({ status: 422, body: { errors: [{ field: 'caseId' }] } });
      const tooMany = await server.admin.form('/api/imports', form(Array.from({ length: 101 }, (_, i) => [`n${i}.txt`, note, 'text/plain'])));
      expect(tooMany).toMatchObject({ status: 413, body: { type: '/problems/payload-too-large', detail: expect.stringMatching(/at most 100/) } });
      expect((await server.admin.get('/api/imports')).body.items).toHaveLength(1);
    });
  });

  it('lets only editors upload', async () => {
    await server.admin.post('/api/users', { username: 'vic', role: 'viewer', password: 'vic password 1234' });
    const viewer = await server.login('vic', 'vic password 1234');
    const res = await viewer.upload('/api/sources/upload', new TextEncoder().encode('A note.'), 'text/plain');
    expect(res.status).toBe(403);
  });
});
