// The calls of the import and review pages: import jobs (multipart upload, polled for progress),
// a pasted text or a URL as one source, a source with its text, its suggestions and the decisions
// on them. Kept apart from ../../api.ts so that the pages of the app can grow side by side.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, api, keys, type Case, type Problem } from '../../api.ts';

export interface ImportJobItem {
  filename: string;
  status: 'pending' | 'imported' | 'duplicate' | 'failed';
  sourceId?: string;
  title?: string;
  suggestions?: { added: number; known: number };
  reason?: string;
  problem?: Problem & { errors?: Array<{ field: string; message: string }> };
}

export interface ImportJob {
  id: string;
  status: 'running' | 'finished';
  caseId: string | null;
  total: number;
  done: number;
  startedAt: string;
  finishedAt?: string;
  items: ImportJobItem[];
}

export interface ImportResult {
  sourceId: string;
  duplicate: boolean;
  title: string;
  suggestions: { added: number; known: number };
}

export interface Source {
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedDate: string | null;
  language: string | null;
  text?: string;
  caseIds?: string[];
  originalFilename?: string | null;
}

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface Candidate {
  id: string;
  name: string;
  score: number;
}

export type SuggestionKind = 'person' | 'organization' | 'place' | 'event';
export type SuggestionStatus = 'pending' | 'accepted' | 'merged' | 'rejected';

export interface Suggestion {
  id: string;
  sourceId: string;
  kind: SuggestionKind;
  payload: {
    name?: string;
    role?: string;
    kind?: string;
    mentions?: Span[];
    candidates?: Candidate[];
    type?: string;
    date?: string | null;
    precision?: string;
    subject?: string | null;
    evidence?: Span;
    confidence?: number;
  };
  start: number;
  end: number;
  confidence: number;
  status: SuggestionStatus;
  disputes: string[];
  resultRecordType: string | null;
  resultRecordId: string | null;
}

interface Page<T> {
  items: T[];
  next: string | null;
}

export const importKeys = {
  jobs: ['imports'] as const,
  job: (id: string) => ['imports', id] as const,
  source: (id: string) => ['source', id] as const,
  suggestions: (id: string) => ['source', id, 'suggestions'] as const,
  casePicker: (q: string) => ['cases', 'picker', q] as const,
};

/** Sends the files as one import job (multipart: each a `file` part, and the case). */
export async function startImport(files: File[], caseId: string | null): Promise<ImportJob> {
  const form = new FormData();
  if (caseId) form.append('caseId', caseId);
  for (const file of files) form.append('file', file, file.name);
  const res = await fetch('/api/imports', { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' }, body: form });
  const text = await res.text();
  const body: unknown = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, (body as Problem | null) ?? {}, null);
  return body as ImportJob;
}

/** A pasted text as one document (the raw body, as text/plain; Markdown reads as text). */
export async function uploadText(text: string, title: string, caseId: string | null): Promise<ImportResult> {
  const query = new URLSearchParams();
  // The title becomes the document's first line when given: intake takes a first heading as the title.
  query.set('filename', `${(title.trim() || 'pasted text').slice(0, 200)}.md`);
  if (caseId) query.set('caseId', caseId);
  const body = title.trim() ? `# ${title.trim()}\n\n${text}` : text;
  const res = await fetch(`/api/sources/upload?${query.toString()}`, {
    method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json', 'content-type': 'text/markdown; charset=utf-8' }, body,
  });
  const raw = await res.text();
  const parsed: unknown = raw && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(raw) : null;
  if (!res.ok) throw new ApiError(res.status, (parsed as Problem | null) ?? {}, null);
  return parsed as ImportResult;
}

export const fetchUrl = (url: string, caseId: string | null) =>
  api<ImportResult>('/api/sources/fetch', { method: 'POST', body: caseId ? { url, caseId } : { url } });

/** A running job is asked again every second until it has finished. */
export const useImportJob = (id: string | null) =>
  useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: () => api<ImportJob>(`/api/imports/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.status === 'finished' ? false : 1_000),
  });

/** Your jobs; asked again every few seconds while one of them runs (started in another tab, say). */
export const useImportJobs = (enabled: boolean) =>
  useQuery({
    queryKey: importKeys.jobs,
    queryFn: async () => (await api<Page<ImportJob>>('/api/imports')).items,
    enabled,
    refetchInterval: (query) => (query.state.data?.some((job) => job.status === 'running') ? 3_000 : false),
  });

/** Cases whose subject's name matches, for the case picker (the server searches every spelling). */
export const useCasePicker = (q: string) =>
  useQuery({
    queryKey: importKeys.casePicker(q),
    queryFn: async () => {
      const query = new URLSearchParams({ limit: '20', sort: 'updated' });
      if (q.trim()) query.set('q', q.trim());
      return (await api<Page<Case>>(`/api/cases?${query.toString()}`)).items;
    },
    staleTime: 30_000,
  });

export const useSource = (id: string) =>
  useQuery({ queryKey: importKeys.source(id), queryFn: () => api<Source>(`/api/sources/${encodeURIComponent(id)}`) });

export const useSuggestions = (id: string) =>
  useQuery({
    queryKey: importKeys.suggestions(id),
    queryFn: async () => (await api<Page<Suggestion>>(`/api/sources/${encodeURIComponent(id)}/suggestions`)).items,
  });

export type Decision =
  | { action: 'accept'; fields?: Record<string, unknown>; caseId?: string }
  | { action: 'merge'; recordId: string }
  | { action: 'reject' };

export function decide(id: string, decision: Decision): Promise<Suggestion> {
  const path = `/api/suggestions/${encodeURIComponent(id)}/${decision.action}`;
  if (decision.action === 'merge') return api<Suggestion>(path, { method: 'POST', body: { recordId: decision.recordId } });
  if (decision.action === 'accept') {
    const body: Record<string, unknown> = {};
    if (decision.fields) body.fields = decision.fields;
    if (decision.caseId) body.caseId = decision.caseId;
    return api<Suggestion>(path, { method: 'POST', body });
  }
  return api<Suggestion>(path, { method: 'POST' });
}

/** After a decision: the suggestion in the list, and the case whose timeline or people it changed. */
export function afterDecision(client: QueryClient, sourceId: string, updated: Suggestion, caseId: string | null) {
  client.setQueryData<Suggestion[]>(importKeys.suggestions(sourceId), (old) => old?.map((s) => (s.id === updated.id ? updated : s)));
  void client.invalidateQueries({ queryKey: importKeys.suggestions(sourceId) });
  if (caseId) {
    void client.invalidateQueries({ queryKey: keys.timeline(caseId) });
    void client.invalidateQueries({ queryKey: keys.case(caseId) });
  }
  void client.invalidateQueries({ queryKey: keys.cases });
}

/** The field errors of a 400 problem, by field name without the `fields.` prefix. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors = (error.problem as { errors?: Array<{ field: string; message: string }> }).errors ?? [];
  return Object.fromEntries(errors.map((e) => [e.field.replace(/^fields\./, ''), e.message]));
}
