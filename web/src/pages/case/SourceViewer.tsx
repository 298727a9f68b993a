// A source beside the case: what it is and how reliable, and its text with the words a fact rests
// on highlighted and scrolled into view.
import { Anchor, Badge, Drawer, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { ErrorState, Loading } from '../../components/States.tsx';
import { formatDay } from '../../format.ts';
import { t } from '../../strings/index.ts';
import { useSource } from './api.ts';

export interface SourceFocus {
  sourceId: string;
  /** The quoted words, by their place in the text. */
  start?: number;
  end?: number;
}

function SourceText({ text, start, end }: { text: string; start?: number; end?: number }) {
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [start, end]);
  const quoted = start !== undefined && end !== undefined && start < end && end <= text.length;
  return (
    <div className="source-text" dir="auto">
      {quoted ? (
        <>
          {text.slice(0, start)}
          <mark ref={mark} data-testid="quoted">{text.slice(start, end)}</mark>
          {text.slice(end)}
        </>
      ) : text}
    </div>
  );
}

export function SourceViewer({ focus, onClose }: { focus: SourceFocus | null; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 36em)');
  const source = useSource(focus?.sourceId ?? null);
  const s = source.data;
  return (
    <Drawer opened={focus !== null} closeButtonProps={{ 'aria-label': t.common.close }} onClose={onClose} position="right" size={phone ? '100%' : 'xl'} title={s?.title ?? t.records.sources.open}>
      {source.isPending ? (
        <Loading />
      ) : source.isError ? (
        <ErrorState error={source.error} onRetry={() => void source.refetch()} />
      ) : (
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            {s!.publisher && <Text size="sm">{s!.publisher}</Text>}
            {s!.publishedDate && <Text size="sm" c="dimmed">{formatDay(s!.publishedDate)}</Text>}
            {s!.reliability && <Badge variant="default" radius="sm" tt="none">{t.records.sources.reliability(s!.reliability)}</Badge>}
            {s!.url && <Anchor href={s!.url} target="_blank" rel="noreferrer" size="sm">{t.records.sources.original}</Anchor>}
          </Group>
          {focus?.start !== undefined && <Text size="xs" c="dimmed">{t.records.sources.quoteTitle}: <mark>…</mark></Text>}
          {s!.text ? <SourceText text={s!.text} start={focus?.start} end={focus?.end} /> : <Text c="dimmed">{t.records.sources.noText}</Text>}
        </Stack>
      )}
    </Drawer>
  );
}
