// API tokens: make one for yourself (its secret shown this once, with a copy button and a warning),
// see everyone's tokens (never their secret) and revoke any of them, after a confirmation.
import { Alert, Badge, Button, Code, CopyButton, Group, Modal, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Empty, Loading } from '../../components/States.tsx';
import { PanelError } from './PanelError.tsx';
import { formatTimestamp } from '../../format.ts';
import { t } from '../../strings/index.ts';
import { BADGE } from './UsersPanel.tsx';
import { fieldErrors, problemText, useCreateToken, useRevokeToken, useTokens, type ApiToken } from './api.ts';

const s = t.admin.tokens;
const LIFETIMES = ['30', '90', '365', 'never'];

export function TokensPanel() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [lifetime, setLifetime] = useState('90');
  const [nameError, setNameError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; token: string; expiresAt: string | null } | null>(null);
  const [confirm, setConfirm] = useState<ApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError(t.admin.users.invalid.required);
    setNameError(null);
    setNotice(null);
    create.mutate({ name: trimmed, expiresInDays: lifetime === 'never' ? null : Number(lifetime) }, {
      onSuccess: (created) => {
        setSecret({ name: trimmed, token: created.token, expiresAt: created.expiresAt });
        setName('');
      },
      onError: (error) => setNameError(fieldErrors(error).name ?? null),
    });
  };

  const onRevoke = (token: ApiToken) =>
    revoke.mutate(token.id, {
      onSuccess: () => {
        setNotice(s.revokedDone(token.name));
        setConfirm(null);
      },
    });

  const revokeButton = (token: ApiToken) =>
    !token.revokedAt && (
      <Button size="xs" variant="default" onClick={() => setConfirm(token)} aria-label={s.revokeNamed(token.name)}>
        {s.revoke}
      </Button>
    );

  const status = (token: ApiToken) => {
    if (token.revokedAt) return <Badge color="gray" variant="outline" c="dark.7" radius="sm" {...BADGE}>{s.revoked(formatTimestamp(token.revokedAt))}</Badge>;
    if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return <Badge color="gray" variant="outline" c="dark.7" radius="sm" {...BADGE}>{s.expired}</Badge>;
    return (
      <Stack gap={2} align="flex-start">
        <Badge color="green" variant="light" c="dark.7" radius="sm" {...BADGE}>{s.active}</Badge>
        {token.expiresAt && <Text size="xs" c="dimmed">{s.expires(formatTimestamp(token.expiresAt))}</Text>}
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">{s.title}</Title>
        <Text size="sm" c="dimmed" maw="48rem">{s.intro}</Text>
      </div>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={s.name}
              description={s.nameHint}
              placeholder={s.namePlaceholder}
              value={name}
              maxLength={100}
              required
              error={nameError}
              onChange={(e) => setName(e.currentTarget.value)}
              style={{ flex: '1 1 16rem', maxWidth: '28rem' }}
            />
            <NativeSelect
              label={s.lifetime}
              description={s.lifetimeHint}
              value={lifetime}
              onChange={(e) => setLifetime(e.currentTarget.value)}
              data={LIFETIMES.map((value) => ({ value, label: s.lifetimes[value] ?? value }))}
              style={{ flex: '0 1 12rem' }}
            />
            <Button type="submit" loading={create.isPending} mt={{ base: 0, xs: 46 }}>{s.create}</Button>
          </Group>
          {create.isError && !nameError && (
            <Alert color="red" variant="light" role="alert" mt="sm">{t.admin.failed(problemText(create.error))}</Alert>
          )}
        </form>
      </Paper>
      {secret && (
        <Alert color="yellow" variant="light" title={s.newTitle} role="alert" data-testid="new-token" styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}>
          <Stack gap="sm">
            <Text size="sm">{s.newWarning}</Text>
            <Text size="sm" fw={600}>
              {secret.name} · {secret.expiresAt ? s.expires(formatTimestamp(secret.expiresAt)) : s.noExpiry}
            </Text>
            <Code block aria-label={s.tokenLabel} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="token-secret">
              {secret.token}
            </Code>
            <Group gap="sm">
              <CopyButton value={secret.token}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'light' : 'filled'} color={copied ? 'green' : 'blue'} onClick={copy}>
                    {copied ? s.copied : s.copy}
                  </Button>
                )}
              </CopyButton>
              <Button
                variant="default"
                onClick={() => {
                  // Forget the secret: the mutation's result would otherwise keep it for minutes.
                  setSecret(null);
                  create.reset();
                }}
              >
                {s.done}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <div role="status" aria-live="polite">
        {notice && <Alert color="green" variant="light" withCloseButton closeButtonLabel={t.admin.close} onClose={() => setNotice(null)}>{notice}</Alert>}
      </div>
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <PanelError error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <Empty>{s.empty}</Empty>
      ) : (
        <>
        <Paper withBorder visibleFrom="sm">
          <Table.ScrollContainer minWidth={760} type="native" tabIndex={0} role="region" aria-label={s.title}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{s.nameColumn}</Table.Th>
                  <Table.Th>{s.owner}</Table.Th>
                  <Table.Th>{s.created}</Table.Th>
                  <Table.Th>{s.lastUsed}</Table.Th>
                  <Table.Th>{s.status}</Table.Th>
                  <Table.Th>{s.actions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((token) => (
                  <Table.Tr key={token.id} data-testid={`token-${token.name}`}>
                    <Table.Td fw={600}>{token.name}</Table.Td>
                    <Table.Td>{token.username}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(token.createdAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{token.lastUsedAt ? formatTimestamp(token.lastUsedAt) : s.never}</Table.Td>
                    <Table.Td>{status(token)}</Table.Td>
                    <Table.Td>{revokeButton(token)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        <Stack gap="sm" hiddenFrom="sm">
          {tokens.data.map((token) => (
            <Paper key={token.id} withBorder p="sm" data-testid={`token-card-${token.name}`}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{token.name}</Text>
                  <Text size="sm">{s.owner}: {token.username}</Text>
                  <Text size="sm" c="dimmed">
                    {s.created} {formatTimestamp(token.createdAt)} · {s.lastUsed} {token.lastUsedAt ? formatTimestamp(token.lastUsedAt) : s.never.toLowerCase()}
                  </Text>
                </div>
                {status(token)}
              </Group>
              {!token.revokedAt && <Group mt="xs">{revokeButton(token)}</Group>}
            </Paper>
          ))}
        </Stack>
        </>
      )}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={s.confirmTitle} closeButtonProps={{ 'aria-label': t.admin.close }}>
        {confirm && (
          <Stack gap="md">
            <Text size="sm">{s.confirmBody(confirm.name, confirm.username)}</Text>
            {revoke.isError && <Alert color="red" variant="light" role="alert">{t.admin.failed(problemText(revoke.error))}</Alert>}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirm(null)}>{t.admin.cancel}</Button>
              <Button color="red.8" loading={revoke.isPending} onClick={() => onRevoke(confirm)}>{s.revoke}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
