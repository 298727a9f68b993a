// Every write leaves a hash-chained audit entry in the same transaction; tampering is detected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.ts';
import { buildCase, buildPerson } from '../helpers/factories.ts';
import { STORES, startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(STORES)('the audit log on the %s store', (store) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(store);
  });
  afterAll(async () => server?.stop());

  it('records who changed what, with the record before and after', async () => {
    const person = await buildPerson(server.admin, { canonicalName: 'Erlan Sydykov' });
    await server.admin.patch(`/api/persons/${person.id}`, { birthYear: 1971 });
    const res = await server.admin.get(`/api/audit?recordId=${person.id}`);
    expect(res.status).toBe(200);
    const [update, create] = res.body.items;
    const me = (await server.admin.get('/api/auth/me')).body.user.id;
    expect(create).toMatchObject({ action: 'create', recordType: 'person', actorId: me, before: null });
    expect(create.after.canonicalName).toBe('Erlan Sydykov');
    expect(update).toMatchObject({ action: 'update', before: { birthYear: null }, after: { birthYear: 1971 } });
  });

  it('writes nothing, not even an audit entry, when the write fails', async () => {
    const before = (await server.admin.get('/api/audit?limit=1')).body.items[0].seq;
    const res = await server.admin.post('/api/cases', { subjectPersonId: '7d0c6a3e-0000-4000-8000-000000000000', status: 'detained', confidentiality: 'public' });
    expect(res.status).toBe(422);
    expect((await server.admin.get('/api/audit?limit=1')).body.items[0].seq).toBe(before);
  });

  it('keeps one unbroken chain under concurrent writes', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => buildPerson(server.admin, { canonicalName: `Concurrent ${i}` })));
    const verdict = await server.admin.get('/api/audit/verify');
    expect(verdict.body).toMatchObject({ ok: true });
    expect(verdict.body.entries).toBeGreaterThan(12);
  });

  it('pages through the log newest first', async () => {
    const first = await server.admin.get('/api/audit?limit=2');
    const second = await server.admin.get(`/api/audit?limit=2&cursor=${first.body.next}`);
    expect(second.body.items[0].seq).toBe(first.body.items[1].seq - 1);
  });

  it('refuses to change or delete an entry, and names the first entry that was tampered with', async () => {
    const { db } = server.running;
    await expect(db.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await buildCase(server.admin);
    const [row] = await db.query<{ seq: number }>(`SELECT seq FROM audit_log WHERE record_type = 'case' ORDER BY seq LIMIT 1`);
    // Someone with database access edits history behind the application's back.
    await db.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      await tx.query(`UPDATE audit_log SET after = jsonb_set(after, '{status}', '"released"') WHERE seq = $1`, [row!.seq]);
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    });
    const verdict = await verifyAuditChain(db);
    expect(verdict).toMatchObject({ ok: false, brokenAt: row!.seq, reason: expect.stringMatching(/altered/) });
    expect((await server.admin.get('/api/audit/verify')).body).toMatchObject({ ok: false, brokenAt: row!.seq });
  });
});
