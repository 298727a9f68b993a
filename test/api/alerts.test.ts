// Alerts: opened by the rules when a case's records show a breach, closed by themselves when the
// records change, acknowledged by monitors with a comment; the compliance report says, for every
// rule, whether the case breaches it, meets it, or whether the dates cannot tell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCareRequest, buildCase, buildDetention, buildEvent } from '../helpers/factories.ts';
import { STORES, startTestServer, type Client, type TestServer } from '../helpers/server.ts';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe.each(STORES)('alerts on a %s store', (store) => {
  let server: TestServer;
  let demoCaseId: string;
  let viewer: Client;
  beforeAll(async () => {
    server = await startTestServer(store, { demo: true });
    demoCaseId = server.running.firstRun!.demoCaseId!;
    await server.admin.post('/api/users', { username: 'vera', role: 'viewer', password: 'vera password 1234' });
    viewer = await server.login('vera', 'vera password 1234');
  });
  afterAll(async () => server?.stop());

  it('shows on the demo case the breaches its sources describe, and nothing else', async () => {
    const res = await server.admin.get(`/api/cases/${demoCaseId}/alerts`);
    expect(res.status).toBe(200);
    const rules = [...new Set(res.body.items.map((a: { ruleId: string }) => a.ruleId))].sort();
    expect(rules).toEqual(['care-denied', 'care-unanswered', 'health-decline', 'ill-treatment-documented', 'trial-in-absence', 'urgent-care']);
    for (const alert of res.body.items) {
      expect(alert.status).toBe('open');
      expect(alert.evidence.length).toBeGreaterThan(0);
      expect(alert.explanation.length).toBeGreaterThan(10);
    }
  });

  it('reports every rule for a case: breached, met, cannot be determined or not applicable, and why', async () => {
    const res = await server.admin.get(`/api/cases/${demoCaseId}/compliance`);
    expect(res.status).toBe(200);
    const status = Object.fromEntries(res.body.rules.map((r: { ruleId: string; status: string }) => [r.ruleId, r.status]));
    expect(res.body.rules).toHaveLength(14);
    expect(status['trial-in-absence']).toBe('breached');
    // An arrest "in 2019" and no hearing date that precise: the 48 hours cannot be judged.
    expect(status['judge-48h']).toBe('undetermined');
    expect(status['solitary-15-days']).toBe('not_applicable');
    for (const rule of res.body.rules) {
      expect(rule.why.length).toBeGreaterThan(5);
      expect(rule.provisions.length).toBeGreaterThan(0);
    }
  });

  it('opens an alert when a write shows a breach, and closes it when a later write answers it', async () => {
    const c = await buildCase(server.admin);
    await buildDetention(server.admin, c.id, { start: daysAgo(30) });
    const request = await buildCareRequest(server.admin, c.id, { requestedOn: daysAgo(5), urgency: 'urgent', status: 'open' });
    let open = (await server.admin.get(`/api/cases/${c.id}/alerts`)).body.items;
    expect(open.map((a: { ruleId: string }) => a.ruleId)).toContain('urgent-care');

    const treatment = await buildEvent(server.admin, c.id, { type: 'medical_treatment', date: daysAgo(5) });
    const patched = await server.admin.patch(`/api/care-requests/${request.id}`, { status: 'fulfilled', answeredByEventIds: [treatment.id] });
    expect(patched.status).toBe(200);
    open = (await server.admin.get(`/api/cases/${c.id}/alerts`)).body.items;
    expect(open.map((a: { ruleId: string }) => a.ruleId)).not.toContain('urgent-care');
    const closed = (await server.admin.get(`/api/cases/${c.id}/alerts?status=closed`)).body.items;
    expect(closed.map((a: { ruleId: string }) => a.ruleId)).toContain('urgent-care');

    const audit = (await server.admin.get(`/api/audit?recordId=${closed[0].id}`)).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['alert-open', 'alert-close']));
  });

  it('lets editors acknowledge with a comment, keeps the notes, and lets viewers only read', async () => {
    const [alert] = (await server.admin.get(`/api/cases/${demoCaseId}/alerts?ruleId=care-denied`)).body.items;
    expect((await viewer.post(`/api/alerts/${alert.id}/acknowledge`, { comment: 'seen' })).status).toBe(403);
    const empty = await server.admin.post(`/api/alerts/${alert.id}/acknowledge`, { comment: '   ' });
    expect(empty.status).toBe(400);
    const res = await server.admin.post(`/api/alerts/${alert.id}/acknowledge`, { comment: 'Urgent appeal sent to the prison service.' });
    expect(res.status).toBe(200);
    expect(res.body.acknowledgedAt).not.toBeNull();
    await server.admin.post(`/api/alerts/${alert.id}/acknowledge`, { comment: 'No answer yet; escalating to the ombudsman.' });
    const read = await viewer.get(`/api/alerts/${alert.id}`);
    expect(read.body.notes.map((n: { comment: string }) => n.comment)).toEqual([
      'Urgent appeal sent to the prison service.', 'No answer yet; escalating to the ombudsman.',
    ]);
    expect((await viewer.get('/api/alerts?acknowledged=true')).body.items.map((a: { id: string }) => a.id)).toContain(alert.id);
  });

  it('follows a changed limit at once, per case and for the deployment', async () => {
    const c = await buildCase(server.admin);
    await buildEvent(server.admin, c.id, { type: 'solitary_confinement', date: daysAgo(40), attributes: { days: 20 } });
    const ruleIds = async () => (await server.admin.get(`/api/cases/${c.id}/alerts`)).body.items.map((a: { ruleId: string }) => a.ruleId);
    expect(await ruleIds()).toContain('solitary-15-days');
    const raised = await server.admin.put(`/api/cases/${c.id}/limits/solitary-15-days`, { amount: 30, unit: 'days' });
    expect(raised.status).toBe(200);
    expect(await ruleIds()).not.toContain('solitary-15-days');
    const limits = (await server.admin.get(`/api/cases/${c.id}/limits`)).body.items;
    expect(limits.find((l: { ruleId: string }) => l.ruleId === 'solitary-15-days')).toEqual({ ruleId: 'solitary-15-days', limit: { amount: 30, unit: 'days' }, overridden: true });
    await server.admin.delete(`/api/cases/${c.id}/limits/solitary-15-days`);
    expect(await ruleIds()).toContain('solitary-15-days');
    expect((await viewer.put('/api/standards/limits/solitary-15-days', { amount: 30, unit: 'days' })).status).toBe(403);
    const rules = (await viewer.get('/api/standards/rules')).body.items;
    expect(rules.find((r: { id: string }) => r.id === 'urgent-care').limit).toEqual({ amount: 24, unit: 'hours' });
  });

  it('keeps one open alert per breach when checks and writes run at the same time', async () => {
    const c = await buildCase(server.admin);
    const writes = Array.from({ length: 4 }, (_, i) =>
      server.admin.post('/api/events', { caseId: c.id, type: 'medical_denied', date: daysAgo(10 + i) }));
    const checks = Array.from({ length: 3 }, () => server.admin.post('/api/standards/evaluate', {}));
    const answers = await Promise.all([...writes, ...checks]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 200, 200, 200]);
    const open = (await server.admin.get(`/api/cases/${c.id}/alerts?limit=200`)).body.items;
    const keys = open.map((a: { findingKey: string }) => a.findingKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(open.filter((a: { ruleId: string }) => a.ruleId === 'care-denied')).toHaveLength(4);
  });

  it('refuses bad input with a problem, and shows nothing of a restricted case without a grant', async () => {
    expect((await server.admin.get('/api/alerts?status=maybe')).status).toBe(400);
    expect((await server.admin.get('/api/alerts?ruleId=no-such-rule')).status).toBe(400);
    expect((await server.admin.put(`/api/cases/${demoCaseId}/limits/urgent-care`, { amount: 0, unit: 'days' })).status).toBe(400);
    expect((await server.admin.put(`/api/cases/${demoCaseId}/limits/urgent-care`, { amount: 3, unit: 'weeks' })).status).toBe(400);

    const secret = await buildCase(server.admin, { confidentiality: 'restricted' });
    await buildEvent(server.admin, secret.id, { type: 'medical_denied', date: daysAgo(3) });
    const [alert] = (await server.admin.get(`/api/cases/${secret.id}/alerts`)).body.items;
    expect(alert.ruleId).toBe('care-denied');
    expect((await viewer.get(`/api/cases/${secret.id}/alerts`)).status).toBe(404);
    expect((await viewer.get(`/api/alerts/${alert.id}`)).status).toBe(404);
    expect((await viewer.get(`/api/cases/${secret.id}/compliance`)).status).toBe(404);
    const all = (await viewer.get('/api/alerts?limit=200')).body.items.map((a: { caseId: string }) => a.caseId);
    expect(all).not.toContain(secret.id);
  });
});
