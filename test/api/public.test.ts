// The public pages, read without signing in: the demo case (public) with its timeline and sources;
// internal and restricted cases never appear, nor anything that names them (a source about a public
// and a restricted case), and their addresses answer exactly as one that never existed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicSlug } from '../../src/domain/slug.ts';
import { buildCase, buildEvent, buildSource, claimFor } from '../helpers/factories.ts';
import { Client, STORES, startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(STORES)('public case pages on the %s store', (store) => {
  let server: TestServer;
  let anonymous: Client;
  let demoId: string;
  let demoSlug: string;
  let internal: Record<string, any>;
  let restricted: Record<string, any>;

  beforeAll(async () => {
    server = await startTestServer(store, { demo: true });
    anonymous = new Client(server.url);
    demoId = server.running.firstRun!.demoCaseId!;
    demoSlug = publicSlug(demoId, 'Almazbek Atambayev');
    internal = await buildCase(server.admin, { confidentiality: 'internal' }, { canonicalName: 'Inna Internal' });
    await buildEvent(server.admin, internal.id, { type: 'arrest', date: '2024-01-05', description: 'Internal arrest note' });
    restricted = await buildCase(server.admin, { confidentiality: 'restricted' }, { canonicalName: 'Rustam Restricted' });
    // One source about the public demo case and the restricted case: it names the latter, so it stays off.
    const shared = await buildSource(server.admin, { title: 'Joint letter about two prisoners', caseIds: [demoId, restricted.id] });
    const event = await buildEvent(server.admin, demoId, { type: 'statement', date: '2024-02-01', description: 'A statement recorded for the test' });
    expect((await server.admin.post('/api/claims', claimFor(shared, 'refused a cardiologist', { recordType: 'event', recordId: event.id, stance: 'supports', credibility: 2 }))).status).toBe(201);
  });
  afterAll(async () => server?.stop());

  it('shows a public case to anyone: the person, status, days held, the timeline and its sources', async () => {
    const res = await anonymous.get(`/public/cases/${demoSlug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = res.body as string;
    expect(page).toContain('<h1 dir="auto">Almazbek Atambayev</h1>');
    expect(page).toContain('Алмазбек Атамбаев');
    expect(page).toContain('between 1,156 and 1,550 days');
    expect(page).toContain('before 14 May 2022');
    expect(page).toContain('Imprisoned President Allowed Medical Treatment in Kyrgyzstan');
    expect(page).toContain('Disputed');
    expect(page).not.toContain('<script');
  });

  it('lists public cases only', async () => {
    const list = (await anonymous.get('/public/cases')).body as string;
    expect(list).toContain(`/public/cases/${demoSlug}`);
    expect(list).not.toContain('Inna Internal');
    expect(list).not.toContain('Rustam Restricted');
  });

  it('answers an internal or restricted case exactly as one that does not exist', async () => {
    const nowhere = await anonymous.get('/public/cases/nobody-0000beef');
    expect(nowhere.status).toBe(404);
    for (const c of [internal, restricted]) {
      const res = await anonymous.get(`/public/cases/${publicSlug(c.id, c.id === internal.id ? 'Inna Internal' : 'Rustam Restricted')}`);
      expect(res.status).toBe(404);
      expect(res.body).toBe(nowhere.body);
    }
    expect((await anonymous.get('/public/cases/not a slug')).status).toBe(404);
  });

  it('leaves out a source that is also about a case that is not public, and the claims quoting it', async () => {
    const page = (await anonymous.get(`/public/cases/${demoSlug}`)).body as string;
    expect(page).toContain('A statement recorded for the test');
    expect(page).not.toContain('Joint letter about two prisoners');
    expect(page).not.toContain('Rustam');
    expect(page).not.toContain(restricted.id.slice(0, 8));
  });

  it('escapes whatever a name or a description holds', async () => {
    const hostile = await buildCase(server.admin, { confidentiality: 'public' }, { canonicalName: '<script>alert(1)</script> Doe' });
    await buildEvent(server.admin, hostile.id, { type: 'arrest', description: '<img src=x onerror=alert(2)>' });
    const res = await anonymous.get(`/public/cases/${publicSlug(hostile.id, '<script>alert(1)</script> Doe')}`);
    expect(res.status).toBe(200);
    expect(res.body).not.toMatch(/<script|<img/);
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Doe');
  });

  it('moves an old address to the new one when the person is renamed', async () => {
    const c = await buildCase(server.admin, { confidentiality: 'public' }, { canonicalName: 'Aizada Old' });
    await server.admin.patch(`/api/persons/${c.subjectPersonId}`, { canonicalName: 'Aizada New' });
    const res = await fetch(`${server.url}/public/cases/${publicSlug(c.id, 'Aizada Old')}`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`/public/cases/${publicSlug(c.id, 'Aizada New')}`);
  });

  it('publishes an Atom feed of the facts recorded about public cases only', async () => {
    const res = await anonymous.get('/public/feed.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const xml = res.body as string;
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('Almazbek Atambayev: Statement, 1 February 2024');
    expect(xml).toContain(`/public/cases/${demoSlug}`);
    expect(xml).not.toContain('Inna Internal');
    expect(xml).not.toContain('Internal arrest note');
    expect(xml).not.toContain('Rustam');
  });

  it('lets an editor preview exactly what the page of a case not yet public would show', async () => {
    const res = await server.admin.get(`/api/cases/${internal.id}/public-preview`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.body).toContain('Inna Internal');
    expect(res.body).toContain('Internal arrest note');
    await server.admin.post('/api/users', { username: 'vic', role: 'viewer', password: 'vic password 1234' });
    const viewer = await server.login('vic', 'vic password 1234');
    expect((await viewer.get(`/api/cases/${internal.id}/public-preview`)).status).toBe(403);
    expect((await anonymous.get(`/api/cases/${internal.id}/public-preview`)).status).toBe(401);
    // Still not public: the preview publishes nothing.
    expect((await anonymous.get(`/public/cases/${publicSlug(internal.id, 'Inna Internal')}`)).status).toBe(404);
  });
});
