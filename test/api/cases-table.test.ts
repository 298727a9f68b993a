// The cases table is done by the server: each case carries its count of open alerts, and the list
// filters by open alerts and by the subject's name in any spelling, never showing restricted cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase } from '../helpers/factories.ts';
import { STORES, startTestServer, type Client, type TestServer } from '../helpers/server.ts';

describe.each(STORES)('the cases table on the %s store', (store) => {
  let server: TestServer;
  let demoCaseId: string;
  let quiet: Record<string, any>;
  let editor: Client;

  const names = async (client: Client, query: string): Promise<string[]> => {
    const res = await client.get(`/api/cases?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items.map((c: { subject: { canonicalName: string } }) => c.subject.canonicalName).sort();
  };

  beforeAll(async () => {
    server = await startTestServer(store, { demo: true });
    demoCaseId = server.running.firstRun!.demoCaseId!;
    quiet = await buildCase(server.admin, {}, { canonicalName: 'Sadyr Japarov', aliases: ['Садыр Жапаров'] });
    await server.admin.post('/api/users', { username: 'edna', role: 'editor', password: 'edna password 1234' });
    editor = await server.login('edna', 'edna password 1234');
    await buildCase(editor, { confidentiality: 'restricted' }, { canonicalName: 'Almazbek Hidden' });
  });
  afterAll(async () => server?.stop());

  it('counts the open alerts of every case it lists', async () => {
    const res = await server.admin.get('/api/cases?limit=200');
    const byId = new Map(res.body.items.map((c: { id: string; openAlerts: number }) => [c.id, c.openAlerts]));
    const alerts = await server.admin.get(`/api/cases/${demoCaseId}/alerts?status=open`);
    expect(byId.get(demoCaseId)).toBe(alerts.body.items.length);
    expect(byId.get(demoCaseId)).toBeGreaterThan(0);
    expect(byId.get(quiet.id)).toBe(0);
    expect((await server.admin.get(`/api/cases/${quiet.id}`)).body.openAlerts).toBe(0);
  });

  it('keeps only the cases with, or without, open alerts', async () => {
    expect(await names(server.admin, 'hasAlerts=true')).toEqual(['Almazbek Atambayev']);
    expect(await names(server.admin, 'hasAlerts=false')).toEqual(['Sadyr Japarov']);
  });

  it.each(['Атамбаев', 'atambaev', 'ATAMBAYEV', 'Almazbek', 'atamb'])('finds the subject when asked for %s', async (q) => {
    expect(await names(server.admin, `q=${encodeURIComponent(q)}`)).toEqual(['Almazbek Atambayev']);
  });

  it('finds by any spelling, combined with the other filters, and finds nobody by a name no one has', async () => {
    expect(await names(server.admin, `q=${encodeURIComponent('Жапаров')}`)).toEqual(['Sadyr Japarov']);
    expect(await names(server.admin, 'q=japarov&hasAlerts=true')).toEqual([]);
    expect(await names(server.admin, 'q=japarov&status=detained')).toEqual(['Sadyr Japarov']);
    expect(await names(server.admin, 'q=nobody%20by%20this%20name')).toEqual([]);
  });

  it('never shows a restricted case to someone without a grant, and shows it to its holder', async () => {
    expect(await names(server.admin, 'q=almazbek')).toEqual(['Almazbek Atambayev']);
    expect(await names(server.admin, 'q=hidden')).toEqual([]);
    expect(await names(editor, 'q=almazbek')).toEqual(['Almazbek Atambayev', 'Almazbek Hidden']);
  });

  it.each(['hasAlerts=yes', 'hasAlerts=', 'q=', `q=${'a'.repeat(201)}`])('refuses %s with a problem naming the field', async (query) => {
    const res = await server.admin.get(`/api/cases?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(res.body.errors)).toMatch(/hasAlerts|q/);
  });
});
