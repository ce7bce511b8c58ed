// An application's history (处理记录): every audited step, oldest first, with who did it and the
// comment they gave.
import type { TimelineEntry } from '@shoudan/contracts';
import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../shared/format.ts';
import { actionKey } from './outcome.ts';

const COLORS: Record<string, string> = {
  'application.approved': 'green',
  'application.executed': 'green',
  'application.rejected': 'red',
  'application.withdrawn': 'gray',
};

function commentOf(entry: TimelineEntry): string | undefined {
  const comment = entry.detail['comment'];
  return typeof comment === 'string' && comment !== '' ? comment : undefined;
}

export function History({ entries }: { readonly entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation('ops.reviews');
  return (
    <Card title={t('timeline')} variant="outlined" data-testid="review-timeline">
      <Timeline
        items={entries.map((entry, i) => ({
          key: `${entry.at}-${i}`,
          color: COLORS[entry.action] ?? 'blue',
          title: formatInstant(entry.at, true),
          content: (
            <>
              <Typography.Text strong>
                {t(`actions.${actionKey(entry.action)}`, { defaultValue: entry.action })}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">
                {entry.actorKind === 'applicant' ? t('submitterKinds.applicant') : entry.actorName}
              </Typography.Text>
              {commentOf(entry) && <div>{commentOf(entry)}</div>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
