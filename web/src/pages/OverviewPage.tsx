// Overview: counted by the server (GET /api/overview) — held now, open alerts by severity, people held over time, the longest held, the latest updates.
import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useOverview, type Case, type Count, type HeldMonth } from '../api.ts';
import { SEVERITIES, SeverityBadge, StatusBadge } from '../components/Badges.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { countryName, formatTimestamp } from '../format.ts';
import { t } from '../strings/index.ts';

const caseName = (c: Case) => c.subject?.canonicalName ?? t.common.unknown;

// The chart library is fetched only when the overview shows a chart.
const CountsChart = lazy(() => import('../components/CountsChart.tsx'));
const HeldChart = lazy(() => import('../components/HeldChart.tsx'));

/** The server's counts (already in order: most first) with labels to show. */
const labelled = (counts: Count[], label: (key: string | null) => string) => counts.map((c) => ({ label: label(c.key), value: c.count }));

function HeldPanel({ months }: { months: HeldMonth[] }) {
  const title = t.overview.heldOverTime;
  return (
    <Paper withBorder p="md" data-testid={`chart-${title}`}>
      <Title order={2} size="h4">{title}</Title>
      <Text size="xs" c="dimmed" mb="sm">{t.overview.heldOverTimeHint}</Text>
      {months.length === 0 ? (
        <Empty>{t.overview.noHeld}</Empty>
      ) : (
        <>
          <Suspense fallback={<div style={{ height: 260 }} />}>
            <HeldChart months={months} title={title} />
          </Suspense>
          <Text size="xs" c="dimmed" mt="xs">{t.overview.heldRule}</Text>
        </>
      )}
    </Paper>
  );
}

function ChartPanel({ title, data, color }: { title: string; data: Array<{ label: string; value: number }>; color: string }) {
  return (
    <Paper withBorder p="md" data-testid={`chart-${title}`}>
      <Title order={2} size="h4" mb="sm">{title}</Title>
      {data.length === 0 ? (
        <Empty>{t.overview.noUpdates}</Empty>
      ) : (
        <Suspense fallback={<div style={{ height: data.length * 36 + 24 }} />}>
          <CountsChart data={data} title={title} color={color} />
        </Suspense>
      )}
    </Paper>
  );
}

function Stat({ label, value, hint, children }: { label: string; value: string; hint?: string; children?: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed" fw={500}>{label}</Text>
      <Text fz={32} fw={700} lh={1.2} data-testid={`stat-${label}`}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
      {children}
    </Paper>
  );
}

export function OverviewPage() {
  const overview = useOverview();

  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;

  const o = overview.data;
  const bySeverity = SEVERITIES.map((s) => [s, o.openAlerts.bySeverity.find((c) => c.key === s)?.count ?? 0] as const);
  const longest = o.longestHeld;
  const latest = o.latestUpdates;
  const newestAlerts = o.newestAlerts;

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">{t.overview.title}</Title>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <Stat label={t.overview.heldNow} value={o.heldNow.toLocaleString('en')} hint={t.overview.heldNowHint} />
        <Stat label={t.overview.openAlerts} value={o.openAlerts.total.toLocaleString('en')}>
          <Group gap={6} mt={6} aria-label={t.overview.bySeverity}>
            {bySeverity.filter(([, n]) => n > 0).map(([s, n]) => <SeverityBadge key={s} severity={s} count={n} />)}
          </Group>
        </Stat>
        <Stat label={t.overview.cases} value={o.totalCases.toLocaleString('en')} hint={t.overview.casesHint} />
      </SimpleGrid>

      <HeldPanel months={o.heldOverTime.months} />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartPanel title={t.overview.byStatus} data={labelled(o.byStatus, (s) => (s ? t.status[s] ?? s : t.common.unknown))} color="blue" />
        <ChartPanel title={t.overview.byCountry} data={labelled(o.byCountry, (c) => (c ? countryName(c) : t.overview.noCountry))} color="teal" />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={2} size="h4">{t.overview.longestHeld}</Title>
          <Text size="xs" c="dimmed" mb="xs">{t.overview.longestHeldHint}</Text>
          {longest.length === 0 ? (
            <Empty>{t.overview.noDetention}</Empty>
          ) : (
            <Table verticalSpacing={6}>
              <Table.Tbody>
                {longest.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td><Anchor component={Link} to={`/cases/${c.id}`} dir="auto">{caseName(c)}</Anchor></Table.Td>
                    <Table.Td ta="right">{c.daysInDetention!.label}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">{t.overview.latestUpdates}</Title>
          {latest.length === 0 ? (
            <Empty>{t.overview.noUpdates}</Empty>
          ) : (
            <Stack gap={8}>
              {latest.map((c) => (
                <div key={c.id}>
                  <Anchor component={Link} to={`/cases/${c.id}`} dir="auto" fw={600}>{caseName(c)}</Anchor>
                  <Group gap="xs" mt={2}>
                    <StatusBadge status={c.status} />
                    <Text size="sm" c="dimmed">{t.overview.updated(formatTimestamp(c.updatedAt))}</Text>
                  </Group>
                </div>
              ))}
            </Stack>
          )}
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">{t.overview.newestAlerts}</Title>
        {newestAlerts.length === 0 ? (
          <Empty>{t.overview.noAlerts}</Empty>
        ) : (
          <Stack gap="sm">
            {newestAlerts.map((a) => (
              <div key={a.id}>
                <Group gap="xs" wrap="wrap">
                  <SeverityBadge severity={a.severity} />
                  <Text fw={600} size="sm">{t.rule[a.ruleId] ?? a.ruleId}</Text>
                </Group>
                <Anchor component={Link} to={`/cases/${a.caseId}`} size="sm" dir="auto">
                  {a.caseName ?? t.common.unknown}
                </Anchor>
                <Text size="sm">{a.explanation}</Text>
              </div>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
