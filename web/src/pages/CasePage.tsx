// A case: the person (every spelling), status, facility, days held, open alerts with why, and the
// timeline in date order with dates at their precision and disputed facts showing both sides.
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useCase, useCaseAlerts, useTimeline, type Claim, type TimelineEvent } from '../api.ts';
import { KindBadge, SeverityBadge, SEVERITIES, StatusBadge, kindColor } from '../components/Badges.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { countryName, formatDay, humanize } from '../format.ts';
import { t } from '../strings/index.ts';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>{label}</Text>
      <div data-testid={testId}>{children}</div>
    </div>
  );
}

function ClaimLine({ claim }: { claim: Claim }) {
  const source = claim.source;
  return (
    <div className="quote">
      <Text size="sm">
        <Text span fw={600} c={claim.stance === 'disputes' ? 'red.9' : undefined}>
          {claim.stance === 'disputes' ? t.case.disputes : t.case.supports}:
        </Text>{' '}
        {claim.quote ? `“${claim.quote}”` : ''}
      </Text>
      {source && (
        <Text size="xs" c="dimmed">
          {source.url ? <Anchor href={source.url} size="xs" target="_blank" rel="noreferrer">{source.title ?? source.url}</Anchor> : source.title}
          {source.publisher ? ` · ${source.publisher}` : ''}
          {source.publishedDate ? ` · ${source.publishedDate}` : ''}
        </Text>
      )}
    </div>
  );
}

function Event({ event }: { event: TimelineEvent }) {
  return (
    <li data-testid="timeline-event">
      <Text className="when" size="sm">{event.dateLabel ?? t.common.unknown}</Text>
      <div className="kind-bar" style={{ ['--kind-color' as string]: `var(--mantine-color-${kindColor(event.kind)}-6)` }}>
        <Group gap="xs" wrap="wrap">
          <KindBadge kind={event.kind} />
          <Text fw={600} size="sm">{humanize(event.type)}</Text>
          {event.disputed && (
            <Badge color="red.9" variant="outline" radius="sm" size="sm" title={t.case.disputedHint}>{t.case.disputed}</Badge>
          )}
        </Group>
        {event.description && <Text size="sm" mt={4}>{event.description}</Text>}
        {event.place && <Text size="xs" c="dimmed">{t.case.place}: {event.place.name}</Text>}
        {event.claims.length === 0 ? (
          <Text size="xs" c="dimmed" mt={4}>{t.case.noSources}</Text>
        ) : (
          <details open={event.disputed} style={{ marginTop: 4 }}>
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

export function CasePage() {
  const { id = '' } = useParams();
  const kase = useCase(id);
  const alerts = useCaseAlerts(id);
  const timeline = useTimeline(id);

  if (kase.isPending) return <Loading />;
  if (kase.isError) return <ErrorState error={kase.error} onRetry={() => void kase.refetch()} />;
  const c = kase.data;
  const days = c.daysInDetention;
  const rank = (s: string) => { const i = SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]); return i < 0 ? 99 : i; };

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/cases" size="sm">← {t.common.backToCases}</Anchor>
        <Title order={1} size="h2" mt={4} dir="auto">{c.subject?.canonicalName ?? t.common.unknown}</Title>
        {c.subject && c.subject.aliases.length > 0 && (
          <Text size="sm" c="dimmed" data-testid="aliases">
            {t.case.alsoWritten}:{' '}
            {c.subject.aliases.map((alias, i) => (
              <span key={alias}>
                {i > 0 && ', '}
                <bdi>{alias}</bdi>
              </span>
            ))}
          </Text>
        )}
      </div>

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact label={t.case.status}><StatusBadge status={c.status} /></Fact>
          <Fact label={t.case.daysHeld} testId="days-held">
            <Text fw={600}>{days?.days ? days.label : t.case.notHeld}</Text>
            {days?.ongoing && <Text size="xs" c="dimmed">{t.case.ongoing}</Text>}
          </Fact>
          <Fact label={t.case.facility}><Text>{c.currentFacility?.name ?? t.case.noFacility}</Text></Fact>
          <Fact label={t.case.country}><Text>{countryName(c.country) || t.common.unknown}</Text></Fact>
        </SimpleGrid>
        {c.tags.length > 0 && (
          <Group gap={6} mt="md" aria-label={t.case.tags}>
            {c.tags.map((tag) => <Badge key={tag} variant="default" radius="sm" tt="none" fw={500}>{tag}</Badge>)}
          </Group>
        )}
        {c.summary && <Text size="sm" mt="md" maw="75ch">{c.summary}</Text>}
      </Paper>

      <section aria-labelledby="alerts-title">
        <Title order={2} size="h3" id="alerts-title" mb="xs">
          {t.case.alerts}{alerts.data ? ` (${alerts.data.length})` : ''}
        </Title>
        {alerts.isPending ? (
          <Loading />
        ) : alerts.isError ? (
          <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
        ) : alerts.data.length === 0 ? (
          <Empty>{t.case.noAlerts}</Empty>
        ) : (
          <Stack gap="xs" data-testid="case-alerts">
            {[...alerts.data].sort((a, b) => rank(a.severity) - rank(b.severity)).map((a) => (
              <Paper key={a.id} withBorder p="sm">
                <Group gap="xs" wrap="wrap">
                  <SeverityBadge severity={a.severity} />
                  <Text fw={600} size="sm">{t.rule[a.ruleId] ?? humanize(a.ruleId)}</Text>
                  {a.since && <Text size="sm" c="dimmed">{t.case.since(formatDay(a.since))}</Text>}
                </Group>
                <Text size="sm" mt={4}>{a.explanation}</Text>
              </Paper>
            ))}
          </Stack>
        )}
      </section>

      <section aria-labelledby="timeline-title">
        <Title order={2} size="h3" id="timeline-title" mb="xs">{t.case.timeline}</Title>
        <Paper withBorder px="md" py="xs">
          {timeline.isPending ? (
            <Loading />
          ) : timeline.isError ? (
            <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
          ) : timeline.data.length === 0 ? (
            <Empty>{t.case.noEvents}</Empty>
          ) : (
            <ol className="timeline">
              {timeline.data.map((event) => <Event key={event.id} event={event} />)}
            </ol>
          )}
        </Paper>
      </section>
    </Stack>
  );
}
