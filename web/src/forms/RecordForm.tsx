// One form for every kind of record: the fields of forms/spec.ts, checked as the user types where the
// rule is simple (required, date, country code) and by the server on save, whose messages land next
// to the field they name. Nothing is written unless the whole record is valid.
import { Alert, Button, Group, NumberInput, Paper, Select, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { isValidPreciseDate } from '../../../src/domain/dates.ts';
import { api, ApiError } from '../api.ts';
import { humanize } from '../format.ts';
import { t } from '../strings/index.ts';
import type { Field, RefKind } from './spec.ts';
import { canEmpty, type FindingValue, type FormValues } from './values.ts';

const s = t.records;
export const label = (name: string) => s.field[name] ?? humanize(name.replace(/^attributes\./, ''));
const optionLabel = (value: string) => s.option[value] ?? t.status[value] ?? t.confidentiality[value] ?? humanize(value);

function pathValue(values: FormValues, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as FormValues)[k] : undefined), values);
}

/** The checks simple enough to make before asking the server. */
export function validate(fields: Field[], values: FormValues, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = pathValue(values, field.name);
    const empty = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
    if ('required' in field && field.required && empty) errors[prefix + field.name] = s.required;
    else if (!empty && field.type === 'date' && !isValidPreciseDate(String(value).trim())) errors[prefix + field.name] = s.dateInvalid;
    else if (!empty && field.type === 'country' && !/^[A-Z]{2}$/.test(String(value).trim())) errors[prefix + field.name] = s.countryInvalid;
  }
  return errors;
}

const REF_PATH: Record<Exclude<RefKind, 'condition'>, string> = {
  facility: '/api/places?kind=facility&limit=200',
  place: '/api/places?limit=200',
  organization: '/api/organizations?limit=200',
};

/** The records a reference field may point to, by name. */
function useRefOptions(ref: RefKind, caseId: string | undefined) {
  const path = ref === 'condition' ? `/api/health-conditions?caseId=${caseId ?? ''}&limit=200` : REF_PATH[ref];
  return useQuery({
    queryKey: ['ref-options', path],
    queryFn: async () => (await api<{ items: Array<{ id: string; name: string }> }>(path)).items.map((r) => ({ value: r.id, label: r.name })),
    enabled: ref !== 'condition' || Boolean(caseId),
    staleTime: 60_000,
  });
}

function RefField({ field, form, caseId, name }: { field: Extract<Field, { type: 'ref' }>; form: UseFormReturnType<FormValues>; caseId?: string; name: string }) {
  const options = useRefOptions(field.ref, caseId);
  return (
    <Select
      label={label(field.name)}
      data={options.data ?? []}
      searchable
      clearable
      nothingFoundMessage={s.none}
      placeholder={options.isPending ? t.common.loading : s.notKnown}
      {...form.getInputProps(name)}
    />
  );
}

function FindingsField({ form, name }: { form: UseFormReturnType<FormValues>; name: string }) {
  const findings = (pathValue(form.getValues(), name) as FindingValue[] | undefined) ?? [];
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>{label('findings')}</Text>
      {findings.map((_, i) => (
        <Paper key={form.key(`${name}.${i}`)} withBorder p="xs">
          <Stack gap={6}>
            <Textarea label={`${label('finding')} ${i + 1}`} autosize minRows={2} {...form.getInputProps(`${name}.${i}.description`)} />
            <Group justify="space-between" align="flex-end">
              <YesNo label={label('documentsInjuries')} clearable inputProps={form.getInputProps(`${name}.${i}.documentsInjuries`)} />
              <Button variant="subtle" color="red" c="red.9" size="xs" onClick={() => form.removeListItem(name, i)}>{label('removeFinding')}</Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      <div>
        <Button variant="default" size="xs" onClick={() => form.insertListItem(name, { description: '', documentsInjuries: '', rest: {} })}>
          {label('addFinding')}
        </Button>
      </div>
    </Stack>
  );
}

function YesNo({ label: text, clearable, inputProps }: { label: string; clearable: boolean; inputProps: ReturnType<UseFormReturnType<FormValues>['getInputProps']> }) {
  return (
    <Select
      label={text}
      data={[{ value: 'yes', label: s.yes }, { value: 'no', label: s.no }]}
      placeholder={s.notKnown}
      clearable={clearable}
      w={200}
      {...inputProps}
      value={(inputProps.value as string) || null}
      onChange={(value) => (inputProps.onChange as (v: string) => void)(value ?? '')}
    />
  );
}

/** The inputs of `fields`, bound to `form` (each under `prefix`, e.g. "case."). */
export function FieldInputs({ fields, form, caseId, prefix = '' }: { fields: Field[]; form: UseFormReturnType<FormValues>; caseId?: string; prefix?: string }) {
  return (
    <>
      {fields.map((field) => {
        const name = prefix + field.name;
        const common = { label: label(field.name), description: s.hint[field.name], withAsterisk: 'required' in field && field.required };
        switch (field.type) {
          case 'textarea':
            return <Textarea key={name} {...common} autosize minRows={3} maxRows={12} {...form.getInputProps(name)} />;
          case 'date':
            return <TextInput key={name} {...common} description={s.hint[field.name] ?? s.dateHint} placeholder="2022-05-14" {...form.getInputProps(name)} />;
          case 'country':
            return <TextInput key={name} {...common} description={s.countryHint} maxLength={2} w={200} {...form.getInputProps(name)} />;
          case 'number':
            return <NumberInput key={name} {...common} min={0} allowDecimal={false} w={200} {...form.getInputProps(name)} />;
          case 'select':
            return (
              <Select
                key={name}
                {...common}
                data={field.options.map((value) => ({ value, label: optionLabel(value) }))}
                searchable={field.options.length > 8}
                clearable={!field.required && canEmpty(field)}
                placeholder={s.notKnown}
                {...form.getInputProps(name)}
              />
            );
          case 'yesno':
            return <YesNo key={name} label={common.label} clearable={canEmpty(field)} inputProps={form.getInputProps(name)} />;
          case 'tags':
            return <TagsInput key={name} {...common} clearable {...form.getInputProps(name)} />;
          case 'ref':
            return <RefField key={name} field={field} form={form} caseId={caseId} name={name} />;
          case 'findings':
            return <FindingsField key={name} form={form} name={name} />;
          default:
            return <TextInput key={name} {...common} {...form.getInputProps(name)} />;
        }
      })}
    </>
  );
}

/** What went wrong on save, said for a person: field messages go to their fields. */
export function applyServerError(error: unknown, form: UseFormReturnType<FormValues>): string {
  if (error instanceof ApiError) {
    const issues = (error.problem as { errors?: Array<{ field: string; message: string }> }).errors ?? [];
    if (error.status === 400 && issues.length > 0) {
      form.setErrors(Object.fromEntries(issues.map((i) => [i.field, i.message])));
      // A rule over the whole record may name no field of the form: say it here.
      const elsewhere = issues.filter((i) => pathValue(form.getValues(), i.field) === undefined);
      return [s.fixErrors, ...elsewhere.map((i) => `${label(i.field)}: ${i.message}`)].join(' ');
    }
    if (error.status === 403) return s.forbidden;
    if (error.status === 409) return error.problem.detail ?? s.conflict;
    if (error.status < 500) return error.problem.detail ?? error.problem.title ?? s.failed;
  }
  return s.failed;
}

export function useRecordForm(initialValues: FormValues, check: (values: FormValues) => Record<string, string>) {
  return useForm<FormValues>({ mode: 'controlled', initialValues, validate: check, validateInputOnBlur: true });
}

/** A form's frame: its fields, a message when saving failed, and the buttons. */
export function FormFrame({ form, onSubmit, onCancel, submitLabel, children, extra }: {
  form: UseFormReturnType<FormValues>;
  onSubmit: (values: FormValues) => Promise<void>;
  onCancel: () => void;
  submitLabel: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = form.onSubmit(
    async (values) => {
      setFailure(null);
      setBusy(true);
      try {
        await onSubmit(values);
      } catch (error) {
        setFailure(applyServerError(error, form));
      } finally {
        setBusy(false);
      }
    },
    () => setFailure(s.fixErrors),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {children}
        {failure && <Alert color="red" variant="light" role="alert">{failure}</Alert>}
        <Group justify="space-between" mt="xs">
          <Group gap="xs">{extra}</Group>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel}>{s.cancel}</Button>
            <Button type="submit" loading={busy}>{submitLabel}</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
