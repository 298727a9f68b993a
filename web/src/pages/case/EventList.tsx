// Events in date order: when (at the precision known), what, where, the quoted words from each
// source (a click shows them in the source), disputes with both sides, and the edit button.
import { Anchor, Stack, Text } from '@mantine/core';
import { startTransition, useEffect, useState } from 'react';
import type { Claim, TimelineEvent } from '../../api.ts';
import { kindColor } from '../../components/Badges.tsx';
import { Empty } from '../../components/States.tsx';
import { humanize } from '../../format.ts';
import { t } from '../../strings/index.ts';
import { useCaseActions } from './actions.ts';

function ClaimLine({ claim }: { claim: Claim }) {
  const { showSource } = useCaseActions();
  const source = claim.source;
  return (
    <div className="quote">
      <Text size="sm">
        <Text span fw={600} c={claim.stance === 'disputes' ? 'red.9' : undefined}>
          {claim.stance === 'disputes' ? t.case.disputes : t.case.supports}:
        </Text>{' '}
        {claim.quote && source ? (
          <Anchor component="button" type="button" size="sm" ta="start" onClick={() => showSource({ sourceId: source.id, start: claim.start, end: claim.end })}>
            “{claim.quote}”
          </Anchor>
        ) : claim.quote ? `“${claim.quote}”` : ''}
      </Text>
      {source && (
        <Text size="xs" c="dimmed">
          {source.title}
          {source.publisher ? ` · ${source.publisher}` : ''}
          {source.publishedDate ? ` · ${source.publishedDate}` : ''}
        </Text>
      )}
    </div>
  );
}

/** What the type-specific attributes say, in a few words. */
function attributeLine(event: TimelineEvent): string | null {
  const a = event.attributes ?? {};
  const parts: string[] = [];
  if (typeof a.article === 'string') parts.push(a.article);
  if (typeof a.offence === 'string') parts.push(a.offence);
  if (a.subjectPresent === true) parts.push(t.records.legal.present);
  if (a.subjectPresent === false) parts.push(t.records.legal.absent + (typeof a.subjectAbsentReason === 'string' ? `: ${a.subjectAbsentReason}` : ''));
  for (const key of ['outcome', 'sentenceKind', 'releaseKind']) if (typeof a[key] === 'string') parts.push(t.records.option[a[key]] ?? humanize(a[key]));
  if (typeof a.lengthMonths === 'number') parts.push(`${a.lengthMonths} months`);
  if (typeof a.courtDecision === 'string') parts.push(a.courtDecision);
  return parts.length ? parts.join(' · ') : null;
}

/** The event as its form edits it. */
const eventRecord = (e: TimelineEvent) => ({
  id: e.id, type: e.type, date: e.date, placeId: e.place?.id ?? null, description: e.description, attributes: e.attributes ?? {},
});

/**
 * One event. Plain elements styled in app.css rather than library components: a case page may
 * draw hundreds of these, and each library component costs more than the few tags it renders.
 */
export function EventItem({ event, selected }: { event: TimelineEvent; selected?: boolean }) {
  const { canEdit, edit } = useCaseActions();
  const details = attributeLine(event);
  const type = humanize(event.type);
  return (
    <li data-testid="timeline-event" id={`event-${event.id}`} data-selected={selected || undefined} tabIndex={-1}>
      <div className="when">{event.dateLabel ?? t.common.unknown}</div>
      <div className="kind-bar" style={{ ['--kind-color' as string]: `var(--mantine-color-${kindColor(event.kind)}-6)` }}>
        <div className="event-head">
          <span className="kind-tag" style={{ background: `var(--mantine-color-${kindColor(event.kind)}-1)` }}>{t.kind[event.kind] ?? event.kind}</span>
          <strong>{type}</strong>
          {event.disputed && <span className="disputed-tag" title={t.case.disputedHint}>{t.case.disputed}</span>}
          {canEdit && (
            <button type="button" className="event-edit" onClick={() => edit({ kind: 'event', record: eventRecord(event) })}
              aria-label={`${t.records.editShort}: ${type}, ${event.dateLabel ?? ''}`}>
              {t.records.editShort}
            </button>
          )}
        </div>
        {details && <p>{details}</p>}
        {event.description && <p>{event.description}</p>}
        {event.place && <p className="dim">{t.case.place}: {event.place.name}</p>}
        {event.claims.length === 0 ? (
          <p className="dim">{t.case.noSources}</p>
        ) : (
          <details open={event.disputed}>
            <summary>{t.case.sources(new Set(event.claims.map((c) => c.source?.id)).size)}</summary>
            <Stack gap={4} mt={4}>
              {event.claims.map((claim) => <ClaimLine key={claim.id} claim={claim} />)}
            </Stack>
          </details>
        )}
      </div>
    </li>
  );
}

/** Events drawn at once; a longer list follows in the background, so the page answers at once. */
const FIRST_EVENTS = 40;

export function EventList({ events, empty, selected }: { events: TimelineEvent[]; empty: string; selected?: string | null }) {
  const [shown, setShown] = useState(FIRST_EVENTS);
  useEffect(() => {
    if (events.length > shown) startTransition(() => setShown(events.length));
  }, [events.length, shown]);
  if (events.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ol className="timeline">
      {events.slice(0, shown).map((event) => <EventItem key={event.id} event={event} selected={event.id === selected} />)}
    </ol>
  );
}
