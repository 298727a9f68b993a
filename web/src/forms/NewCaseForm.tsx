// The form that opens a case: the person held (name and every spelling) and the case (status, who may see it,
// country, tags, summary), written together or not at all (POST /api/case-files).
import { Divider, Title } from '@mantine/core';
import { notify } from '../components/notify.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api.ts';
import { t } from '../strings/index.ts';
import { FieldInputs, FormFrame, useRecordForm, validate } from './RecordForm.tsx';
import { FIELDS, type Field } from './spec.ts';
import { toBody, toFormValues } from './values.ts';

const s = t.records;
const SUBJECT: Field[] = FIELDS.person.filter((f) => f.name === 'canonicalName' || f.name === 'aliases' || f.name === 'nationality');
const CASE = FIELDS.case;

export function NewCaseForm({ onClose }: { onClose: () => void }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const form = useRecordForm(
    { subject: toFormValues(SUBJECT), case: { ...toFormValues(CASE), status: 'detained', confidentiality: 'internal' } },
    (values) => ({
      ...validate(SUBJECT, values.subject as Record<string, unknown>, 'subject.'),
      ...validate(CASE, values.case as Record<string, unknown>, 'case.'),
    }),
  );
  const save = async (values: Record<string, unknown>) => {
    const body = {
      subject: toBody('person', SUBJECT, values.subject as Record<string, unknown>, null),
      case: toBody('case', CASE, values.case as Record<string, unknown>, null),
    };
    const created = await api<{ id: string }>('/api/case-files', { method: 'POST', body });
    await client.invalidateQueries({ queryKey: ['cases'] });
    notify(s.saved, 'green');
    onClose();
    void navigate(`/cases/${created.id}`);
  };
  return (
    <FormFrame form={form} onSubmit={save} onCancel={onClose} submitLabel={s.newCase}>
      <Title order={3} size="h5">{s.newCaseSubject}</Title>
      <FieldInputs fields={SUBJECT} form={form} prefix="subject." />
      <Divider my="xs" />
      <Title order={3} size="h5">{s.newCaseCase}</Title>
      <FieldInputs fields={CASE} form={form} prefix="case." />
    </FormFrame>
  );
}

