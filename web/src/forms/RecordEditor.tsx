// Add or edit one record of a case in a dialog (full screen on a phone); retract it with a reason.
// Saving refreshes everything shown about the case; administrators can open the record's history.
import { Anchor, Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notify } from '../components/notify.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { t } from '../strings/index.ts';
import { useRole } from './role.ts';
import { FieldInputs, FormFrame, useRecordForm, validate } from './RecordForm.tsx';
import { fieldsFor, PATH, type FormKind } from './spec.ts';
import { toBody, toFormValues } from './values.ts';

const s = t.records;
type Rec = Record<string, unknown>;

export interface EditTarget {
  kind: FormKind;
  /** The record to edit; absent to add one. */
  record?: Rec;
  /** Values a new record starts with besides the empty ones (e.g. an event's type). */
  defaults?: Rec;
}

function RecordEditorForm({ target, caseId, onClose }: { target: EditTarget; caseId: string; onClose: () => void }) {
  const client = useQueryClient();
  const { isAdmin } = useRole();
  const { kind, record } = target;
  const initial = useMemo(() => toFormValues(fieldsFor(kind, { ...target.defaults, ...record }), { ...target.defaults, ...record }), [kind, record, target.defaults]);
  const form = useRecordForm(initial, (values) => validate(fieldsFor(kind, values), values));
  const [retracting, setRetracting] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: ['case', caseId] }),
      client.invalidateQueries({ queryKey: ['cases'] }),
      client.invalidateQueries({ queryKey: ['alerts'] }),
      client.invalidateQueries({ queryKey: ['overview'] }),
    ]);
  };

  const save = async (values: Rec) => {
    const fields = fieldsFor(kind, values);
    const fixed = kind === 'visit' || kind === 'source' ? { caseIds: [caseId] } : kind === 'case' || kind === 'person' ? {} : { caseId };
    const body = toBody(kind, fields, values, record ? initial : null, fixed);
    if (record && Object.keys(body).length === 0) {
      notify(s.nothingChanged);
      onClose();
      return;
    }
    await api(record ? `/api/${PATH[kind]}/${String(record.id)}` : `/api/${PATH[kind]}`, { method: record ? 'PATCH' : 'POST', body });
    await refresh();
    notify(s.saved, 'green');
    onClose();
  };

  const retract = async () => {
    await api(`/api/${PATH[kind]}/${String(record!.id)}?reason=${encodeURIComponent(reason.trim())}`, { method: 'DELETE' });
    await refresh();
    onClose();
  };

  if (retracting) {
    return (
      <Stack gap="sm">
        <Text size="sm">{s.retractBody}</Text>
        <Textarea label={s.retractReason} description={s.retractReasonHint} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
        <Button color="red.9" onClick={() => void retract()} disabled={reason.trim() === ''}>{s.retractConfirm}</Button>
        <Button variant="default" onClick={() => setRetracting(false)}>{s.cancel}</Button>
      </Stack>
    );
  }
  return (
    <FormFrame
      form={form}
      onSubmit={save}
      onCancel={onClose}
      submitLabel={record ? s.save : s.create}
      extra={record && kind !== 'case' && kind !== 'person' ? (
        <>
          <Button variant="subtle" color="red" c="red.9" onClick={() => setRetracting(true)}>{s.retract}</Button>
          {isAdmin && <Anchor component={Link} to={`/admin/audit?recordId=${String(record.id)}`} size="sm" title={s.historyHint}>{s.history}</Anchor>}
        </>
      ) : record && isAdmin ? (
        <Anchor component={Link} to={`/admin/audit?recordId=${String(record.id)}`} size="sm" title={s.historyHint}>{s.history}</Anchor>
      ) : undefined}
    >
      <FieldInputs fields={fieldsFor(kind, form.getValues())} form={form} caseId={caseId} />
    </FormFrame>
  );
}

/** The dialog; `target` null keeps it closed. */
export function RecordEditor({ target, caseId, onClose }: { target: EditTarget | null; caseId: string; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 36em)');
  const kindName = target ? s.kindName[target.kind] ?? target.kind : '';
  return (
    <Modal opened={target !== null} closeButtonProps={{ 'aria-label': t.common.close }} onClose={onClose} fullScreen={phone} size="lg" title={target?.record ? s.edit(kindName) : s.add(kindName)}>
      {target && <RecordEditorForm target={target} caseId={caseId} onClose={onClose} />}
    </Modal>
  );
}
