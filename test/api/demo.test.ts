// A new store opens with the reference case, so that a first-time user sees a real case file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORES, startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(STORES)('the demo case on a new %s store', (store) => {
  let server: TestServer;
  let caseId: string;
  beforeAll(async () => {
    server = await startTestServer(store, { demo: true });
    caseId = server.running.firstRun!.demoCaseId!;
  });
  afterAll(async () => server?.stop());

  it('is a public case about Almazbek Atambayev, found by any spelling', async () => {
    const c = await server.admin.get(`/api/cases/${caseId}`);
    expect(c.body).toMatchObject({ status: 'abroad_for_treatment', confidentiality: 'public', country: 'KG' });
    expect(c.body.subject.canonicalName).toBe('Almazbek Atambayev');
    const found = await server.admin.get(`/api/search?q=${encodeURIComponent('Атамбаев')}&kind=person`);
    expect(found.body.items[0].caseId).toBe(caseId);
  });

  it('counts days in detention from 2019 to March 2023 at the precision the sources allow', async () => {
    const c = await server.admin.get(`/api/cases/${caseId}`);
    const { days, ongoing, label } = c.body.daysInDetention;
    expect(ongoing).toBe(false);
    expect(days.min).toBeGreaterThan(1000); // the SI's "over one thousand days" by May 2022
    expect(days.max).toBeGreaterThan(days.min); // "in 2019" is a year, not a day
    expect(label).toMatch(/^between [\d,]+ and [\d,]+ days$/);
  });

  it('tells the story in order, with honest dates, and marks the disputed claim about medical care', async () => {
    const { items } = (await server.admin.get(`/api/cases/${caseId}/timeline`)).body;
    const types = items.map((e: { type: string }) => e.type);
    expect(types.indexOf('arrest')).toBeLessThan(types.indexOf('annulment'));
    expect(types.indexOf('public_appeal')).toBeLessThan(types.indexOf('travel_permission'));
    const arrest = items.find((e: { type: string }) => e.type === 'arrest');
    expect(arrest).toMatchObject({ dateLabel: '2019', precision: 'year' });
    const denied = items.find((e: { type: string }) => e.type === 'medical_denied');
    expect(denied.disputed).toBe(true);
    expect(denied.claims.map((c: { stance: string }) => c.stance).sort()).toEqual(['disputes', 'supports']);
    const appeal = items.find((e: { type: string }) => e.type === 'public_appeal');
    expect(appeal.dateLabel).toBe('31 March 2022');
    // The date of the annulment rests on the one ambiguous "2020" of the news source.
    const annulment = items.find((e: { type: string }) => e.type === 'annulment');
    expect(annulment.claims.some((c: { field: string; quote: string }) => c.field === 'date' && c.quote.includes('2020'))).toBe(true);
  });

  it('holds the health conditions and care requests, with the unanswered appeals', async () => {
    const conditions = (await server.admin.get(`/api/health-conditions?caseId=${caseId}`)).body.items;
    expect(conditions.map((c: { name: string }) => c.name).sort()).toEqual(['gastritis', 'heart trouble']);
    const requests = (await server.admin.get(`/api/care-requests?caseId=${caseId}`)).body.items;
    expect(requests.map((r: { status: string }) => r.status).sort()).toEqual(['granted', 'unanswered']);
  });

  it('was entered through the audited store: the audit chain verifies', async () => {
    const verdict = await server.admin.get('/api/audit/verify');
    expect(verdict.body.ok).toBe(true);
    expect(verdict.body.entries).toBeGreaterThan(60);
  });
});
