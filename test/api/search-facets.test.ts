// Search facets and filters: every match counted by kind and by the status and country of its
// case, filters that keep only some, highlighted passages in pieces, and restricted cases neither
// found nor counted for users without a grant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildEvent, buildSource } from '../helpers/factories.ts';
import { STORES, startTestServer, type Client, type TestServer } from '../helpers/server.ts';

type Facets = Record<'kind' | 'status' | 'country', Array<{ key: string; count: number }>>;
type Hit = { kind: string; id: string; title: string; snippet: string | null; fragments?: Array<{ text: string; match: boolean }>; caseStatus?: string | null };

describe.each(STORES)('search facets on the %s store', (store) => {
  let server: TestServer;
  let editor: Client;
  let held: Record<string, any>;
  let freed: Record<string, any>;

  const ask = async (client: Client, query: string): Promise<{ items: Hit[]; facets: Facets }> => {
    const res = await client.get(`/api/search?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const count = (facets: Facets, facet: keyof Facets, key: string) => facets[facet].find((c) => c.key === key)?.count ?? 0;

  beforeAll(async () => {
    server = await startTestServer(store);
    await server.admin.post('/api/users', { username: 'edna', role: 'editor', password: 'edna password 1234' });
    editor = await server.login('edna', 'edna password 1234');
    held = await buildCase(server.admin, { status: 'detained', country: 'KG' }, { canonicalName: 'Bakyt Orozbekov', aliases: ['Бакыт Орозбеков'] });
    freed = await buildCase(server.admin, { status: 'released', country: 'KZ' }, { canonicalName: 'Bakyt Orozbaev' });
    await buildEvent(server.admin, held.id, { type: 'hunger_strike', description: 'He refused food for twelve days in the remand prison.' });
    await buildEvent(server.admin, freed.id, { type: 'release', description: 'Freed after the prison board reviewed his file.' });
    await buildSource(server.admin, { caseIds: [held.id], title: 'Prison letter', text: 'A letter smuggled out of the prison describes cold cells «without heating».' });
    await buildSource(server.admin, { title: 'Unattached note', text: 'General remarks on prison conditions in the region.' });
    const hidden = await buildCase(editor, { status: 'deceased', country: 'TJ', confidentiality: 'restricted' }, { canonicalName: 'Bakyt Secretov' });
    await buildEvent(editor, hidden.id, { type: 'death_in_custody', description: 'Died in the prison hospital.' });
  });
  afterAll(async () => server?.stop());

  it('counts every match by kind, status and country', async () => {
    const { items, facets } = await ask(server.admin, 'q=prison');
    expect(facets.kind).toEqual([{ key: 'person', count: 0 }, { key: 'source', count: 2 }, { key: 'event', count: 2 }]);
    expect(facets.status).toEqual([{ key: 'detained', count: 2 }, { key: 'released', count: 1 }]);
    expect(facets.country).toEqual([{ key: 'KG', count: 2 }, { key: 'KZ', count: 1 }]);
    expect(items).toHaveLength(4);
  });

  it('keeps only the hits the filters ask for, and counts each facet under the other filters', async () => {
    const detained = await ask(server.admin, 'q=prison&status=detained');
    expect(detained.items.map((h) => h.kind).sort()).toEqual(['event', 'source']);
    // The status facet still shows what another status would give; kind counts follow the filter.
    expect(count(detained.facets, 'status', 'released')).toBe(1);
    expect(detained.facets.kind).toEqual([{ key: 'person', count: 0 }, { key: 'source', count: 1 }, { key: 'event', count: 1 }]);
    const events = await ask(server.admin, 'q=prison&kind=event&country=KZ');
    expect(events.items.map((h) => h.title)).toEqual(['release']);
    expect(events.items[0]!.caseStatus).toBe('released');
    expect(count(events.facets, 'kind', 'source')).toBe(0);
    expect(count(events.facets, 'country', 'KG')).toBe(1);
    expect((await ask(server.admin, 'q=prison&country=TJ')).items).toEqual([]);
  });

  it('counts people by the status and country of their case and filters them', async () => {
    const { items, facets } = await ask(server.admin, `q=${encodeURIComponent('Бакыт')}&kind=person`);
    expect(items.map((h) => h.title).sort()).toEqual(['Bakyt Orozbaev', 'Bakyt Orozbekov']);
    expect(count(facets, 'kind', 'person')).toBe(2);
    expect(count(facets, 'status', 'detained')).toBe(1);
    const released = await ask(server.admin, `q=bakyt&status=released`);
    expect(released.items.map((h) => [h.kind, h.title, h.caseStatus])).toEqual([['person', 'Bakyt Orozbaev', 'released']]);
  });

  it('gives the passage in pieces with the matched words marked, a « » of the text staying text', async () => {
    const { items } = await ask(server.admin, 'q=heating&kind=source');
    expect(items).toHaveLength(1);
    const fragments = items[0]!.fragments!;
    expect(fragments.filter((f) => f.match).map((f) => f.text)).toEqual(['heating']);
    expect(fragments.filter((f) => !f.match).map((f) => f.text).join('')).toContain('cold cells «without ');
    const events = await ask(server.admin, 'q=food&kind=event');
    expect(events.items[0]!.fragments).toEqual([
      { text: 'He refused ', match: false }, { text: 'food', match: true }, { text: ' for twelve days in the remand prison.', match: false },
    ]);
  });

  it('never finds or counts a restricted case for someone without a grant, and does for its holder', async () => {
    const admin = await ask(server.admin, 'q=prison%20hospital');
    expect(JSON.stringify(admin)).not.toMatch(/TJ|deceased|Secretov/);
    const people = await ask(server.admin, 'q=bakyt');
    expect(people.items.map((h) => h.title)).not.toContain('Bakyt Secretov');
    expect(count(people.facets, 'kind', 'person')).toBe(2);
    const theirs = await ask(editor, 'q=prison%20hospital');
    expect(theirs.facets.country).toContainEqual({ key: 'TJ', count: 1 });
    expect(count((await ask(editor, 'q=bakyt')).facets, 'kind', 'person')).toBe(3);
  });

  it('refuses a status or country it does not know', async () => {
    expect((await server.admin.get('/api/search?q=prison&status=jailed')).status).toBe(400);
    expect((await server.admin.get('/api/search?q=prison&country=kyrgyzstan')).status).toBe(400);
  });
});
