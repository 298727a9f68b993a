// What the case page reads besides the case and its timeline: the records of each section, and a
// source with its text (for the quoted words of a claim).
import { useQuery } from '@tanstack/react-query';
import { all, api } from '../../api.ts';

type Rec = Record<string, unknown>;

export interface DetentionPeriod extends Rec {
  id: string;
  start: string;
  end: string | null;
  facilityId: string | null;
  basis: string | null;
  notes: string | null;
}

export interface HealthCondition extends Rec {
  id: string;
  name: string;
  onset: string | null;
  severity?: string;
  specialistCareNeeded?: boolean;
  description: string | null;
}

export interface CareRequest extends Rec {
  id: string;
  requestedOn: string;
  conditionId: string | null;
  urgency: string;
  status: string;
  ownDoctor?: boolean;
  description: string | null;
}

export interface Visit extends Rec {
  id: string;
  date: string;
  facilityId: string | null;
  visitingBodyId: string | null;
  findings?: Array<{ description: string; documentsInjuries?: boolean }>;
  recommendations?: Array<{ text: string; followUpStatus?: string }>;
}

export interface Source extends Rec {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  publishedDate: string | null;
  reliability?: string;
  language: string | null;
  text?: string;
}

const sectionKey = (caseId: string, what: string) => ['case', caseId, what] as const;

const useCaseList = <T,>(caseId: string, path: string) =>
  useQuery({ queryKey: sectionKey(caseId, path), queryFn: () => all<T>(`/api/${path}?caseId=${encodeURIComponent(caseId)}`) });

export const useDetentionPeriods = (caseId: string) => useCaseList<DetentionPeriod>(caseId, 'detention-periods');
export const useHealthConditions = (caseId: string) => useCaseList<HealthCondition>(caseId, 'health-conditions');
export const useCareRequests = (caseId: string) => useCaseList<CareRequest>(caseId, 'care-requests');
export const useVisits = (caseId: string) => useCaseList<Visit>(caseId, 'visits');
export const useCaseSources = (caseId: string) => useCaseList<Source>(caseId, 'sources');

/** Names of places and organisations, for showing references. */
export const useNames = (path: 'places' | 'organizations') =>
  useQuery({
    queryKey: ['names', path],
    queryFn: async () => new Map((await all<{ id: string; name: string }>(`/api/${path}`)).map((r) => [r.id, r.name])),
    staleTime: 5 * 60_000,
  });

export const useSource = (id: string | null) =>
  useQuery({ queryKey: ['source', id], queryFn: () => api<Source>(`/api/sources/${encodeURIComponent(id!)}`), enabled: id !== null, staleTime: 5 * 60_000 });
