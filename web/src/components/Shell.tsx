// The app shell: a header with the user and sign out, navigation on the left (a drawer on phones),
// and the page. Pages need a signed-in user; without one they go to the sign-in page.
import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { signOut, useMe } from '../api.ts';
import { roleRank } from '../forms/role.ts';
import { t } from '../strings/index.ts';
import { ErrorState, Loading } from './States.tsx';

const NAV = [
  { to: '/', label: t.nav.overview, exact: true, role: 'viewer' },
  { to: '/cases', label: t.nav.cases, exact: false, role: 'viewer' },
  { to: '/search', label: t.nav.search, exact: false, role: 'viewer' },
  { to: '/import', label: t.nav.import, exact: false, role: 'editor' },
  { to: '/admin', label: t.nav.admin, exact: false, role: 'admin' },
];

export function Shell() {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`} replace />;
  }

  const role = roleRank(me.data.role);
  const onSignOut = async () => {
    await signOut(client).catch(() => undefined);
    void navigate('/signin?signedOut=1', { replace: true });
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t.nav.toggle} />
            <Title order={2} size="h4" fw={700}>
              <Link to="/" className="brand">{t.appName}</Link>
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {t.nav.signedInAs(me.data.displayName)}
            </Text>
            <Button variant="default" size="xs" onClick={() => void onSignOut()}>
              {t.nav.signOut}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t.nav.label}>
        {NAV.filter((item) => role >= roleRank(item.role)).map((item) => {
          const active = item.exact ? location.pathname === item.to : location.pathname.startsWith(item.to);
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={close}
              fw={500}
            />
          );
        })}
        <NavLink href="/api/docs" label={t.nav.apiDocs} mt="auto" c="dimmed" />
      </AppShell.Navbar>
      <AppShell.Main>
        <div className="page">
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
