// Publishing a case: a public case links to its page and can be withdrawn; any other case shows,
// before anything changes, exactly the page the public would get (rendered by the server, shown
// in a sandboxed frame where no script runs) and a button to publish it.
import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, type Case } from '../../api.ts';
import { notify } from '../../components/notify.ts';
import { ErrorState, Loading } from '../../components/States.tsx';
import { t } from '../../strings/index.ts';

const s = t.records.publish;

async function previewHtml(caseId: string): Promise<string> {
  const res = await fetch(`/api/cases/${encodeURIComponent(caseId)}/public-preview`, { credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, {}, null);
  return res.text();
}

function Preview({ c, onClose }: { c: Case; onClose: () => void }) {
  const client = useQueryClient();
  const html = useQuery({ queryKey: ['case', c.id, 'public-preview'], queryFn: () => previewHtml(c.id), staleTime: 0 });
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    try {
      await api(`/api/cases/${c.id}`, { method: 'PATCH', body: { confidentiality: 'public' } });
      await client.invalidateQueries({ queryKey: ['case', c.id] });
      notify(s.published, 'green');
      onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <Text size="sm">{s.previewBody}</Text>
      {c.confidentiality === 'restricted' && <Alert color="red" variant="light">{s.restrictedWarning}</Alert>}
      {html.isPending ? <Loading /> : html.isError ? <ErrorState error={html.error} onRetry={() => void html.refetch()} /> : (
        <iframe title={s.frameTitle} sandbox="" srcDoc={html.data} className="public-preview" data-testid="public-preview" />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>{t.records.cancel}</Button>
        <Button onClick={() => void publish()} loading={busy} disabled={!html.data}>{s.publish}</Button>
      </Group>
    </Stack>
  );
}

export function PublishControl({ c, canEdit }: { c: Case; canEdit: boolean }) {
  const client = useQueryClient();
  const phone = useMediaQuery('(max-width: 36em)');
  const [previewing, setPreviewing] = useState(false);
  if (c.confidentiality === 'public') {
    // The link names the case by the first eight digits of its id; the server moves it to the
    // page's full address (the name's Latin spelling needs a table too big to ship to browsers).
    const unpublish = async () => {
      await api(`/api/cases/${c.id}`, { method: 'PATCH', body: { confidentiality: 'internal' } });
      await client.invalidateQueries({ queryKey: ['case', c.id] });
      notify(s.unpublished);
    };
    return (
      <Group gap="xs">
        <Badge color="teal" variant="light" c="dark.7" radius="sm" tt="none">{s.isPublic}</Badge>
        <Anchor href={`/public/cases/${c.id.slice(0, 8)}`} target="_blank" rel="noreferrer" size="sm" title={s.openHint}>
          {s.open}
        </Anchor>
        {canEdit && <Button variant="subtle" size="xs" onClick={() => void unpublish()}>{s.unpublish}</Button>}
      </Group>
    );
  }
  if (!canEdit) return null;
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setPreviewing(true)}>{s.preview}</Button>
      <Modal opened={previewing} onClose={() => setPreviewing(false)} fullScreen={phone} size="xl" title={s.previewTitle}
        closeButtonProps={{ 'aria-label': t.common.close }}>
        {previewing && <Preview c={c} onClose={() => setPreviewing(false)} />}
      </Modal>
    </>
  );
}
