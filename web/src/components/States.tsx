// Loading, empty and error states, the same on every page.
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../api.ts';
import { t } from '../strings/index.ts';

export function Loading({ label = t.common.loading }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" py="md">
      {children}
    </Text>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Alert color="red" variant="light" title={notFound ? t.common.notFoundTitle : t.common.errorTitle} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{notFound ? t.common.notFoundBody : t.common.errorBody}</Text>
        {onRetry && !notFound && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t.common.retry}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** What a page that failed to draw shows instead of a blank screen or a stack trace. */
export function PageCrashed() {
  return (
    <Center p="xl">
      <Alert color="red" variant="light" title={t.common.errorTitle} role="alert" maw={520}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t.common.crashed}</Text>
          <Button size="xs" variant="default" onClick={() => globalThis.location.reload()}>{t.common.reload}</Button>
        </Stack>
      </Alert>
    </Center>
  );
}
