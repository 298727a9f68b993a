// GET /api/search for the search page: people in any spelling, sources and events by their words,
// with facets that count the matches and filters that keep some of them.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';

export type SearchKind = 'person' | 'source' | 'event';

export interface Fragment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string | null;
  fragments?: Fragment[];
  score: number;
  caseId: string | null;
  caseStatus?: string | null;
  matched?: string;
}

export interface FacetCount {
  key: string;
  count: number;
}

export interface SearchAnswer {
  items: SearchHit[];
  facets: { kind: FacetCount[]; status: FacetCount[]; country: FacetCount[] };
}

export interface SearchFilters {
  kind: string | null;
  status: string | null;
  country: string | null;
}

export const FACETS = ['kind', 'status', 'country'] as const;
export type FacetName = (typeof FACETS)[number];

export const searchKey = (q: string, filters: SearchFilters) => ['search', q, filters] as const;

/**
 * One Latin or Cyrillic letter finds too much to be worth asking (and keeps the server busy while
 * the next letter is typed); one Chinese, Japanese or Korean character can be a whole name.
 */
export const worthAsking = (q: string) => q.length >= 2 || /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(q);

/** Asks only when there is something to look for; keeps the previous answer on screen while the next one comes. */
export const useSearch = (q: string, filters: SearchFilters) =>
  useQuery({
    queryKey: searchKey(q, filters),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ q, limit: '30' });
      for (const name of FACETS) if (filters[name]) query.set(name, filters[name]);
      return api<SearchAnswer>(`/api/search?${query.toString()}`, { signal });
    },
    enabled: worthAsking(q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
