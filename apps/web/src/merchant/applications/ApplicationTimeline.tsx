// The timeline of an application (its audited steps, oldest first) and, while it is under review,
// a last step saying it waits for the reviewer.
import type { ApplicationStatus, TimelineEntry } from '@shoudan/contracts';
import { Empty, Timeline, Typography, type TimelineProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { instantText } from './format.ts';
import { STEP_COLOR, timelineStep } from './status.ts';

type TimelineItemType = NonNullable<TimelineProps['items']>[number];

function EntryContent({ entry }: { readonly entry: TimelineEntry }) {
  const { t } = useTranslation('merchant.applications');
  const step = timelineStep(entry.action);
  const comment = typeof entry.detail['comment'] === 'string' ? entry.detail['comment'] : null;
  const reason = typeof entry.detail['reason'] === 'string' ? entry.detail['reason'] : null;
  const actor = t(`actor.${entry.actorKind}`, { defaultValue: entry.actorKind });
  return (
    <div data-step={step ?? entry.action}>
      <Typography.Text strong>{step ? t(`step.${step}`) : entry.action}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
        {instantText(entry.at)}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary">
          {actor} · {entry.actorName}
        </Typography.Text>
      </div>
      {reason && <div>{t('reasonText', { reason })}</div>}
      {comment && <div>{t('comment', { comment })}</div>}
    </div>
  );
}

export function ApplicationTimeline(props: {
  readonly timeline: readonly TimelineEntry[];
  readonly status: ApplicationStatus;
}) {
  const { t } = useTranslation('merchant.applications');
  const items: TimelineItemType[] = props.timeline.map((entry, i) => {
    const step = timelineStep(entry.action);
    return {
      key: `${entry.at}-${entry.action}-${i}`,
      color: step ? STEP_COLOR[step] : 'gray',
      content: <EntryContent entry={entry} />,
    };
  });
  if (props.status === 'submitted') {
    items.push({ key: 'pending', loading: true, color: 'gray', content: t('status.submitted') });
  }
  return (
    <div data-testid="application-timeline">
      {items.length === 0 ? (
        <Empty description={t('timelineEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline items={items} />
      )}
    </div>
  );
}
