// The public case page and the list of public cases, as complete HTML documents rendered with
// React on the server: every text is escaped by React, no script runs on the page, and the page
// reads well printed or without styles. Pure: data in, HTML out.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { formatPreciseDate, tryParsePreciseDate } from '../domain/dates.ts';
import { publicSlug } from '../domain/slug.ts';
import type { PublicCase, PublicCaseRef } from '../store/public.ts';

const STATUS: Record<string, string> = {
  detained: 'Detained', released: 'Released', abroad_for_treatment: 'Abroad for treatment',
  conditional_release: 'Conditional release', deceased: 'Deceased', unknown: 'Status unknown',
};

const countries = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (code: string | null) => {
  if (!code) return null;
  try {
    return countries.of(code) ?? code;
  } catch {
    return code;
  }
};

const humanize = (id: string) => id.charAt(0).toUpperCase() + id.slice(1).replace(/_/g, ' ');

/** A date at its own precision ("2019", "March 2023", "before 14 May 2022"). */
export function dateText(value: string | null): string {
  if (!value) return 'Date unknown';
  const parsed = tryParsePreciseDate(value);
  return parsed.ok ? formatPreciseDate(parsed.value) : value;
}

const STYLE = `
body { font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1a1b1e; background: #f8f9fa; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
header.site { border-bottom: 1px solid #dee2e6; background: #fff; }
header.site div { max-width: 46rem; margin: 0 auto; padding: 0.75rem 1rem; font-weight: 700; }
header.site a { color: inherit; text-decoration: none; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; }
.aka, .muted { color: #495057; font-size: 0.9rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.75rem 1.5rem; background: #fff; border: 1px solid #dee2e6; border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.facts dt { font-size: 0.75rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.03em; color: #495057; }
.facts dd { margin: 0; font-weight: 600; }
ol.timeline { list-style: none; padding: 0; margin: 0; }
ol.timeline li { display: grid; grid-template-columns: 9rem 1fr; gap: 0 1rem; padding: 0.6rem 0; border-top: 1px solid #dee2e6; }
ol.timeline li:first-child { border-top: 0; }
.when { font-weight: 600; font-variant-numeric: tabular-nums; }
.what { font-weight: 600; }
.disputed { color: #c92a2a; font-size: 0.8rem; font-weight: 700; text-transform: uppercase; margin-left: 0.5rem; }
sup a { text-decoration: none; }
ol.sources li { margin: 0.25rem 0; }
a { color: #1864ab; }
footer { margin-top: 3rem; color: #495057; font-size: 0.85rem; }
@media (max-width: 36em) { ol.timeline li { grid-template-columns: 1fr; } }
`;

function Page({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        <link rel="alternate" type="application/atom+xml" title="Public case updates" href="/public/feed.atom" />
        <style>{STYLE}</style>
      </head>
      <body>
        <header className="site"><div><a href="/public/cases">Habeas · public case files</a></div></header>
        <main>{children}</main>
      </body>
    </html>
  );
}

const document = (page: ReactNode) => `<!doctype html>\n${renderToStaticMarkup(page)}`;

export interface DaysHeld {
  label: string;
  ongoing: boolean;
}

export function renderPublicCase(c: PublicCase, days: DaysHeld | null, generatedAt = new Date()): string {
  const footnote = new Map(c.sources.map((s, i) => [s.id, i + 1]));
  const current = c.periods.at(-1);
  const held = days ? `${days.label}${days.ongoing ? ', still held' : ''}` : 'No detention recorded';
  return document(
    <Page title={`${c.name} — public case file`} description={`${c.name}: ${STATUS[c.status] ?? c.status}. ${held}.`}>
      <h1 dir="auto">{c.name}</h1>
      {c.aliases.length > 0 && <p className="aka">Also written: {c.aliases.map((a, i) => <span key={a}>{i > 0 && ', '}<bdi>{a}</bdi></span>)}</p>}
      <dl className="facts">
        <div><dt>Status</dt><dd>{STATUS[c.status] ?? humanize(c.status)}</dd></div>
        <div><dt>Days held</dt><dd data-testid="days-held">{held}</dd></div>
        {current?.facility && <div><dt>{current.end ? 'Last held at' : 'Held at'}</dt><dd>{current.facility}</dd></div>}
        {c.country && <div><dt>Country</dt><dd>{countryName(c.country)}</dd></div>}
      </dl>
      {c.summary && <p dir="auto">{c.summary}</p>}

      <h2>Timeline</h2>
      {c.events.length === 0 ? <p className="muted">No events are recorded yet.</p> : (
        <ol className="timeline">
          {c.events.map((e) => (
            <li key={e.id}>
              <span className="when">{dateText(e.date)}</span>
              <div>
                <span className="what">{humanize(e.type)}</span>
                {e.disputed && <span className="disputed">Disputed</span>}
                {e.sourceIds.map((id) => <sup key={id}> <a href={`#source-${footnote.get(id)}`}>[{footnote.get(id)}]</a></sup>)}
                {e.description && <div dir="auto">{e.description}</div>}
                {e.place && <div className="muted">{e.place}</div>}
              </div>
            </li>
          ))}
        </ol>
      )}

      <h2>Sources</h2>
      {c.sources.length === 0 ? <p className="muted">No public source is listed yet.</p> : (
        <ol className="sources">
          {c.sources.map((s, i) => (
            <li key={s.id} id={`source-${i + 1}`}>
              {s.url ? <a href={s.url} rel="noopener noreferrer nofollow">{s.title}</a> : s.title}
              {s.publisher && <span className="muted"> · {s.publisher}</span>}
              {s.publishedDate && <span className="muted"> · {dateText(s.publishedDate)}</span>}
            </li>
          ))}
        </ol>
      )}
      <footer>
        Facts as their sources state them; dates at the precision the sources allow. Updated{' '}
        {c.updatedAt.slice(0, 10)}; page generated {generatedAt.toISOString().slice(0, 10)}.{' '}
        <a href="/public/feed.atom">Follow updates (Atom)</a>
      </footer>
    </Page>,
  );
}

export function renderPublicIndex(cases: PublicCaseRef[]): string {
  return document(
    <Page title="Public case files" description="People held in detention whose case files are public.">
      <h1>Public case files</h1>
      {cases.length === 0 ? <p className="muted">No case is public yet.</p> : (
        <ul>
          {cases.map((c) => (
            <li key={c.id}>
              <a href={`/public/cases/${publicSlug(c.id, c.name)}`} dir="auto">{c.name}</a>
              <span className="muted"> · {STATUS[c.status] ?? humanize(c.status)}{c.country ? ` · ${countryName(c.country)}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </Page>,
  );
}

/** The same page for a case that does not exist and one that is not public: nothing tells them apart. */
export function renderPublicNotFound(): string {
  return document(
    <Page title="Not found" description="There is no public case file here.">
      <h1>Not found</h1>
      <p>There is no public case file at this address. <a href="/public/cases">See all public case files.</a></p>
    </Page>,
  );
}
