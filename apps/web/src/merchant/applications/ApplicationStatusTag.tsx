// An application's status as a coloured tag; the deregistration and detail pages give it the
// `application-status` test id, with the API's status code in `data-status`.
import type { ApplicationStatus } from '@shoudan/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOR } from './status.ts';

export function ApplicationStatusTag(props: {
  readonly status: ApplicationStatus;
  readonly testId?: string;
}) {
  const { t } = useTranslation('merchant.applications');
  return (
    <Tag color={STATUS_COLOR[props.status]} data-testid={props.testId} data-status={props.status}>
      {t(`status.${props.status}`)}
    </Tag>
  );
}

/** The kind's name, or the API's code for a kind the web does not know. */
export function useKindLabel(): (kind: string) => string {
  const { t } = useTranslation('merchant.applications');
  return (kind) => t(`kind.${kind}`, { defaultValue: kind });
}
