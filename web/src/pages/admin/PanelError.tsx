// An error on an administration section: a 403 means the user is no longer an administrator
// (their role changed since the page loaded), which deserves the plain message, not "try again".
import { Alert } from '@mantine/core';
import { ApiError } from '../../api.ts';
import { ErrorState } from '../../components/States.tsx';
import { t } from '../../strings/index.ts';

export function OnlyAdmins() {
  return (
    <Alert color="yellow" variant="light" title={t.admin.onlyAdmins} role="alert" styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}>
      {t.admin.onlyAdminsBody}
    </Alert>
  );
}

export function PanelError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.status === 403) return <OnlyAdmins />;
  return <ErrorState error={error} onRetry={onRetry} />;
}
