// Users, their sessions, API tokens and grants to restricted cases. Passwords are argon2id hashes;
// session and API tokens are random and kept only as SHA-256 hashes, so a copy of the store does
// not let anyone sign in.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import type { Role } from '../domain/vocabularies.ts';
import { notFound, Problem } from '../server/errors.ts';
import { appendAudit } from './audit.ts';
import type { Db, Queryable } from './db.ts';

export interface User {
  id: string;
  username: string;
  displayName: string | null;
  role: Role;
  /** Where alert e-mails and the daily digest go. */
  email: string | null;
  disabled: boolean;
  createdAt: string;
}

// OWASP's argon2id baseline: 19 MiB, 2 passes.
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// Verified against when the username is unknown, so that both answers take the same time.
let dummyHash: Promise<string> | undefined;

const hashPassword = (password: string) => argon2Hash(password, ARGON2);
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

interface UserRow {
  id: string;
  username: string;
  display_name: string | null;
  role: Role;
  email: string | null;
  disabled_at: Date | null;
  created_at: Date;
  password_hash: string;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  email: row.email ?? null,
  disabled: row.disabled_at !== null,
  createdAt: row.created_at.toISOString(),
});

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*) AS n FROM users');
  return row?.n ?? 0;
}

export async function createUser(
  db: Db,
  actorId: string | null,
  input: { username: string; displayName?: string | null; role: Role; email?: string | null; password: string },
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.query('SELECT 1 FROM users WHERE username = $1', [input.username]);
    if (existing) {
      throw new Problem('conflict', `A user named ${input.username} exists already.`, [
        { field: 'username', message: 'is taken' },
      ]);
    }
    const id = randomUUID();
    const [row] = await tx.query<UserRow>(
      `INSERT INTO users (id, username, display_name, role, password_hash, created_by, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [id, input.username, input.displayName ?? null, input.role, passwordHash, actorId, input.email ?? null],
    );
    const user = toUser(row!);
    await appendAudit(tx, { actorId, action: 'create', recordType: 'user', recordId: id, after: user });
    return user;
  });
}

/**
 * Changes a user's display name, e-mail address (null clears either), role, or whether they are
 * disabled; audited. Disabling ends the user's sessions at once (their API tokens stop working
 * too, as a token acts only for an active user). Nobody changes their own role or disables
 * themselves, so an administrator cannot lock the last administrator out by mistake.
 */
export async function updateUser(
  db: Db,
  actorId: string | null,
  userId: string,
  changes: { displayName?: string | null; email?: string | null; role?: Role; disabled?: boolean },
): Promise<User> {
  return db.transaction(async (tx) => {
    const [before] = await tx.query<UserRow>('SELECT * FROM users WHERE id = $1 FOR UPDATE', [userId]);
    if (!before) throw notFound('user');
    const self = actorId === userId;
    if (self && changes.role !== undefined && changes.role !== before.role) {
      throw new Problem('conflict', 'You cannot change your own role; ask another administrator.', [{ field: 'role', message: 'is your own' }]);
    }
    if (self && changes.disabled === true) {
      throw new Problem('conflict', 'You cannot disable yourself; ask another administrator.', [{ field: 'disabled', message: 'is your own account' }]);
    }
    const disabledAt = changes.disabled === undefined ? before.disabled_at : changes.disabled ? (before.disabled_at ?? new Date()) : null;
    const [row] = await tx.query<UserRow>(
      `UPDATE users SET display_name = $2, email = $3, role = $4, disabled_at = $5, updated_at = now() WHERE id = $1 RETURNING *`,
      [
        userId,
        changes.displayName !== undefined ? changes.displayName : before.display_name,
        changes.email !== undefined ? changes.email : before.email,
        changes.role ?? before.role,
        disabledAt,
      ],
    );
    if (disabledAt && !before.disabled_at) {
      await tx.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
    }
    const user = toUser(row!);
    await appendAudit(tx, { actorId, action: 'update', recordType: 'user', recordId: userId, before: toUser(before), after: user });
    return user;
  });
}

/** Sets a user's password, found by username (the command line) or id (the API); ends their sessions. */
export async function setPassword(db: Db, actorId: string | null, user: { username: string } | { id: string }, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `UPDATE users SET password_hash = $2, updated_at = now() WHERE ${'id' in user ? 'id = $1::uuid' : 'username = $1'} RETURNING id`,
      ['id' in user ? user.id : user.username, passwordHash],
    );
    if (!row) throw notFound('user');
    // A new password ends every session signed in with the old one.
    await tx.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [row.id]);
    await appendAudit(tx, { actorId, action: 'set-password', recordType: 'user', recordId: row.id });
  });
}

export async function listUsers(db: Queryable): Promise<User[]> {
  return (await db.query<UserRow>('SELECT * FROM users ORDER BY created_at, id')).map(toUser);
}

/** The user when the password is right; null otherwise (same time either way). */
export async function checkPassword(db: Queryable, username: string, password: string): Promise<User | null> {
  const [row] = await db.query<UserRow>('SELECT * FROM users WHERE username = $1 AND disabled_at IS NULL', [username]);
  if (!row) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await argon2Verify(await dummyHash, password).catch(() => false);
    return null;
  }
  return (await argon2Verify(row.password_hash, password)) ? toUser(row) : null;
}

// ---- login throttling ---------------------------------------------------------------------------
export const THROTTLE = { windowMinutes: 15, perUsername: 5, perClient: 20 };

/**
 * Counts this attempt first, then decides: a burst of parallel guesses cannot slip past the limit
 * between a check and a write. Returns the seconds to wait, or 0 when this attempt may proceed.
 * A successful sign-in clears the username's attempts (clearLoginFailures).
 */
export async function countLoginAttempt(db: Queryable, username: string, clientIp: string): Promise<number> {
  await db.query('INSERT INTO login_failures (username, client_ip) VALUES ($1, $2)', [username, clientIp]);
  const [row] = await db.query<{ by_user: number; by_client: number; oldest: Date | null }>(
    `SELECT count(*) FILTER (WHERE username = $1) AS by_user,
            count(*) FILTER (WHERE client_ip = $2) AS by_client,
            min(at) AS oldest
     FROM login_failures
     WHERE at > now() - make_interval(mins => $3) AND (username = $1 OR client_ip = $2)`,
    [username, clientIp, THROTTLE.windowMinutes],
  );
  if (!row || (row.by_user <= THROTTLE.perUsername && row.by_client <= THROTTLE.perClient)) return 0;
  const until = (row.oldest?.getTime() ?? Date.now()) + THROTTLE.windowMinutes * 60_000;
  return Math.max(1, Math.ceil((until - Date.now()) / 1000));
}

export async function clearLoginFailures(db: Queryable, username: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE username = $1', [username]);
}

// ---- sessions and tokens ------------------------------------------------------------------------
export async function createSession(db: Db, user: User, hours: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
      [tokenHash(token), user.id, Math.round(hours * 3600)],
    );
    await appendAudit(tx, { actorId: user.id, action: 'login', recordType: 'user', recordId: user.id });
  });
  return token;
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1', [tokenHash(token)]);
}

export async function userForSession(db: Queryable, token: string): Promise<User | null> {
  const [row] = await db.query<UserRow>(
    `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
    [tokenHash(token)],
  );
  return row ? toUser(row) : null;
}

export const API_TOKEN_PREFIX = 'hab_';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function createApiToken(
  db: Db,
  actorId: string | null,
  userId: string,
  name: string,
  expiresInDays: number | null = null,
): Promise<{ id: string; token: string; expiresAt: string | null }> {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expiresAt = await db.transaction(async (tx) => {
    const [user] = await tx.query('SELECT 1 FROM users WHERE id = $1', [userId]);
    if (!user) throw notFound('user');
    const [row] = await tx.query<{ expires_at: Date | null }>(
      `INSERT INTO api_tokens (id, user_id, name, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $5::int IS NULL THEN NULL ELSE now() + make_interval(days => $5::int) END)
       RETURNING expires_at`,
      [id, userId, name, tokenHash(token), expiresInDays],
    );
    const expiresAt = iso(row!.expires_at);
    await appendAudit(tx, { actorId, action: 'create', recordType: 'api_token', recordId: id, after: { userId, name, expiresAt } });
    return expiresAt;
  });
  return { id, token, expiresAt };
}

export interface ApiToken {
  id: string;
  name: string;
  userId: string;
  username: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/**
 * API tokens, newest first: a user's own, or everyone's (`userId` null, for administrators).
 * Never the token or its hash.
 */
export async function listApiTokens(db: Queryable, userId: string | null): Promise<ApiToken[]> {
  const rows = await db.query<{
    id: string; name: string; user_id: string; username: string; created_at: Date;
    expires_at: Date | null; last_used_at: Date | null; revoked_at: Date | null;
  }>(
    `SELECT t.id, t.name, t.user_id, u.username, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
     FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE ($1::uuid IS NULL OR t.user_id = $1::uuid)
     ORDER BY t.created_at DESC, t.id`,
    [userId],
  );
  return rows.map((r) => ({
    id: r.id, name: r.name, userId: r.user_id, username: r.username, createdAt: r.created_at.toISOString(),
    expiresAt: iso(r.expires_at), lastUsedAt: iso(r.last_used_at), revokedAt: iso(r.revoked_at),
  }));
}

/**
 * Revokes a token at once (every request checks `revoked_at`); audited. `ownerId` limits it to that
 * user's tokens: anyone else's is "not found". Revoking a revoked token changes nothing.
 */
export async function revokeApiToken(db: Db, actorId: string, tokenId: string, ownerId: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ user_id: string; name: string; revoked_at: Date | null }>(
      'SELECT user_id, name, revoked_at FROM api_tokens WHERE id = $1 AND ($2::uuid IS NULL OR user_id = $2::uuid) FOR UPDATE',
      [tokenId, ownerId],
    );
    if (!row) throw notFound('API token');
    if (row.revoked_at) return;
    await tx.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1', [tokenId]);
    await appendAudit(tx, {
      actorId, action: 'revoke', recordType: 'api_token', recordId: tokenId,
      before: { userId: row.user_id, name: row.name }, after: { userId: row.user_id, name: row.name, revoked: true },
    });
  });
}

export async function userForApiToken(db: Queryable, token: string): Promise<User | null> {
  const [row] = await db.query<UserRow>(
    `UPDATE api_tokens t SET last_used_at = now() FROM users u
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
       AND u.id = t.user_id AND u.disabled_at IS NULL
     RETURNING u.*`,
    [tokenHash(token)],
  );
  return row ? toUser(row) : null;
}

// ---- grants -------------------------------------------------------------------------------------
export async function grantCase(db: Db, actorId: string, userId: string, caseId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx.query('SELECT 1 FROM users WHERE id = $1', [userId]);
    if (!user) throw new Problem('unprocessable-reference', 'userId: no such user', [{ field: 'userId', message: 'no such user' }]);
    await tx.query(
      `INSERT INTO grants (user_id, case_id, created_by) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, case_id) DO UPDATE SET revoked_at = NULL,
         created_at = CASE WHEN grants.revoked_at IS NULL THEN grants.created_at ELSE now() END,
         created_by = CASE WHEN grants.revoked_at IS NULL THEN grants.created_by ELSE EXCLUDED.created_by END`,
      [userId, caseId, actorId],
    );
    await appendAudit(tx, { actorId, action: 'grant', recordType: 'case', recordId: caseId, after: { userId }, caseIds: [caseId] });
  });
}

export async function revokeGrant(db: Db, actorId: string, userId: string, caseId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [others] = await tx.query<{ n: number }>(
      `SELECT count(*) AS n FROM grants g JOIN cases c ON c.id = g.case_id
       WHERE g.case_id = $1 AND g.user_id <> $2 AND g.revoked_at IS NULL AND c.confidentiality = 'restricted'`,
      [caseId, userId],
    );
    const [restricted] = await tx.query(`SELECT 1 FROM cases WHERE id = $1 AND confidentiality = 'restricted'`, [caseId]);
    if (restricted && others!.n === 0) {
      throw new Problem('conflict', 'This is the last grant to a restricted case: withdrawing it would leave nobody able to see the case.');
    }
    await tx.query('UPDATE grants SET revoked_at = now() WHERE user_id = $1 AND case_id = $2', [userId, caseId]);
    await appendAudit(tx, { actorId, action: 'revoke-grant', recordType: 'case', recordId: caseId, after: { userId }, caseIds: [caseId] });
  });
}

export interface Grant {
  userId: string;
  username: string;
  displayName: string | null;
  role: Role;
  disabled: boolean;
  grantedAt: string;
  grantedBy: string | null;
}

/** Who holds a grant to a case now (the caller checks that the asking user may see the case). */
export async function listGrants(db: Queryable, caseId: string): Promise<Grant[]> {
  const rows = await db.query<{
    user_id: string; username: string; display_name: string | null; role: Role; disabled_at: Date | null;
    created_at: Date; created_by: string | null;
  }>(
    `SELECT g.user_id, u.username, u.display_name, u.role, u.disabled_at, g.created_at, g.created_by
     FROM grants g JOIN users u ON u.id = g.user_id
     WHERE g.case_id = $1 AND g.revoked_at IS NULL
     ORDER BY u.username`,
    [caseId],
  );
  return rows.map((r) => ({
    userId: r.user_id, username: r.username, displayName: r.display_name, role: r.role,
    disabled: r.disabled_at !== null, grantedAt: r.created_at.toISOString(), grantedBy: r.created_by,
  }));
}
