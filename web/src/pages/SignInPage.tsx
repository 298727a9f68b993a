// Sign in: username and password, with a plain message for wrong credentials and for throttling.
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, signIn, useMe } from '../api.ts';
import { t } from '../strings/index.ts';

function message(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.type === '/problems/invalid-credentials') return t.signIn.wrongCredentials;
    if (error.status === 429 || error.type === '/problems/too-many-attempts') return t.signIn.tooManyAttempts(error.retryAfter);
  }
  return t.signIn.failed;
}

export function SignInPage() {
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const next = params.get('next')?.startsWith('/') ? params.get('next')! : '/';

  if (me.data && !busy) return <Navigate to={next} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(false);
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(client, username.trim(), password);
      void navigate(next, { replace: true });
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  };

  return (
    <main>
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="xs" p="xl" w="100%" maw={400}>
          <form onSubmit={(e) => void onSubmit(e)} noValidate>
            <Stack gap="md">
              <div>
                <Title order={1} size="h3">
                  {t.signIn.title}
                </Title>
                <Text c="dimmed" size="sm">
                  {t.tagline}
                </Text>
              </div>
              {params.get('signedOut') && !error && (
                <Alert color="blue" variant="light" role="status">
                  {t.signIn.signedOut}
                </Alert>
              )}
              {error && (
                <Alert color="red" variant="light" role="alert" data-testid="signin-error">
                  {error}
                </Alert>
              )}
              <TextInput
                label={t.signIn.username}
                name="username"
                autoComplete="username"
                autoFocus
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                error={missing && !username.trim() ? t.signIn.required : undefined}
              />
              <PasswordInput
                label={t.signIn.password}
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={missing && !password ? t.signIn.required : undefined}
              />
              <Button type="submit" loading={busy} fullWidth>
                {t.signIn.submit}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </main>
  );
}
