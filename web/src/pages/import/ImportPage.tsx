// Import: drop files, paste text or give a URL; progress while extraction runs.
import { Title } from '@mantine/core';
import { t } from '../../strings/index.ts';

export function ImportPage() {
  return <Title order={1} size="h2">{t.import.title}</Title>;
}
