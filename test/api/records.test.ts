import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCareRequest, buildCase, buildCondition, buildDetention, buildEvent, buildFacility,
  buildOrganization, buildPerson, buildSource, claimFor,
} from '../helpers/factories.ts';
import { STORES, startTestServer, type Answer, type TestServer } from '../helpers/server.ts';

describe.each(STORES)('case records on the %s store', (store) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(store);
  });
  afterAll(async () => server?.stop());

  it('creates, reads, changes and lists a person with spellings in several scripts', async () => {
    const { admin } = server;
    const person = await buildPerson(admin, { canonicalName: 'Bakyt Osmonov', aliases: ['Бакыт Осмонов'], birthYear: 1968, nationality: 'KG' });
    expect(person).toMatchObject({ canonicalName: 'Bakyt Osmonov', aliases: ['Бакыт Осмонов'], birthYear: 1968 });
    const changed = await admin.patch(`/api/persons/${person.id}`, { gender: 'male' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ gender: 'male', aliases: ['Бакыт Осмонов'], birthYear: 1968 });
    const read = await admin.get(`/api/persons/${person.id}`);
    expect(read.body.gender).toBe('male');
    expect(Date.parse(read.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(read.body.createdAt));
  });

  it('keeps a date at the precision it was given', async () => {
    const { admin } = server;
    const c = await buildCase(admin);
    const event = await buildEvent(admin, c.id, { type: 'arrest', date: '2019' });
    expect(event.date).toBe('2019');
    const ranged = await buildEvent(admin, c.id, { type: 'visit', date: '2022-03-31/2022-05-14' });
    expect(ranged.date).toBe('2022-03-31/2022-05-14');
  });

  it('pages through a list with a cursor, without repeats or gaps', async () => {
    const { admin } = server;
    const created = [];
    for (let i = 0; i < 7; i++) created.push((await buildOrganization(admin, { name: `Court ${i}`, kind: 'court' })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Answer = await admin.get(`/api/organizations?kind=court&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((o: { id: string }) => o.id));
      cursor = res.body.next;
    } while (cursor);
    expect(seen).toEqual(created);
  });

  it('filters cases by status and tag', async () => {
    const { admin } = server;
    const tagged = await buildCase(admin, { status: 'released', tags: ['journalist'] });
    await buildCase(admin, { status: 'detained', tags: ['journalist'] });
    const res = await admin.get('/api/cases?status=released&tag=journalist');
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([tagged.id]);
  });

  it('derives days in detention from the detention periods', async () => {
    const { admin } = server;
    const c = await buildCase(admin);
    await buildDetention(admin, c.id, { start: '2020-01-01', end: '2020-01-31' });
    await buildDetention(admin, c.id, { start: '2021-03', end: '2021-04' });
    const read = await admin.get(`/api/cases/${c.id}`);
    // 30 exact days, plus between 1 and 60 days for the month-precise period.
    expect(read.body.daysInDetention).toMatchObject({ days: { min: 31, max: 90 }, ongoing: false });
    expect(read.body.daysInDetention.label).toMatch(/between 31 and 90 days/);
    expect(read.body.subject.canonicalName).toBe('Nadia Karimova');
  });

  it('counts an ongoing detention up to today and names the current facility', async () => {
    const { admin } = server;
    const facility = await buildFacility(admin);
    const c = await buildCase(admin);
    await buildDetention(admin, c.id, { start: '2024-02-10', facilityId: facility.id, basis: 'pre_trial' });
    const read = await admin.get(`/api/cases/${c.id}`);
    expect(read.body.daysInDetention.ongoing).toBe(true);
    expect(read.body.daysInDetention.days.min).toBeGreaterThan(600);
    expect(read.body.currentFacility).toEqual({ id: facility.id, name: 'Penal Colony No. 3' });
  });

  it('lists the timeline in date order, partial dates by their first possible day, with claims and disputes', async () => {
    const { admin } = server;
    const c = await buildCase(admin);
    const court = await buildOrganization(admin, { name: 'City Court', kind: 'court' });
    const later = await buildEvent(admin, c.id, { type: 'verdict', date: '2021-06-15', attributes: { outcome: 'convicted' } });
    const year = await buildEvent(admin, c.id, { type: 'arrest', date: '2019' });
    const hearing = await buildEvent(admin, c.id, {
      type: 'hearing', date: '2019-08-08',
      participants: [{ organizationId: court.id, role: 'decision_maker' }],
      attributes: { subjectPresent: false, subjectAbsentReason: 'in hospital' },
    });
    const undated = await buildEvent(admin, c.id, { type: 'statement' });
    const source = await buildSource(admin, { caseIds: [c.id] });
    const support = await admin.post('/api/claims', claimFor(source, 'refused a cardiologist', { recordType: 'event', recordId: hearing.id }));
    expect(support.status).toBe(201);
    const dispute = await admin.post('/api/claims', claimFor(source, 'no doctor was available', { recordType: 'event', recordId: hearing.id, stance: 'disputes', credibility: 4 }));
    expect(dispute.status).toBe(201);

    const res = await admin.get(`/api/cases/${c.id}/timeline`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([year.id, hearing.id, later.id, undated.id]);
    const [first, second] = res.body.items;
    expect(first).toMatchObject({ dateLabel: '2019', precision: 'year', kind: 'custody' });
    expect(second).toMatchObject({ dateLabel: '8 August 2019', kind: 'legal', disputed: true, verified: false });
    expect(second.participants).toEqual([expect.objectContaining({ name: 'City Court', role: 'decision_maker' })]);
    expect(second.claims).toHaveLength(2);
    expect(second.claims[0].source).toMatchObject({ id: source.id, reliability: 'B' });
  });

  it('links care requests to the condition and the events that answer them, within one case', async () => {
    const { admin } = server;
    const c = await buildCase(admin);
    const other = await buildCase(admin);
    const condition = await buildCondition(admin, c.id, { specialistCareNeeded: true, severity: 'severe' });
    const treatment = await buildEvent(admin, c.id, { type: 'medical_treatment', date: '2022-06-20' });
    const foreign = await buildEvent(admin, other.id, { type: 'medical_treatment' });
    const request = await buildCareRequest(admin, c.id, { conditionId: condition.id, urgency: 'urgent', status: 'fulfilled', answeredByEventIds: [treatment.id] });
    expect(request.answeredByEventIds).toEqual([treatment.id]);
    const wrong = await admin.post('/api/care-requests', {
      caseId: c.id, requestedOn: '2022-06', urgency: 'soon', status: 'open', answeredByEventIds: [foreign.id],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([{ field: 'answeredByEventIds.0', message: expect.stringMatching(/another case/) }]);
  });

  it('records a monitoring visit with findings and recommendations', async () => {
    const { admin } = server;
    const c = await buildCase(admin);
    const body = await buildOrganization(admin, { name: 'National Preventive Mechanism', kind: 'monitoring_body' });
    const source = await buildSource(admin);
    const res = await admin.post('/api/visits', {
      date: '2022-05', visitingBodyId: body.id, caseIds: [c.id],
      findings: [{ description: 'Bruising on both forearms', documentsInjuries: true, evidenceSourceIds: [source.id] }],
      recommendations: [{ text: 'Open an investigation', addresseeOrganizationId: body.id, dueDate: '2022-07', followUpStatus: 'pending' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.findings[0].documentsInjuries).toBe(true);
  });

  it('finds an existing source by its content instead of storing it twice', async () => {
    const { admin } = server;
    const source = await buildSource(admin, { text: 'A statement about one prisoner, written once.' });
    const again = await admin.post('/api/sources', { title: 'Same words, other title', text: 'A statement about one prisoner, written once.' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: '/problems/conflict', existingId: source.id });
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Once retracted, the same words may be entered again; sources without text never clash.
    expect((await admin.delete(`/api/sources/${source.id}`)).status).toBe(204);
    expect((await admin.post('/api/sources', { title: 'Again', text: 'A statement about one prisoner, written once.' })).status).toBe(201);
    expect((await admin.post('/api/sources', { title: 'Link only', url: 'https://example.org/a' })).status).toBe(201);
    expect((await admin.post('/api/sources', { title: 'Link only', url: 'https://example.org/b' })).status).toBe(201);
  });

  it('retracts a record: gone from answers, kept in the audit log', async () => {
    const { admin } = server;
    const c = await buildCase(admin);
    const event = await buildEvent(admin, c.id, { type: 'transfer' });
    expect((await admin.delete(`/api/events/${event.id}?reason=duplicate`)).status).toBe(204);
    expect((await admin.get(`/api/events/${event.id}`)).status).toBe(404);
    const audit = await admin.get(`/api/audit?recordId=${event.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['retract', 'create']);
  });
});
