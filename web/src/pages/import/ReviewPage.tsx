// Review: a source's text with each suggestion highlighted, to accept, merge, edit or reject.
import { Title } from '@mantine/core';
import { t } from '../../strings/index.ts';

export function ReviewPage() {
  return <Title order={1} size="h2">{t.import.title}</Title>;
}
