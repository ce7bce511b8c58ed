// A ticket's status as a coloured tag.
import type { TicketStatus } from '@shoudan/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<TicketStatus, string> = {
  open: 'processing',
  answered: 'success',
  closed: 'default',
};

export function TicketStatusTag(props: {
  readonly status: TicketStatus;
  readonly testId?: string;
}) {
  const { t } = useTranslation('merchant.tickets');
  return (
    <Tag color={COLOR[props.status]} data-testid={props.testId} data-status={props.status}>
      {t(`status.${props.status}`)}
    </Tag>
  );
}
