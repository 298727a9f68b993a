// The audit log, newest first, 50 at a time: who did what to which record and when, each entry
// with the fields it changed (before → after) behind a disclosure. `?recordId=` in the address
// narrows it to one record's history (other pages link here); "Verify the chain" asks the server
// to recompute the hash chain.
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Empty, Loading } from '../../components/States.tsx';
import { PanelError } from './PanelError.tsx';
import { humanize } from '../../format.ts';
import { t } from '../../strings/index.ts';
import { BADGE } from './UsersPanel.tsx';
import { problemText, useAuditLog, useUsers, useVerifyAudit, type AdminUser, type AuditEntry } from './api.ts';

const s = t.admin.audit;
const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
// Said by the entry itself (its record id, actor and time), or changed on every write: listing
// them would only hide what really changed.
const NOISE = new Set(['id', 'createdAt', 'createdBy', 'updatedAt']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const blank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** "displayName" → "Display name". */
const fieldLabel = (field: string) => {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields an entry changed: for a new record the fields it was given, else those that differ. */
export function changesOf(entry: Pick<AuditEntry, 'before' | 'after'>): Change[] {
  const before = isObject(entry.before) ? entry.before : {};
  const after = isObject(entry.after) ? entry.after : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !NOISE.has(f));
  return fields
    .filter((f) => !same(before[f], after[f]) && !(blank(before[f]) && blank(after[f])))
    .map((f) => ({ field: f, before: before[f], after: after[f] }));
}

function Value({ value, users }: { value: unknown; users: Map<string, AdminUser> }) {
  return (
    <Table.Td dir="auto" c={blank(value) ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
      {show(value, users)}
    </Table.Td>
  );
}

function show(value: unknown, users: Map<string, AdminUser>): string {
  if (blank(value)) return s.empty_;
  if (typeof value === 'string') {
    const user = users.get(value);
    return user ? `${user.username} (${value})` : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => show(v, users)).join(', ');
  const text = JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

export function AuditPanel() {
  const [params, setParams] = useSearchParams();
  const recordId = params.get('recordId')?.trim() || null;
  const log = useAuditLog(recordId);
  const users = useUsers();
  const verify = useVerifyAudit();
  const [draft, setDraft] = useState(recordId ?? '');
  useEffect(() => setDraft(recordId ?? ''), [recordId]);
  const byId = new Map((users.data ?? []).map((u) => [u.id, u]));
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  const filter = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { recordId: draft.trim() } : {});
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2} size="h3">{s.title}</Title>
          <Text size="sm" c="dimmed" maw="40rem">{s.intro}</Text>
        </div>
        <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>{s.verify}</Button>
      </Group>
      <div role="status" aria-live="polite">
        {verify.data && (
          <Alert color={verify.data.ok ? 'green' : 'red'} variant="light" title={verify.data.ok ? s.verifyTitleOk : s.verifyTitleBroken} data-testid="verify-result">
            {verify.data.ok ? s.verifyOk(verify.data.entries) : s.verifyBroken(verify.data.brokenAt, verify.data.reason)}
          </Alert>
        )}
      </div>
      {verify.isError && <Alert color="red" variant="light" role="alert">{t.admin.failed(problemText(verify.error))}</Alert>}
      <form onSubmit={filter} role="search" aria-label={s.recordIdHint}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={s.recordId}
            description={s.recordIdHint}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            style={{ flex: '1 1 18rem', maxWidth: '26rem' }}
            spellCheck={false}
          />
          <Button type="submit" variant="default">{s.filter}</Button>
          {recordId && <Button variant="subtle" onClick={() => setParams({})}>{s.clear}</Button>}
        </Group>
      </form>
      {recordId && <Text fw={600} style={{ wordBreak: 'break-all' }}>{s.filtered(recordId)}</Text>}
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <PanelError error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <Empty>{recordId ? s.emptyRecord : s.empty}</Empty>
      ) : (
        <>
          <Text size="sm" c="dimmed">{s.count(entries.length, log.hasNextPage)}</Text>
          <Paper withBorder>
            <ol className="audit-log" aria-label={s.title} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {entries.map((entry, i) => (
                <Entry key={entry.seq} entry={entry} users={byId} first={i === 0} filtered={recordId === entry.recordId} />
              ))}
            </ol>
          </Paper>
          {log.hasNextPage && (
            <Group justify="center">
              <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>{s.loadMore}</Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

function Entry({ entry, users, first, filtered }: { entry: AuditEntry; users: Map<string, AdminUser>; first: boolean; filtered: boolean }) {
  const changes = changesOf(entry);
  const actor = entry.actorId ? (users.get(entry.actorId)?.username ?? s.unknownUser) : s.system;
  const type = s.types[entry.recordType] ?? humanize(entry.recordType);
  // A grant names its user in `after`: say whose it is in the line itself.
  const granteeId = (entry.action === 'grant' || entry.action === 'revoke-grant') && isObject(entry.after) ? entry.after.userId : null;
  const grantee = typeof granteeId === 'string' ? (users.get(granteeId)?.username ?? s.unknownUser) : null;
  return (
    <li data-testid="audit-entry" style={{ padding: '0.75rem 1rem', borderTop: first ? 0 : '1px solid var(--mantine-color-gray-3)' }}>
      <Group gap="xs" wrap="wrap" align="baseline">
        <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="audit-seq">#{entry.seq}</Text>
        <Text size="sm" fw={600}>
          {s.actions[entry.action] ?? humanize(entry.action)}
          {grantee && ` ${entry.action === 'grant' ? s.grantedTo(grantee) : s.withdrawnFrom(grantee)}`}
        </Text>
        <Badge color="gray" variant="light" c="dark.7" radius="sm" {...BADGE}>{type}</Badge>
        <Text size="sm">{actor}</Text>
        <Text size="sm" c="dimmed" component="time" dateTime={entry.at} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {when.format(new Date(entry.at))}
        </Text>
      </Group>
      <Group gap="xs" wrap="wrap" mt={2}>
        <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>{entry.recordId}</Text>
        {!filtered && (
          <Anchor component={Link} to={`/admin/audit?recordId=${encodeURIComponent(entry.recordId)}`} size="xs">
            {s.historyOf}
          </Anchor>
        )}
        {entry.recordType === 'case' && (
          <Anchor component={Link} to={`/cases/${encodeURIComponent(entry.recordId)}`} size="xs">{s.openCase}</Anchor>
        )}
      </Group>
      {changes.length > 0 && (
        <details style={{ marginTop: '0.25rem' }}>
          <summary>{s.changesCount(changes.length)}</summary>
          <Table withTableBorder verticalSpacing={4} fz="sm" layout="fixed" mt="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="24%">{s.field}</Table.Th>
                {/* A new record has no before, a retracted one keeps its last state: one column then. */}
                {entry.before !== null && <Table.Th>{s.before}</Table.Th>}
                {entry.after !== null && <Table.Th>{entry.before === null ? s.value : s.after}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((c) => (
                <Table.Tr key={c.field}>
                  <Table.Td fw={500}>{fieldLabel(c.field)}</Table.Td>
                  {entry.before !== null && <Value value={c.before} users={users} />}
                  {entry.after !== null && <Value value={c.after} users={users} />}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </details>
      )}
    </li>
  );
}
