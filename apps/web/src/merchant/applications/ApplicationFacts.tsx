// What an application says, as a description list: number, kind, status, reason, what its payload
// names (services, a terminal, the refund estimate, a rate) and the review.
import type { ApplicationBody } from '@shoudan/contracts';
import { Descriptions, type DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatBp } from '../../common/money.ts';
import { ApplicationStatusTag, useKindLabel } from './ApplicationStatusTag.tsx';
import { addFen, fenText, instantText } from './format.ts';
import { payloadFacts, type PayloadFact } from './status.ts';

type Item = NonNullable<DescriptionsProps['items']>[number];

function factItem(fact: PayloadFact, t: TFunction): Item {
  const service = (code: string) => t(`merchant.services:name.${code}`, { defaultValue: code });
  switch (fact.kind) {
    case 'services':
      return {
        key: 'services',
        label: t('field.services'),
        children: fact.services.map(service).join(t('separator')),
      };
    case 'terminal':
      return {
        key: 'terminal',
        label: t('field.terminal'),
        children: fact.serialNo
          ? t('terminalText', { terminalId: fact.terminalId, serialNo: fact.serialNo })
          : fact.terminalId,
      };
    case 'refundEstimate': {
      const deposit = fenText(fact.depositRefundFen);
      const fee = fenText(fact.feeRefundFen);
      const total = fenText(addFen(fact.depositRefundFen, fact.feeRefundFen));
      return {
        key: 'refundEstimate',
        label: t('field.refundEstimate'),
        children: t('estimate', { total, deposit, fee, asOf: fact.asOf }),
      };
    }
    case 'rate': {
      const cap = fact.capFen === null ? '' : t('capText', { cap: fenText(fact.capFen) });
      const text = t('rateText', {
        service: service(fact.service),
        rate: formatBp(fact.rateBps),
        cap,
        from: instantText(fact.effectiveFrom),
      });
      return { key: 'rate', label: t('field.rate'), children: text };
    }
    default: {
      const never: never = fact;
      return never;
    }
  }
}

function reviewItems(application: ApplicationBody, t: TFunction): Item[] {
  const items: Item[] = [];
  const add = (key: string, value: string | null) => {
    if (value) items.push({ key, label: t(`field.${key}`), children: value });
  };
  add('reviewedAt', application.reviewedAt && instantText(application.reviewedAt));
  add('reviewComment', application.reviewComment);
  add('withdrawnAt', application.withdrawnAt && instantText(application.withdrawnAt));
  add('executedAt', application.executedAt && instantText(application.executedAt));
  return items;
}

export function ApplicationFacts({ application }: { readonly application: ApplicationBody }) {
  const { t } = useTranslation('merchant.applications');
  const kindLabel = useKindLabel();
  const items: Item[] = [
    { key: 'applicationNo', label: t('field.applicationNo'), children: application.applicationNo },
    { key: 'kind', label: t('field.kind'), children: kindLabel(application.kind) },
    {
      key: 'status',
      label: t('field.status'),
      children: <ApplicationStatusTag status={application.status} testId="application-status" />,
    },
    {
      key: 'submittedAt',
      label: t('field.submittedAt'),
      children: instantText(application.submittedAt),
    },
    { key: 'reason', label: t('field.reason'), children: application.reason },
    ...(application.submittedBy.kind === 'staff'
      ? [{ key: 'proposer', label: t('field.proposer'), children: t('field.proposedByStaff') }]
      : []),
    ...payloadFacts(application.payload).map((fact) => factItem(fact, t)),
    ...reviewItems(application, t),
  ];
  return <Descriptions bordered size="small" column={1} items={items} />;
}
