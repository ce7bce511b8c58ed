// 结算与对账单: balances, and the settlements of a business-date range (in the URL), each opening
// its statement. Owners only (the API's rule): a cashier sees a notice and no request is made.
import type { SettlementList } from '@shoudan/contracts';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Button, Card, DatePicker, Flex, Form, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { BalancesCard } from './BalancesCard.tsx';
import { OwnerOnly } from './OwnerOnly.tsx';
import type { SettlementSearch } from './search.ts';
import { SettlementTable } from './SettlementTable.tsx';

const DATE = 'YYYY-MM-DD';
/** Enough for a season of daily settlements; the range narrows it. */
const LIMIT = 100;

/** A hand-edited backwards range is put right rather than refused by the API. */
function ordered({ from, to }: SettlementSearch): SettlementSearch {
  return from && to && to < from ? { from: to, to: from } : { from, to };
}

type Fields = { readonly from?: Dayjs | null; readonly to?: Dayjs | null };

function RangeForm({ search }: { readonly search: SettlementSearch }) {
  const { t } = useTranslation('merchant.settlements');
  const navigate = useNavigate();
  const [form] = Form.useForm<Fields>();
  const from = Form.useWatch('from', form);
  const to = Form.useWatch('to', form);
  const go = (next: SettlementSearch) =>
    void navigate({ to: '/merchant/settlements', search: next });
  return (
    <Form<Fields>
      form={form}
      layout="inline"
      initialValues={{
        from: search.from ? dayjs(search.from, DATE) : null,
        to: search.to ? dayjs(search.to, DATE) : null,
      }}
      onFinish={(f) => go({ from: f.from?.format(DATE), to: f.to?.format(DATE) })}
      style={{ rowGap: 8 }}
      data-testid="settlements-search"
    >
      <Form.Item name="from" label={t('from')}>
        <DatePicker disabledDate={(d) => (to ? d.isAfter(to, 'day') : false)} />
      </Form.Item>
      <Form.Item name="to" label={t('to')}>
        <DatePicker disabledDate={(d) => (from ? d.isBefore(from, 'day') : false)} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common:search')}
        </Button>
        <Button
          onClick={() => {
            form.setFieldsValue({ from: null, to: null });
            go({});
          }}
        >
          {t('common:reset')}
        </Button>
      </Space>
    </Form>
  );
}

function Settlements({ search }: { readonly search: SettlementSearch }) {
  const { t } = useTranslation('merchant.settlements');
  const query = useQuery({
    queryKey: ['merchant', 'settlements', search],
    queryFn: () =>
      api.get<SettlementList>('/v1/merchant/settlements', { ...ordered(search), limit: LIMIT }),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <BalancesCard />
      <Card size="small" title={t('list')}>
        <RangeForm key={JSON.stringify(search)} search={search} />
        <div style={{ height: 12 }} />
        <ErrorAlert error={query.error} />
        <SettlementTable rows={query.data?.data ?? []} loading={query.isFetching} />
      </Card>
    </Space>
  );
}

export function SettlementsPage({ search }: { readonly search: SettlementSearch }) {
  const { t } = useTranslation('merchant.settlements');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
      </Flex>
      <OwnerOnly notice={t('ownerOnly')}>
        <Settlements search={search} />
      </OwnerOnly>
    </Space>
  );
}
