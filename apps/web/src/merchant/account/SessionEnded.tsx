// The page once the session is gone under it: approval closes the account and ends every session
// of its users, and a closed merchant cannot sign in again, so this is what the merchant last sees.
import type { ApplicationBody } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { addFen, fenText } from '../applications/format.ts';
import { payloadFacts } from '../applications/status.ts';

function estimateOf(application: ApplicationBody | null): string | null {
  const fact = payloadFacts(application?.payload ?? {}).find((f) => f.kind === 'refundEstimate');
  if (fact?.kind !== 'refundEstimate') return null;
  return fenText(addFen(fact.depositRefundFen, fact.feeRefundFen));
}

export function SessionEnded({ application }: { readonly application: ApplicationBody | null }) {
  const { t } = useTranslation('merchant.account');
  const total = estimateOf(application);
  return (
    <Result
      status="info"
      title={t('ended')}
      subTitle={
        <>
          <p>{t('endedBody')}</p>
          {application && total && (
            <p>{t('endedEstimate', { applicationNo: application.applicationNo, total })}</p>
          )}
        </>
      }
      extra={<Link to="/merchant/login">{t('signInAgain')}</Link>}
      data-testid="deregistration-session-ended"
    />
  );
}
