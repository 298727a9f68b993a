// Data in and out over HTTP: an export streamed as JSON Lines (the whole store for admins, one case
// for editors, nothing for a viewer), restored into an empty store, and a spreadsheet of prisoners.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORES, startTestServer, type Client, type TestServer } from '../helpers/server.ts';

describe.each(STORES)('export and import over HTTP on the %s store', (store) => {
  let source: TestServer;
  let target: TestServer;
  let editor: Client;
  let viewer: Client;
  let caseId: string;

  beforeAll(async () => {
    [source, target] = await Promise.all([startTestServer(store, { demo: true }), startTestServer(store)]);
    caseId = source.running.firstRun!.demoCaseId!;
    await source.admin.post('/api/users', { username: 'eddie', role: 'editor', password: 'eddie password 1234' });
    await source.admin.post('/api/users', { username: 'vera', role: 'viewer', password: 'vera password 1234' });
    [editor, viewer] = await Promise.all([source.login('eddie', 'eddie password 1234'), source.login('vera', 'vera password 1234')]);
  });
  afterAll(async () => Promise.all([source?.stop(), target?.stop()]));

  const lines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as { kind?: string; record?: Record<string, unknown> });

  it('streams the whole store to an admin as JSON Lines to download, and only one case to an editor', async () => {
    const res = await source.admin.get('/api/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="habeas-export-\d{4}-\d{2}-\d{2}\.jsonl"$/);
    const all = lines(res.body as string);
    expect(all[0]).toMatchObject({ format: 'habeas-export', version: 1 });
    expect(all.filter((l) => l.kind === 'case')).toHaveLength(1);
    expect((await editor.get('/api/export')).status).toBe(403);
    const one = await editor.get(`/api/export?caseId=${caseId}`);
    expect(one.status).toBe(200);
    expect(lines(one.body as string).filter((l) => l.kind === 'event').length).toBeGreaterThan(10);
    expect((await viewer.get(`/api/export?caseId=${caseId}`)).status).toBe(403);
    expect((await editor.get('/api/export?caseId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('restores the export into an empty store, once, and refuses a file that is not an export', async () => {
    const text = (await source.admin.get('/api/export')).body as string;
    const bad = await target.admin.request('POST', '/api/import-data', undefined, { body: '{"hello":1}\n', type: 'application/x-ndjson' });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/not a Habeas export/);
    const res = await target.admin.request('POST', '/api/import-data', undefined, { body: text, type: 'application/x-ndjson' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.restored).toMatchObject({ case: 1, event: 18 });
    const again = await target.admin.request('POST', '/api/import-data', undefined, { body: text, type: 'application/x-ndjson' });
    expect(again.status).toBe(409);
    const timeline = await target.admin.get(`/api/cases/${caseId}/timeline`);
    expect(timeline.body.items).toHaveLength(18);
  });

  it('adds the cases of a spreadsheet, naming every wrong cell and adding nothing when there is one', async () => {
    const sheet = 'Name,Other names,Status,Country,Held since\nGulnara Sydykova,Гульнара Сыдыкова,detained,KG,2024-02-10\nSecond Person,,jailed,KG,2024\n';
    const bad = await editor.request('POST', '/api/import-data/spreadsheet', undefined, { body: sheet, type: 'text/csv' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'row 3, Status', message: expect.any(String) }]);
    expect((await editor.get('/api/cases?q=sydykova')).body.items).toHaveLength(0);
    const good = await editor.request('POST', '/api/import-data/spreadsheet?map=name%3DName', undefined, { body: sheet.replace('jailed', 'detained'), type: 'text/csv' });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body).toEqual({ created: 2, existing: [] });
    const found = await editor.get(`/api/cases?q=${encodeURIComponent('Сыдыкова')}`);
    expect(found.body.items[0].daysInDetention.since).toBe('10 February 2024');
    expect((await viewer.request('POST', '/api/import-data/spreadsheet', undefined, { body: sheet, type: 'text/csv' })).status).toBe(403);
  });
});
