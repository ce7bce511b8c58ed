// /apply/status: find an application by its id and access token (typed, or from the fragment
// `#id=…&token=…` of the follow link, which no server sees), then where it stands.
import { AccessTokenQuery, Id } from '@shoudan/contracts';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import { Alert, Button, Col, Form, Grid, Input, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { statusQuery } from '../shared/api.ts';
import { ApplyFrame } from '../shared/ApplyFrame.tsx';
import { followKeyOf, readHash, type FollowKey } from '../shared/follow.ts';
import { fieldProblem } from '../shared/rules.ts';
import { StatusView } from './StatusView.tsx';

/** A placeholder for the query while nothing has been looked up (the query is off then). */
const NO_KEY: FollowKey = { id: '', token: '' };

export function StatusPage() {
  const { t } = useTranslation('apply.status');
  const hash = useLocation({ select: (location) => location.hash });
  const fromHash = useMemo(() => followKeyOf(hash), [hash]);
  // What was typed, for the fragment it was typed under: a new fragment (a follow link) wins.
  const [entered, setEntered] = useState<{ hash: string; key: FollowKey }>();
  const followKey = entered && entered.hash === hash ? entered.key : fromHash;
  const status = useQuery({ ...statusQuery(followKey ?? NO_KEY), enabled: !!followKey });
  return (
    <ApplyFrame title={t('title')}>
      <LookupForm
        key={hash}
        initial={readHash(hash, ['id', 'token'])}
        loading={status.isFetching}
        onLookup={(key) => {
          setEntered({ hash, key });
          if (followKey?.id === key.id && followKey.token === key.token) void status.refetch();
        }}
      />
      <LookupError error={status.error} />
      {followKey && status.data && <StatusView followKey={followKey} status={status.data} />}
    </ApplyFrame>
  );
}

type LookupFormProps = {
  readonly initial: Partial<FollowKey>;
  readonly loading: boolean;
  readonly onLookup: (key: FollowKey) => void;
};

function LookupForm({ initial, loading, onLookup }: LookupFormProps) {
  const { t } = useTranslation('apply.status');
  const rule = (schema: z.ZodType, label: string, invalid: string) => ({
    validator: async (_: unknown, value: unknown) => {
      const problem = fieldProblem(schema, value);
      if (problem === 'required') throw new Error(t('common:required', { field: label }));
      if (problem) throw new Error(t(invalid, { field: label }));
    },
  });
  const wide = Grid.useBreakpoint().md ?? false;
  const idLabel = t('lookup.id');
  const tokenLabel = t('lookup.token');
  return (
    <Form<FollowKey>
      layout="vertical"
      initialValues={initial}
      onFinish={(values) => onLookup({ id: values.id.trim(), token: values.token.trim() })}
    >
      <Typography.Paragraph type="secondary">{t('lookup.intro')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item
            name="id"
            label={idLabel}
            required
            rules={[rule(Id, idLabel, 'lookup.idInvalid')]}
            normalize={(value: string) => value.trim()}
          >
            <Input autoComplete="off" spellCheck={false} data-testid="status-id" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name="token"
            label={tokenLabel}
            required
            rules={[rule(AccessTokenQuery.shape.token, tokenLabel, 'lookup.tokenInvalid')]}
            normalize={(value: string) => value.trim()}
          >
            <Input.Password autoComplete="off" spellCheck={false} data-testid="status-token" />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          {/* An empty label on wide screens lines the button up with the inputs. */}
          <Form.Item label={wide ? <span aria-hidden="true">&nbsp;</span> : undefined}>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={loading}
              data-testid="status-lookup"
            >
              {t('lookup.submit')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

/** A wrong id or token answers 404 for both (neither tells the other exists): say what to check. */
function LookupError({ error }: { readonly error: unknown }) {
  const { t } = useTranslation('apply.status');
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('lookup.notFound')}
        style={{ marginBottom: 16 }}
        data-testid="error-alert"
      />
    );
  }
  return <ErrorAlert error={error} />;
}
