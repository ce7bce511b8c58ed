// A record of an API answer (an application's payload or result) as labelled fields: nested
// objects flattened, money, instants, services, rates and statuses in words, merchant ids and
// linked applications as links.
import { Link } from '@tanstack/react-router';
import { Descriptions, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatBp } from '../../common/money.ts';
import { fenText, fieldText, flattenFields, orderFields, type Field } from './format.ts';
import { MerchantLink } from './MerchantLink.tsx';

type Row = Record<string, unknown>;

/** Fields that hold service codes. */
const SERVICE_KEYS = new Set(['service', 'services', 'servicesRevoked']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids read small: they are for copying, not for reading. */
function isUuidish(value: unknown): boolean {
  const list = Array.isArray(value) ? value : [value];
  return list.length > 0 && list.every((v) => typeof v === 'string' && UUID.test(v));
}

function isRowList(value: unknown): value is Row[] {
  return Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object');
}

/** A changed service `{ service, from, to }` or a charge `{ kind, amountFen, refundFen }`. */
function rowLine(row: Row, t: TFunction): string {
  if (typeof row['service'] === 'string') {
    const name = t(`ops.shared:services.${row['service']}`, { defaultValue: row['service'] });
    const from = t(`ops.shared:serviceStatuses.${String(row['from'])}`);
    const to = t(`ops.shared:serviceStatuses.${String(row['to'])}`);
    return `${name}: ${from} → ${to}`;
  }
  return Object.entries(row)
    .map(
      ([key, value]) =>
        `${t(`ops.shared:fields.${key}`, { defaultValue: key })} ${fieldText(key, value)}`,
    )
    .join(' · ');
}

function FieldValue({ field }: { readonly field: Field }) {
  const { t } = useTranslation('ops.shared');
  const { key, value } = field;
  if (value === null || value === undefined || value === '') return <>—</>;
  if (Array.isArray(value) && value.length === 0) return <>—</>;
  if (key === 'merchantId' && typeof value === 'string') return <MerchantLink id={value} />;
  if (key === 'previousApplicationId' && typeof value === 'string') {
    return (
      <Link to="/ops/reviews/$id" params={{ id: value }}>
        {t('ops.reviews:previous')}
      </Link>
    );
  }
  if (SERVICE_KEYS.has(key) && !isRowList(value)) {
    const codes = Array.isArray(value) ? value.map(String) : [String(value)];
    return (
      <Space wrap size={4}>
        {codes.map((c) => (
          <Tag key={c}>{t(`services.${c}`, { defaultValue: c })}</Tag>
        ))}
      </Space>
    );
  }
  if (isRowList(value)) {
    return (
      <Space orientation="vertical" size={0}>
        {value.map((row, i) => (
          <span key={i}>{rowLine(row, t)}</span>
        ))}
      </Space>
    );
  }
  if (key === 'rateBps' && typeof value === 'number') return <>{formatBp(value)}</>;
  if (key === 'merchantType') return <>{t(`merchantTypes.${String(value)}`)}</>;
  if (key === 'scope') return <>{t(`scopes.${String(value)}`)}</>;
  if (key === 'terminalStatus') return <>{t(`terminalStatuses.${String(value)}`)}</>;
  if (typeof value === 'boolean') return <>{value ? t('yes') : t('no')}</>;
  if (isUuidish(value)) {
    return (
      <Typography.Text style={{ fontSize: 12, wordBreak: 'break-all' }}>
        {fieldText(key, value)}
      </Typography.Text>
    );
  }
  if (/Fen$/.test(key)) return <>{fenText(value)}</>;
  return <>{fieldText(key, value)}</>;
}

export function FieldList({
  record,
  testId,
  hide = [],
}: {
  readonly record: Record<string, unknown>;
  readonly testId?: string;
  readonly hide?: readonly string[];
}) {
  const { t } = useTranslation('ops.shared');
  const fields = orderFields(flattenFields(record)).filter((f) => !hide.includes(f.path));
  return (
    <Descriptions
      data-testid={testId}
      column={1}
      size="small"
      bordered
      styles={{ label: { width: 150 } }}
      items={fields.map((f) => ({
        key: f.path,
        label: t(`fields.${f.path}`, { defaultValue: f.path }),
        children: <FieldValue field={f} />,
      }))}
    />
  );
}
