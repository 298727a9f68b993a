// Cases: every case you may see, a page at a time, searched and filtered by the server (the
// subject's name in any spelling, status, open alerts); the filters live in the address so a
// search can be shared or reloaded.
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { useCasesTable, useOverview, type Case } from '../api.ts';
import { StatusBadge } from '../components/Badges.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { countryName, formatTimestamp } from '../format.ts';
import { NewCaseButton } from '../forms/NewCase.tsx';
import { useRole } from '../forms/role.ts';
import { t } from '../strings/index.ts';

const STATUSES = ['detained', 'released', 'abroad_for_treatment', 'conditional_release', 'deceased', 'unknown'];

function AlertCount({ n, spelled = false }: { n: number; spelled?: boolean }) {
  if (spelled) return <Text size="sm" fw={n > 0 ? 600 : 400} c={n > 0 ? 'red.9' : 'dimmed'}>{t.cases.alertsCount(n)}</Text>;
  return n > 0 ? (
    <Badge color="red.9" variant="filled" radius="sm" aria-label={t.cases.alertsCount(n)}>{n}</Badge>
  ) : (
    <Text size="sm" c="dimmed" aria-label={t.cases.alertsCount(0)}>0</Text>
  );
}

/** What every filter of the table shares: it can be cleared, and they share a row. */
const FILTER = { clearable: true, style: { flex: '1 1 10rem', maxWidth: '14rem' } } as const;

export function CasesPage() {
  const { canEdit } = useRole();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status');
  const hasAlertsParam = params.get('alerts');
  const hasAlerts = hasAlertsParam === 'true' || hasAlertsParam === 'false' ? hasAlertsParam : null;
  const country = params.get('country');
  const tag = params.get('tag');
  const sort = params.get('sort') === 'updated' ? 'updated' : 'daysHeld';
  // The choices: the countries and tags of the cases one may see, commonest first.
  const overview = useOverview();
  const [debouncedQ] = useDebouncedValue(q, 250);
  const cases = useCasesTable({ q: debouncedQ, status, hasAlerts, country, tag, sort });
  const filtered = Boolean(q.trim() || status || hasAlerts || country || tag);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const shown = cases.data?.pages.flatMap((p) => p.items) ?? [];

  const name = (c: Case) => (
    <Anchor component={Link} to={`/cases/${c.id}`} fw={600} dir="auto">
      {c.subject?.canonicalName ?? t.common.unknown}
    </Anchor>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">{t.cases.title}</Title>
        {canEdit && <NewCaseButton />}
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t.cases.search}
          placeholder={t.cases.searchPlaceholder}
          type="search"
          value={q}
          onChange={(e) => setParam('q', e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        <Select
          label={t.cases.status}
          placeholder={t.cases.allStatuses}
          data={STATUSES.map((s) => ({ value: s, label: t.status[s] ?? s }))}
          value={status}
          onChange={(value) => setParam('status', value)}
          {...FILTER}
        />
        <Select
          label={t.cases.country}
          placeholder={t.cases.allCountries}
          data={(overview.data?.byCountry ?? []).filter((c) => c.key).map((c) => ({ value: c.key!, label: countryName(c.key) }))}
          value={country}
          onChange={(value) => setParam('country', value)}
          disabled={!overview.data}
          searchable
          {...FILTER}
        />
        <Select
          label={t.cases.tag}
          placeholder={t.cases.allTags}
          data={(overview.data?.byTag ?? []).filter((c) => c.key).map((c) => ({ value: c.key!, label: c.key! }))}
          value={tag}
          onChange={(value) => setParam('tag', value)}
          disabled={!overview.data}
          searchable
          {...FILTER}
        />
        <Select
          label={t.cases.alerts}
          placeholder={t.cases.anyAlerts}
          data={[{ value: 'true', label: t.cases.withAlerts }, { value: 'false', label: t.cases.withoutAlerts }]}
          value={hasAlerts}
          onChange={(value) => setParam('alerts', value)}
          {...FILTER}
        />
        <Select
          label={t.cases.sort}
          data={[{ value: 'daysHeld', label: t.cases.sortDaysHeld }, { value: 'updated', label: t.cases.sortUpdated }]}
          value={sort}
          onChange={(value) => setParam('sort', value === 'updated' ? value : null)}
          allowDeselect={false}
          style={{ flex: '1 1 10rem', maxWidth: '14rem' }}
        />
      </Group>

      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
      ) : shown.length === 0 && !filtered ? (
        <Empty>{t.cases.empty}</Empty>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">{t.cases.count(shown.length, cases.hasNextPage)}</Text>
          {shown.length === 0 ? (
            <Stack gap="xs" align="flex-start">
              <Empty>{t.cases.noMatch}</Empty>
              <Button variant="default" size="xs" onClick={() => setParams({}, { replace: true })}>{t.cases.clearFilters}</Button>
            </Stack>
          ) : (
            <>
              <Paper withBorder visibleFrom="sm">
                <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th style={{ whiteSpace: 'nowrap' }}>{t.cases.name}</Table.Th>
                      <Table.Th style={{ whiteSpace: 'nowrap' }}>{t.cases.status}</Table.Th>
                      <Table.Th style={{ whiteSpace: 'nowrap' }}>{t.cases.country}</Table.Th>
                      <Table.Th style={{ whiteSpace: 'nowrap' }}>{t.cases.daysHeld}</Table.Th>
                      <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t.cases.openAlerts}</Table.Th>
                      <Table.Th style={{ whiteSpace: 'nowrap' }}>{t.cases.updated}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>{name(c)}</Table.Td>
                        <Table.Td><StatusBadge status={c.status} /></Table.Td>
                        <Table.Td>{countryName(c.country)}</Table.Td>
                        <Table.Td>{c.daysInDetention?.label ?? '—'}</Table.Td>
                        <Table.Td ta="right"><AlertCount n={c.openAlerts} /></Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(c.updatedAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
              <Stack gap="sm" hiddenFrom="sm">
                {shown.map((c) => (
                  <Paper key={c.id} withBorder p="sm">
                    {name(c)}
                    <Group gap="xs" mt={4}>
                      <StatusBadge status={c.status} />
                      <Text size="sm">{countryName(c.country)}</Text>
                    </Group>
                    {c.daysInDetention && <Text size="sm" mt={4}>{t.cases.daysHeld}: {c.daysInDetention.label}</Text>}
                    <AlertCount n={c.openAlerts} spelled />
                  </Paper>
                ))}
              </Stack>
              {cases.hasNextPage && (
                <Group justify="center">
                  <Button variant="default" loading={cases.isFetchingNextPage} onClick={() => void cases.fetchNextPage()}>
                    {t.cases.loadMore}
                  </Button>
                </Group>
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
}
