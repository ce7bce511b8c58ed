// The cells of one service on the 服务管理 page: its rate in force and those announced, its status
// with the application under review, and the action that applies to it.
import type { RateBody, ServiceBody } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import { Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBp } from '../../common/money.ts';
import { fenText, instantText } from '../applications/format.ts';
import type { ServiceChange } from './api.ts';
import { canActivate, canRevoke, DISPLAY_COLOR, displayStatus } from './status.ts';

/** The plan's rate needs no mark; a rate of the merchant's own does. */
function ScopeTag({ rate }: { readonly rate: RateBody }) {
  const { t } = useTranslation('merchant.services');
  if (rate.scope !== 'merchant') return null;
  return (
    <Tag color="gold" style={{ marginInlineStart: 6 }}>
      {t('scope.merchant')}
    </Tag>
  );
}

export function RateText({ rate }: { readonly rate: RateBody | null }) {
  const { t } = useTranslation('merchant.services');
  if (!rate) return <Typography.Text type="secondary">{t('noRate')}</Typography.Text>;
  return (
    <span>
      {formatBp(rate.rateBps)}
      {rate.capFen !== null && ` · ${t('cap', { cap: fenText(rate.capFen) })}`}
      <ScopeTag rate={rate} />
    </span>
  );
}

export function UpcomingRates({ rates }: { readonly rates: readonly RateBody[] }) {
  const { t } = useTranslation('merchant.services');
  if (rates.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={4}>
      {rates.map((rate) => (
        <div key={`${rate.effectiveFrom}-${rate.scope}`}>
          <RateText rate={rate} />
          <div>
            <Typography.Text type="secondary">
              {t('from', { from: instantText(rate.effectiveFrom) })}
            </Typography.Text>
          </div>
        </div>
      ))}
    </Space>
  );
}

export function StatusCell({ service }: { readonly service: ServiceBody }) {
  const { t } = useTranslation('merchant.services');
  const status = displayStatus(service);
  const open = service.openApplication;
  return (
    <Space orientation="vertical" size={2}>
      <Tag color={DISPLAY_COLOR[status]}>{t(`status.${status}`)}</Tag>
      {open && (
        <Link
          to={`/merchant/applications/${open.id}`}
          data-testid={`service-application-${service.service}`}
        >
          {open.applicationNo}
        </Link>
      )}
    </Space>
  );
}

export function ActionCell(props: {
  readonly service: ServiceBody;
  readonly onChange: (change: ServiceChange, service: ServiceBody) => void;
}) {
  const { t } = useTranslation('merchant.services');
  const { service } = props;
  const code = service.service;
  if (service.status === 'active') {
    return (
      <Button
        size="small"
        danger
        disabled={!canRevoke(service)}
        onClick={() => props.onChange('revoke', service)}
        data-testid={`service-revoke-${code}`}
      >
        {t('revoke')}
      </Button>
    );
  }
  return (
    <Button
      size="small"
      disabled={!canActivate(service)}
      onClick={() => props.onChange('activate', service)}
      data-testid={`service-activate-${code}`}
    >
      {t('activate')}
    </Button>
  );
}
