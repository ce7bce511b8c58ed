// An application in three steps: the details (which create the application and answer its access
// token, shown once), the documents (uploaded to the application just created), and the end with
// the link to follow it. A correction of a rejected application starts from its data.
import type { OnboardingSubmission } from '@shoudan/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from '@tanstack/react-router';
import { Alert, Button, Result, Spin, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { AccessTokenCard } from '../shared/AccessTokenCard.tsx';
import { statusQuery } from '../shared/api.ts';
import { ApplyFrame } from '../shared/ApplyFrame.tsx';
import { LinkButton } from '../shared/LinkButton.tsx';
import { DocumentsPanel } from '../shared/DocumentsPanel.tsx';
import { missingKinds, type MerchantType } from '../shared/documents.ts';
import { hashOf, resubmitKeyOf, type FollowKey } from '../shared/follow.ts';
import { DetailsForm, type Previous } from './DetailsForm.tsx';

/** The page of `/apply/individual` and `/apply/enterprise` (`#resubmit=…&token=…` corrects). */
export function ApplyPage({ merchantType }: { readonly merchantType: MerchantType }) {
  const { t } = useTranslation('apply.form');
  const hash = useLocation({ select: (location) => location.hash });
  // Read once: the wizard's own steps do not change the fragment.
  const [previousKey] = useState(() => resubmitKeyOf(hash));
  const title = t(`title.${merchantType}`);
  return (
    <ApplyFrame title={previousKey ? `${title} · ${t('correction')}` : title}>
      {previousKey ? (
        <CorrectionLoader merchantType={merchantType} previousKey={previousKey} />
      ) : (
        <Wizard merchantType={merchantType} />
      )}
    </ApplyFrame>
  );
}

type LoaderProps = { readonly merchantType: MerchantType; readonly previousKey: FollowKey };

function CorrectionLoader({ merchantType, previousKey }: LoaderProps) {
  const { t } = useTranslation('apply.form');
  const previous = useQuery(statusQuery(previousKey));
  if (previous.isPending) return <Spin />;
  if (previous.isError) {
    return (
      <>
        <ErrorAlert error={previous.error} />
        <Alert type="info" title={t('previousMissing')} />
      </>
    );
  }
  const status = previous.data;
  if (status.status !== 'rejected' || status.resubmittedAs !== null) {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t('notCorrectable')}
        action={
          <Link to="/apply/status" hash={hashOf(previousKey)}>
            {t('followNow')}
          </Link>
        }
      />
    );
  }
  return <Wizard merchantType={merchantType} previous={{ key: previousKey, status }} />;
}

type WizardProps = { readonly merchantType: MerchantType; readonly previous?: Previous };

function Wizard({ merchantType, previous }: WizardProps) {
  const { t } = useTranslation('apply.form');
  const [submission, setSubmission] = useState<OnboardingSubmission>();
  const [finished, setFinished] = useState(false);
  const step = !submission ? 0 : finished ? 2 : 1;
  const onSubmitted = (answer: OnboardingSubmission) => {
    setSubmission(answer);
    window.scrollTo({ top: 0 });
  };
  return (
    <>
      <Steps
        current={step}
        status={step === 2 ? 'finish' : 'process'}
        size="small"
        // Three short steps fit across a phone too, titles under the icons.
        responsive={false}
        titlePlacement="vertical"
        style={{ marginBottom: 24 }}
        items={[
          { title: t('steps.details') },
          { title: t('steps.documents') },
          { title: t('steps.done') },
        ]}
      />
      {!submission && (
        <DetailsForm merchantType={merchantType} previous={previous} onSubmitted={onSubmitted} />
      )}
      {submission && !finished && (
        <DocumentsStep
          merchantType={merchantType}
          submission={submission}
          onFinish={() => {
            setFinished(true);
            window.scrollTo({ top: 0 });
          }}
        />
      )}
      {submission && finished && <DoneStep submission={submission} />}
    </>
  );
}

type DocumentsStepProps = {
  readonly merchantType: MerchantType;
  readonly submission: OnboardingSubmission;
  readonly onFinish: () => void;
};

function DocumentsStep({ merchantType, submission, onFinish }: DocumentsStepProps) {
  const { t } = useTranslation('apply.form');
  const followKey = { id: submission.id, token: submission.accessToken };
  const status = useQuery(statusQuery(followKey));
  const uploaded = status.data?.documents.map((d) => d.kind) ?? [];
  const missing = missingKinds(merchantType, uploaded);
  return (
    <>
      <AccessTokenCard submission={submission} />
      <Alert type="info" showIcon title={t('documentsIntro')} style={{ marginBottom: 16 }} />
      <DocumentsPanel followKey={followKey} />
      {status.data && missing.length > 0 && (
        <Alert
          type="warning"
          style={{ marginTop: 16 }}
          title={t('missingDocs', {
            kinds: missing.map((kind) => t(`apply.shared:documentKind.${kind}`)).join(t('comma')),
          })}
        />
      )}
      <Button
        type="primary"
        size="large"
        style={{ marginTop: 16 }}
        onClick={onFinish}
        data-testid="apply-documents-done"
      >
        {t('next')}
      </Button>
    </>
  );
}

function DoneStep({ submission }: { readonly submission: OnboardingSubmission }) {
  const { t } = useTranslation('apply.form');
  return (
    <>
      <Result
        status="success"
        title={t('doneTitle')}
        subTitle={t('doneHint')}
        extra={
          <LinkButton
            type="primary"
            size="large"
            to="/apply/status"
            hash={hashOf({ id: submission.id, token: submission.accessToken })}
            data-testid="apply-follow"
          >
            {t('followNow')}
          </LinkButton>
        }
      />
      <AccessTokenCard submission={submission} />
    </>
  );
}
