// Administration over HTTP: changing users (role, disabling, a new password), listing who holds a
// grant to a case, and listing and revoking API tokens — which stop working at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase } from '../helpers/factories.ts';
import { Client, STORES, startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(STORES)('administration on the %s store', (store) => {
  let server: TestServer;
  let adminId: string;

  const addUser = async (username: string, role = 'viewer') => {
    const res = await server.admin.post('/api/users', { username, role, password: `${username} password 123` });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    server = await startTestServer(store);
    adminId = (await server.admin.get('/api/auth/me')).body.user.id;
  });
  afterAll(async () => server?.stop());

  it('changes a role, which counts from the next request, and audits it', async () => {
    const id = await addUser('rosa');
    const rosa = await server.login('rosa', 'rosa password 123');
    expect((await rosa.post('/api/persons', { canonicalName: 'Nodira Kasymova' })).status).toBe(403);
    const res = await server.admin.patch(`/api/users/${id}`, { role: 'editor', displayName: 'Rosa K.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'editor', displayName: 'Rosa K.', disabled: false });
    expect((await rosa.post('/api/persons', { canonicalName: 'Nodira Kasymova' })).status).toBe(201);
    const [entry] = (await server.admin.get(`/api/audit?recordId=${id}`)).body.items;
    expect(entry).toMatchObject({ action: 'update', recordType: 'user', before: { role: 'viewer' }, after: { role: 'editor' } });
  });

  it('refuses a role that does not exist, and a change of your own role or disabling yourself', async () => {
    const id = await addUser('boris');
    const bad = await server.admin.patch(`/api/users/${id}`, { role: 'owner' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('role');
    expect((await server.admin.patch(`/api/users/${adminId}`, { role: 'viewer' })).status).toBe(409);
    expect((await server.admin.patch(`/api/users/${adminId}`, { disabled: true })).status).toBe(409);
    // Your own name and address are yours to change.
    expect((await server.admin.patch(`/api/users/${adminId}`, { displayName: 'First admin', role: 'admin' })).status).toBe(200);
    expect((await server.admin.patch('/api/users/7d0c6a3e-0000-4000-8000-000000000000', { role: 'viewer' })).status).toBe(404);
  });

  it('disables a user: their session and tokens stop at once, they cannot sign in; enabling lets them back', async () => {
    const id = await addUser('dana');
    const dana = await server.login('dana', 'dana password 123');
    const token = (await dana.post('/api/tokens', { name: 'dana script' })).body.token as string;
    const script = new Client(server.url, token);
    expect((await script.get('/api/auth/me')).status).toBe(200);
    const res = await server.admin.patch(`/api/users/${id}`, { disabled: true });
    expect(res.body.disabled).toBe(true);
    expect((await dana.get('/api/auth/me')).status).toBe(401);
    expect((await script.get('/api/auth/me')).status).toBe(401);
    expect((await new Client(server.url).post('/api/auth/login', { username: 'dana', password: 'dana password 123' })).status).toBe(401);
    expect((await server.admin.patch(`/api/users/${id}`, { disabled: false })).body.disabled).toBe(false);
    expect((await server.login('dana', 'dana password 123').then((c) => c.get('/api/auth/me'))).status).toBe(200);
  });

  it('sets a new password, which ends the old sessions; the rules are the same as for a new user', async () => {
    const id = await addUser('pavel');
    const pavel = await server.login('pavel', 'pavel password 123');
    const short = await server.admin.post(`/api/users/${id}/password`, { password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.errors[0]).toMatchObject({ field: 'password', message: 'must be at least 12 characters' });
    expect((await server.admin.post(`/api/users/${id}/password`, { password: 'a brand new secret 1' })).status).toBe(204);
    expect((await pavel.get('/api/auth/me')).status).toBe(401);
    expect((await server.login('pavel', 'a brand new secret 1').then((c) => c.get('/api/auth/me'))).status).toBe(200);
    const audit = JSON.stringify((await server.admin.get(`/api/audit?recordId=${id}`)).body);
    expect(audit).toContain('set-password');
    expect(audit).not.toContain('a brand new secret');
  });

  it('lists who holds a grant to a case, and a case the admin cannot see is not found', async () => {
    const viewerId = await addUser('gala');
    const c = await buildCase(server.admin, { confidentiality: 'restricted' });
    const before = await server.admin.get(`/api/cases/${c.id}/grants`);
    expect(before.status).toBe(200);
    expect(before.body.items.map((g: { username: string }) => g.username)).toEqual(['admin']);
    await server.admin.put(`/api/cases/${c.id}/grants/${viewerId}`);
    const after = (await server.admin.get(`/api/cases/${c.id}/grants`)).body.items;
    expect(after.map((g: { username: string }) => g.username)).toEqual(['admin', 'gala']);
    expect(after[1]).toMatchObject({ userId: viewerId, role: 'viewer', disabled: false, grantedBy: adminId });
    await server.admin.delete(`/api/cases/${c.id}/grants/${viewerId}`);
    expect((await server.admin.get(`/api/cases/${c.id}/grants`)).body.items).toHaveLength(1);

    await addUser('edgar', 'editor');
    const edgar = await server.login('edgar', 'edgar password 123');
    const hidden = await buildCase(edgar, { confidentiality: 'restricted' });
    expect((await server.admin.get(`/api/cases/${hidden.id}/grants`)).status).toBe(404);
    expect((await server.admin.get('/api/cases/7d0c6a3e-0000-4000-8000-000000000000/grants')).status).toBe(404);
  });

  it('lists tokens without their secret: yours, or everyone\'s for an admin; a revoked token stops at once', async () => {
    await addUser('tomas');
    const tomas = await server.login('tomas', 'tomas password 123');
    const mine = (await tomas.post('/api/tokens', { name: 'tomas export' })).body;
    const adminToken = (await server.admin.post('/api/tokens', { name: 'admin backup' })).body;

    const own = await tomas.get('/api/tokens');
    expect(own.status).toBe(200);
    expect(own.body.items.map((t: { name: string }) => t.name)).toEqual(['tomas export']);
    expect(own.body.items[0]).toMatchObject({ id: mine.id, username: 'tomas', revokedAt: null, lastUsedAt: null });
    const all = (await server.admin.get('/api/tokens')).body;
    expect(all.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([mine.id, adminToken.id]));
    for (const list of [JSON.stringify(own.body), JSON.stringify(all)]) {
      expect(list).not.toContain(mine.token);
      expect(list).not.toContain(adminToken.token);
      expect(list).not.toMatch(/hash/i);
    }

    // Someone else's token is not theirs to see or revoke.
    expect((await tomas.delete(`/api/tokens/${adminToken.id}`)).status).toBe(404);
    const script = new Client(server.url, mine.token);
    expect((await script.get('/api/auth/me')).body.user.username).toBe('tomas');
    expect((await script.get('/api/tokens')).body.items[0].lastUsedAt).not.toBeNull();
    expect((await tomas.delete(`/api/tokens/${mine.id}`)).status).toBe(204);
    const refused = await script.get('/api/auth/me');
    expect(refused.status).toBe(401);
    expect(refused.body.type).toBe('/problems/unauthenticated');
    expect((await tomas.get('/api/tokens')).body.items[0].revokedAt).not.toBeNull();
    expect((await tomas.delete(`/api/tokens/${mine.id}`)).status).toBe(204);

    // An admin revokes anyone's, and it is audited.
    const other = (await tomas.post('/api/tokens', { name: 'tomas laptop' })).body;
    const laptop = new Client(server.url, other.token);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
    expect((await server.admin.delete(`/api/tokens/${other.id}`)).status).toBe(204);
    expect((await laptop.get('/api/auth/me')).status).toBe(401);
    const [entry] = (await server.admin.get(`/api/audit?recordId=${other.id}`)).body.items;
    expect(entry).toMatchObject({ action: 'revoke', recordType: 'api_token', actorId: adminId });
    expect((await server.admin.delete('/api/tokens/7d0c6a3e-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('makes a token that expires after the days asked for, and refuses it once expired', async () => {
    const created = await server.admin.post('/api/tokens', { name: 'thirty days', expiresInDays: 30 });
    expect(created.status).toBe(201);
    const days = (Date.parse(created.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    const listed = (await server.admin.get('/api/tokens')).body.items.find((t: { id: string }) => t.id === created.body.id);
    expect(listed.expiresAt).toBe(created.body.expiresAt);
    const script = new Client(server.url, created.body.token);
    expect((await script.get('/api/auth/me')).status).toBe(200);
    // Time passes.
    await server.running.db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`, [created.body.id]);
    expect((await script.get('/api/auth/me')).status).toBe(401);
    for (const expiresInDays of [0, -1, 1.5, 4000, '30']) {
      expect((await server.admin.post('/api/tokens', { name: 'bad', expiresInDays })).status).toBe(400);
    }
    expect((await server.admin.post('/api/tokens', { name: 'forever' })).body.expiresAt).toBeNull();
  });
});
