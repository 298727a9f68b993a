// The administration pages' calls to /api and their TanStack Query hooks: users, grants to
// restricted cases, API tokens and the audit log. Every route they use answers only admins
// (tokens: a user's own), so nothing here is fetched unless the page has checked the role.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type Case } from '../../api.ts';

export interface AdminUser {
  id: string;
  username: string;
  displayName: string | null;
  role: 'admin' | 'editor' | 'viewer';
  email: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface Grant {
  userId: string;
  username: string;
  displayName: string | null;
  role: string;
  disabled: boolean;
  grantedAt: string;
  grantedBy: string | null;
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

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  recordType: string;
  recordId: string;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  brokenAt?: number;
  reason?: string;
}

interface Page<T> {
  items: T[];
  next: string | null;
}

export const adminKeys = {
  users: ['admin', 'users'] as const,
  restricted: ['admin', 'restricted-cases'] as const,
  grants: (caseId: string) => ['admin', 'grants', caseId] as const,
  tokens: ['admin', 'tokens'] as const,
  audit: (recordId: string | null) => ['admin', 'audit', recordId] as const,
};

/** The field errors of a 400/409 problem, by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors = (error.problem as { errors?: { field: string; message: string }[] }).errors ?? [];
  return Object.fromEntries(errors.map((e) => [e.field, e.message]));
}

/** What went wrong, in a sentence the server wrote (problem+json detail) or a general one. */
export const problemText = (error: unknown) =>
  error instanceof ApiError ? (error.problem.detail ?? error.problem.title ?? error.message) : String(error);

const path = (id: string) => encodeURIComponent(id);

// ---- users ----------------------------------------------------------------------------------------
export const useUsers = () =>
  useQuery({ queryKey: adminKeys.users, queryFn: async () => (await api<Page<AdminUser>>('/api/users')).items });

export interface NewUser {
  username: string;
  displayName: string | null;
  email: string | null;
  role: string;
  password: string;
}
export interface UserChanges {
  displayName?: string | null;
  email?: string | null;
  role?: string;
  disabled?: boolean;
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => api<AdminUser>('/api/users', { method: 'POST', body: user }),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UserChanges }) =>
      api<AdminUser>(`/api/users/${path(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: async () => {
      // The shell shows the signed-in user's display name: it may be the one just changed.
      await Promise.all([client.invalidateQueries({ queryKey: ['admin'] }), client.invalidateQueries({ queryKey: ['me'] })]);
    },
  });
}

export const useSetPassword = () =>
  useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api<null>(`/api/users/${path(id)}/password`, { method: 'POST', body: { password } }),
  });

// ---- grants ---------------------------------------------------------------------------------------
/** The restricted cases the admin can see, 50 at a time. */
export const useRestrictedCases = () =>
  useInfiniteQuery({
    queryKey: adminKeys.restricted,
    queryFn: ({ pageParam }) =>
      api<Page<Case>>(`/api/cases?confidentiality=restricted&sort=updated&limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });

export const useGrants = (caseId: string) =>
  useQuery({ queryKey: adminKeys.grants(caseId), queryFn: async () => (await api<Page<Grant>>(`/api/cases/${path(caseId)}/grants`)).items });

export function useChangeGrant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, userId, give }: { caseId: string; userId: string; give: boolean }) =>
      api<null>(`/api/cases/${path(caseId)}/grants/${path(userId)}`, { method: give ? 'PUT' : 'DELETE' }),
    onSettled: (_data, _error, { caseId }) => client.invalidateQueries({ queryKey: adminKeys.grants(caseId) }),
  });
}

// ---- tokens ---------------------------------------------------------------------------------------
export const useTokens = () =>
  useQuery({ queryKey: adminKeys.tokens, queryFn: async () => (await api<Page<ApiToken>>('/api/tokens')).items });

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, expiresInDays }: { name: string; expiresInDays: number | null }) =>
      api<{ id: string; token: string; expiresAt: string | null }>('/api/tokens', {
        method: 'POST',
        body: expiresInDays ? { name, expiresInDays } : { name },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.tokens }),
    // The answer carries the secret: keep it no longer than the page shows it.
    gcTime: 0,
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<null>(`/api/tokens/${path(id)}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: adminKeys.tokens }),
  });
}

// ---- audit ----------------------------------------------------------------------------------------
/** The audit log newest first, 50 entries at a time; `recordId` narrows it to one record's history. */
export const useAuditLog = (recordId: string | null) =>
  useInfiniteQuery({
    queryKey: adminKeys.audit(recordId),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: '50' });
      if (recordId) query.set('recordId', recordId);
      if (pageParam) query.set('cursor', pageParam);
      return api<Page<AuditEntry>>(`/api/audit?${query.toString()}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    staleTime: 0,
  });

export const useVerifyAudit = () => useMutation({ mutationFn: () => api<AuditVerdict>('/api/audit/verify') });
