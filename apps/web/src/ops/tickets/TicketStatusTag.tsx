// A ticket's status as a coloured tag.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { open: 'processing', answered: 'cyan', closed: 'default' };

export function TicketStatusTag({
  status,
  testId,
}: {
  readonly status: string;
  readonly testId?: string;
}) {
  const { t } = useTranslation('ops.tickets');
  return (
    <Tag color={COLORS[status]} data-status={status} data-testid={testId}>
      {t(`statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}
