// The case dossier as an HTML document made for reading and printing: identity, status and days
// held, a timeline figure, legal proceedings, health and every request for care with how long it
// waited, visits and findings, advocacy, the standards breached with their provisions, and the
// sources with their reliability — every statement footnoted to its sources. The confidentiality
// marking heads and ends it. React renders it on the server (every text escaped; no script).
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { formatDayRange, tryParsePreciseDate, waitingDays } from '../domain/dates.ts';
import { EVENT_KIND_OF, EVENT_KINDS, type EventType } from '../domain/vocabularies.ts';
import { breaches, countryName, humanize, type CaseDocument, type DocumentEvent } from './case-document.ts';
import { dateText } from './public-page.tsx';

const MARKING: Record<string, string> = {
  public: 'PUBLIC — the facts in this dossier may be shared',
  internal: 'INTERNAL — for the organisation’s staff and partners only',
  restricted: 'RESTRICTED — only for people granted access to this case',
};

const KIND_COLOUR: Record<string, string> = { custody: '#495057', legal: '#3b5bdb', health: '#c2255c', advocacy: '#0c8599', monitoring: '#e67700' };

const STYLE = `
@page { size: A4; margin: 22mm 18mm 20mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; color: #495057; } @top-center { content: var(--marking); } }
body { font: 10.5pt/1.5 "Noto Serif", Georgia, "Times New Roman", serif; color: #1a1b1e; max-width: 48rem; margin: 0 auto; padding: 1rem; }
h1 { font: 700 20pt/1.2 "Noto Sans", system-ui, sans-serif; margin: 0.5rem 0 0.2rem; }
h2 { font: 700 13pt/1.3 "Noto Sans", system-ui, sans-serif; margin: 1.6rem 0 0.4rem; border-bottom: 1px solid #ced4da; padding-bottom: 0.15rem; break-after: avoid; }
h3 { font: 600 11pt/1.3 "Noto Sans", system-ui, sans-serif; margin: 1rem 0 0.3rem; break-after: avoid; }
.marking { font: 700 9pt/1.4 "Noto Sans", system-ui, sans-serif; letter-spacing: 0.04em; text-align: center; border: 1.5px solid #c92a2a; color: #c92a2a; padding: 0.2rem; }
.meta, .muted { color: #495057; font-size: 9.5pt; }
dl.facts { display: grid; grid-template-columns: 10rem 1fr; gap: 0.15rem 1rem; margin: 0.5rem 0; }
dl.facts dt { color: #495057; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.4rem; border-bottom: 1px solid #dee2e6; }
th { font-family: "Noto Sans", system-ui, sans-serif; font-weight: 600; }
td.when { white-space: nowrap; width: 9rem; font-variant-numeric: tabular-nums; }
sup a { text-decoration: none; color: #1864ab; }
.disputed { color: #c92a2a; font-weight: 700; font-size: 8.5pt; }
.provision { margin: 0.2rem 0 0.2rem 1rem; }
ol.sources li { margin-bottom: 0.25rem; }
figure { margin: 0.5rem 0; }
figcaption { font-size: 9pt; color: #495057; }
tr, li { break-inside: avoid; }
`;

/** Footnote numbers: each source numbered in the order it is first cited. */
class Notes {
  private readonly numbers = new Map<string, number>();
  constructor(sourceIds: string[]) {
    sourceIds.forEach((id, i) => this.numbers.set(id, i + 1));
  }
  marks(event: DocumentEvent): ReactNode {
    const ids = [...new Set(event.claims.map((c) => c.source.id))].filter((id) => this.numbers.has(id));
    return ids.map((id) => <sup key={id}><a href={`#source-${this.numbers.get(id)}`}>[{this.numbers.get(id)}]</a></sup>);
  }
}

/** The timeline as a static figure: one lane per kind, a dot for a day, a bar for a longer span. */
function TimelineFigure({ events }: { events: DocumentEvent[] }) {
  const dated = events.flatMap((e) => {
    const d = e.date ? tryParsePreciseDate(e.date) : null;
    if (!d?.ok) return [];
    const from = d.value.earliest ?? d.value.latest;
    const to = d.value.latest ?? d.value.earliest;
    return from && to ? [{ e, from: Date.parse(from), to: Date.parse(to) + 86_400_000 }] : [];
  });
  if (dated.length === 0) return null;
  const lo = Math.min(...dated.map((d) => d.from));
  const hi = Math.max(...dated.map((d) => d.to));
  const width = 640;
  const left = 90;
  const x = (ms: number) => left + ((ms - lo) / Math.max(hi - lo, 1)) * (width - left - 10);
  const years: number[] = [];
  for (let y = new Date(lo).getUTCFullYear(); y <= new Date(hi).getUTCFullYear(); y++) if (Date.UTC(y, 0, 1) >= lo) years.push(y);
  const lane = 22;
  const height = EVENT_KINDS.length * lane + 24;
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label="Timeline of the dated events by kind">
        {years.map((y) => {
          const at = x(Date.UTC(y, 0, 1));
          return (
            <g key={y}>
              <line x1={at} x2={at} y1={0} y2={height - 18} stroke="#dee2e6" />
              <text x={at} y={height - 5} fontSize="10" textAnchor="middle" fill="#495057">{y}</text>
            </g>
          );
        })}
        {EVENT_KINDS.map((kind, i) => (
          <g key={kind}>
            <text x={0} y={i * lane + 15} fontSize="10" fontWeight="600" fill="#343a40">{humanize(kind)}</text>
            {dated.filter((d) => EVENT_KIND_OF[d.e.type as EventType] === kind).map((d) => {
              const wide = x(d.to) - x(d.from) > 6;
              const colour = KIND_COLOUR[kind];
              return wide
                ? <rect key={d.e.id} x={x(d.from)} y={i * lane + 6} width={x(d.to) - x(d.from)} height={10} rx={5} fill={colour} fillOpacity={0.3} stroke={colour} />
                : <circle key={d.e.id} cx={x(d.from)} cy={i * lane + 11} r={4.5} fill={colour} />;
            })}
          </g>
        ))}
      </svg>
      <figcaption>Dated events by kind. A bar spans a date known only to a month or a year.</figcaption>
    </figure>
  );
}

function EventTable({ events, notes }: { events: DocumentEvent[]; notes: Notes }) {
  if (events.length === 0) return <p className="muted">None recorded.</p>;
  return (
    <table>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td className="when">{dateText(e.date)}</td>
            <td>
              <strong>{humanize(e.type)}</strong>{e.claims.some((c) => c.stance === 'disputes') && <span className="disputed"> DISPUTED</span>}{notes.marks(e)}
              {e.description && <div dir="auto">{e.description}</div>}
              {e.place && <div className="muted">{e.place.name}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const WAITING = new Set(['open', 'unanswered']);

/** How long a request for care waited: to today while held, or to the end of custody. */
function waited(requestedOn: string, custodyEnd: string | null, today: string): string {
  const wait = waitingDays(requestedOn, custodyEnd, today);
  if (!wait) return '';
  const label = formatDayRange(wait.range, { lowerBound: wait.lowerBound });
  return custodyEnd ? `${label}, until custody ended` : `${label} so far`;
}

export function renderDossier(doc: CaseDocument, generatedAt = new Date()): string {
  const byKind = (kind: string) => doc.events.filter((e) => EVENT_KIND_OF[e.type as EventType] === kind);
  // Sources in the order the events first cite them, then the rest.
  const cited = [...new Set(doc.events.flatMap((e) => e.claims.map((c) => c.source.id)))];
  const order = [...cited, ...doc.sources.map((s) => s.id).filter((id) => !cited.includes(id))];
  const sourceById = new Map(doc.sources.map((s) => [s.id, s]));
  for (const e of doc.events) for (const c of e.claims) if (!sourceById.has(c.source.id)) sourceById.set(c.source.id, { ...c.source, reliability: null });
  const notes = new Notes(order);
  const marking = MARKING[doc.confidentiality] ?? MARKING.internal!;
  const today = generatedAt.toISOString().slice(0, 10);
  const custodyEnd = doc.periods.length > 0 && doc.periods.every((p) => p.end) ? doc.periods.at(-1)!.end : null;
  const conditionName = new Map(doc.conditions.map((c) => [c.id, c.name]));
  const breached = breaches(doc);

  const page = (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>{`Case dossier — ${doc.person.name}`}</title>
        <style>{`${STYLE}\n:root { --marking: "${marking.split(' —')[0]}"; }`}</style>
      </head>
      <body>
        <p className="marking">{marking}</p>
        <h1 dir="auto">{doc.person.name}</h1>
        <p className="meta">Case dossier generated {today} by Habeas from the sourced case file. Dates are given at the precision the sources allow.</p>

        <h2>Identity</h2>
        <dl className="facts">
          <dt>Name</dt><dd dir="auto">{doc.person.name}</dd>
          {doc.person.aliases.length > 0 && <><dt>Also written</dt><dd>{doc.person.aliases.map((a, i) => <span key={a}>{i > 0 && ', '}<bdi>{a}</bdi></span>)}</dd></>}
          <dt>Nationality</dt><dd>{countryName(doc.person.nationality) ?? 'Not recorded'}</dd>
          <dt>Year of birth</dt><dd>{doc.person.birthYear ?? 'Not recorded'}</dd>
        </dl>

        <h2>Status and custody</h2>
        <dl className="facts">
          <dt>Status</dt><dd>{humanize(doc.status)}</dd>
          <dt>Days held</dt><dd>{doc.daysHeld ? `${doc.daysHeld.label}${doc.daysHeld.ongoing ? ', still held' : ''}` : 'No detention recorded'}</dd>
          <dt>Country</dt><dd>{countryName(doc.country) ?? 'Not recorded'}</dd>
        </dl>
        {doc.periods.length > 0 && (
          <table>
            <thead><tr><th>From</th><th>Until</th><th>Facility</th><th>Basis</th></tr></thead>
            <tbody>
              {doc.periods.map((p, i) => (
                <tr key={i}><td>{dateText(p.start)}</td><td>{p.end ? dateText(p.end) : 'still held'}</td><td>{p.facility ?? '—'}</td><td>{p.basis ? humanize(p.basis) : '—'}</td></tr>
              ))}
            </tbody>
          </table>
        )}
        {doc.summary && <p dir="auto">{doc.summary}</p>}

        <h2>Timeline</h2>
        <TimelineFigure events={doc.events} />
        <EventTable events={doc.events} notes={notes} />

        <h2>Legal proceedings</h2>
        <EventTable events={byKind('legal')} notes={notes} />

        <h2>Health and medical care</h2>
        <h3>Conditions</h3>
        {doc.conditions.length === 0 ? <p className="muted">None recorded.</p> : (
          <ul>{doc.conditions.map((c) => <li key={c.id}><strong>{c.name}</strong>{c.severity && c.severity !== 'unknown' ? ` (${c.severity})` : ''}{c.specialistCareNeeded ? ', needs a specialist' : ''}{c.onset ? `, since ${dateText(c.onset)}` : ''}{c.description ? `. ${c.description}` : ''}</li>)}</ul>
        )}
        <h3>Requests for medical care</h3>
        {doc.careRequests.length === 0 ? <p className="muted">None recorded.</p> : (
          <table>
            <thead><tr><th>Requested</th><th>Urgency</th><th>Status</th><th>Waited</th><th>About</th></tr></thead>
            <tbody>
              {doc.careRequests.map((r) => (
                <tr key={r.id}>
                  <td className="when">{dateText(r.requestedOn)}</td>
                  <td>{humanize(r.urgency)}</td>
                  <td>{humanize(r.status)}</td>
                  <td>{WAITING.has(r.status) ? waited(r.requestedOn, custodyEnd, today) : '—'}</td>
                  <td>{[r.conditionId ? conditionName.get(r.conditionId) : null, r.description].filter(Boolean).join('. ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>Health events</h3>
        <EventTable events={byKind('health')} notes={notes} />

        <h2>Monitoring visits and findings</h2>
        {doc.visits.length === 0 ? <p className="muted">No visit recorded.</p> : doc.visits.map((v) => (
          <div key={v.id}>
            <h3>{dateText(v.date)}{v.body ? ` — ${v.body}` : ''}{v.facility ? `, ${v.facility}` : ''}</h3>
            {v.findings.length > 0 && <ul>{v.findings.map((f, i) => <li key={i}>{f.description}{f.documentsInjuries ? ' (documents injuries)' : ''}</li>)}</ul>}
            {v.recommendations.length > 0 && <p><em>Recommendations:</em> {v.recommendations.map((r) => `${r.text}${r.followUpStatus ? ` (${humanize(r.followUpStatus)})` : ''}`).join('; ')}</p>}
          </div>
        ))}
        <EventTable events={byKind('monitoring')} notes={notes} />

        <h2>Advocacy</h2>
        <EventTable events={byKind('advocacy')} notes={notes} />

        <h2>Standards breached</h2>
        {breached.length === 0 ? <p className="muted">No standard Habeas checks is known to be breached.</p> : breached.map((r) => (
          <div key={r.ruleId}>
            <h3>{r.title}</h3>
            {r.findings.map((f) => <p key={f.key}>{f.explanation}</p>)}
            {r.provisions.map((p) => <p key={p.citation} className="provision"><strong>{p.citation}</strong>: {p.summary}</p>)}
          </div>
        ))}

        <h2>Sources</h2>
        {order.length === 0 ? <p className="muted">No source is filed under this case.</p> : (
          <ol className="sources">
            {order.map((id) => {
              const s = sourceById.get(id)!;
              return (
                <li key={id} id={`source-${order.indexOf(id) + 1}`}>
                  {s.url ? <a href={s.url}>{s.title ?? s.url}</a> : s.title ?? 'Untitled source'}
                  {s.publisher && `, ${s.publisher}`}{s.publishedDate && `, ${dateText(s.publishedDate)}`}
                  {s.reliability && <span className="muted"> — reliability {s.reliability}</span>}
                </li>
              );
            })}
          </ol>
        )}
        <p className="marking">{marking}</p>
      </body>
    </html>
  );
  return `<!doctype html>\n${renderToStaticMarkup(page)}`;
}
