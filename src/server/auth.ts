// Who is asking: a session cookie (the web app) or an API token (scripts), checked on every /api
// route except the few that must answer without login.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../domain/vocabularies.ts';
import type { Db } from '../store/db.ts';
import { API_TOKEN_PREFIX, userForApiToken, userForSession, type User } from '../store/users.ts';
import { Problem } from './errors.ts';

export const SESSION_COOKIE = 'habeas_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
}

const PUBLIC_ROUTES = new Set(['/api/health', '/api/auth/login', '/api/openapi.json']);
const isPublic = (url: string) => {
  const path = url.split('?')[0]!;
  return !path.startsWith('/api/') || PUBLIC_ROUTES.has(path) || path === '/api/docs' || path.startsWith('/api/docs/');
};

export function registerAuth(app: FastifyInstance, db: Db) {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const token = header.slice('Bearer '.length).trim();
      request.user = token.startsWith(API_TOKEN_PREFIX) ? await userForApiToken(db, token) : null;
      if (!request.user) throw new Problem('unauthenticated', 'The API token is not valid, expired or revoked.');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) request.user = await userForSession(db, cookie);
    if (!request.user && !isPublic(request.url)) {
      throw new Problem('unauthenticated', cookie ? 'Your session has ended; sign in again.' : undefined);
    }
  });
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** The asking user, who must hold at least `role`. */
export function requireRole(request: FastifyRequest, role: Role): User {
  const user = request.user;
  if (!user) throw new Problem('unauthenticated');
  if (RANK[user.role] < RANK[role]) {
    throw new Problem('forbidden', `This needs the ${role} role; you are ${user.role === 'admin' ? 'an' : 'a'} ${user.role}.`);
  }
  return user;
}

export function setSessionCookie(reply: FastifyReply, token: string, hours: number, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: Math.round(hours * 3600),
  });
}
