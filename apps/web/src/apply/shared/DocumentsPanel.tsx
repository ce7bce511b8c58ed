// The documents of an application: which kinds its applicant is asked for and which are in, and
// (while it waits for review) the upload of one more, checked in the browser before it is sent.
import { CheckCircleFilled, UploadOutlined } from '@ant-design/icons';
import type { DocumentBody, DocumentKind, OnboardingStatus } from '@shoudan/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Select, Tag, Typography } from 'antd';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { statusQuery, useUploadDocument } from './api.ts';
import {
  checkDocument,
  DOCUMENT_ACCEPT,
  DOCUMENT_KINDS,
  DOCUMENTS_PER_APPLICATION_MAX,
  formatBytes,
  nextKind,
  type MerchantType,
} from './documents.ts';
import type { FollowKey } from './follow.ts';

export function merchantTypeOf(status: OnboardingStatus): MerchantType {
  return status.payload['merchantType'] === 'enterprise' ? 'enterprise' : 'individual';
}

export function DocumentsPanel({ followKey }: { readonly followKey: FollowKey }) {
  const { t } = useTranslation('apply.shared');
  const status = useQuery(statusQuery(followKey));
  if (!status.data) return <ErrorAlert error={status.error} />;
  const open = status.data.status === 'submitted';
  const full = status.data.documents.length >= DOCUMENTS_PER_APPLICATION_MAX;
  return (
    <section aria-labelledby="apply-documents-title">
      <Typography.Title level={4} id="apply-documents-title">
        {t('documents.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('documents.hint', { max: DOCUMENTS_PER_APPLICATION_MAX })}
      </Typography.Paragraph>
      <DocumentChecklist status={status.data} />
      {open && !full && <DocumentUpload followKey={followKey} status={status.data} />}
      {open && full && (
        <Alert type="info" title={t('documents.full', { max: DOCUMENTS_PER_APPLICATION_MAX })} />
      )}
      {!open && (
        <Alert
          type="info"
          title={t(status.data.status === 'rejected' ? 'documents.carried' : 'documents.closed')}
        />
      )}
    </section>
  );
}

type Row = { readonly kind: string; readonly required?: boolean; readonly docs: DocumentBody[] };

function checklistOf(status: OnboardingStatus): Row[] {
  const asked = DOCUMENT_KINDS[merchantTypeOf(status)];
  const rows: Row[] = asked.map(({ kind, required }) => ({
    kind,
    required,
    docs: status.documents.filter((d) => d.kind === kind),
  }));
  // Documents of a kind not asked for (carried over from a correction of the other kind).
  for (const doc of status.documents) {
    const row = rows.find((r) => r.kind === doc.kind);
    if (!row) rows.push({ kind: doc.kind, docs: [doc] });
    else if (row.required === undefined) row.docs.push(doc);
  }
  return rows;
}

const CHECKLIST_STYLE = {
  listStyle: 'none',
  margin: '0 0 16px',
  padding: 0,
  border: '1px solid #d9d9d9',
  borderRadius: 8,
} as const;
const CHECKLIST_ITEM_STYLE = { padding: '8px 16px', borderBottom: '1px solid #f0f0f0' } as const;

function DocumentChecklist({ status }: { readonly status: OnboardingStatus }) {
  const { t } = useTranslation('apply.shared');
  return (
    <ul style={CHECKLIST_STYLE}>
      {checklistOf(status).map((row) => (
        <li key={row.kind} style={CHECKLIST_ITEM_STYLE} data-testid={`apply-document-${row.kind}`}>
          <Flex wrap gap={8} align="center" style={{ width: '100%' }}>
            <span style={{ flex: 1, minWidth: 120 }}>
              {t(`documentKind.${row.kind}`, { defaultValue: row.kind })}{' '}
              {row.required !== undefined && (
                <Tag color={row.required ? 'red' : 'default'}>
                  {t(row.required ? 'documents.required' : 'documents.optional')}
                </Tag>
              )}
            </span>
            {row.docs.length > 0 ? (
              <Typography.Text type="success">
                <CheckCircleFilled /> {t('documents.uploaded')} ×{row.docs.length} ·{' '}
                {formatBytes(row.docs.reduce((sum, d) => sum + d.sizeBytes, 0))}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('documents.missing')}</Typography.Text>
            )}
          </Flex>
        </li>
      ))}
    </ul>
  );
}

type UploadProps = { readonly followKey: FollowKey; readonly status: OnboardingStatus };

/** Checks a chosen file in the browser, then uploads it as `kind`. */
function usePickedFile(followKey: FollowKey, onUploaded: (kind: DocumentKind) => void) {
  const { t } = useTranslation('apply.shared');
  const upload = useUploadDocument(followKey);
  const [problem, setProblem] = useState<string>();
  const pick = async (event: ChangeEvent<HTMLInputElement>, kind: DocumentKind) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires a change.
    event.target.value = '';
    if (!file) return;
    setProblem(undefined);
    upload.reset();
    const found = await checkDocument(file);
    if (found) return setProblem(t(`documents.problem.${found}`, { file: file.name }));
    upload.mutate({ kind, file }, { onSuccess: () => onUploaded(kind) });
  };
  return { upload, problem, pick };
}

function DocumentUpload({ followKey, status }: UploadProps) {
  const { t } = useTranslation('apply.shared');
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<DocumentKind>();
  const { upload, problem, pick } = usePickedFile(followKey, (done) => {
    void message.success(t('documents.done', { kind: t(`documentKind.${done}`) }));
    setChosen(undefined);
  });
  const merchantType = merchantTypeOf(status);
  const uploaded = status.documents.map((d) => d.kind);
  const kind = chosen ?? nextKind(merchantType, uploaded);
  return (
    <Form layout="vertical" component="div">
      {problem && (
        <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />
      )}
      <ErrorAlert error={upload.error} />
      <Form.Item label={t('documents.kind')} htmlFor="apply-document-kind">
        <Flex wrap gap={8}>
          <Select<DocumentKind>
            id="apply-document-kind"
            value={kind}
            onChange={setChosen}
            style={{ minWidth: 200, flex: 1 }}
            options={DOCUMENT_KINDS[merchantType].map((k) => ({
              value: k.kind,
              label: t(`documentKind.${k.kind}`),
            }))}
            data-testid="apply-document-kind"
          />
          <Button
            icon={<UploadOutlined />}
            loading={upload.isPending}
            onClick={() => input.current?.click()}
            data-testid="apply-upload-button"
          >
            {upload.isPending ? t('documents.uploading') : t('documents.choose')}
          </Button>
        </Flex>
      </Form.Item>
      <input
        ref={input}
        type="file"
        accept={DOCUMENT_ACCEPT}
        // Not `hidden`: a style sheet may show it; the button above opens it.
        style={{ display: 'none' }}
        aria-label={t('documents.choose')}
        onChange={(event) => void pick(event, kind)}
        data-testid="apply-upload"
      />
    </Form>
  );
}
