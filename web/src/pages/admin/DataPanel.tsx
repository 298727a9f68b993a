// Export and import: the whole store as a download, an export restored into an empty store, and
// the cases of a spreadsheet added — each import checked whole before anything is written, with
// every problem named (by line, or by row and column).
import { Alert, Button, FileInput, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CONFIDENTIALITY_LEVELS } from '../../../../src/domain/vocabularies.ts';
import { ApiError } from '../../api.ts';
import { t } from '../../strings/index.ts';

const s = t.admin.data;

interface Outcome {
  ok: boolean;
  lines: string[];
}

/** Sends a file as the body (the server reads exports and spreadsheets as they are). */
async function send(path: string, file: File, type: string): Promise<unknown> {
  const res = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': type, accept: 'application/json' }, body: file });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, (body as object | null) ?? {}, null);
  return body;
}

function failure(error: unknown): Outcome {
  if (error instanceof ApiError) {
    const issues = (error.problem as { errors?: Array<{ field: string; message: string }> }).errors ?? [];
    return { ok: false, lines: [issues.length ? s.problems : t.admin.failed(error.problem.detail ?? error.problem.title ?? String(error.status)), ...issues.slice(0, 50).map((i) => `${i.field}: ${i.message}`)] };
  }
  return { ok: false, lines: [t.admin.failed(String(error))] };
}

function OutcomeAlert({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  const [first, ...rest] = outcome.lines;
  return (
    <Alert color={outcome.ok ? 'green' : 'red'} variant="light" role={outcome.ok ? 'status' : 'alert'}>
      <Text size="sm">{first}</Text>
      {rest.length > 0 && <List size="sm" mt={4}>{rest.map((line) => <List.Item key={line}>{line}</List.Item>)}</List>}
    </Alert>
  );
}

export function DataPanel() {
  const client = useQueryClient();
  const [exportFile, setExportFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<File | null>(null);
  const [confidentiality, setConfidentiality] = useState<string>('internal');
  const [restore, setRestore] = useState<Outcome | null>(null);
  const [added, setAdded] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<'restore' | 'sheet' | null>(null);

  const run = async (which: 'restore' | 'sheet', work: () => Promise<Outcome>, done: (o: Outcome) => void) => {
    setBusy(which);
    try {
      done(await work().catch(failure));
      await client.invalidateQueries();
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="lg">
      <Title order={2} size="h3">{s.title}</Title>
      <Paper withBorder p="md">
        <Title order={3} size="h4">{s.exportTitle}</Title>
        <Text size="sm" c="dimmed" mt={4} maw="70ch">{s.exportBody}</Text>
        <Button component="a" href="/api/export" download mt="sm" variant="default">{s.exportButton}</Button>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h4">{s.restoreTitle}</Title>
        <Text size="sm" c="dimmed" mt={4} maw="70ch">{s.restoreBody}</Text>
        <Stack gap="sm" mt="sm" maw={480}>
          <FileInput label={s.restoreFile} accept=".jsonl,application/x-ndjson" value={exportFile} onChange={setExportFile} clearable clearButtonProps={{ 'aria-label': t.common.clear }} />
          <div>
            <Button loading={busy === 'restore'} disabled={!exportFile} onClick={() => void run('restore', async () => {
              const body = (await send('/api/import-data', exportFile!, 'application/x-ndjson')) as { restored: Record<string, number> };
              return { ok: true, lines: [s.restored(Object.values(body.restored).reduce((a, b) => a + b, 0))] };
            }, setRestore)}>{s.restoreButton}</Button>
          </div>
          <OutcomeAlert outcome={restore} />
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h4">{s.sheetTitle}</Title>
        <Text size="sm" c="dimmed" mt={4} maw="70ch">{s.sheetBody}</Text>
        <Stack gap="sm" mt="sm" maw={480}>
          <FileInput label={s.sheetFile} accept=".csv,text/csv" value={sheet} onChange={setSheet} clearable clearButtonProps={{ 'aria-label': t.common.clear }} />
          <Select label={s.sheetConfidentiality} data={CONFIDENTIALITY_LEVELS.map((v) => ({ value: v, label: t.confidentiality[v] ?? v }))}
            value={confidentiality} onChange={(v) => setConfidentiality(v ?? 'internal')} allowDeselect={false} />
          <div>
            <Button loading={busy === 'sheet'} disabled={!sheet} onClick={() => void run('sheet', async () => {
              const body = (await send(`/api/import-data/spreadsheet?confidentiality=${confidentiality}`, sheet!, 'text/csv')) as { created: number; existing: Array<{ row: number; name: string }> };
              return { ok: true, lines: [s.added(body.created), ...body.existing.map((e) => s.existing(e.row, e.name))] };
            }, setAdded)}>{s.sheetButton}</Button>
          </div>
          <OutcomeAlert outcome={added} />
        </Stack>
      </Paper>
    </Stack>
  );
}
