// The import page itself (loaded only when it is opened: the dropzone stays out of the first
// JavaScript). Files go to an import job that runs on the server while this page polls it; a pasted
// text or a web address becomes one source at once. Each source imported links to its review.
import '@mantine/dropzone/styles.css';
import './import.css';
import { Alert, Anchor, Badge, Button, CloseButton, Group, Paper, Progress, Stack, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Dropzone, MIME_TYPES, type FileRejection } from '@mantine/dropzone';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, useMe } from '../../api.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { formatTimestamp } from '../../format.ts';
import { t } from '../../strings/index.ts';
import { CasePicker } from './CasePicker.tsx';
import { fetchUrl, importKeys, startImport, uploadText, useImportJob, useImportJobs, type ImportJob, type ImportJobItem, type ImportResult } from './api.ts';

const MAX_BYTES = 50_000_000;
const FEW = 5;
const ACCEPT = {
  'text/plain': ['.txt'],
  'text/markdown': ['.md', '.markdown'],
  'text/html': ['.html', '.htm'],
  [MIME_TYPES.pdf]: ['.pdf'],
  [MIME_TYPES.docx]: ['.docx'],
};

const ITEM_LOOK: Record<ImportJobItem['status'], { color: string; variant: 'light' | 'outline' | 'filled' }> = {
  pending: { color: 'gray', variant: 'outline' },
  imported: { color: 'green', variant: 'light' },
  duplicate: { color: 'blue', variant: 'light' },
  failed: { color: 'red.9', variant: 'filled' },
};

function ItemStatus({ status }: { status: ImportJobItem['status'] }) {
  const look = ITEM_LOOK[status];
  return (
    <Badge color={look.color} variant={look.variant} c={look.variant === 'filled' ? 'white' : 'dark.7'} radius="sm" tt="none" fw={600} style={{ flexShrink: 0 }}>
      {t.import.itemStatus[status]}
    </Badge>
  );
}

function ReviewLink({ sourceId, title, suggestions }: { sourceId: string; title?: string; suggestions?: { added: number; known: number } }) {
  return (
    <Text size="sm">
      <Anchor component={Link} to={`/sources/${sourceId}/review`} fw={600} dir="auto" c="blue.9">
        {t.import.review(title || t.import.untitled)}
      </Anchor>
      {suggestions && <Text span size="sm" c="dimmed"> · {t.import.suggestionsCount(suggestions.added + suggestions.known)}</Text>}
    </Text>
  );
}

export function JobCard({ job, headingLevel = 3, few = FEW }: { job: ImportJob; headingLevel?: 2 | 3; few?: number }) {
  const count = (status: ImportJobItem['status']) => job.items.filter((i) => i.status === status).length;
  const failed = count('failed');
  const percent = job.total ? Math.round((job.done / job.total) * 100) : 100;
  const running = job.status === 'running';
  // A long job shows its failures and its first few documents until asked for all.
  const [all, setAll] = useState(job.items.length <= few);
  const numbered = job.items.map((item, i) => ({ item, i }));
  const shown = all ? numbered : numbered.filter(({ item, i }) => i < few || item.status === 'failed');
  const hidden = numbered.length - shown.length;
  return (
    <Paper withBorder p="md" data-testid="import-job" aria-busy={running}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={headingLevel} size="h5">{t.import.jobTitle(job.total, formatTimestamp(job.startedAt), new Date(job.startedAt))}</Title>
        <Text size="sm" c={failed ? 'red.9' : 'dimmed'} fw={failed ? 600 : 400} role="status" aria-live="polite">
          {running ? t.import.jobRunning(job.done, job.total) : t.import.jobFinished(count('imported'), count('duplicate'), failed)}
        </Text>
      </Group>
      <Progress.Root size="lg" mt="xs">
        <Progress.Section
          value={percent}
          color={failed ? 'orange' : running ? 'blue' : 'green'}
          striped={running}
          animated={running}
          aria-label={t.import.progressLabel}
          aria-valuetext={t.import.jobRunning(job.done, job.total)}
        />
      </Progress.Root>
      <ul className="import-items">
        {shown.map(({ item, i }) => (
          <li key={`${i}-${item.filename}`} data-testid="import-item" data-status={item.status}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <ItemStatus status={item.status} />
              <div style={{ minWidth: 0 }}>
                <Text size="sm" className="filename" dir="auto">{item.filename}</Text>
                {item.sourceId && <ReviewLink sourceId={item.sourceId} title={item.title} suggestions={item.status === 'imported' ? item.suggestions : undefined} />}
                {item.status === 'failed' && <Text size="sm" c="red.9">{item.reason ?? t.import.failedUnknown}</Text>}
              </div>
            </Group>
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <Button variant="subtle" size="xs" mt={4} onClick={() => setAll(true)}>{t.import.showAll(job.items.length)}</Button>
      )}
    </Paper>
  );
}

function CurrentJob({ id }: { id: string }) {
  const job = useImportJob(id);
  const client = useQueryClient();
  const finished = job.data?.status === 'finished';
  // The list of recent jobs learns the outcome once the job has finished.
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: importKeys.jobs, exact: true });
  }, [finished, client]);
  if (job.isPending) return <Loading />;
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  return <JobCard job={job.data} headingLevel={3} />;
}

function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    const errors = (error.problem as { errors?: Array<{ field: string; message: string }> }).errors;
    if (errors?.length) return errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return error.problem.detail ?? error.problem.title ?? t.common.errorBody;
  }
  return t.common.errorBody;
}

function SingleResult({ result }: { result: ImportResult }) {
  return (
    <Alert color={result.duplicate ? 'blue' : 'green'} variant="light" title={result.duplicate ? t.import.alreadyThere : t.import.imported} role="status">
      <ReviewLink sourceId={result.sourceId} title={result.title} suggestions={result.duplicate ? undefined : result.suggestions} />
    </Alert>
  );
}

function FilesTab({ caseId, onStarted }: { caseId: string | null; onStarted: (job: ImportJob) => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [rejected, setRejected] = useState<FileRejection[]>([]);
  const start = useMutation({
    mutationFn: () => startImport(files, caseId),
    onSuccess: (job) => {
      setFiles([]);
      onStarted(job);
    },
  });
  return (
    <Stack gap="sm">
      <Dropzone
        onDrop={(dropped) => {
          setRejected([]);
          setFiles((old) => [...old, ...dropped].slice(0, 100));
        }}
        onReject={setRejected}
        accept={ACCEPT}
        maxSize={MAX_BYTES}
        maxFiles={100}
        aria-label={t.import.dropLabel}
        inputProps={{ 'aria-label': t.import.dropLabel }}
        className="dropzone"
      >
        <Stack gap={4} align="center" py="lg" style={{ pointerEvents: 'none' }}>
          <Dropzone.Idle><Text fw={600}>{t.import.dropHere}</Text></Dropzone.Idle>
          <Dropzone.Accept><Text fw={600}>{t.import.dropAccept}</Text></Dropzone.Accept>
          <Dropzone.Reject><Text fw={600} c="red.9">{t.import.dropReject}</Text></Dropzone.Reject>
          <Text size="sm" c="dimmed" ta="center">{t.import.dropHint}</Text>
        </Stack>
      </Dropzone>
      {rejected.length > 0 && (
        <Alert color="red" variant="light" title={t.import.rejectedTitle} role="alert">
          <ul className="plain-list">
            {rejected.map((r) => (
              <li key={r.file.name}><Text size="sm">{r.file.name}: {r.errors.map((e) => t.import.rejectReason[e.code] ?? e.message).join('; ')}</Text></li>
            ))}
          </ul>
        </Alert>
      )}
      {files.length > 0 && (
        <Paper withBorder p="sm">
          <Text size="sm" fw={600} mb={4}>{t.import.chosen(files.length)}</Text>
          <ul className="plain-list" data-testid="chosen-files">
            {files.map((file, i) => (
              <li key={`${i}-${file.name}`}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" className="filename" dir="auto">{file.name}</Text>
                  <CloseButton size="sm" aria-label={t.import.remove(file.name)} onClick={() => setFiles((old) => old.filter((_, j) => j !== i))} />
                </Group>
              </li>
            ))}
          </ul>
        </Paper>
      )}
      {start.isError && <Alert color="red" variant="light" title={t.import.failedTitle} role="alert">{problemText(start.error)}</Alert>}
      <Group>
        <Button disabled={files.length === 0} loading={start.isPending} onClick={() => start.mutate()}>
          {t.import.startFiles(files.length)}
        </Button>
      </Group>
    </Stack>
  );
}

function PasteTab({ caseId }: { caseId: string | null }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const upload = useMutation({ mutationFn: () => uploadText(text, title, caseId), onSuccess: () => { setText(''); setTitle(''); } });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) { setError(t.import.textRequired); return; }
        setError(null);
        upload.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput label={t.import.pasteTitle} description={t.import.pasteTitleHint} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} />
        <Textarea
          label={t.import.pasteText}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={6}
          maxRows={16}
          required
          error={error}
        />
        {upload.isError && <Alert color="red" variant="light" title={t.import.failedTitle} role="alert">{problemText(upload.error)}</Alert>}
        {upload.isSuccess && <SingleResult result={upload.data} />}
        <Group><Button type="submit" loading={upload.isPending}>{t.import.importText}</Button></Group>
      </Stack>
    </form>
  );
}

function UrlTab({ caseId }: { caseId: string | null }) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fetching = useMutation({ mutationFn: () => fetchUrl(url.trim(), caseId), onSuccess: () => setUrl('') });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^https?:\/\/\S+$/i.test(url.trim())) { setError(t.import.urlInvalid); return; }
        setError(null);
        fetching.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput label={t.import.url} description={t.import.urlHint} type="url" value={url} onChange={(e) => setUrl(e.currentTarget.value)} required error={error} placeholder="https://" />
        {fetching.isError && <Alert color="red" variant="light" title={t.import.failedTitle} role="alert">{problemText(fetching.error)}</Alert>}
        {fetching.isSuccess && <SingleResult result={fetching.data} />}
        <Group><Button type="submit" loading={fetching.isPending}>{t.import.fetch}</Button></Group>
      </Stack>
    </form>
  );
}

function RecentJobs({ exclude }: { exclude: string | null }) {
  const jobs = useImportJobs(true);
  const others = jobs.data?.filter((j) => j.id !== exclude) ?? [];
  return (
    <section aria-labelledby="recent-imports">
      <Title order={2} size="h3" id="recent-imports" mb="xs">{t.import.recent}</Title>
      {jobs.isPending ? (
        <Loading />
      ) : jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : others.length === 0 ? (
        <Empty>{exclude ? t.import.noOtherRecent : t.import.noRecent}</Empty>
      ) : (
        <Stack gap="sm">{others.map((job) => <JobCard key={job.id} job={job} few={3} />)}</Stack>
      )}
    </section>
  );
}

export default function ImportView() {
  const me = useMe();
  const [caseId, setCaseId] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const client = useQueryClient();
  const role = me.data?.role;

  if (me.isPending) return <Loading />;
  if (role !== 'editor' && role !== 'admin') {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">{t.import.title}</Title>
        <Alert color="gray" variant="light" title={t.import.notAllowedTitle} role="alert">
          <Text size="sm">{t.import.notAllowedBody}</Text>
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">{t.import.title}</Title>
        <Text c="dimmed" size="sm" maw="70ch">{t.import.intro}</Text>
      </div>
      <Paper withBorder p="md" className="import-forms">
        <Stack gap="md">
          <CasePicker value={caseId} onChange={setCaseId} label={t.import.case} description={t.import.caseHint} />
          <Tabs defaultValue="files" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="files">{t.import.tabFiles}</Tabs.Tab>
              <Tabs.Tab value="paste">{t.import.tabPaste}</Tabs.Tab>
              <Tabs.Tab value="url">{t.import.tabUrl}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="files" pt="md">
              <FilesTab
                caseId={caseId}
                onStarted={(job) => {
                  client.setQueryData(importKeys.job(job.id), job);
                  void client.invalidateQueries({ queryKey: importKeys.jobs, exact: true });
                  setJobId(job.id);
                }}
              />
            </Tabs.Panel>
            <Tabs.Panel value="paste" pt="md"><PasteTab caseId={caseId} /></Tabs.Panel>
            <Tabs.Panel value="url" pt="md"><UrlTab caseId={caseId} /></Tabs.Panel>
          </Tabs>
        </Stack>
      </Paper>
      {jobId && (
        <section aria-labelledby="current-import">
          <Title order={2} size="h3" id="current-import" mb="xs">{t.import.current}</Title>
          <CurrentJob id={jobId} />
        </section>
      )}
      <RecentJobs exclude={jobId} />
    </Stack>
  );
}
