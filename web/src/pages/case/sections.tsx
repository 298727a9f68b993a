// The case file's parts besides the timeline: legal proceedings, custody, health (conditions and
// every request for care with how long it has waited), visits and their findings, advocacy, and
// the sources. Each lists its records in date order with a way to add and edit them.
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDayRange, formatPreciseDate, tryParsePreciseDate, waitingDays } from '../../../../src/domain/dates.ts';
import type { TimelineEvent } from '../../api.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import type { FormKind } from '../../forms/spec.ts';
import { humanize } from '../../format.ts';
import { t } from '../../strings/index.ts';
import { useCaseActions } from './actions.ts';
import { useCareRequests, useCaseSources, useDetentionPeriods, useHealthConditions, useNames, useVisits, type CareRequest } from './api.ts';
import { EventList } from './EventList.tsx';

const s = t.records;

/** A partial date as people say it ("March 2023", "2019"). */
export function dateText(value: string | null | undefined): string {
  if (!value) return t.common.unknown;
  const parsed = tryParsePreciseDate(value);
  return parsed.ok ? formatPreciseDate(parsed.value) : value;
}

const today = () => new Date().toISOString().slice(0, 10);

function Block({ title, add, children }: { title: string; add?: { kind: FormKind; defaults?: Record<string, unknown> }; children: ReactNode }) {
  const { canEdit, edit } = useCaseActions();
  return (
    <section>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">{title}</Title>
        {canEdit && add && (
          <Button size="xs" variant="light" onClick={() => edit({ kind: add.kind, defaults: add.defaults })}>
            {s.add(s.kindName[add.kind] ?? add.kind)}
          </Button>
        )}
      </Group>
      {children}
    </section>
  );
}

function Row({ children, onEdit, label }: { children: ReactNode; onEdit: () => void; label: string }) {
  const { canEdit } = useCaseActions();
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>{children}</div>
        {canEdit && <Button size="compact-xs" variant="subtle" onClick={onEdit} aria-label={`${s.editShort}: ${label}`}>{s.editShort}</Button>}
      </Group>
    </Paper>
  );
}

function Query<T>({ query, empty, children }: { query: { isPending: boolean; isError: boolean; error: unknown; data?: T[]; refetch: () => unknown }; empty: string; children: (items: T[]) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data || query.data.length === 0) return <Empty>{empty}</Empty>;
  return <Stack gap="xs">{children(query.data)}</Stack>;
}

export function LegalSection({ events }: { events: TimelineEvent[] }) {
  return (
    <Block title={s.section.legal} add={{ kind: 'event', defaults: { type: 'hearing' } }}>
      <Paper withBorder px="md" py="xs"><EventList events={events.filter((e) => e.kind === 'legal')} empty={s.legal.empty} /></Paper>
    </Block>
  );
}

export function CustodySection({ events }: { events: TimelineEvent[] }) {
  const { caseId, edit } = useCaseActions();
  const periods = useDetentionPeriods(caseId);
  const places = useNames('places');
  return (
    <Stack gap="lg">
      <Block title={s.custody.periods} add={{ kind: 'detention_period' }}>
        <Query query={periods} empty={s.custody.noPeriods}>
          {(items) => items.map((p) => {
            const when = `${dateText(p.start)} – ${p.end ? dateText(p.end) : s.custody.stillHeld}`;
            return (
              <Row key={p.id} onEdit={() => edit({ kind: 'detention_period', record: p })} label={when}>
                <Text fw={600} size="sm">{when}</Text>
                <Text size="sm">
                  {[p.facilityId ? places.data?.get(p.facilityId) : null, p.basis ? s.option[p.basis] : null].filter(Boolean).join(' · ') || t.case.noFacility}
                </Text>
                {p.notes && <Text size="sm" c="dimmed">{p.notes}</Text>}
              </Row>
            );
          })}
        </Query>
      </Block>
      <Block title={s.custody.events} add={{ kind: 'event', defaults: { type: 'transfer' } }}>
        <Paper withBorder px="md" py="xs"><EventList events={events.filter((e) => e.kind === 'custody')} empty={s.custody.noEvents} /></Paper>
      </Block>
    </Stack>
  );
}

const WAITING = new Set(['open', 'unanswered']);
const STATUS_COLOR: Record<string, string> = { open: 'yellow', unanswered: 'orange', denied: 'red.9', granted: 'teal', fulfilled: 'green' };

/** How long a request has waited: to today while held, or until custody ended. */
function waited(request: CareRequest, heldUntil: string | null): string | null {
  if (!WAITING.has(request.status)) return null;
  const wait = waitingDays(request.requestedOn, heldUntil, today());
  if (!wait) return null;
  const label = formatDayRange(wait.range, { lowerBound: wait.lowerBound });
  return heldUntil ? s.health.waited(label) : s.health.waiting(label);
}

export function HealthSection({ events }: { events: TimelineEvent[] }) {
  const { caseId, edit } = useCaseActions();
  const conditions = useHealthConditions(caseId);
  const requests = useCareRequests(caseId);
  const periods = useDetentionPeriods(caseId);
  const conditionName = new Map((conditions.data ?? []).map((c) => [c.id, c.name]));
  // Custody over: the clock stops at the end of the last period.
  const ended = periods.data && periods.data.length > 0 && periods.data.every((p) => p.end) ? periods.data.at(-1)!.end : null;
  return (
    <Stack gap="lg">
      <Block title={s.health.conditions} add={{ kind: 'health_condition' }}>
        <Query query={conditions} empty={s.health.noConditions}>
          {(items) => items.map((c) => (
            <Row key={c.id} onEdit={() => edit({ kind: 'health_condition', record: c })} label={c.name}>
              <Group gap="xs">
                <Text fw={600} size="sm">{c.name}</Text>
                {c.severity && c.severity !== 'unknown' && <Badge variant="light" color="pink" c="dark.7" radius="sm" size="sm">{s.option[c.severity]}</Badge>}
                {c.specialistCareNeeded && <Badge variant="outline" color="dark" radius="sm" size="sm">{s.health.specialist}</Badge>}
              </Group>
              {c.onset && <Text size="sm" c="dimmed">{s.field.onset}: {dateText(c.onset)}</Text>}
              {c.description && <Text size="sm">{c.description}</Text>}
            </Row>
          ))}
        </Query>
      </Block>
      <Block title={s.health.requests} add={{ kind: 'care_request', defaults: { urgency: 'routine', status: 'open' } }}>
        <Query query={requests} empty={s.health.noRequests}>
          {(items) => items.map((r) => {
            const wait = waited(r, ended ?? null);
            return (
              <Row key={r.id} onEdit={() => edit({ kind: 'care_request', record: r })} label={`${s.kindName.care_request}, ${dateText(r.requestedOn)}`}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600} size="sm">{dateText(r.requestedOn)}</Text>
                  <Badge color={STATUS_COLOR[r.status] ?? 'gray'} variant={r.status === 'denied' ? 'filled' : 'light'} c={r.status === 'denied' ? 'white' : 'dark.7'} radius="sm" size="sm">
                    {s.option[r.status] ?? humanize(r.status)}
                  </Badge>
                  <Badge variant="outline" color={r.urgency === 'urgent' ? 'red.9' : 'gray'} radius="sm" size="sm">{s.option[r.urgency]}</Badge>
                  {wait && <Text size="sm" fw={600} c={r.urgency === 'urgent' ? 'red.9' : undefined} data-testid="care-waiting">{wait}</Text>}
                </Group>
                {r.conditionId && <Text size="sm" c="dimmed">{s.field.conditionId}: {conditionName.get(r.conditionId) ?? '…'}</Text>}
                {r.description && <Text size="sm">{r.description}</Text>}
              </Row>
            );
          })}
        </Query>
      </Block>
      <Block title={s.health.events} add={{ kind: 'event', defaults: { type: 'medical_request' } }}>
        <Paper withBorder px="md" py="xs"><EventList events={events.filter((e) => e.kind === 'health')} empty={s.health.noEvents} /></Paper>
      </Block>
    </Stack>
  );
}

export function VisitsSection({ events }: { events: TimelineEvent[] }) {
  const { caseId, edit } = useCaseActions();
  const visits = useVisits(caseId);
  const places = useNames('places');
  const bodies = useNames('organizations');
  return (
    <Stack gap="lg">
      <Block title={s.section.visits} add={{ kind: 'visit' }}>
        <Query query={visits} empty={s.visits.empty}>
          {(items) => items.map((v) => {
            const who = v.visitingBodyId ? bodies.data?.get(v.visitingBodyId) : null;
            const where = v.facilityId ? places.data?.get(v.facilityId) : null;
            return (
              <Row key={v.id} onEdit={() => edit({ kind: 'visit', record: v })} label={`${s.kindName.visit}, ${dateText(v.date)}`}>
                <Text fw={600} size="sm">{dateText(v.date)}{who ? ` · ${who}` : ''}</Text>
                {where && <Text size="sm" c="dimmed">{where}</Text>}
                {(v.findings ?? []).length > 0 && (
                  <Stack gap={2} mt={4}>
                    <Text size="xs" fw={600} tt="uppercase" c="dimmed">{s.visits.findings((v.findings ?? []).length)}</Text>
                    {(v.findings ?? []).map((f, i) => (
                      <Text key={i} size="sm">• {f.description}{f.documentsInjuries ? <Badge ml={6} size="xs" color="red.9" variant="outline" radius="sm">{s.visits.injuries}</Badge> : null}</Text>
                    ))}
                  </Stack>
                )}
                {(v.recommendations ?? []).length > 0 && (
                  <Stack gap={2} mt={4}>
                    <Text size="xs" fw={600} tt="uppercase" c="dimmed">{s.visits.recommendations}</Text>
                    {(v.recommendations ?? []).map((r, i) => <Text key={i} size="sm">• {r.text}{r.followUpStatus ? ` (${humanize(r.followUpStatus)})` : ''}</Text>)}
                  </Stack>
                )}
              </Row>
            );
          })}
        </Query>
      </Block>
      <Block title={s.visits.events} add={{ kind: 'event', defaults: { type: 'visit' } }}>
        <Paper withBorder px="md" py="xs"><EventList events={events.filter((e) => e.kind === 'monitoring')} empty={s.visits.empty} /></Paper>
      </Block>
    </Stack>
  );
}

export function AdvocacySection({ events }: { events: TimelineEvent[] }) {
  return (
    <Block title={s.section.advocacy} add={{ kind: 'event', defaults: { type: 'public_appeal' } }}>
      <Paper withBorder px="md" py="xs"><EventList events={events.filter((e) => e.kind === 'advocacy')} empty={s.advocacy.empty} /></Paper>
    </Block>
  );
}

export function SourcesSection() {
  const { caseId, showSource, edit } = useCaseActions();
  const sources = useCaseSources(caseId);
  return (
    <Block title={s.section.sources}>
      <Query query={sources} empty={s.sources.empty}>
        {(items) => items.map((src) => (
          <Row key={src.id} onEdit={() => edit({ kind: 'source', record: src })} label={src.title}>
            <Anchor component="button" type="button" fw={600} size="sm" ta="start" onClick={() => showSource({ sourceId: src.id })}>{src.title}</Anchor>
            <Group gap="xs" mt={2}>
              {src.publisher && <Text size="sm">{src.publisher}</Text>}
              {src.publishedDate && <Text size="sm" c="dimmed">{dateText(src.publishedDate)}</Text>}
              {src.reliability && <Badge variant="default" radius="sm" tt="none" size="sm">{s.sources.reliability(src.reliability)}</Badge>}
            </Group>
          </Row>
        ))}
      </Query>
    </Block>
  );
}
