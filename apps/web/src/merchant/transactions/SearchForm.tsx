// The transaction search form: business-date range, type, status and terminal. Submitting puts the
// filters in the URL (the list reads them from there), so a search can be bookmarked and shared.
import type { TerminalList } from '@shoudan/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, DatePicker, Form, Grid, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { TransactionFilters } from './search.ts';

type Fields = {
  readonly from?: Dayjs | null;
  readonly to?: Dayjs | null;
  readonly kind?: TransactionFilters['kind'];
  readonly status?: TransactionFilters['status'];
  readonly terminalId?: string;
};

const DATE = 'YYYY-MM-DD';
const KINDS = ['sale', 'void', 'refund'] as const;
const STATUSES = ['approved', 'declined', 'voided', 'reversed'] as const;

function fieldsOf(filters: TransactionFilters): Fields {
  return {
    from: filters.from ? dayjs(filters.from, DATE) : null,
    to: filters.to ? dayjs(filters.to, DATE) : null,
    kind: filters.kind,
    status: filters.status,
    terminalId: filters.terminalId,
  };
}

function filtersOf(fields: Fields): TransactionFilters {
  return {
    from: fields.from?.format(DATE),
    to: fields.to?.format(DATE),
    kind: fields.kind ?? undefined,
    status: fields.status ?? undefined,
    terminalId: fields.terminalId ?? undefined,
  };
}

export type SearchFormProps = {
  readonly filters: TransactionFilters;
  readonly onSearch: (filters: TransactionFilters) => void;
};

/** The business-date range: each end keeps the other from crossing it. */
function DateFields() {
  const { t } = useTranslation('merchant.transactions');
  const form = Form.useFormInstance<Fields>();
  const from = Form.useWatch('from', form);
  const to = Form.useWatch('to', form);
  return (
    <>
      <Col xs={12} md={8} xl={4}>
        <Form.Item name="from" label={t('from')}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => (to ? d.isAfter(to, 'day') : false)}
            data-testid="txn-search-from"
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Form.Item name="to" label={t('to')}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => (from ? d.isBefore(from, 'day') : false)}
            data-testid="txn-search-to"
          />
        </Form.Item>
      </Col>
    </>
  );
}

/** Type, status and terminal (the merchant's own, by id and serial number). */
function SelectFields() {
  const { t } = useTranslation('merchant.transactions');
  const terminals = useQuery({
    queryKey: ['merchant', 'terminals'],
    queryFn: () => api.get<TerminalList>('/v1/merchant/terminals'),
  });
  const all = t('all');
  return (
    <>
      <Col xs={12} md={8} xl={4}>
        <Form.Item name="kind" label={t('kindLabel')}>
          <Select
            allowClear
            placeholder={all}
            options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            data-testid="txn-search-kind"
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Form.Item name="status" label={t('statusLabel')}>
          <Select
            allowClear
            placeholder={all}
            options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            data-testid="txn-search-status"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8} xl={4}>
        <Form.Item name="terminalId" label={t('terminalLabel')}>
          <Select
            allowClear
            placeholder={all}
            loading={terminals.isPending}
            options={(terminals.data?.data ?? []).map((x) => ({
              value: x.terminalId,
              label: `${x.terminalId} (${x.serialNo})`,
            }))}
            data-testid="txn-search-terminal"
          />
        </Form.Item>
      </Col>
    </>
  );
}

export function SearchForm({ filters, onSearch }: SearchFormProps) {
  const { t } = useTranslation('merchant.transactions');
  const [form] = Form.useForm<Fields>();
  // Beside the fields (md and up) the buttons need an empty label to line up; stacked, none.
  const buttonsLabel = Grid.useBreakpoint().md ? ' ' : undefined;
  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      initialValues={fieldsOf(filters)}
      onFinish={(fields) => onSearch(filtersOf(fields))}
      data-testid="txn-search"
    >
      <Row gutter={16}>
        <DateFields />
        <SelectFields />
        <Col xs={24} md={8} xl={4}>
          <Form.Item label={buttonsLabel} colon={false}>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="txn-search-submit">
                {t('common:search')}
              </Button>
              <Button
                onClick={() => {
                  form.setFieldsValue(fieldsOf({}));
                  onSearch({});
                }}
                data-testid="txn-search-reset"
              >
                {t('common:reset')}
              </Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
