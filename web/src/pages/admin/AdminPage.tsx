// Administration: users and roles, grants to restricted cases, API tokens, the audit log.
import { Title } from '@mantine/core';
import { t } from '../../strings/index.ts';

export function AdminPage() {
  return <Title order={1} size="h2">{t.admin.title}</Title>;
}
