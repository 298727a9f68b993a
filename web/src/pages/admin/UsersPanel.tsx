// Users: who may sign in and with what role. Add a user (the same rules as the server: username
// pattern, password of at least 12 characters), change a name, address or role, disable or enable,
// set a new password. An administrator cannot change their own role or disable themselves.
import {
  Alert, Badge, Button, Group, Modal, NativeSelect, Paper, PasswordInput, Stack, Switch, Table, Text, TextInput, Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError, type User } from '../../api.ts';
import { Empty, Loading } from '../../components/States.tsx';
import { PanelError } from './PanelError.tsx';
import { formatTimestamp } from '../../format.ts';
import { t } from '../../strings/index.ts';
import { fieldErrors, problemText, useCreateUser, useSetPassword, useUpdateUser, useUsers, type AdminUser } from './api.ts';

const s = t.admin.users;
const ROLES = ['viewer', 'editor', 'admin'];
const roleOptions = ROLES.map((r) => ({ value: r, label: t.admin.role[r] ?? r }));
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const validPassword = (value: string) =>
  value.length < 12 ? s.invalid.passwordShort : value.length > 1000 ? s.invalid.passwordLong : null;
const validEmail = (value: string) => (value.trim() && !EMAIL.test(value.trim()) ? s.invalid.email : null);
const orNull = (value: string) => (value.trim() ? value.trim() : null);

export function RoleBadge({ role }: { role: string }) {
  const color = role === 'admin' ? 'grape' : role === 'editor' ? 'blue' : 'gray';
  return <Badge color={color} variant="light" c="dark.7" radius="sm" {...BADGE}>{t.admin.role[role] ?? role}</Badge>;
}

/** Badges as the rest of the app has them: sentence case, never cut short in a narrow cell. */
export const BADGE = { tt: 'none', fw: 600, style: { flexShrink: 0, maxWidth: 'none', minWidth: 'max-content' } } as const;

export function UserStatus({ disabled }: { disabled: boolean }) {
  return disabled
    ? <Badge color="gray" variant="outline" c="dark.7" radius="sm" {...BADGE}>{s.disabled}</Badge>
    : <Badge color="green" variant="light" c="dark.7" radius="sm" {...BADGE}>{s.active}</Badge>;
}

function Notice({ text, onClose }: { text: string | null; onClose: () => void }) {
  return (
    <div role="status" aria-live="polite">
      {text && (
        <Alert color="green" variant="light" withCloseButton onClose={onClose} closeButtonLabel={t.admin.close}>
          {text}
        </Alert>
      )}
    </div>
  );
}

export function UsersPanel({ me }: { me: User }) {
  const users = useUsers();
  // One dialog at a time. What it is about stays set while it closes, so that its title and
  // contents do not go blank during the closing transition.
  const [dialog, setDialog] = useState<{ kind: 'add' | 'edit' | 'password'; user: AdminUser | null }>({ kind: 'add', user: null });
  const [open, setOpen] = useState(false);
  const show = (kind: 'add' | 'edit' | 'password', user: AdminUser | null = null) => {
    setDialog({ kind, user });
    setOpen(true);
  };
  const close = () => setOpen(false);
  const [notice, setNotice] = useState<string | null>(null);
  const actions = (u: AdminUser) => (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="default" onClick={() => show('edit', u)} aria-label={s.editNamed(u.username)}>
        {s.edit}
      </Button>
      <Button size="xs" variant="default" onClick={() => show('password', u)} aria-label={s.setPasswordNamed(u.username)}>
        {s.setPassword}
      </Button>
    </Group>
  );
  const you = (u: AdminUser) => u.id === me.id && <Text span size="sm" c="dimmed" fw={400}> ({t.admin.you})</Text>;
  const done = (text: string) => {
    setNotice(text);
    close();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2} size="h3">{s.title}</Title>
          <Text size="sm" c="dimmed">{s.intro}</Text>
        </div>
        <Button onClick={() => show('add')}>{s.add}</Button>
      </Group>
      <Notice text={notice} onClose={() => setNotice(null)} />
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <PanelError error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <Empty>{s.empty}</Empty>
      ) : (
        <>
        <Paper withBorder visibleFrom="sm">
          <Table.ScrollContainer minWidth={860} type="native" tabIndex={0} role="region" aria-label={s.title}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{s.username}</Table.Th>
                  <Table.Th>{s.displayName}</Table.Th>
                  <Table.Th>{s.role}</Table.Th>
                  <Table.Th>{s.email}</Table.Th>
                  <Table.Th>{s.status}</Table.Th>
                  <Table.Th>{s.created}</Table.Th>
                  <Table.Th>{s.actions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.map((u) => (
                  <Table.Tr key={u.id} data-testid={`user-${u.username}`}>
                    <Table.Td fw={600}>
                      {u.username}
                      {you(u)}
                    </Table.Td>
                    <Table.Td dir="auto">{u.displayName ?? '—'}</Table.Td>
                    <Table.Td><RoleBadge role={u.role} /></Table.Td>
                    <Table.Td>{u.email ?? '—'}</Table.Td>
                    <Table.Td><UserStatus disabled={u.disabled} /></Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(u.createdAt)}</Table.Td>
                    <Table.Td>{actions(u)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        <Stack gap="sm" hiddenFrom="sm">
          {users.data.map((u) => (
            <Paper key={u.id} withBorder p="sm" data-testid={`user-card-${u.username}`}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600}>{u.username}{you(u)}</Text>
                  {u.displayName && <Text size="sm" dir="auto">{u.displayName}</Text>}
                  {u.email && <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{u.email}</Text>}
                </div>
                <Stack gap={4} align="flex-end">
                  <RoleBadge role={u.role} />
                  <UserStatus disabled={u.disabled} />
                </Stack>
              </Group>
              <Group mt="xs">{actions(u)}</Group>
            </Paper>
          ))}
        </Stack>
        </>
      )}
      <Modal
        opened={open}
        onClose={close}
        size={dialog.kind === 'password' ? 'md' : 'lg'}
        closeButtonProps={{ 'aria-label': t.admin.close }}
        title={dialog.kind === 'add' ? s.add : dialog.kind === 'edit' ? s.editUser(dialog.user!.username) : s.setPasswordFor(dialog.user!.username)}
      >
        {dialog.kind === 'add' && <AddUserForm onDone={(u) => done(s.created_(u.username))} onCancel={close} />}
        {dialog.kind === 'edit' && dialog.user && (
          <EditUserForm key={dialog.user.id} user={dialog.user} self={dialog.user.id === me.id} onDone={(u) => done(s.saved(u.username))} onCancel={close} />
        )}
        {dialog.kind === 'password' && dialog.user && (
          <PasswordForm key={dialog.user.id} user={dialog.user} onDone={() => done(s.passwordSet(dialog.user!.username))} onCancel={close} />
        )}
      </Modal>
    </Stack>
  );
}

function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert color="red" variant="light" role="alert">{t.admin.failed(problemText(error))}</Alert>;
}

function AddUserForm({ onDone, onCancel }: { onDone: (u: AdminUser) => void; onCancel: () => void }) {
  const create = useCreateUser();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { username: '', displayName: '', email: '', role: 'viewer', password: '', repeat: '' },
    validateInputOnBlur: true,
    validate: {
      username: (v) => (!v ? s.invalid.required : USERNAME.test(v) ? null : s.invalid.username),
      email: validEmail,
      password: validPassword,
      repeat: (v, values) => (v === values.password ? null : s.invalid.mismatch),
    },
  });
  const submit = form.onSubmit((values) => {
    setFailure(null);
    create.mutate(
      { username: values.username, displayName: orNull(values.displayName), email: orNull(values.email), role: values.role, password: values.password },
      {
        onSuccess: onDone,
        onError: (error) => {
          const fields = fieldErrors(error);
          if (error instanceof ApiError && error.status === 409) form.setFieldError('username', s.invalid.taken);
          else if (Object.keys(fields).length) form.setErrors(fields);
          else setFailure(error);
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={s.username} description={s.usernameHint} required autoComplete="off" {...form.getInputProps('username')} />
        <TextInput label={s.displayName} description={s.displayNameHint} dir="auto" {...form.getInputProps('displayName')} />
        <TextInput label={s.email} description={s.emailHint} type="email" autoComplete="off" {...form.getInputProps('email')} />
        <NativeSelect label={s.role} description={t.admin.roleHint[form.values.role]} data={roleOptions} required {...form.getInputProps('role')} />
        <PasswordInput label={s.password} description={s.passwordHint} required autoComplete="new-password" {...form.getInputProps('password')} />
        <PasswordInput label={s.repeatPassword} required autoComplete="new-password" {...form.getInputProps('repeat')} />
        <FormError error={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>{t.admin.cancel}</Button>
          <Button type="submit" loading={create.isPending}>{s.add}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditUserForm({ user, self, onDone, onCancel }: { user: AdminUser; self: boolean; onDone: (u: AdminUser) => void; onCancel: () => void }) {
  const update = useUpdateUser();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { displayName: user.displayName ?? '', email: user.email ?? '', role: user.role as string, disabled: user.disabled },
    validateInputOnBlur: true,
    validate: { email: validEmail },
  });
  const submit = form.onSubmit((values) => {
    setFailure(null);
    const changes = {
      displayName: orNull(values.displayName),
      email: orNull(values.email),
      ...(values.role !== user.role ? { role: values.role } : {}),
      ...(values.disabled !== user.disabled ? { disabled: values.disabled } : {}),
    };
    update.mutate({ id: user.id, changes }, {
      onSuccess: onDone,
      onError: (error) => {
        const fields = fieldErrors(error);
        if (Object.keys(fields).length && error instanceof ApiError && error.status === 400) form.setErrors(fields);
        else setFailure(error);
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={s.displayName} description={s.displayNameHint} dir="auto" {...form.getInputProps('displayName')} />
        <TextInput label={s.email} description={s.emailHint} type="email" autoComplete="off" {...form.getInputProps('email')} />
        <NativeSelect label={s.role} description={t.admin.roleHint[form.values.role]} data={roleOptions} disabled={self} {...form.getInputProps('role')} />
        {self ? (
          <Text size="sm" c="dimmed">{s.ownRole}</Text>
        ) : (
          <Switch label={s.disable} description={s.disableHint} {...form.getInputProps('disabled', { type: 'checkbox' })} />
        )}
        <FormError error={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>{t.admin.cancel}</Button>
          <Button type="submit" loading={update.isPending}>{t.admin.save}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function PasswordForm({ user, onDone, onCancel }: { user: AdminUser; onDone: () => void; onCancel: () => void }) {
  const setPassword = useSetPassword();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', repeat: '' },
    validateInputOnBlur: true,
    validate: { password: validPassword, repeat: (v, values) => (v === values.password ? null : s.invalid.mismatch) },
  });
  const submit = form.onSubmit((values) => {
    setFailure(null);
    setPassword.mutate({ id: user.id, password: values.password }, {
      onSuccess: onDone,
      onError: (error) => {
        const fields = fieldErrors(error);
        if (fields.password) form.setFieldError('password', fields.password);
        else setFailure(error);
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{s.setPasswordHint}</Text>
        <PasswordInput label={s.password} description={s.passwordHint} required autoComplete="new-password" {...form.getInputProps('password')} />
        <PasswordInput label={s.repeatPassword} required autoComplete="new-password" {...form.getInputProps('repeat')} />
        <FormError error={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>{t.admin.cancel}</Button>
          <Button type="submit" loading={setPassword.isPending}>{s.setPassword}</Button>
        </Group>
      </Stack>
    </form>
  );
}
