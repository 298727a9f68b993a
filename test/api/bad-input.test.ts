// Bad input gets a clear 4xx problem+json that names the field, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildPerson } from '../helpers/factories.ts';
import { STORES, startTestServer, type Answer, type TestServer } from '../helpers/server.ts';

const TABLES = [
  'persons', 'organizations', 'places', 'cases', 'detention_periods', 'events', 'event_participants',
  'health_conditions', 'care_requests', 'visits', 'sources', 'claims', 'entity_names', 'grants', 'audit_log',
];

describe.each(STORES)('bad input on the %s store', (store) => {
  let server: TestServer;
  let caseId: string;
  let restrictedCaseId: string;
  let personId: string;

  beforeAll(async () => {
    server = await startTestServer(store);
    caseId = (await buildCase(server.admin)).id;
    personId = (await buildPerson(server.admin)).id;
    const editor = await makeUser('carol', 'editor');
    restrictedCaseId = (await buildCase(editor, { confidentiality: 'restricted' })).id;
  });
  afterAll(async () => server?.stop());

  async function makeUser(username: string, role: string) {
    const password = `${username}-long-password-1`;
    expect((await server.admin.post('/api/users', { username, role, password })).status).toBe(201);
    return server.login(username, password);
  }

  async function snapshot(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const [row] = await server.running.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
      counts[table] = row!.n;
    }
    return counts;
  }

  /** Sends the request, checks the problem answer, and checks the store did not change. */
  async function rejects(send: () => Promise<Answer>, status: number, field?: string | RegExp): Promise<Answer> {
    const before = await snapshot();
    const res = await send();
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: expect.stringMatching(/^\/problems\//), title: expect.any(String), status });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|stack/i);
    if (field) {
      const fields = (res.body.errors ?? []).map((e: { field: string }) => e.field);
      expect(fields.some((f: string) => (typeof field === 'string' ? f === field : field.test(f))), `fields: ${fields}`).toBe(true);
    }
    expect(await snapshot()).toEqual(before);
    return res;
  }

  it('rejects malformed JSON', async () => {
    const res = await rejects(() => server.admin.request('POST', '/api/persons', undefined, { body: '{"canonicalName": ', type: 'application/json' }), 400);
    expect(res.body.type).toBe('/problems/malformed-json');
  });

  it('rejects a body that is not JSON', async () => {
    await rejects(() => server.admin.request('POST', '/api/persons', undefined, { body: 'name=x', type: 'application/x-www-form-urlencoded' }), 415);
  });

  it('rejects wrong types, naming the field', async () => {
    await rejects(() => server.admin.post('/api/persons', { canonicalName: 42 }), 400, 'canonicalName');
    await rejects(() => server.admin.post('/api/persons', { canonicalName: 'A', birthYear: 'nineteen' }), 400, 'birthYear');
  });

  it('rejects a missing required field and an unknown field', async () => {
    await rejects(() => server.admin.post('/api/cases', { status: 'detained', confidentiality: 'public' }), 400, 'subjectPersonId');
    await rejects(() => server.admin.post('/api/persons', { canonicalName: 'A', favouriteColour: 'red' }), 400);
  });

  it('rejects values outside the vocabularies', async () => {
    await rejects(() => server.admin.post('/api/events', { caseId, type: 'kidnapping' }), 400, 'type');
    await rejects(() => server.admin.post('/api/cases', { subjectPersonId: personId, status: 'missing', confidentiality: 'public' }), 400, 'status');
    await rejects(() => server.admin.post('/api/sources', { title: 'x', text: 'y', reliability: 'G' }), 400, 'reliability');
  });

  it('rejects an attribute that does not belong to the event type', async () => {
    await rejects(() => server.admin.post('/api/events', { caseId, type: 'statement', attributes: { lengthMonths: 3 } }), 400, 'attributes.lengthMonths');
    await rejects(() => server.admin.post('/api/events', { caseId, type: 'sentence', attributes: { lengthMonths: 'long' } }), 400, 'attributes.lengthMonths');
  });

  it('rejects impossible dates, with the reason', async () => {
    const res = await rejects(() => server.admin.post('/api/events', { caseId, type: 'arrest', date: '2023-02-30' }), 400, 'date');
    expect(res.body.errors[0].message).toMatch(/2023-02-30/);
    await rejects(() => server.admin.post('/api/events', { caseId, type: 'arrest', date: '2022-13' }), 400, 'date');
    await rejects(() => server.admin.post('/api/events', { caseId, type: 'arrest', date: 'last spring' }), 400, 'date');
  });

  it('rejects a detention period that ends before it starts, also when changed later', async () => {
    await rejects(() => server.admin.post('/api/detention-periods', { caseId, start: '2022-05-01', end: '2021-12' }), 400, 'end');
    const period = await server.admin.post('/api/detention-periods', { caseId, start: '2022-05-01' });
    expect(period.status).toBe(201);
    await rejects(() => server.admin.patch(`/api/detention-periods/${period.body.id}`, { end: '2022-04-30' }), 400, 'end');
  });

  it('rejects an oversize body', async () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const res = await rejects(() => server.admin.post('/api/sources', { title: 'big', text: huge }), 413);
    expect(res.body.type).toBe('/problems/payload-too-large');
  });

  it('answers 404 for unknown ids and 400 for ids that are not ids', async () => {
    await rejects(() => server.admin.get('/api/cases/7d0c6a3e-0000-4000-8000-000000000000'), 404);
    await rejects(() => server.admin.patch('/api/persons/7d0c6a3e-0000-4000-8000-000000000000', { gender: 'female' }), 404);
    await rejects(() => server.admin.get('/api/cases/not-an-id'), 400, 'id');
    await rejects(() => server.admin.get('/api/nothing-here'), 404);
  });

  it('names the field that refers to a record that does not exist', async () => {
    await rejects(() => server.admin.post('/api/cases', { subjectPersonId: '7d0c6a3e-0000-4000-8000-000000000000', status: 'detained', confidentiality: 'public' }), 422, 'subjectPersonId');
    await rejects(() => server.admin.post('/api/events', { caseId, type: 'hearing', participants: [{ personId: '7d0c6a3e-0000-4000-8000-000000000001', role: 'decision_maker' }] }), 422, 'participants.0.personId');
  });

  it("treats another user's restricted case as if it did not exist", async () => {
    await rejects(() => server.admin.get(`/api/cases/${restrictedCaseId}`), 404);
    await rejects(() => server.admin.patch(`/api/cases/${restrictedCaseId}`, { status: 'released' }), 404);
    await rejects(() => server.admin.post('/api/events', { caseId: restrictedCaseId, type: 'arrest' }), 422, 'caseId');
  });

  it('rejects a claim whose quote is not what the source says', async () => {
    const source = await server.admin.post('/api/sources', { title: 'Note', text: 'The court adjourned the hearing.' });
    await rejects(() => server.admin.post('/api/claims', {
      recordType: 'case', recordId: caseId, sourceId: source.body.id, start: 4, end: 9, quote: 'judge', stance: 'supports', credibility: 2,
    }), 400, 'quote');
    await rejects(() => server.admin.post('/api/claims', {
      recordType: 'case', recordId: caseId, sourceId: source.body.id, start: 4, end: 900, quote: 'court', stance: 'supports', credibility: 2,
    }), 400, 'end');
  });

  it('refuses to move a record to another case or a claim to another record', async () => {
    const event = await server.admin.post('/api/events', { caseId, type: 'arrest' });
    const otherCase = await buildCase(server.admin);
    await rejects(() => server.admin.patch(`/api/events/${event.body.id}`, { caseId: otherCase.id }), 400, 'caseId');
    const source = await server.admin.post('/api/sources', { title: 'Note', text: 'Arrested at dawn by police.' });
    const claim = await server.admin.post('/api/claims', {
      recordType: 'event', recordId: event.body.id, sourceId: source.body.id, start: 0, end: 8, quote: 'Arrested', stance: 'supports', credibility: 2,
    });
    expect(claim.status).toBe(201);
    await rejects(() => server.admin.patch(`/api/claims/${claim.body.id}`, { recordType: 'case', recordId: otherCase.id }), 400, 'recordId');
  });

  it('rejects a NUL character anywhere, naming where', async () => {
    await rejects(() => server.admin.post('/api/persons', { canonicalName: 'a\u0000b' }), 400, 'canonicalName');
    await rejects(() => server.admin.post('/api/visits', { date: '2022', findings: [{ description: 'x\u0000' }] }), 400, 'findings.0.description');
    await rejects(() => server.admin.get('/api/search?q=a%00b'), 400, 'q');
  });

  it('rejects a change to the text of a source, which its claims quote by position', async () => {
    const source = await server.admin.post('/api/sources', { title: 'Fixed text', text: 'Original words of the source.' });
    await rejects(() => server.admin.patch(`/api/sources/${source.body.id}`, { text: 'Other words.' }), 400, 'text');
  });

  it('rejects a bad cursor and a bad limit', async () => {
    await rejects(() => server.admin.get('/api/persons?cursor=garbage'), 400, 'cursor');
    await rejects(() => server.admin.get('/api/persons?limit=100000'), 400, 'limit');
    const forged = Buffer.from(JSON.stringify(['2020-01-01T00:00:00.000Z', '00000000-0000-0000-0000-abcdefabcdef'])).toString('base64url');
    await rejects(() => server.admin.get(`/api/audit?cursor=${forged}`), 400, 'cursor');
  });
});
