// A searchable choice of case: the server finds cases by their subject's name in any spelling.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { t } from '../../strings/index.ts';
import { useCasePicker } from './api.ts';

export function CasePicker({ value, onChange, label, description, error, required = false }: {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const cases = useCasePicker(debounced);
  // The chosen case stays an option while another name is being typed.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const data = useMemo(() => {
    const options = (cases.data ?? []).map((c) => ({ value: c.id, label: c.subject?.canonicalName ?? t.common.unknown }));
    if (chosen && chosen.value === value && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
    return options;
  }, [cases.data, chosen, value]);

  return (
    <Select
      label={label}
      description={description}
      error={error}
      required={required}
      placeholder={t.import.casePlaceholder}
      data={data}
      value={value}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has filtered already, by every spelling; the list shows what it found.
      filter={({ options }) => options}
      nothingFoundMessage={cases.isFetching ? t.common.loading : t.import.noCaseFound}
      clearable
      maw="28rem"
    />
  );
}
