import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildEvent, buildSource } from '../helpers/factories.ts';
import { STORES, startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(STORES)('search on the %s store', (store) => {
  let server: TestServer;
  let atambayev: { id: string };
  let caseId: string;

  beforeAll(async () => {
    server = await startTestServer(store);
    const c = await buildCase(server.admin, {}, { canonicalName: 'Almazbek Atambayev', aliases: ['Атамбаев'] });
    atambayev = { id: c.subjectPersonId };
    caseId = c.id;
    await buildCase(server.admin, {}, { canonicalName: 'Sadyr Japarov' });
    await buildCase(server.admin, {}, { canonicalName: 'Aigerim Tashieva' });
    await buildEvent(server.admin, caseId, { type: 'medical_denied', description: 'The colony refused to let a cardiologist examine him.' });
    await buildSource(server.admin, { title: 'Hunger strike in the remand centre', text: 'Three prisoners began a hunger strike on Monday to protest against solitary confinement.' });
    await buildSource(server.admin, { title: 'Court calendar', text: 'The court listed a hearing about a hunger strike in passing, among other matters.' });
  });
  afterAll(async () => server?.stop());

  it.each(['Атамбаев', 'Atambaev', 'atambayev', 'ATAMBAYEV', 'Almazbek Atambaev', 'atambayv'])(
    'finds Almazbek Atambayev when asked for %s',
    async (q) => {
      const res = await server.admin.get(`/api/search?q=${encodeURIComponent(q)}&kind=person`);
      expect(res.status).toBe(200);
      expect(res.body.items[0]).toMatchObject({ kind: 'person', id: atambayev.id, title: 'Almazbek Atambayev', caseId });
    },
  );

  it('still finds someone through a typing slip', async () => {
    const res = await server.admin.get('/api/search?q=Zhapraov&kind=person');
    expect(res.body.items[0]).toMatchObject({ title: 'Sadyr Japarov' });
  });

  it('finds Japarov by the Zhaparov spelling and does not confuse him with Atambayev', async () => {
    const res = await server.admin.get('/api/search?q=Zhaparov&kind=person');
    expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['Sadyr Japarov']);
  });

  it('ranks sources by full-text relevance, the title counting most', async () => {
    const res = await server.admin.get('/api/search?q=hunger%20strike&kind=source');
    expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['Hunger strike in the remand centre', 'Court calendar']);
    expect(res.body.items[0].snippet).toMatch(/«hunger» «strike»|«hunger strike»/i);
  });

  it('finds events by their description, with stemming', async () => {
    const res = await server.admin.get('/api/search?q=cardiologists%20examined&kind=event');
    expect(res.body.items).toEqual([expect.objectContaining({ kind: 'event', caseId })]);
  });

  it('lists people before text matches in a mixed search', async () => {
    const res = await server.admin.get('/api/search?q=atambayev');
    expect(res.body.items[0].kind).toBe('person');
  });

  it('refuses an empty query', async () => {
    const res = await server.admin.get('/api/search?q=%20');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('q');
  });
});
