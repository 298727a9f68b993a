import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { t } from '../strings/index.ts';

export function NotFoundPage() {
  return (
    <Stack gap="xs">
      <Title order={1} size="h2">{t.common.notFoundTitle}</Title>
      <Text>{t.common.notFoundBody}</Text>
      <Anchor component={Link} to="/cases">{t.common.backToCases}</Anchor>
    </Stack>
  );
}
