// The only way the app reaches the server: same-origin fetches to /api with the session cookie.
// Errors arrive as problem+json and become ApiError, carrying the problem type and status.
import { keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';

export interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  status?: number;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem, readonly retryAfter: number | null) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
  get type(): string | undefined {
    return this.problem.type;
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    signal: init.signal,
    credentials: 'same-origin',
    headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  const body: unknown = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : null;
  if (!res.ok) {
    const retry = Number(res.headers.get('retry-after'));
    throw new ApiError(res.status, (body as Problem | null) ?? {}, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return body as T;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
}

export interface DaysInDetention {
  days: { min: number; max: number } | null;
  label: string;
  ongoing: boolean;
  since: string | null;
}

export interface Case {
  id: string;
  createdAt: string;
  updatedAt: string;
  status: string;
  confidentiality: string;
  country: string | null;
  tags: string[];
  summary: string | null;
  subject: { id: string; canonicalName: string; aliases: string[] } | null;
  daysInDetention: DaysInDetention | null;
  currentFacility: { id: string; name: string } | null;
  openAlerts: number;
}

export interface Alert {
  id: string;
  caseId: string;
  ruleId: string;
  severity: string;
  explanation: string;
  since: string | null;
  status: string;
  openedAt: string;
  acknowledgedAt: string | null;
}

export interface Claim {
  id: string;
  field: string | null;
  stance: string;
  quote: string | null;
  /** Where the quoted words are in the source's text. */
  start: number;
  end: number;
  source: { id: string; title: string | null; publisher: string | null; url: string | null; publishedDate: string | null } | null;
}

export interface TimelineEvent {
  id: string;
  type: string;
  kind: string;
  date: string | null;
  dateLabel: string | null;
  /** The first and last day the date may be: a partial date covers a span. */
  earliest: string | null;
  latest: string | null;
  attributes: Record<string, unknown> | null;
  description: string | null;
  place: { id: string; name: string } | null;
  disputed: boolean;
  claims: Claim[];
}

interface Page<T> {
  items: T[];
  next: string | null;
}

/** Every page of a list (up to `max` items), following `next`. */
export async function all<T>(path: string, max = 5000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = await api<Page<T>>(`${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor && items.length < max);
  return items;
}

export const keys = {
  me: ['me'] as const,
  overview: ['overview'] as const,
  /** The prefix of every list of cases. */
  cases: ['cases'] as const,
  casesTable: (filters: CaseFilters) => ['cases', 'table', filters] as const,
  case: (id: string) => ['case', id] as const,
  caseAlerts: (id: string) => ['case', id, 'alerts'] as const,
  timeline: (id: string) => ['case', id, 'timeline'] as const,
};

export const useMe = () =>
  useQuery({
    queryKey: keys.me,
    queryFn: async () => {
      try {
        return (await api<{ user: User }>('/api/auth/me')).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });

export interface Count {
  key: string | null;
  count: number;
}

export interface HeldMonth {
  month: string;
  surely: number;
  possibly: number;
}

/** GET /api/overview: counted by the server over the cases the user may see. */
export interface Overview {
  heldNow: number;
  totalCases: number;
  byStatus: Count[];
  byCountry: Count[];
  byTag: Count[];
  openAlerts: { total: number; bySeverity: Count[] };
  longestHeld: Case[];
  latestUpdates: Case[];
  newestAlerts: Array<Alert & { caseName: string | null }>;
  heldOverTime: { rule: string; months: HeldMonth[] };
}

export const useOverview = () => useQuery({ queryKey: keys.overview, queryFn: () => api<Overview>('/api/overview') });
export interface CaseFilters {
  q: string;
  status: string | null;
  hasAlerts: 'true' | 'false' | null;
  country: string | null;
  tag: string | null;
  sort: 'daysHeld' | 'updated';
}

/** One page of cases at a time, filtered by the server; `fetchNextPage` follows `next`. */
export const useCasesTable = (filters: CaseFilters, pageSize = 50) =>
  useInfiniteQuery({
    queryKey: keys.casesTable(filters),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(pageSize) });
      if (filters.q.trim()) query.set('q', filters.q.trim());
      if (filters.status) query.set('status', filters.status);
      if (filters.hasAlerts) query.set('hasAlerts', filters.hasAlerts);
      if (filters.country) query.set('country', filters.country);
      if (filters.tag) query.set('tag', filters.tag);
      query.set('sort', filters.sort);
      if (pageParam) query.set('cursor', pageParam);
      return api<Page<Case>>(`/api/cases?${query.toString()}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
  });
export const useCase = (id: string) => useQuery({ queryKey: keys.case(id), queryFn: () => api<Case>(`/api/cases/${encodeURIComponent(id)}`) });
export const useCaseAlerts = (id: string) =>
  useQuery({ queryKey: keys.caseAlerts(id), queryFn: () => all<Alert>(`/api/cases/${encodeURIComponent(id)}/alerts?status=open`) });
export const useTimeline = (id: string) =>
  useQuery({ queryKey: keys.timeline(id), queryFn: () => all<TimelineEvent>(`/api/cases/${encodeURIComponent(id)}/timeline`) });

export async function signIn(client: QueryClient, username: string, password: string): Promise<User> {
  const { user } = await api<{ user: User }>('/api/auth/login', { method: 'POST', body: { username, password } });
  client.clear();
  client.setQueryData(keys.me, user);
  return user;
}

export async function signOut(client: QueryClient): Promise<void> {
  try {
    await api('/api/auth/logout', { method: 'POST' });
  } finally {
    client.clear();
    client.setQueryData(keys.me, null);
  }
}
