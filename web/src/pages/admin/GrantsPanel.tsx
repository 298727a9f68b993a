// Restricted cases and who may see them: one card per restricted case the administrator can see
// (the server lists no other), with the holders of a grant, a way to give another user access and
// to withdraw a grant. The server refuses to withdraw your own grant or the last one.
import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Case, User } from '../../api.ts';
import { StatusBadge } from '../../components/Badges.tsx';
import { Empty, Loading } from '../../components/States.tsx';
import { PanelError } from './PanelError.tsx';
import { formatTimestamp } from '../../format.ts';
import { t } from '../../strings/index.ts';
import { problemText, useChangeGrant, useGrants, useRestrictedCases, useUsers, type AdminUser } from './api.ts';
import { BADGE, RoleBadge } from './UsersPanel.tsx';

const s = t.admin.grants;

export function GrantsPanel({ me }: { me: User }) {
  const cases = useRestrictedCases();
  const users = useUsers();
  const shown = cases.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">{s.title}</Title>
        <Text size="sm" c="dimmed" maw="48rem">{s.intro}</Text>
      </div>
      {cases.isPending || users.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <PanelError error={cases.error} onRetry={() => void cases.refetch()} />
      ) : users.isError ? (
        <PanelError error={users.error} onRetry={() => void users.refetch()} />
      ) : shown.length === 0 ? (
        <Empty>{s.empty}</Empty>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">{s.count(shown.length, cases.hasNextPage)}</Text>
          {shown.map((c) => <CaseGrants key={c.id} c={c} users={users.data} me={me} />)}
          {cases.hasNextPage && (
            <Group justify="center">
              <Button variant="default" loading={cases.isFetchingNextPage} onClick={() => void cases.fetchNextPage()}>{s.loadMore}</Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

function CaseGrants({ c, users, me }: { c: Case; users: AdminUser[]; me: User }) {
  const grants = useGrants(c.id);
  const change = useChangeGrant();
  const [chosen, setChosen] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const subject = c.subject?.canonicalName ?? s.unnamed;
  const holders = new Set((grants.data ?? []).map((g) => g.userId));
  const candidates = users.filter((u) => !u.disabled && !holders.has(u.id));
  const selectId = `grant-${c.id}`;

  const run = (userId: string, give: boolean, name: string) => {
    setNotice(null);
    change.mutate({ caseId: c.id, userId, give }, {
      onSuccess: () => {
        setNotice(give ? s.granted(name) : s.withdrawn(name));
        if (give) setChosen('');
      },
    });
  };

  return (
    <Paper withBorder p="md" data-testid={`grants-${c.id}`} component="section" aria-labelledby={`${selectId}-title`}>
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          <Title order={3} size="h4" id={`${selectId}-title`}>
            <Anchor component={Link} to={`/cases/${c.id}`} dir="auto" inherit>{subject}</Anchor>
          </Title>
          <StatusBadge status={c.status} />
        </Group>
        <div>
          <Text size="sm" fw={600} mb={4}>{s.holders}</Text>
          {grants.isPending ? (
            <Loading />
          ) : grants.isError ? (
            <PanelError error={grants.error} onRetry={() => void grants.refetch()} />
          ) : grants.data.length === 0 ? (
            <Text size="sm" c="dimmed">{s.noHolders}</Text>
          ) : (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {grants.data.map((g) => {
                const name = g.displayName ? `${g.displayName} (${g.username})` : g.username;
                return (
                  <li key={g.userId}>
                    <Group justify="space-between" gap="xs" wrap="nowrap" py={4} align="flex-start">
                      <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
                        <Text size="sm" fw={500} dir="auto">{name}</Text>
                        {g.userId === me.id && <Text size="sm" c="dimmed">({t.admin.you})</Text>}
                        <RoleBadge role={g.role} />
                        {g.disabled && <Badge color="gray" variant="outline" c="dark.7" radius="sm" {...BADGE}>{t.admin.users.disabled}</Badge>}
                        <Text size="xs" c="dimmed">{s.since(formatTimestamp(g.grantedAt))}</Text>
                      </Group>
                      {g.userId !== me.id && (
                        <Button
                          size="xs"
                          variant="default"
                          style={{ flexShrink: 0 }}
                          aria-label={s.withdrawNamed(g.username, subject)}
                          loading={change.isPending && change.variables?.userId === g.userId}
                          onClick={() => run(g.userId, false, g.username)}
                        >
                          {s.withdraw}
                        </Button>
                      )}
                    </Group>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        {candidates.length === 0 ? (
          grants.isSuccess && <Text size="sm" c="dimmed">{s.everyoneHas}</Text>
        ) : (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              id={selectId}
              label={s.grantTo}
              value={chosen}
              onChange={(e) => setChosen(e.currentTarget.value)}
              data={[{ value: '', label: s.grantToPlaceholder }, ...candidates.map((u) => ({ value: u.id, label: u.displayName ? `${u.displayName} (${u.username})` : u.username }))]}
              style={{ flex: '1 1 14rem', maxWidth: '24rem' }}
            />
            <Button
              disabled={!chosen}
              aria-label={s.grantToNamed(subject)}
              loading={change.isPending && change.variables?.give === true}
              onClick={() => run(chosen, true, candidates.find((u) => u.id === chosen)?.username ?? '')}
            >
              {s.grant}
            </Button>
          </Group>
        )}
        <div role="status" aria-live="polite">
          {notice && !change.isError && <Text size="sm" c="green.9">{notice}</Text>}
        </div>
        {change.isError && <Alert color="red" variant="light" role="alert">{t.admin.failed(problemText(change.error))}</Alert>}
      </Stack>
    </Paper>
  );
}
