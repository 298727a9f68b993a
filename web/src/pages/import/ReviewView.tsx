// The review page itself (loaded only when opened): a source's text with every suggestion of
// extraction highlighted (people, organisations and places tinted by kind, events underlined in
// their kind's colour), and beside it (below, on phones) the list of suggestions; the selected one
// opens with its actions. Keys: j/k or ↓/↑ move, a accepts, e edits, m merges, r rejects.
import './review.css';
import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Radio, Select, Stack, Text, TextInput, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { EVENT_KIND_OF, EVENT_TYPES, ORGANIZATION_KINDS, PLACE_KINDS, type EventType } from '../../../../src/domain/vocabularies.ts';
import { ApiError, api, useCase, useMe } from '../../api.ts';
import { kindColor } from '../../components/Badges.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { formatDay, humanize } from '../../format.ts';
import { t } from '../../strings/index.ts';
import { CasePicker } from './CasePicker.tsx';
import { afterDecision, decide, fieldErrors, importKeys, useSource, useSuggestions, type Decision, type Source, type Suggestion } from './api.ts';

const s = t.import.reviewPage;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A suggested date at its precision: "17 October 2022", "October 2022", "2022". */
function dateLabel(date: string | null | undefined): string | null {
  if (!date) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return formatDay(date).replace(/^(\d+) (\w{3}) /, (_, d: string, m: string) => `${d} ${MONTHS.find((x) => x.startsWith(m)) ?? m} `);
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  return date;
}

const eventKind = (type: string | undefined) => EVENT_KIND_OF[type as EventType] ?? 'custody';

/** What a suggestion is called in the list and in messages. */
function label(sg: Suggestion): string {
  if (sg.kind === 'event') {
    const when = dateLabel(sg.payload.date);
    return `${t.import.eventType[sg.payload.type ?? ''] ?? humanize(sg.payload.type ?? 'event')}${when ? `, ${when}` : ''}`;
  }
  return sg.payload.name ?? sg.payload.mentions?.[0]?.text ?? '';
}

/** The spans of the text a suggestion is about: every mention of a name, the evidence of an event. */
function ranges(sg: Suggestion): Array<[number, number]> {
  if (sg.kind !== 'event' && sg.payload.mentions?.length) return sg.payload.mentions.map((m) => [m.start, m.end]);
  return [[sg.start, sg.end]];
}

interface Segment {
  start: number;
  end: number;
  entity: Suggestion | null;
  event: Suggestion | null;
}

/** The text cut where any highlight starts or ends; each piece knows the innermost name and event
 * over it. One sweep along the text: only the spans open at a cut are looked at. */
function segments(text: string, suggestions: Suggestion[]): Segment[] {
  const spans = suggestions
    .flatMap((sg) => ranges(sg).map(([a, b]) => ({ sg, a: Math.max(0, Math.min(a, text.length)), b: Math.max(0, Math.min(b, text.length)) })))
    .filter((x) => x.b > x.a)
    .sort((x, y) => x.a - y.a);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((x) => [x.a, x.b])])].sort((x, y) => x - y);
  const out: Segment[] = [];
  let open: typeof spans = [];
  let next = 0;
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    open = open.filter((x) => x.b > start);
    while (next < spans.length && spans[next]!.a <= start) open.push(spans[next++]!);
    let entity: (typeof spans)[number] | null = null;
    let event: (typeof spans)[number] | null = null;
    for (const x of open) {
      if (x.sg.kind === 'event') { if (!event || x.b - x.a < event.b - event.a) event = x; }
      else if (!entity || x.b - x.a < entity.b - entity.a) entity = x;
    }
    out.push({ start, end, entity: entity?.sg ?? null, event: event?.sg ?? null });
  }
  return out;
}

function HighlightedText({ text, suggestions, selected, onSelect }: {
  text: string;
  suggestions: Suggestion[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const pieces = useMemo(() => segments(text, suggestions), [text, suggestions]);
  // A line broken inside a paragraph (hard-wrapped text) reads as a space; a blank line stays a
  // paragraph break. One character for one, so the offsets of the suggestions still hold.
  const shown = useMemo(() => text.replace(/(?<!\n)\n(?!\n)/g, ' '), [text]);
  return (
    <div className="source-text" dir="auto" data-testid="source-text">
      {pieces.map((p) => {
        let node: ReactNode = shown.slice(p.start, p.end);
        if (p.entity) {
          const e = p.entity;
          node = (
            <mark
              className={`hl hl-${e.kind} hl-${e.status}${e.id === selected ? ' is-selected' : ''}`}
              data-suggestion={e.id}
              title={`${t.import.suggestionKind[e.kind]}: ${label(e)} (${t.import.status[e.status]})`}
              onClick={(ev) => { ev.stopPropagation(); onSelect(e.id); }}
            >
              {node}
            </mark>
          );
        }
        if (p.event) {
          const e = p.event;
          node = (
            <span
              className={`hl-event hl-${e.status}${e.id === selected ? ' is-selected' : ''}`}
              style={{ ['--event-color' as string]: `var(--mantine-color-${kindColor(eventKind(e.payload.type))}-7)` }}
              data-suggestion={e.id}
              title={`${label(e)} (${t.import.status[e.status]})`}
              onClick={() => onSelect(e.id)}
            >
              {node}
            </span>
          );
        }
        return <span key={p.start}>{node}</span>;
      })}
    </div>
  );
}

const STATUS_LOOK: Record<Suggestion['status'], { color: string; variant: 'light' | 'outline' | 'filled' }> = {
  pending: { color: 'gray', variant: 'outline' },
  accepted: { color: 'green', variant: 'light' },
  merged: { color: 'blue', variant: 'light' },
  rejected: { color: 'gray', variant: 'light' },
};

function StatusBadge({ status }: { status: Suggestion['status'] }) {
  const look = STATUS_LOOK[status];
  return (
    <Badge color={look.color} variant={look.variant} c="dark.7" radius="sm" tt="none" fw={600} size="sm" style={{ flexShrink: 0 }}>
      {t.import.status[status]}
    </Badge>
  );
}

function SuggestionKindBadge({ sg }: { sg: Suggestion }) {
  if (sg.kind === 'event') {
    const kind = eventKind(sg.payload.type);
    return (
      <Badge color={kindColor(kind)} variant="light" c="dark.7" radius="sm" size="sm" style={{ flexShrink: 0 }}>
        {t.import.suggestionKind.event} · {t.kind[kind] ?? humanize(kind)}
      </Badge>
    );
  }
  return (
    <Badge className={`kind-swatch kind-${sg.kind}`} variant="light" c="dark.7" radius="sm" size="sm" style={{ flexShrink: 0 }}>
      {t.import.suggestionKind[sg.kind]}
    </Badge>
  );
}

type Mode = 'view' | 'edit' | 'merge';

const DATE = /^(\.\.\/)?\d{4}(-\d{2}(-\d{2})?)?[~?]?(\/(\.\.|\d{4}(-\d{2}(-\d{2})?)?[~?]?))?$/;

interface EditValues {
  name: string;
  kind: string;
  type: string;
  date: string;
  description: string;
  caseId: string | null;
}

function initialValues(sg: Suggestion): EditValues {
  const p = sg.payload;
  const kind = sg.kind === 'organization' ? (p.kind === 'prison' ? 'prison_service' : p.kind ?? 'other')
    : sg.kind === 'place' ? (p.kind === 'other' ? 'region' : p.kind ?? 'city') : '';
  return {
    name: p.name ?? '', kind, type: p.type ?? 'statement', date: p.date ?? '',
    description: (p.evidence?.text ?? '').slice(0, 2_000), caseId: null,
  };
}

/** Edit, then accept: the fields of the record to create, checked here and by the server. */
function EditForm({ sg, needsCase, busy, serverError, onSubmit, onCancel }: {
  sg: Suggestion;
  needsCase: boolean;
  busy: boolean;
  serverError: unknown;
  onSubmit: (fields: Record<string, unknown>, caseId: string | undefined) => void;
  onCancel: () => void;
}) {
  const form = useForm<EditValues>({
    initialValues: initialValues(sg),
    validate: {
      name: (v) => (sg.kind !== 'event' && !v.trim() ? s.required : null),
      date: (v) => (sg.kind === 'event' && v.trim() && !DATE.test(v.trim()) ? s.dateInvalid : null),
      caseId: (v) => (needsCase && !v ? s.caseRequired : null),
    },
  });
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    const errors = fieldErrors(serverError);
    const mapped: Record<string, string> = {};
    for (const [field, message] of Object.entries(errors)) {
      const key = field === 'canonicalName' ? 'name' : field;
      mapped[key in form.values ? key : 'name'] = message;
    }
    if (Object.keys(mapped).length) form.setErrors(mapped);
    // Only when a new answer from the server arrives.
  }, [serverError]);

  const submit = form.onSubmit((v) => {
    const fields: Record<string, unknown> = sg.kind === 'event'
      ? { type: v.type, date: v.date.trim() || null, description: v.description.trim() || null }
      : sg.kind === 'person' ? { canonicalName: v.name.trim() } : { name: v.name.trim(), kind: v.kind };
    onSubmit(fields, v.caseId ?? undefined);
  });

  return (
    <form onSubmit={submit} noValidate className="edit-form" aria-label={s.editFormLabel(label(sg))}>
      <Stack gap="xs">
        {sg.kind === 'event' ? (
          <>
            <Select
              label={s.eventType}
              data={EVENT_TYPES.map((type) => ({ value: type, label: t.import.eventType[type] ?? humanize(type) }))}
              searchable
              allowDeselect={false}
              ref={first}
              {...form.getInputProps('type')}
            />
            <TextInput label={s.date} description={s.dateHint} {...form.getInputProps('date')} />
            <Textarea label={s.description} autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
          </>
        ) : (
          <>
            <TextInput label={sg.kind === 'person' ? s.fullName : s.name} required ref={first} {...form.getInputProps('name')} />
            {sg.kind !== 'person' && (
              <Select
                label={s.recordKind}
                data={(sg.kind === 'organization' ? ORGANIZATION_KINDS : PLACE_KINDS).map((k) => ({ value: k, label: t.import.recordKinds[k] ?? humanize(k) }))}
                allowDeselect={false}
                {...form.getInputProps('kind')}
              />
            )}
          </>
        )}
        {needsCase && (
          <CasePicker
            label={s.caseFor}
            description={s.caseForHint}
            required
            value={form.values.caseId}
            onChange={(id) => form.setFieldValue('caseId', id)}
            error={typeof form.errors.caseId === 'string' ? form.errors.caseId : undefined}
          />
        )}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={busy}>{s.acceptEdited}</Button>
          <Button variant="default" size="xs" onClick={onCancel}>{s.cancel}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function MergeForm({ sg, busy, onSubmit, onCancel }: { sg: Suggestion; busy: boolean; onSubmit: (recordId: string) => void; onCancel: () => void }) {
  const candidates = sg.payload.candidates ?? [];
  const [choice, setChoice] = useState<string>(candidates[0]?.id ?? '');
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => group.current?.querySelector<HTMLInputElement>('input:checked, input')?.focus(), []);
  if (candidates.length === 0) {
    return (
      <Stack gap="xs">
        <Text size="sm">{s.noCandidates}</Text>
        <Group><Button variant="default" size="xs" onClick={onCancel}>{s.cancel}</Button></Group>
      </Stack>
    );
  }
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); if (choice) onSubmit(choice); }}>
      <Stack gap="xs">
        <Radio.Group label={s.mergeInto} value={choice} onChange={setChoice} ref={group}>
          <Stack gap={6} mt={4}>
            {candidates.map((c) => (
              <Radio key={c.id} value={c.id} label={<span dir="auto">{c.name} <Text span size="xs" c="dimmed">({s.match(c.score)})</Text></span>} />
            ))}
          </Stack>
        </Radio.Group>
        <Group gap="xs">
          <Button type="submit" size="xs" loading={busy}>{s.merge}</Button>
          <Button variant="default" size="xs" onClick={onCancel}>{s.cancel}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A case by its subject's name. */
function CaseLink({ id }: { id: string }) {
  const kase = useCase(id);
  return (
    <Anchor component={Link} to={`/cases/${id}`} size="sm" dir="auto">
      {kase.data?.subject?.canonicalName ?? s.theCase}
    </Anchor>
  );
}

/** Where an accepted event went: its case, read from the event itself. */
function CaseOfEvent({ eventId, known }: { eventId: string; known: string | null }) {
  const event = useQuery({
    queryKey: ['event', eventId],
    queryFn: () => api<{ caseId: string }>(`/api/events/${encodeURIComponent(eventId)}`),
    enabled: !known,
    staleTime: Infinity,
  });
  const caseId = known ?? event.data?.caseId;
  if (!caseId) return null;
  return <Anchor component={Link} to={`/cases/${caseId}`} size="sm" fw={600}>{s.openCase}</Anchor>;
}

function Details({ sg, source, canEdit, mode, setMode, busy, error, act, caseOf }: {
  sg: Suggestion;
  source: Source;
  canEdit: boolean;
  mode: Mode;
  setMode: (mode: Mode) => void;
  busy: boolean;
  error: unknown;
  act: (decision: Decision) => void;
  caseOf: string | null;
}) {
  const p = sg.payload;
  const pending = sg.status === 'pending';
  const needsCase = sg.kind === 'event' && (source.caseIds ?? []).length !== 1;
  const candidates = p.candidates ?? [];
  const problem = error instanceof ApiError && Object.keys(fieldErrors(error)).length === 0 ? (error.problem.detail ?? error.problem.title) : null;
  return (
    <div className="details">
      <Stack gap={6}>
        {sg.kind === 'event' ? (
          <>
            {p.subject && <Text size="sm">{s.subject}: <bdi>{p.subject}</bdi></Text>}
            <Text size="sm">{s.when}: {dateLabel(p.date) ?? s.noDate}</Text>
            {p.evidence && <Text size="sm" className="quote-line">“{p.evidence.text}”</Text>}
          </>
        ) : (
          <>
            {(p.role || p.kind) && <Text size="sm">{s.roleOrKind}: {humanize(p.role ?? p.kind ?? '')}</Text>}
            {(p.mentions?.length ?? 0) > 1 && <Text size="sm">{s.mentions(p.mentions!.length)}</Text>}
            {candidates.length > 0 && (
              <Text size="sm">{s.known}: {candidates.map((c, i) => <span key={c.id}>{i > 0 && ', '}<bdi>{c.name}</bdi></span>)}</Text>
            )}
          </>
        )}
        <Text size="xs" c="dimmed">{s.confidence(Math.round(sg.confidence * 100))}</Text>
        {sg.disputes.length > 0 && (
          <Alert color="red" variant="outline" p="xs" title={s.disputesTitle}>
            <Text size="sm">{s.disputesBody(sg.disputes.length)}</Text>
            {(source.caseIds ?? []).length === 1 && <Anchor component={Link} to={`/cases/${source.caseIds![0]}`} size="sm">{s.openCase}</Anchor>}
          </Alert>
        )}
        {!pending && (
          <Group gap="xs">
            <Text size="sm" fw={600}>{s.decided[sg.status]}</Text>
            {sg.status === 'accepted' && sg.resultRecordType === 'event' && sg.resultRecordId && <CaseOfEvent eventId={sg.resultRecordId} known={caseOf} />}
          </Group>
        )}
        {problem && <Alert color="red" variant="light" p="xs" role="alert">{problem}</Alert>}
        {pending && canEdit && mode === 'view' && (
          <Group gap="xs" mt={4}>
            <Button size="xs" onClick={() => (needsCase ? setMode('edit') : act({ action: 'accept' }))} loading={busy}>{s.accept} <kbd className="key">a</kbd></Button>
            <Button size="xs" variant="default" onClick={() => setMode('edit')}>{s.edit} <kbd className="key">e</kbd></Button>
            {sg.kind !== 'event' && (
              <Button size="xs" variant="default" onClick={() => setMode('merge')} disabled={candidates.length === 0}>{s.merge} <kbd className="key">m</kbd></Button>
            )}
            <Button size="xs" variant="default" color="red.9" c="red.9" onClick={() => act({ action: 'reject' })}>{s.reject} <kbd className="key">r</kbd></Button>
          </Group>
        )}
        {pending && canEdit && mode === 'edit' && (
          <EditForm
            sg={sg}
            needsCase={needsCase}
            busy={busy}
            serverError={error}
            onSubmit={(fields, caseId) => act({ action: 'accept', fields, caseId })}
            onCancel={() => setMode('view')}
          />
        )}
        {pending && canEdit && mode === 'merge' && (
          <MergeForm sg={sg} busy={busy} onSubmit={(recordId) => act({ action: 'merge', recordId })} onCancel={() => setMode('view')} />
        )}
      </Stack>
    </div>
  );
}

/** Keys typed into a field, a list box or with a modifier are the field's, not shortcuts. */
function typing(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return Boolean(target.closest('[role="listbox"], [role="combobox"], [role="dialog"]'));
}

export default function ReviewView() {
  const { id = '' } = useParams();
  const me = useMe();
  const source = useSource(id);
  const suggestions = useSuggestions(id);
  const client = useQueryClient();
  const wide = useMediaQuery('(min-width: 62em)');
  const [selected, setSelected] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('view');
  // The case each event accepted here went to (to link it without asking the server).
  const [caseOf, setCaseOf] = useState<Record<string, string>>({});
  // The decision just made, said above the list (the selection has moved on to the next one).
  const [last, setLast] = useState<{ sg: Suggestion; caseId: string | null } | null>(null);
  const canEdit = me.data?.role === 'editor' || me.data?.role === 'admin';
  const items = useMemo(() => suggestions.data ?? [], [suggestions.data]);
  const current = items.find((x) => x.id === selected) ?? null;

  // Selects the first pending suggestion when the list first arrives.
  useEffect(() => {
    if (selected === null && items.length > 0) setSelected((items.find((x) => x.status === 'pending') ?? items[0]!).id);
  }, [items, selected]);

  const reveal = useCallback((sid: string, from: 'text' | 'list' | 'keys') => {
    requestAnimationFrame(() => {
      const item = document.querySelector<HTMLElement>(`[data-item="${sid}"]`);
      if (from !== 'list') {
        item?.scrollIntoView({ block: 'nearest' });
        if (from === 'keys') item?.querySelector<HTMLElement>('button.item-head')?.focus({ preventScroll: true });
      }
      // On a phone the text is above the list: moving there would lose the list.
      if (from !== 'text' && wide) document.querySelector(`.source-text [data-suggestion="${sid}"]`)?.scrollIntoView({ block: 'nearest' });
    });
  }, [wide]);

  const select = useCallback((sid: string, from: 'text' | 'list' | 'keys') => {
    setSelected(sid);
    setMode('view');
    reveal(sid, from);
  }, [reveal]);

  const decision = useMutation({
    mutationFn: ({ sg, d }: { sg: Suggestion; d: Decision }) => decide(sg.id, d),
    onSuccess: (updated, { d }) => {
      const caseIds = source.data?.caseIds ?? [];
      const caseId = d.action === 'accept' ? d.caseId ?? (caseIds.length === 1 ? caseIds[0]! : null) : null;
      if (caseId && updated.kind === 'event') setCaseOf((old) => ({ ...old, [updated.id]: caseId }));
      afterDecision(client, id, updated, caseId ?? (caseIds.length === 1 ? caseIds[0]! : null));
      setLast({ sg: updated, caseId: updated.kind === 'event' && updated.status === 'accepted' ? caseId : null });
      setMode('view');
      // On to the next suggestion still waiting, after this one (or before it, when none is after).
      const at = items.findIndex((x) => x.id === updated.id);
      const next = [...items.slice(at + 1), ...items.slice(0, at)].find((x) => x.status === 'pending' && x.id !== updated.id);
      if (next) select(next.id, 'keys');
    },
    // Decided meanwhile by someone else (409), or gone: the list shows what holds now.
    onError: () => void client.invalidateQueries({ queryKey: importKeys.suggestions(id) }),
  });
  const act = useCallback((d: Decision) => {
    if (current) decision.mutate({ sg: current, d });
  }, [current, decision]);

  // Shortcuts, while the focus is not in a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event) || items.length === 0) return;
      const at = items.findIndex((x) => x.id === selected);
      const move = (step: number) => {
        const next = items[Math.min(items.length - 1, Math.max(0, (at < 0 ? 0 : at + step)))];
        if (next) select(next.id, 'keys');
      };
      const key = event.key;
      if (key === 'j' || key === 'ArrowDown') move(1);
      else if (key === 'k' || key === 'ArrowUp') move(-1);
      else if (key === 'Escape' && mode !== 'view') setMode('view');
      else if (current?.status === 'pending' && canEdit && !decision.isPending && ['a', 'e', 'm', 'r'].includes(key)) {
        const needsCase = current.kind === 'event' && (source.data?.caseIds ?? []).length !== 1;
        if (key === 'a') { if (needsCase) setMode('edit'); else act({ action: 'accept' }); }
        else if (key === 'e') setMode('edit');
        else if (key === 'm' && current.kind !== 'event') setMode('merge');
        else if (key === 'r') act({ action: 'reject' });
        else return;
      } else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [items, selected, current, mode, canEdit, decision.isPending, act, select, source.data?.caseIds]);

  if (source.isPending) return <Loading />;
  if (source.isError) return <ErrorState error={source.error} onRetry={() => void source.refetch()} />;
  const src = source.data;
  const counts = items.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x.status]: (acc[x.status] ?? 0) + 1 }), {});
  const meta = [src.publisher, src.author, src.publishedDate ? dateLabel(src.publishedDate) : null, src.originalFilename].filter(Boolean);

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/import" size="sm">← {s.back}</Anchor>
        <Title order={1} size="h2" mt={4} dir="auto">{src.title}</Title>
        {meta.length > 0 && <Text size="sm" c="dimmed" dir="auto">{meta.join(' · ')}</Text>}
        {src.url && <Anchor href={src.url} size="sm" target="_blank" rel="noreferrer" className="filename">{src.url}</Anchor>}
        {(src.caseIds ?? []).length > 0 && (
          <Group gap="xs" mt={4}>
            <Text size="sm">{s.filedUnder}</Text>
            {src.caseIds!.map((cid, i) => <span key={cid}>{i > 0 && ', '}<CaseLink id={cid} /></span>)}
          </Group>
        )}
      </div>

      {canEdit && (
        <Text size="sm" className="key-help" data-testid="key-help" visibleFrom="sm">
          <span>{s.keysLabel}</span>{' '}
          <span><kbd className="key">j</kbd>/<kbd className="key">↓</kbd> {s.keyNext}</span>{' · '}
          <span><kbd className="key">k</kbd>/<kbd className="key">↑</kbd> {s.keyPrevious}</span>{' · '}
          <span><kbd className="key">a</kbd> {s.accept}</span>{' · '}
          <span><kbd className="key">e</kbd> {s.edit}</span>{' · '}
          <span><kbd className="key">m</kbd> {s.merge}</span>{' · '}
          <span><kbd className="key">r</kbd> {s.reject}</span>{' · '}
          <span><kbd className="key">Esc</kbd> {s.keyClose}</span>
        </Text>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <section aria-labelledby="text-title">
            <Group justify="space-between" align="baseline" mb="xs" wrap="wrap" gap="xs">
              <Title order={2} size="h4" id="text-title">{s.text}</Title>
              <Group gap={6} className="legend" aria-label={s.legend}>
                {(['person', 'organization', 'place'] as const).map((k) => (
                  <mark key={k} className={`hl hl-${k} hl-pending`}>{t.import.suggestionKind[k]}</mark>
                ))}
                <span className="hl-event hl-pending" style={{ ['--event-color' as string]: 'var(--mantine-color-indigo-7)' }}>{t.import.suggestionKind.event}</span>
                <span className="hl-event hl-rejected" style={{ ['--event-color' as string]: 'var(--mantine-color-gray-7)' }}>{t.import.status.rejected}</span>
              </Group>
            </Group>
            <Paper withBorder p="md">
              {!src.text ? (
                <Empty>{s.noText}</Empty>
              ) : suggestions.isError ? (
                <>
                  <ErrorState error={suggestions.error} onRetry={() => void suggestions.refetch()} />
                  <div className="source-text" dir="auto">{src.text}</div>
                </>
              ) : (
                <HighlightedText text={src.text} suggestions={items} selected={selected} onSelect={(sid) => select(sid, 'text')} />
              )}
            </Paper>
          </section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <section aria-labelledby="suggestions-title" className="suggestions-column">
            <Title order={2} size="h4" id="suggestions-title" mb={4}>{s.suggestions}</Title>
            {items.length > 0 && (
              <Text size="sm" c="dimmed" mb="xs" role="status" data-testid="review-counts">
                {s.counts(counts.pending ?? 0, counts.accepted ?? 0, counts.merged ?? 0, counts.rejected ?? 0)}
              </Text>
            )}
            {last && (
              <Alert color={last.sg.status === 'rejected' ? 'gray' : 'green'} variant="light" p="xs" mb="xs" role="status" data-testid="last-decision">
                <Group gap="xs" justify="space-between" wrap="wrap">
                  <Text size="sm"><b>{t.import.status[last.sg.status]}</b>: <bdi>{label(last.sg)}</bdi></Text>
                  {last.caseId && <Anchor component={Link} to={`/cases/${last.caseId}`} size="sm" fw={600} c="blue.9" underline="always">{s.openCase}</Anchor>}
                </Group>
              </Alert>
            )}
            {suggestions.isPending ? (
              <Loading />
            ) : suggestions.isError ? (
              <ErrorState error={suggestions.error} onRetry={() => void suggestions.refetch()} />
            ) : items.length === 0 ? (
              <Empty>{s.none}</Empty>
            ) : (
              <ul className="suggestion-list" aria-label={s.suggestions}>
                {items.map((sg) => {
                  const isSelected = sg.id === selected;
                  return (
                    <li key={sg.id} data-item={sg.id} data-status={sg.status} className={isSelected ? 'is-selected' : undefined} data-testid="suggestion">
                      <UnstyledButton
                        className="item-head"
                        aria-current={isSelected ? 'true' : undefined}
                        aria-expanded={isSelected}
                        onClick={() => select(sg.id, 'list')}
                      >
                        <Group gap={6} wrap="wrap">
                          <SuggestionKindBadge sg={sg} />
                          <Text size="sm" fw={600} dir="auto" className="item-label">{label(sg)}</Text>
                          <StatusBadge status={sg.status} />
                          {sg.disputes.length > 0 && (
                            <Badge color="red.9" variant="outline" radius="sm" size="sm" tt="none">{s.disputesBadge}</Badge>
                          )}
                        </Group>
                      </UnstyledButton>
                      {isSelected && (
                        <Details
                          sg={sg}
                          source={src}
                          canEdit={canEdit}
                          mode={mode}
                          setMode={setMode}
                          busy={decision.isPending}
                          error={decision.variables?.sg.id === sg.id ? decision.error : null}
                          act={act}
                          caseOf={caseOf[sg.id] ?? null}
                        />
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
