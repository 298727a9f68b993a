// Search: one box for people in any spelling or script and the full text of sources and events.
// The query and the filters live in the address (?q=…&kind=…&status=…&country=…), so a search can
// be shared or reloaded. While typing, one request at a time: a keystroke asks at once when no
// answer is awaited, else the latest text is asked as soon as the answer in flight arrives. So the
// server never queues a burst of stale prefixes, and the last keystroke waits for at most one
// answer instead of a fixed debounce (npm run bench -- --only web measured a 100 ms throttle at
// about a third of the 150 ms budget).
import { Button, Loader, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { StatusTag } from '../../components/Badges.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { countryName, humanize } from '../../format.ts';
import { t } from '../../strings/index.ts';
import { FACETS, useSearch, worthAsking, type FacetCount, type FacetName, type Fragment, type SearchFilters, type SearchHit } from './api.ts';

/** The matched words marked, built from the server's pieces as text: nothing the server sends is parsed as HTML. */
function Highlighted({ fragments, fallback }: { fragments?: Fragment[]; fallback: string | null }) {
  if (!fragments?.length) return fallback ? <>{fallback}</> : null;
  return <>{fragments.map((f, i) => (f.match ? <mark key={i}>{f.text}</mark> : <span key={i}>{f.text}</span>))}</>;
}

const kindLabel = (kind: string) => <span className="tag kind-label">{t.search.kindOne[kind] ?? humanize(kind)}</span>;

/**
 * One result, in plain elements styled in app.css: a page of thirty results drawn with library
 * components took a fifth of the 150 ms a keystroke may wait (npm run bench -- --only web).
 */
function Hit({ hit }: { hit: SearchHit }) {
  const caseLink = (label: string) =>
    hit.caseId ? <Link to={`/cases/${hit.caseId}`} className="hit-title" dir="auto">{label}</Link> : <strong dir="auto">{label}</strong>;
  const title = hit.kind === 'source' ? <strong dir="auto">{hit.title}</strong> : caseLink(hit.kind === 'event' ? humanize(hit.title) : hit.title);
  return (
    <li className="hit" data-testid="search-hit" data-kind={hit.kind}>
      <div className="hit-head">
        {kindLabel(hit.kind)}
        {title}
        {hit.caseStatus && <StatusTag status={hit.caseStatus} />}
      </div>
      {hit.kind === 'person' && hit.matched && hit.matched !== hit.title && (
        <p className="dim">{t.search.matchedAs} <span dir="auto" className="matched">{hit.matched}</span></p>
      )}
      {hit.kind === 'person' && !hit.caseId && <p className="dim">{t.search.noCase}</p>}
      {hit.kind !== 'person' && (hit.fragments?.length || hit.snippet) && (
        // A source's passage is an excerpt: it says so with ellipses; an event's description is whole.
        <p dir="auto" className={hit.kind === 'source' ? 'snippet excerpt' : 'snippet'}>
          <Highlighted fragments={hit.fragments} fallback={hit.snippet} />
        </p>
      )}
    </li>
  );
}

function facetLabel(facet: FacetName, key: string): string {
  if (facet === 'kind') return t.search.kind[key] ?? humanize(key);
  if (facet === 'status') return t.status[key] ?? humanize(key);
  return countryName(key);
}

function Facet({ facet, counts, value, onChange }: {
  facet: FacetName; counts: FacetCount[]; value: string | null; onChange: (value: string | null) => void;
}) {
  const id = useId();
  // Values with no match are left out, except a chosen one, which stays even when the other filters leave it nothing.
  const shown = counts.filter((c) => c.count > 0 || c.key === value);
  if (value && !shown.some((c) => c.key === value)) shown.push({ key: value, count: 0 });
  if (shown.length === 0) return null;
  return (
    <div role="group" aria-labelledby={id} className="facet">
      <Text id={id} size="sm" fw={700} mb={4}>{t.search.facet[facet]}</Text>
      <div className="facet-values">
        {shown.map((c) => {
          const active = c.key === value;
          const label = facetLabel(facet, c.key);
          return (
            <Button
              key={c.key}
              size="compact-sm"
              variant={active ? 'filled' : 'subtle'}
              color={active ? 'blue.8' : 'dark'}
              justify="space-between"
              aria-pressed={active}
              onClick={() => onChange(active ? null : c.key)}
              rightSection={
                <span className="facet-count">
                  {c.count.toLocaleString('en')}
                  <VisuallyHidden>{t.search.resultsWord(c.count)}</VisuallyHidden>
                </span>
              }
              className="facet-value"
            >
              <span dir="auto">{label}</span>
            </Button>
          );
        })}
      </div>
    </div>
  );
}

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(() => params.get('q') ?? '');
  const typed = text.trim();
  const [q, setQ] = useState(typed);
  const filters: SearchFilters = { kind: params.get('kind'), status: params.get('status'), country: params.get('country') };
  const filtered = FACETS.some((f) => filters[f]);
  const search = useSearch(q, filters);
  const awaiting = search.isFetching;

  // The latest text goes to the server whenever no answer is awaited.
  useEffect(() => {
    if (!awaiting && typed !== q) setQ(typed);
  }, [typed, q, awaiting]);

  // The address follows the box (replacing, not adding, history entries while typing).
  useEffect(() => {
    setParams((current) => {
      if ((current.get('q') ?? '') === q) return current;
      const next = new URLSearchParams(current);
      if (q) next.set('q', q);
      else next.delete('q');
      return next;
    }, { replace: true });
  }, [q, setParams]);

  const setFilter = (name: FacetName, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const clearFilters = () => {
    const next = new URLSearchParams(params);
    for (const f of FACETS) next.delete(f);
    setParams(next, { replace: true });
  };

  const answer = search.data;
  const settled = !search.isFetching && !search.isPlaceholderData;

  let body: React.ReactNode;
  if (!worthAsking(q)) body = <Text c="dimmed" py="md">{q ? t.search.moreLetters : t.search.hint}</Text>;
  else if (search.isPending) body = <Loading label={t.search.searching} />;
  else if (search.isError && !answer) body = <ErrorState error={search.error} onRetry={() => void search.refetch()} />;
  else if (answer && answer.items.length === 0 && !filtered && !search.isError) {
    body = (
      <section aria-label={t.search.title} data-testid="search-results" data-q={q} data-state={settled ? 'done' : 'loading'} aria-busy={!settled}>
        <Empty>{t.search.noMatch}</Empty>
      </section>
    );
  } else if (answer) {
    body = (
      <div className="search-layout">
        <aside aria-label={t.search.filters} className="facets">
          {FACETS.map((f) => (
            <Facet key={f} facet={f} counts={answer.facets[f]} value={filters[f]} onChange={(v) => setFilter(f, v)} />
          ))}
          {filtered && (
            <Button variant="default" size="compact-sm" onClick={clearFilters} mt="xs">{t.search.clearFilters}</Button>
          )}
        </aside>
        <section aria-label={t.search.title} data-testid="search-results" data-q={q} data-state={settled ? 'done' : 'loading'} aria-busy={!settled}>
          {search.isError ? (
            <ErrorState error={search.error} onRetry={() => void search.refetch()} />
          ) : answer.items.length === 0 ? (
            <Stack gap="xs" align="flex-start">
              <Empty>{t.search.noMatchFiltered}</Empty>
              <Button variant="default" size="xs" onClick={clearFilters}>{t.search.clearFilters}</Button>
            </Stack>
          ) : (
            <ul className="hits">
              {answer.items.map((hit) => <Hit key={`${hit.kind}-${hit.id}`} hit={hit} />)}
            </ul>
          )}
        </section>
      </div>
    );
  }

  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t.search.title}</Title>
      <TextInput
        label={t.search.box}
        placeholder={t.search.placeholder}
        type="search"
        size="md"
        autoFocus
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        rightSection={worthAsking(typed) && (!settled || typed !== q) ? <Loader size="xs" aria-hidden /> : null}
        maxLength={500}
      />
      <Text role="status" aria-live="polite" size="sm" c="dimmed" mih={20}>
        {worthAsking(q) && answer && settled ? t.search.resultsFor(answer.items.length, q) : ''}
      </Text>
      {body}
    </Stack>
  );
}
