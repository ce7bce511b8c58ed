// The audit search form: action (with the usual ones offered), object type and id, merchant, actor
// and a range of days.
import { AutoComplete, Button, Card, Col, DatePicker, Form, Input, Row, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MerchantPicker } from '../shared/MerchantPicker.tsx';
import { schemaRule } from '../shared/rules.ts';
import type { AuditForm } from './query.ts';

const ACTIONS = [
  'application.submitted',
  'application.approved',
  'application.rejected',
  'application.executed',
  'application.withdrawn',
  'application.document_uploaded',
  'cutoff.run_started',
  'settlement.run_started',
  'settlement.payouts_paid',
  'ledger.checked',
  'inventory.device_added',
  'inventory.device_shipped',
  'terminal.deactivated',
  'ticket.opened',
  'ticket.replied',
  'ticket.closed',
  'user.signed_in',
];

type Fields = Omit<AuditForm, 'from' | 'to'> & { period?: [Dayjs | null, Dayjs | null] | null };

export function AuditFilters({ onSearch }: { readonly onSearch: (form: AuditForm) => void }) {
  const { t } = useTranslation('ops.audit');
  const [form] = Form.useForm<Fields>();
  const submit = ({ period, ...rest }: Fields) =>
    onSearch({
      ...rest,
      from: period?.[0]?.format('YYYY-MM-DD'),
      to: period?.[1]?.format('YYYY-MM-DD'),
    });
  return (
    <Card variant="outlined" style={{ marginBottom: 16 }}>
      <Form<Fields> form={form} layout="vertical" onFinish={submit}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="action" label={t('action')}>
              <AutoComplete
                options={ACTIONS.map((a) => ({ value: a }))}
                placeholder={t('actionPlaceholder')}
                allowClear
                data-testid="audit-action"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="objectType" label={t('objectType')}>
              <Input allowClear data-testid="audit-object-type" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="objectId" label={t('objectId')}>
              <Input allowClear data-testid="audit-object-id" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="merchantId" label={t('merchant')}>
              <MerchantPicker allowClear testId="audit-merchant" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="actorId"
              label={t('actorId')}
              rules={[schemaRule(z.uuid(), t('actorIdRule'), true)]}
            >
              <Input allowClear data-testid="audit-actor" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="period" label={t('period')}>
              <DatePicker.RangePicker style={{ width: '100%' }} data-testid="audit-period" />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('reset')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
