// A case: the person (every spelling), status, facility, days held, open alerts with why, and the
// case file in parts — the timeline (a zoomable chart over the list of events), legal proceedings,
// custody, health, visits, advocacy and sources. Editors add and change records in place.
import { Anchor, Badge, Button, Group, Menu, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, useCase, useCaseAlerts, useTimeline, type Case } from '../../api.ts';
import { SeverityBadge, SEVERITIES, StatusBadge } from '../../components/Badges.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import type { EditTarget } from '../../forms/RecordEditor.tsx';
import { useRole } from '../../forms/role.ts';
import { countryName, formatDay, humanize } from '../../format.ts';
import { t } from '../../strings/index.ts';
import { CaseActionsContext, type CaseActions } from './actions.ts';
import { useDetentionPeriods } from './api.ts';
import { EventList } from './EventList.tsx';
import { PublishControl } from './PublishControl.tsx';
import { AdvocacySection, CustodySection, HealthSection, LegalSection, SourcesSection, VisitsSection } from './sections.tsx';
import { SourceViewer, type SourceFocus } from './SourceViewer.tsx';

// Forms load when first opened: most visits only read.
const RecordEditor = lazy(() => import('../../forms/RecordEditor.tsx').then((m) => ({ default: m.RecordEditor })));
const TimelineChart = lazy(() => import('./TimelineChart.tsx').then((m) => ({ default: m.TimelineChart })));
/** The most severe alerts show at once; the rest a click away, so the case file stays in view. */
const FIRST_ALERTS = 4;
const SECTIONS = ['timeline', 'legal', 'custody', 'health', 'visits', 'advocacy', 'sources'] as const;
type Section = (typeof SECTIONS)[number];

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>{label}</Text>
      <div data-testid={testId}>{children}</div>
    </div>
  );
}

function Alerts({ caseId }: { caseId: string }) {
  const alerts = useCaseAlerts(caseId);
  const [showAll, setShowAll] = useState(false);
  const rank = (s: string) => { const i = SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]); return i < 0 ? 99 : i; };
  return (
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
          {[...alerts.data].sort((a, b) => rank(a.severity) - rank(b.severity)).slice(0, showAll ? undefined : FIRST_ALERTS).map((a) => (
            <Paper key={a.id} withBorder p="sm">
              <Group gap="xs" wrap="wrap">
                <SeverityBadge severity={a.severity} />
                <Text fw={600} size="sm">{t.rule[a.ruleId] ?? humanize(a.ruleId)}</Text>
                {a.since && <Text size="sm" c="dimmed">{t.case.since(formatDay(a.since))}</Text>}
              </Group>
              <Text size="sm" mt={4}>{a.explanation}</Text>
            </Paper>
          ))}
          {alerts.data.length > FIRST_ALERTS && (
            <div>
              <Button variant="subtle" size="xs" onClick={() => setShowAll(!showAll)}>
                {showAll ? t.case.showFewerAlerts : t.case.showAllAlerts(alerts.data.length)}
              </Button>
            </div>
          )}
        </Stack>
      )}
    </section>
  );
}

function TimelineSection({ caseId }: { caseId: string }) {
  const timeline = useTimeline(caseId);
  const periods = useDetentionPeriods(caseId);
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    if (!selected) return;
    const item = document.getElementById(`event-${selected}`);
    item?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    item?.focus({ preventScroll: true });
  }, [selected]);
  if (timeline.isPending) return <Loading />;
  if (timeline.isError) return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
  return (
    <Stack gap="md">
      {timeline.data.length > 0 && (
        <Paper withBorder p="sm">
          <Suspense fallback={<Loading />}>
            <TimelineChart events={timeline.data} periods={periods.data ?? []} selected={selected} onSelect={setSelected} />
          </Suspense>
        </Paper>
      )}
      <Paper withBorder px="md" py="xs">
        <EventList events={timeline.data} empty={t.case.noEvents} selected={selected} />
      </Paper>
    </Stack>
  );
}

function CaseSections({ caseId }: { caseId: string }) {
  const [params, setParams] = useSearchParams();
  const timeline = useTimeline(caseId);
  const asked = params.get('section');
  const section: Section = SECTIONS.includes(asked as Section) ? (asked as Section) : 'timeline';
  const events = timeline.data ?? [];
  const needsEvents = (node: React.ReactNode) =>
    timeline.isPending ? <Loading /> : timeline.isError ? <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} /> : node;
  return (
    <Tabs
      value={section}
      onChange={(value) => setParams((p) => { p.set('section', value ?? 'timeline'); return p; }, { replace: true })}
      keepMounted={false}
    >
      <Tabs.List aria-label={t.records.section.label} className="case-tabs">
        {SECTIONS.map((key) => <Tabs.Tab key={key} value={key}>{t.records.section[key]}</Tabs.Tab>)}
      </Tabs.List>
      <Tabs.Panel value="timeline" pt="md"><TimelineSection caseId={caseId} /></Tabs.Panel>
      <Tabs.Panel value="legal" pt="md">{needsEvents(<LegalSection events={events} />)}</Tabs.Panel>
      <Tabs.Panel value="custody" pt="md">{needsEvents(<CustodySection events={events} />)}</Tabs.Panel>
      <Tabs.Panel value="health" pt="md">{needsEvents(<HealthSection events={events} />)}</Tabs.Panel>
      <Tabs.Panel value="visits" pt="md">{needsEvents(<VisitsSection events={events} />)}</Tabs.Panel>
      <Tabs.Panel value="advocacy" pt="md">{needsEvents(<AdvocacySection events={events} />)}</Tabs.Panel>
      <Tabs.Panel value="sources" pt="md"><SourcesSection /></Tabs.Panel>
    </Tabs>
  );
}

function Header({ c, canEdit, edit }: { c: Case; canEdit: boolean; edit: (target: EditTarget) => void }) {
  const days = c.daysInDetention;
  return (
    <>
      <div>
        <Anchor component={Link} to="/cases" size="sm">← {t.common.backToCases}</Anchor>
        <Title order={1} size="h2" dir="auto" mt={4}>{c.subject?.canonicalName ?? t.common.unknown}</Title>
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
        <Group gap="xs" mt="xs">
          <Menu position="bottom-start" withinPortal>
            <Menu.Target><Button variant="default" size="xs">{t.records.documents.menu}</Button></Menu.Target>
            <Menu.Dropdown>
              <Menu.Item component="a" href={`/api/cases/${c.id}/report.pdf`} download>{t.records.documents.dossierPdf}</Menu.Item>
              <Menu.Item component="a" href={`/api/cases/${c.id}/report.html`} target="_blank" rel="noreferrer">{t.records.documents.dossier}</Menu.Item>
              <Menu.Item component="a" href={`/api/cases/${c.id}/appeal.docx`} download>{t.records.documents.appeal}</Menu.Item>
              <Menu.Item component="a" href={`/api/cases/${c.id}/wgad.docx`} download>{t.records.documents.wgad}</Menu.Item>
              {canEdit && <Menu.Item component="a" href={`/api/export?caseId=${c.id}`} download>{t.records.documents.data}</Menu.Item>}
            </Menu.Dropdown>
          </Menu>
          <PublishControl c={c} canEdit={canEdit} />
          {canEdit && c.subject && (
            <Button variant="default" size="xs" onClick={() => void api<Record<string, unknown>>(`/api/persons/${c.subject!.id}`).then((record) => edit({ kind: 'person', record }))}>
              {t.records.edit(t.records.kindName.person!)}
            </Button>
          )}
          {canEdit && (
            <Button variant="default" size="xs" onClick={() => edit({ kind: 'case', record: c as unknown as Record<string, unknown> })}>
              {t.records.edit(t.records.kindName.case!)}
            </Button>
          )}
        </Group>
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
    </>
  );
}

export function CasePage() {
  const { id = '' } = useParams();
  const kase = useCase(id);
  const { canEdit } = useRole();
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const [source, setSource] = useState<SourceFocus | null>(null);
  const actions = useMemo<CaseActions>(() => ({ caseId: id, canEdit, edit: setEditing, showSource: setSource }), [id, canEdit]);

  if (kase.isPending) return <Loading />;
  if (kase.isError) return <ErrorState error={kase.error} onRetry={() => void kase.refetch()} />;
  return (
    <CaseActionsContext.Provider value={actions}>
      <Stack gap="lg">
        <Header c={kase.data} canEdit={canEdit} edit={setEditing} />
        <Alerts caseId={id} />
        <CaseSections caseId={id} />
      </Stack>
      {editing && (
        <Suspense fallback={null}>
          <RecordEditor target={editing} caseId={id} onClose={() => setEditing(null)} />
        </Suspense>
      )}
      <SourceViewer focus={source} onClose={() => setSource(null)} />
    </CaseActionsContext.Provider>
  );
}
