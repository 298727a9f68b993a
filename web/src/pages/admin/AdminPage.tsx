// Administration: users and roles, grants to restricted cases, API tokens, the audit log, export and
// import — each a section with its own address under /admin. Administrators only: anyone else is
// told so (and the server refuses them anyway). The sections load their code only when opened.
import { Button, Group, Stack, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from '../../api.ts';
import { ErrorState, Loading } from '../../components/States.tsx';
import { t } from '../../strings/index.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { OnlyAdmins } from './PanelError.tsx';

const UsersPanel = lazy(() => import('./UsersPanel.tsx').then((m) => ({ default: m.UsersPanel })));
const GrantsPanel = lazy(() => import('./GrantsPanel.tsx').then((m) => ({ default: m.GrantsPanel })));
const TokensPanel = lazy(() => import('./TokensPanel.tsx').then((m) => ({ default: m.TokensPanel })));
const AuditPanel = lazy(() => import('./AuditPanel.tsx').then((m) => ({ default: m.AuditPanel })));
const DataPanel = lazy(() => import('./DataPanel.tsx').then((m) => ({ default: m.DataPanel })));

const SECTIONS = [
  { to: '/admin/users', label: t.admin.tab.users },
  { to: '/admin/grants', label: t.admin.tab.grants },
  { to: '/admin/tokens', label: t.admin.tab.tokens },
  { to: '/admin/audit', label: t.admin.tab.audit },
  { to: '/admin/data', label: t.admin.tab.data },
];

export function AdminPage() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data?.role !== 'admin') {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">{t.admin.title}</Title>
        <OnlyAdmins />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t.admin.title}</Title>
      <Group component="nav" aria-label={t.admin.sections} gap={4} wrap="wrap">
        {SECTIONS.map((s) => {
          const active = location.pathname.startsWith(s.to);
          return (
            <Button
              key={s.to}
              component={Link}
              to={s.to}
              variant={active ? 'filled' : 'subtle'}
              color={active ? 'blue' : 'dark'}
              size="sm"
              aria-current={active ? 'page' : undefined}
              data-active={active || undefined}
            >
              {s.label}
            </Button>
          );
        })}
      </Group>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<Navigate to="users" replace />} />
          <Route path="users" element={<UsersPanel me={me.data} />} />
          <Route path="grants" element={<GrantsPanel me={me.data} />} />
          <Route path="tokens" element={<TokensPanel />} />
          <Route path="audit" element={<AuditPanel />} />
          <Route path="data" element={<DataPanel />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Stack>
  );
}
