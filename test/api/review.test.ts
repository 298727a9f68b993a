// From a source to case facts: extraction suggestions reviewed, accepted into the case file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase } from '../helpers/factories.ts';
import { STORES, startTestServer, type TestServer } from '../helpers/server.ts';

const REPORT =
  'Journalist Farida Yusupova was arrested on 12 April 2023 in Tashkent and charged with extortion. ' +
  'Her lawyer, Rustam Karimov, said on 2 May 2023 that she had been denied medical care. ' +
  'The Committee for Fair Trials called on the authorities to release her.';

describe.each(STORES)('reviewing suggestions on the %s store', (store) => {
  let server: TestServer;
  let caseId: string;
  let sourceId: string;
  const suggestions = async () => (await server.admin.get(`/api/sources/${sourceId}/suggestions`)).body.items;
  const find = (items: any[], kind: string, test: (p: any) => boolean) => items.find((s) => s.kind === kind && test(s.payload));

  beforeAll(async () => {
    server = await startTestServer(store);
    const c = await buildCase(server.admin, {}, { canonicalName: 'Farida Yusupova' });
    caseId = c.id;
    sourceId = (await server.admin.post('/api/sources', { title: 'Arrest report', text: REPORT, publishedDate: '2023-05-03', caseIds: [caseId] })).body.id;
  });
  afterAll(async () => server?.stop());

  it('suggests the people, organisations, places and events the source states, with their spans', async () => {
    const run = await server.admin.post(`/api/sources/${sourceId}/extract`);
    expect(run.status).toBe(200);
    expect(run.body.added).toBeGreaterThan(5);
    const items = await suggestions();
    const lawyer = find(items, 'person', (p) => p.name === 'Rustam Karimov');
    expect(lawyer.payload.role).toBe('lawyer');
    expect(REPORT.slice(lawyer.start, lawyer.end)).toBe('Rustam Karimov');
    expect(find(items, 'event', (p) => p.type === 'arrest')?.payload).toMatchObject({ date: '2023-04-12', subject: 'Farida Yusupova' });
    // The detainee is linked to the person already in the store, with a score.
    const subject = find(items, 'person', (p) => p.name === 'Farida Yusupova');
    expect(subject.payload.candidates[0]).toMatchObject({ name: 'Farida Yusupova', score: 1 });
  });

  it('merges a name into the existing person, accepts an event into the case timeline with a claim, and rejects', async () => {
    let items = await suggestions();
    const subject = find(items, 'person', (p) => p.name === 'Farida Yusupova');
    const merged = await server.admin.post(`/api/suggestions/${subject.id}/merge`, { recordId: subject.payload.candidates[0].id });
    expect(merged.body).toMatchObject({ status: 'merged', resultRecordId: subject.payload.candidates[0].id });

    const arrest = find(items, 'event', (p) => p.type === 'arrest');
    const accepted = await server.admin.post(`/api/suggestions/${arrest.id}/accept`);
    expect(accepted.status).toBe(200);
    const timeline = (await server.admin.get(`/api/cases/${caseId}/timeline`)).body.items;
    const event = timeline.find((e: { id: string }) => e.id === accepted.body.resultRecordId);
    expect(event).toMatchObject({ type: 'arrest', date: '2023-04-12', dateLabel: '12 April 2023' });
    expect(event.participants).toEqual([expect.objectContaining({ role: 'subject', name: 'Farida Yusupova' })]);
    expect(event.claims[0]).toMatchObject({ quote: arrest.payload.evidence.text, source: { id: sourceId } });

    const lawyer = find(items, 'person', (p) => p.name === 'Rustam Karimov');
    expect((await server.admin.post(`/api/suggestions/${lawyer.id}/reject`)).body.status).toBe('rejected');
    // A decision is final.
    expect((await server.admin.post(`/api/suggestions/${lawyer.id}/accept`)).status).toBe(409);
    items = await suggestions();
    expect(items.filter((s: { status: string }) => s.status !== 'pending')).toHaveLength(3);
  });

  it('accepts an edited organisation, and keeps an edited field', async () => {
    const items = await suggestions();
    const committee = find(items, 'organization', (p) => /Committee for Fair Trials/.test(p.name));
    const res = await server.admin.post(`/api/suggestions/${committee.id}/accept`, { fields: { kind: 'ngo', country: 'UZ' } });
    expect(res.status).toBe(200);
    const org = await server.admin.get(`/api/organizations/${res.body.resultRecordId}`);
    expect(org.body).toMatchObject({ name: 'Committee for Fair Trials', kind: 'ngo', country: 'UZ' });
    const place = find(items, 'place', (p) => p.name === 'Tashkent');
    const bad = await server.admin.post(`/api/suggestions/${place.id}/accept`, { fields: { kind: 'galaxy' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('fields.kind');
  });

  it('does not suggest again what was decided when extraction runs again', async () => {
    const before = await suggestions();
    const again = await server.admin.post(`/api/sources/${sourceId}/extract`);
    expect(again.body).toEqual({ added: 0, known: before.length });
    const after = await suggestions();
    expect(after.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual(before.map((s: { id: string; status: string }) => [s.id, s.status]));
  });

  it('writes nothing when an accept fails, and lets a viewer only look', async () => {
    const source = (await server.admin.post('/api/sources', { title: 'Two cases', text: REPORT.replace('Tashkent', 'Namangan'), caseIds: [caseId, (await buildCase(server.admin)).id] })).body;
    await server.admin.post(`/api/sources/${source.id}/extract`);
    const items = (await server.admin.get(`/api/sources/${source.id}/suggestions`)).body.items;
    const arrest = find(items, 'event', (p) => p.type === 'arrest');
    const events = (await server.admin.get(`/api/events?caseId=${caseId}&limit=200`)).body.items.length;
    const res = await server.admin.post(`/api/suggestions/${arrest.id}/accept`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('caseId');
    expect((await server.admin.get(`/api/events?caseId=${caseId}&limit=200`)).body.items.length).toBe(events);
    await server.admin.post('/api/users', { username: 'viv', role: 'viewer', password: 'viv password 1234' });
    const viewer = await server.login('viv', 'viv password 1234');
    expect((await viewer.get(`/api/sources/${source.id}/suggestions`)).status).toBe(200);
    expect((await viewer.post(`/api/suggestions/${arrest.id}/reject`)).status).toBe(403);
  });

  it('hides the suggestions of a source about a restricted case', async () => {
    await server.admin.post('/api/users', { username: 'ed', role: 'editor', password: 'ed password 12345' });
    const editor = await server.login('ed', 'ed password 12345');
    const secret = await buildCase(editor, { confidentiality: 'restricted' });
    const source = (await editor.post('/api/sources', { title: 'Secret', text: REPORT.replace('Tashkent', 'Bukhara'), caseIds: [secret.id] })).body;
    await editor.post(`/api/sources/${source.id}/extract`);
    const items = (await editor.get(`/api/sources/${source.id}/suggestions`)).body.items;
    expect(items.length).toBeGreaterThan(0);
    expect((await server.admin.get(`/api/sources/${source.id}/suggestions`)).status).toBe(404);
    expect((await server.admin.post(`/api/suggestions/${items[0].id}/reject`)).status).toBe(404);
  });
});
