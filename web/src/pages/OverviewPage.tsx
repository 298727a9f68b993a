// Overview: how many are held now, open alerts by severity, the longest held, the latest updates.
import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useCases, useOpenAlerts, type Case } from '../api.ts';
import { SEVERITIES, SeverityBadge, StatusBadge } from '../components/Badges.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { countryName, formatTimestamp } from '../format.ts';
import { t } from '../strings/index.ts';

const caseName = (c: Case) => c.subject?.canonicalName ?? t.common.unknown;

// The chart library is fetched only when the overview shows a chart.
const CountsChart = lazy(() => import('../components/CountsChart.tsx'));

function countBy(cases: Case[], key: (c: Case) => string): Array<{ label: string; value: number }> {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
  return [...counts].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
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
  const cases = useCases();
  const alerts = useOpenAlerts();

  if (cases.isPending || alerts.isPending) return <Loading />;
  if (cases.isError) return <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />;
  if (alerts.isError) return <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />;

  const all = cases.data;
  const byId = new Map(all.map((c) => [c.id, c]));
  const held = all.filter((c) => c.status === 'detained').length;
  const bySeverity = SEVERITIES.map((s) => [s, alerts.data.filter((a) => a.severity === s).length] as const);
  const longest = all
    .filter((c) => c.daysInDetention?.days)
    .sort((a, b) => b.daysInDetention!.days!.min - a.daysInDetention!.days!.min)
    .slice(0, 5);
  const latest = [...all].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 5);
  const newestAlerts = [...alerts.data].sort((a, b) => b.openedAt.localeCompare(a.openedAt)).slice(0, 5);

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">{t.overview.title}</Title>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <Stat label={t.overview.heldNow} value={held.toLocaleString('en')} hint={t.overview.heldNowHint} />
        <Stat label={t.overview.openAlerts} value={alerts.data.length.toLocaleString('en')}>
          <Group gap={6} mt={6} aria-label={t.overview.bySeverity}>
            {bySeverity.filter(([, n]) => n > 0).map(([s, n]) => <SeverityBadge key={s} severity={s} count={n} />)}
          </Group>
        </Stat>
        <Stat label={t.overview.cases} value={all.length.toLocaleString('en')} hint={t.overview.casesHint} />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartPanel title={t.overview.byStatus} data={countBy(all, (c) => t.status[c.status] ?? c.status)} color="blue" />
        <ChartPanel title={t.overview.byCountry} data={countBy(all, (c) => (c.country ? countryName(c.country) : t.overview.noCountry))} color="teal" />
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
                  {byId.get(a.caseId) ? caseName(byId.get(a.caseId)!) : t.common.unknown}
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
