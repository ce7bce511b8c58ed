// A merchant chosen by typing its number or a part of its name (GET /v1/ops/merchants?q=): the
// value is the merchant's id.
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMerchantSearch } from './api.ts';

export type MerchantPickerProps = {
  readonly value?: string;
  readonly onChange?: (id: string | undefined) => void;
  readonly testId?: string;
  readonly id?: string;
} & Pick<SelectProps, 'allowClear' | 'style'>;

export function MerchantPicker({ value, onChange, testId, id, ...rest }: MerchantPickerProps) {
  const { t } = useTranslation('ops.shared');
  const [q, setQ] = useState('');
  const query = useMerchantSearch({ q: q.trim() === '' ? undefined : q.trim(), limit: 20 });
  // The chosen merchant keeps its label while the search shows others.
  const [chosen, setChosen] = useState<{ value: string; label: string }>();
  const found = (query.data?.data ?? []).map((m) => ({
    value: m.id,
    label: `${m.merchantNo} ${m.name}`,
  }));
  const options =
    chosen && chosen.value === value && !found.some((o) => o.value === value)
      ? [chosen, ...found]
      : found;
  return (
    <Select
      {...rest}
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(next: string | undefined) => {
        setChosen(options.find((o) => o.value === next));
        onChange?.(next);
      }}
      placeholder={t('merchantPick')}
      options={options}
      loading={query.isFetching}
      notFoundContent={query.isFetching ? t('common:loading') : t('common:none')}
      data-testid={testId}
    />
  );
}
