// What the case page asks for beyond the records themselves: opening a case for a new person in one
// step (both or neither), the visits and sources of one case, and the span each partial date covers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildEvent, buildSource } from '../helpers/factories.ts';
import { STORES, startTestServer, type Client, type TestServer } from '../helpers/server.ts';

describe.each(STORES)('the case file on the %s store', (store) => {
  let server: TestServer;
  let viewer: Client;

  beforeAll(async () => {
    server = await startTestServer(store);
    await server.admin.post('/api/users', { username: 'vic', role: 'viewer', password: 'vic password 1234' });
    viewer = await server.login('vic', 'vic password 1234');
  });
  afterAll(async () => server?.stop());

  const personCount = async () => (await server.admin.get('/api/persons?limit=200')).body.items.length;

  it('opens a case for a new person in one step, the person with all their spellings', async () => {
    const res = await server.admin.post('/api/case-files', {
      subject: { canonicalName: 'Leyla Mammadova', aliases: ['Лейла Мамедова'] },
      case: { status: 'detained', confidentiality: 'internal', country: 'AZ', tags: ['journalist'] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/cases/${res.body.id}`);
    expect(res.body.subject).toMatchObject({ canonicalName: 'Leyla Mammadova', aliases: ['Лейла Мамедова'] });
    const found = await server.admin.get(`/api/cases?q=${encodeURIComponent('Мамедова')}`);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
  });

  it('writes neither the person nor the case when the case is not valid, and says which field is wrong', async () => {
    const before = await personCount();
    const res = await server.admin.post('/api/case-files', {
      subject: { canonicalName: 'Nobody Written' },
      case: { status: 'held somewhere', confidentiality: 'internal', country: 'Azerbaijan' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['case.country', 'case.status']);
    expect(await personCount()).toBe(before);
  });

  it('lets only editors open a case', async () => {
    const res = await viewer.post('/api/case-files', { subject: { canonicalName: 'X Y' }, case: { status: 'detained', confidentiality: 'internal' } });
    expect(res.status).toBe(403);
  });

  it("lists a case's visits and sources, and no other case's", async () => {
    const mine = await buildCase(server.admin);
    const other = await buildCase(server.admin);
    const source = await buildSource(server.admin, { caseIds: [mine.id] });
    await buildSource(server.admin, { caseIds: [other.id] });
    const visit = (await server.admin.post('/api/visits', { date: '2022-05', caseIds: [mine.id, other.id] })).body;
    await server.admin.post('/api/visits', { date: '2022-06', caseIds: [other.id] });
    const sources = await server.admin.get(`/api/sources?caseId=${mine.id}`);
    expect(sources.body.items.map((s: { id: string }) => s.id)).toEqual([source.id]);
    const visits = await server.admin.get(`/api/visits?caseId=${mine.id}`);
    expect(visits.body.items.map((v: { id: string }) => v.id)).toEqual([visit.id]);
    expect((await server.admin.get('/api/visits?caseId=not-an-id')).status).toBe(400);
  });

  it('gives each timeline event the first and last day its date may be', async () => {
    const c = await buildCase(server.admin);
    await buildEvent(server.admin, c.id, { type: 'arrest', date: '2019' });
    await buildEvent(server.admin, c.id, { type: 'hearing', date: '2020-02' });
    await buildEvent(server.admin, c.id, { type: 'verdict', date: '2020-03-05' });
    await buildEvent(server.admin, c.id, { type: 'statement' });
    const items = (await server.admin.get(`/api/cases/${c.id}/timeline`)).body.items;
    expect(items.map((e: { earliest: string | null; latest: string | null }) => [e.earliest, e.latest])).toEqual([
      ['2019-01-01', '2019-12-31'],
      ['2020-02-01', '2020-02-29'],
      ['2020-03-05', '2020-03-05'],
      [null, null],
    ]);
  });
});
