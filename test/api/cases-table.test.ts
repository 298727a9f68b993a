// The cases table is done by the server: each case carries its count of open alerts, and the list
// filters by open alerts and by the subject's name in any spelling, never showing restricted cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildDetention } from '../helpers/factories.ts';
import { STORES, startTestServer, type Answer, type Client, type TestServer } from '../helpers/server.ts';

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

  it('sorts longest held first, unknown last, a page at a time, and most recently updated first', async () => {
    const a = await buildCase(server.admin, { tags: ['sorting'] }, { canonicalName: 'Held Long' });
    await buildDetention(server.admin, a.id, { start: '2015-01-01', end: '2020-01-01' });
    const b = await buildCase(server.admin, { tags: ['sorting'] }, { canonicalName: 'Held Short' });
    await buildDetention(server.admin, b.id, { start: '2021-01-01', end: '2021-02-01' });
    const c = await buildCase(server.admin, { tags: ['sorting'] }, { canonicalName: 'Held Unknown' });
    await buildDetention(server.admin, c.id, { start: '../2020-01', end: '2021-01-01' });
    const d = await buildCase(server.admin, { tags: ['sorting'] }, { canonicalName: 'Held Partly' });
    await buildDetention(server.admin, d.id, { start: '2019', end: '2020-06-01' });
    const order: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Answer = await server.admin.get(`/api/cases?tag=sorting&sort=daysHeld&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      order.push(...res.body.items.map((i: { subject: { canonicalName: string } }) => i.subject.canonicalName));
      cursor = res.body.next;
    } while (cursor);
    // Partly: at least 2019-12-31 to 2020-06-01 (153 days); Short: 31 days; Unknown: cannot be counted.
    expect(order).toEqual(['Held Long', 'Held Partly', 'Held Short', 'Held Unknown']);

    expect((await server.admin.patch(`/api/cases/${b.id}`, { summary: 'Changed last.' })).status).toBe(200);
    const updated = await server.admin.get('/api/cases?tag=sorting&sort=updated&limit=2');
    expect(updated.body.items[0].id).toBe(b.id);
    const rest = await server.admin.get(`/api/cases?tag=sorting&sort=updated&limit=2&cursor=${updated.body.next}`);
    expect(rest.body.items).toHaveLength(2);
    expect(rest.body.next).toBeNull();
    expect(new Set([...updated.body.items, ...rest.body.items].map((i: { id: string }) => i.id)).size).toBe(4);
  });

  it('refuses a cursor of another order', async () => {
    const first = await server.admin.get('/api/cases?limit=1');
    const res = await server.admin.get(`/api/cases?sort=daysHeld&limit=1&cursor=${first.body.next}`);
    expect(res.status).toBe(400);
  });

  it.each(['hasAlerts=yes', 'hasAlerts=', 'q=', `q=${'a'.repeat(201)}`, 'sort=name'])('refuses %s with a problem naming the field', async (query) => {
    const res = await server.admin.get(`/api/cases?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(res.body.errors)).toMatch(/hasAlerts|q|sort/);
  });
});
