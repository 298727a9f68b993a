// Who may do what: roles, restricted cases and grants, sessions, tokens and sign-in throttling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildEvent, buildPerson, buildSource, claimFor } from '../helpers/factories.ts';
import { Client, STORES, startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(STORES)('access on the %s store', (store) => {
  let server: TestServer;
  let viewer: Client;
  let editor: Client;
  let other: Client;
  let viewerId: string;

  beforeAll(async () => {
    server = await startTestServer(store);
    const add = async (username: string, role: string) => {
      const res = await server.admin.post('/api/users', { username, role, password: `${username} password 123` });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    viewerId = await add('vera', 'viewer');
    await add('eddie', 'editor');
    await add('otto', 'editor');
    viewer = await server.login('vera', 'vera password 123');
    editor = await server.login('eddie', 'eddie password 123');
    other = await server.login('otto', 'otto password 123');
  });
  afterAll(async () => server?.stop());

  it('answers health and the API description without login, and nothing else', async () => {
    const anonymous = new Client(server.url);
    expect((await anonymous.get('/api/health')).body).toEqual({ status: 'ok', store });
    expect((await anonymous.get('/api/openapi.json')).status).toBe(200);
    const res = await anonymous.get('/api/cases');
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('/problems/unauthenticated');
    expect((await anonymous.post('/api/persons', { canonicalName: 'X' })).status).toBe(401);
  });

  it('sets a session cookie that scripts cannot read and other sites cannot send', async () => {
    const res = await new Client(server.url).post('/api/auth/login', { username: 'vera', password: 'vera password 123' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.body.user).toMatchObject({ username: 'vera', role: 'viewer' });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);
  });

  it('lets a viewer read but not write', async () => {
    const c = await buildCase(editor);
    expect((await viewer.get(`/api/cases/${c.id}`)).status).toBe(200);
    const write = await viewer.post('/api/events', { caseId: c.id, type: 'arrest' });
    expect(write.status).toBe(403);
    expect(write.body.type).toBe('/problems/forbidden');
    expect((await viewer.patch(`/api/cases/${c.id}`, { status: 'released' })).status).toBe(403);
  });

  it('keeps user administration to admins', async () => {
    expect((await editor.get('/api/users')).status).toBe(403);
    expect((await editor.post('/api/users', { username: 'mallory', role: 'admin', password: 'mallory password 1' })).status).toBe(403);
    expect((await server.admin.get('/api/users')).body.items.map((u: { username: string }) => u.username)).toContain('vera');
  });

  it('hides a restricted case, its records and its subject from everyone without a grant', async () => {
    const c = await buildCase(editor, { confidentiality: 'restricted' }, { canonicalName: 'Zarina Hidden-Witness' });
    const event = await buildEvent(editor, c.id, { type: 'mistreatment', description: 'beaten during questioning' });
    const source = await buildSource(editor, { caseIds: [c.id], title: 'Confidential interview notes' });
    for (const client of [other, viewer, server.admin]) {
      expect((await client.get(`/api/cases/${c.id}`)).status).toBe(404);
      expect((await client.get(`/api/cases/${c.id}/timeline`)).status).toBe(404);
      expect((await client.get(`/api/events/${event.id}`)).status).toBe(404);
      expect((await client.get(`/api/sources/${source.id}`)).status).toBe(404);
      expect((await client.get(`/api/persons/${c.subjectPersonId}`)).status).toBe(404);
      const lists = [
        await client.get('/api/cases?limit=200'), await client.get(`/api/events?caseId=${c.id}`),
        await client.get('/api/sources?limit=200'), await client.get('/api/persons?limit=200'),
      ];
      for (const list of lists) expect(JSON.stringify(list.body)).not.toContain('Hidden-Witness');
      expect(JSON.stringify((await client.get('/api/cases?limit=200')).body)).not.toContain(c.id);
      const search = await client.get('/api/search?q=Hidden-Witness');
      expect(search.body.items).toEqual([]);
      expect((await client.get('/api/search?q=questioning')).body.items).toEqual([]);
    }
    // The editor who opened it keeps it.
    expect((await editor.get(`/api/cases/${c.id}/timeline`)).body.items).toHaveLength(1);
  });

  it('does not let anyone without a grant attach claims to, or read the audit of, a restricted case', async () => {
    const c = await buildCase(editor, { confidentiality: 'restricted' });
    const event = await buildEvent(editor, c.id, { type: 'arrest', description: 'taken from home at night' });
    const source = await buildSource(other);
    const claim = await other.post('/api/claims', { ...claimFor(source, 'refused a cardiologist', { recordType: 'event', recordId: event.id }), stance: 'disputes' });
    expect(claim.status).toBe(422);
    expect(claim.body.errors[0].field).toBe('recordId');
    const audit = await server.admin.get('/api/audit?limit=200');
    expect(JSON.stringify(audit.body)).not.toContain(c.id);
    expect((await server.admin.get(`/api/audit?recordId=${event.id}`)).body.items).toEqual([]);
    expect((await server.admin.get('/api/audit/verify')).body.ok).toBe(true);
  });

  it('keeps the subject of a restricted case visible through a case the user may see, and hides names known only from hidden cases', async () => {
    const shared = await buildPerson(editor, { canonicalName: 'Gulnara Shared-Subject' });
    const hiddenOnly = await buildPerson(editor, { canonicalName: 'Timur Only-Hidden' });
    await buildCase(editor, { subjectPersonId: shared.id, confidentiality: 'restricted' });
    await buildCase(editor, { subjectPersonId: hiddenOnly.id, confidentiality: 'restricted' });
    const open = await buildCase(editor, { subjectPersonId: shared.id });
    expect((await other.get(`/api/persons/${shared.id}`)).status).toBe(200);
    expect((await other.get(`/api/persons/${hiddenOnly.id}`)).status).toBe(404);
    const witness = await buildEvent(editor, open.id, { type: 'hearing', participants: [{ personId: hiddenOnly.id, role: 'witness' }] });
    const item = (await other.get(`/api/cases/${open.id}/timeline`)).body.items.find((e: { id: string }) => e.id === witness.id);
    expect(item.participants).toEqual([{ role: 'witness', personId: null, organizationId: null, name: null }]);
    const refer = await other.post('/api/cases', { subjectPersonId: hiddenOnly.id, status: 'detained', confidentiality: 'public' });
    expect(refer.status).toBe(422);
  });

  it('lets only a holder of a grant restrict a case, and never withdraws the last grant', async () => {
    const c = await buildCase(editor);
    const restrict = await other.patch(`/api/cases/${c.id}`, { confidentiality: 'restricted' });
    expect(restrict.status).toBe(403);
    expect((await other.get(`/api/cases/${c.id}`)).body.confidentiality).toBe('internal');
    expect((await editor.patch(`/api/cases/${c.id}`, { confidentiality: 'restricted' })).status).toBe(200);
    const eddieId = (await editor.get('/api/auth/me')).body.user.id;
    expect((await server.admin.delete(`/api/cases/${c.id}/grants/${eddieId}`)).status).toBe(404); // the admin cannot see it
  });

  it('keeps the administration routes to admins, and tokens to their owners', async () => {
    const c = await buildCase(server.admin);
    const anyId = '7d0c6a3e-0000-4000-8000-000000000000';
    for (const client of [viewer, editor]) {
      expect((await client.patch(`/api/users/${viewerId}`, { role: 'admin' })).status).toBe(403);
      expect((await client.post(`/api/users/${viewerId}/password`, { password: 'taken over by me 1' })).status).toBe(403);
      expect((await client.get(`/api/cases/${c.id}/grants`)).status).toBe(403);
      expect((await client.put(`/api/cases/${c.id}/grants/${viewerId}`)).status).toBe(403);
      expect((await client.delete(`/api/cases/${c.id}/grants/${viewerId}`)).status).toBe(403);
      expect((await client.get('/api/audit')).status).toBe(403);
      expect((await client.get('/api/audit/verify')).status).toBe(403);
      // Anyone lists and revokes their own tokens; another's is not found.
      expect((await client.get('/api/tokens')).status).toBe(200);
      expect((await client.delete(`/api/tokens/${anyId}`)).status).toBe(404);
    }
    expect((await viewer.get('/api/auth/me')).body.user.role).toBe('viewer');
    const anonymous = new Client(server.url);
    for (const [method, path] of [['GET', '/api/tokens'], ['DELETE', `/api/tokens/${anyId}`], ['GET', `/api/cases/${c.id}/grants`], ['POST', `/api/users/${viewerId}/password`]]) {
      expect((await anonymous.request(method!, path!)).status).toBe(401);
    }
    expect((await server.admin.get(`/api/cases/${c.id}/grants`)).status).toBe(200);
    expect((await server.admin.get('/api/tokens')).status).toBe(200);
  });

  it('shows a restricted case once an admin who can see it grants it, and hides it again when withdrawn', async () => {
    const c = await buildCase(server.admin, { confidentiality: 'restricted' });
    expect((await viewer.get(`/api/cases/${c.id}`)).status).toBe(404);
    expect((await server.admin.put(`/api/cases/${c.id}/grants/${viewerId}`)).status).toBe(204);
    expect((await viewer.get(`/api/cases/${c.id}`)).status).toBe(200);
    expect((await server.admin.delete(`/api/cases/${c.id}/grants/${viewerId}`)).status).toBe(204);
    expect((await viewer.get(`/api/cases/${c.id}`)).status).toBe(404);
    const adminId = (await server.admin.get('/api/auth/me')).body.user.id;
    const last = await server.admin.delete(`/api/cases/${c.id}/grants/${adminId}`);
    expect(last.status).toBe(409);
    // An admin cannot grant a case they cannot see themselves.
    const hidden = await buildCase(other, { confidentiality: 'restricted' });
    expect((await server.admin.put(`/api/cases/${hidden.id}/grants/${viewerId}`)).status).toBe(404);
  });

  it('accepts an API token as a bearer, and refuses a wrong one', async () => {
    const created = await viewer.post('/api/tokens', { name: 'nightly export' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^hab_/);
    const script = new Client(server.url, created.body.token);
    expect((await script.get('/api/auth/me')).body.user.username).toBe('vera');
    const forged = new Client(server.url, 'hab_not-a-real-token');
    expect((await forged.get('/api/cases')).status).toBe(401);
    // Nobody, not even an admin, makes a token that acts as someone else over HTTP.
    expect((await server.admin.post('/api/tokens', { name: 'as vera', userId: viewerId })).status).toBe(400);
  });

  it('ends the session on sign-out', async () => {
    const client = await server.login('eddie', 'eddie password 123');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('says clearly when the password is wrong, and throttles after repeated failures', async () => {
    await server.admin.post('/api/users', { username: 'tess', role: 'viewer', password: 'tess password 123' });
    const client = new Client(server.url);
    for (let i = 0; i < 5; i++) {
      const res = await client.post('/api/auth/login', { username: 'tess', password: 'guess' });
      expect(res.status).toBe(401);
      expect(res.body.title).toBe('Wrong username or password');
    }
    const blocked = await client.post('/api/auth/login', { username: 'tess', password: 'tess password 123' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.type).toBe('/problems/too-many-attempts');
    // Others are not locked out by it.
    expect((await new Client(server.url).post('/api/auth/login', { username: 'vera', password: 'vera password 123' })).status).toBe(200);
  });
});
