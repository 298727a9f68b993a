// Search: one box for people in any spelling or script and the full text of sources and events.
import { Title } from '@mantine/core';
import { t } from '../../strings/index.ts';

export function SearchPage() {
  return <Title order={1} size="h2">{t.search.title}</Title>;
}
