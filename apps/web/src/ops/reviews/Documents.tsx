// An onboarding application's documents (申请材料): images previewed, every file downloadable.
// Only reviewers (and admin) may read them, so others are told so and nothing is asked.
import { DownloadOutlined } from '@ant-design/icons';
import type { DocumentBody } from '@shoudan/contracts';
import { Card, Empty, Image, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { formatInstant } from '../shared/format.ts';
import { useMay } from '../shared/ui.tsx';
import { documentHref, useDocuments } from './api.ts';

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

function DocumentTile({ doc }: { readonly doc: DocumentBody }) {
  const { t } = useTranslation('ops.reviews');
  const href = documentHref(doc.applicationId, doc.id);
  const title = t(`documentKinds.${doc.kind}`, { defaultValue: doc.kind });
  return (
    <Card size="small" variant="outlined" style={{ width: 200 }} data-testid={`document-${doc.id}`}>
      {doc.contentType.startsWith('image/') ? (
        <Image src={href} alt={title} width={168} height={110} style={{ objectFit: 'cover' }} />
      ) : (
        <div style={{ height: 110, display: 'grid', placeItems: 'center', background: '#fafafa' }}>
          <Typography.Text type="secondary">{doc.contentType}</Typography.Text>
        </div>
      )}
      <Space orientation="vertical" size={0} style={{ marginTop: 8 }}>
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sizeText(doc.sizeBytes)} · {formatInstant(doc.uploadedAt)}
        </Typography.Text>
        <a href={href} download data-testid={`document-download-${doc.id}`}>
          <DownloadOutlined /> {t('download')}
        </a>
      </Space>
    </Card>
  );
}

export function Documents({ applicationId }: { readonly applicationId: string }) {
  const { t } = useTranslation('ops.reviews');
  const allowed = useMay('documents');
  const query = useDocuments(applicationId, allowed);
  const docs = query.data?.data ?? [];
  return (
    <Card title={t('documents')} variant="outlined" loading={allowed && query.isLoading}>
      {!allowed && <Typography.Text type="secondary">{t('documentsRole')}</Typography.Text>}
      <ErrorAlert error={query.error} />
      {allowed && !query.isLoading && docs.length === 0 && !query.error && (
        <Empty description={t('documentsNone')} />
      )}
      <Space wrap size={12}>
        {docs.map((doc) => (
          <DocumentTile key={doc.id} doc={doc} />
        ))}
      </Space>
    </Card>
  );
}
