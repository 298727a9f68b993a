// GET /api/overview counts what the asking user may see: held now, cases by status and country,
// open alerts by severity, the longest held, the latest updates, and people held month by month
// with partial dates counted as surely or possibly held. Restricted cases without a grant count nowhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildDetention } from '../helpers/factories.ts';
import { Client, STORES, startTestServer, type TestServer } from '../helpers/server.ts';

type Month = { month: string; surely: number; possibly: number };

describe.each(STORES)('the overview on the %s store', (store) => {
  let server: TestServer;
  let editor: Client;
  let first: Record<string, any>;
  let second: Record<string, any>;
  let yearOnly: Record<string, any>;
  let hidden: Record<string, any>;

  const thisMonth = new Date().toISOString().slice(0, 7);
  const monthOf = (months: Month[], month: string) => months.find((m) => m.month === month);

  beforeAll(async () => {
    server = await startTestServer(store);
    await server.admin.post('/api/users', { username: 'edna', role: 'editor', password: 'edna password 1234' });
    editor = await server.login('edna', 'edna password 1234');
    // Held in day-precise months, then a second case about the same person overlapping April.
    first = await buildCase(server.admin, { status: 'detained', country: 'KG', tags: ['blogger', 'hunger strike'] }, { canonicalName: 'Temir Osmonov' });
    await buildDetention(server.admin, first.id, { start: '2024-03-10', end: '2024-05-20' });
    second = await buildCase(server.admin, { subjectPersonId: first.subjectPersonId, status: 'released' });
    await buildDetention(server.admin, second.id, { start: '2024-04-01', end: '2024-04-30' });
    // Detained at some time in 2024 and still held: surely held only from December 2024.
    yearOnly = await buildCase(server.admin, { status: 'detained', country: 'KZ', tags: ['blogger'] }, { canonicalName: 'Dana Serikova' });
    await buildDetention(server.admin, yearOnly.id, { start: '2024' });
    // Restricted, seen only by its creator: held since 2020.
    hidden = await buildCase(editor, { status: 'detained', country: 'KG', confidentiality: 'restricted', tags: ['secret tag'] }, { canonicalName: 'Ruslan Unseen' });
    await buildDetention(editor, hidden.id, { start: '2020-01-15' });
  });
  afterAll(async () => server?.stop());

  it('refuses an anonymous visitor', async () => {
    const res = await new Client(server.url).get('/api/overview');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('counts the cases the user may see, by status, by country and by tag', async () => {
    const res = await server.admin.get('/api/overview');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ heldNow: 2, totalCases: 3 });
    expect(res.body.byStatus).toEqual([{ key: 'detained', count: 2 }, { key: 'released', count: 1 }]);
    expect(res.body.byCountry).toEqual([{ key: 'KG', count: 1 }, { key: 'KZ', count: 1 }, { key: null, count: 1 }]);
    expect(res.body.byTag).toEqual([{ key: 'blogger', count: 2 }, { key: 'hunger strike', count: 1 }]);
  });

  it('counts a restricted case for the holder of its grant only', async () => {
    const theirs = (await editor.get('/api/overview')).body;
    expect(theirs).toMatchObject({ heldNow: 3, totalCases: 4 });
    expect(theirs.byCountry).toContainEqual({ key: 'KG', count: 2 });
    expect(theirs.longestHeld[0].id).toBe(hidden.id);
    const admin = JSON.stringify((await server.admin.get('/api/overview')).body);
    expect(admin).not.toContain(hidden.id);
    expect(admin).not.toContain('Unseen');
    expect(admin).not.toContain('secret tag');
  });

  it('counts open alerts by severity as the alerts list has them, for each user', async () => {
    for (const client of [server.admin, editor]) {
      const { openAlerts, newestAlerts } = (await client.get('/api/overview')).body;
      const listed = (await client.get('/api/alerts?status=open&limit=100')).body.items as Array<{ id: string; severity: string }>;
      expect(openAlerts.total).toBe(listed.length);
      for (const { key, count } of openAlerts.bySeverity) expect(count).toBe(listed.filter((a) => a.severity === key).length);
      expect(newestAlerts.map((a: { id: string }) => a.id)).toEqual(listed.slice(0, 5).map((a) => a.id));
      for (const a of newestAlerts) expect(a.caseName).toEqual(expect.any(String));
    }
    const adminAlerts = (await server.admin.get('/api/overview')).body.newestAlerts as Array<{ caseId: string }>;
    expect(adminAlerts.map((a) => a.caseId)).not.toContain(hidden.id);
  });

  it('lists the longest held first, with the days they were held, and the latest updates', async () => {
    const { longestHeld, latestUpdates } = (await server.admin.get('/api/overview')).body;
    expect(longestHeld.map((c: { id: string }) => c.id)).toEqual([yearOnly.id, first.id, second.id]);
    expect(longestHeld[1].daysInDetention.label).toBe('71 days');
    expect(longestHeld[1].subject.canonicalName).toBe('Temir Osmonov');
    expect(latestUpdates.map((c: { id: string }) => c.id).sort()).toEqual([first.id, second.id, yearOnly.id].sort());
  });

  it('counts people held month by month, each person once, partial dates as surely or possibly held', async () => {
    const { heldOverTime } = (await server.admin.get('/api/overview')).body as { heldOverTime: { rule: string; months: Month[] } };
    const months = heldOverTime.months;
    expect(heldOverTime.rule).toContain('surely');
    // From the earliest possible start (January 2024, "2024") to this month, with no gap.
    expect(months[0]!.month).toBe('2024-01');
    expect(months.at(-1)!.month).toBe(thisMonth);
    const [y, m] = thisMonth.split('-').map(Number) as [number, number];
    expect(months).toHaveLength((y - 2024) * 12 + m);
    expect(monthOf(months, '2024-01')).toEqual({ month: '2024-01', surely: 0, possibly: 1 });
    expect(monthOf(months, '2024-03')).toEqual({ month: '2024-03', surely: 1, possibly: 2 });
    // Two cases about one person overlap in April: one person held.
    expect(monthOf(months, '2024-04')).toEqual({ month: '2024-04', surely: 1, possibly: 2 });
    expect(monthOf(months, '2024-06')).toEqual({ month: '2024-06', surely: 0, possibly: 1 });
    expect(monthOf(months, '2024-12')).toEqual({ month: '2024-12', surely: 1, possibly: 1 });
    expect(months.at(-1)).toEqual({ month: thisMonth, surely: 1, possibly: 1 });
  });

  it('reaches back to the hidden case only for its holder, and no further than ten years', async () => {
    const months = (await editor.get('/api/overview')).body.heldOverTime.months as Month[];
    expect(months[0]).toEqual({ month: '2020-01', surely: 1, possibly: 1 });
    expect(months.length).toBeLessThanOrEqual(120);
    const old = await buildCase(editor, { confidentiality: 'restricted' }, { canonicalName: 'Old Timer' });
    await buildDetention(editor, old.id, { start: '1990-05', end: '2000' });
    const capped = (await editor.get('/api/overview')).body.heldOverTime.months as Month[];
    expect(capped).toHaveLength(120);
    expect(capped.at(-1)!.month).toBe(thisMonth);
  });
});
