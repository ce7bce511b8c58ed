// The deregistration checklist: each check passed or failed with what was found and, when failed,
// what to do and where in the portal to do it; "check again" asks the API afresh.
import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from '@ant-design/icons';
import type { CheckBody, ChecklistBody } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { detailLines, linksOf, localized } from './checks.ts';

const PASS_COLOR = '#52c41a';
const FAIL_COLOR = '#ff4d4f';
// The icon's box would stretch to the item's height and centre the glyph: keep it by the title.
const ICON = { fontSize: 20, marginTop: 2, alignSelf: 'flex-start' } as const;

function CheckFacts({ check }: { readonly check: CheckBody }) {
  const { t } = useTranslation('merchant.account');
  const lines = detailLines(check.key, check.detail);
  if (lines.length === 0) return null;
  return (
    <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
      {lines.map((line) => {
        const status = line.statusKey ? t(line.statusKey) : '';
        const text = t(line.key, { ...line.params, status });
        return <li key={text}>{text}</li>;
      })}
    </ul>
  );
}

function CheckItem({ check }: { readonly check: CheckBody }) {
  const { t, i18n } = useTranslation('merchant.account');
  const status = check.passed ? 'pass' : 'fail';
  return (
    <div
      data-testid={`checklist-item-${check.key}`}
      data-status={status}
      style={{ display: 'flex', gap: 12, padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      {check.passed ? (
        <CheckCircleFilled style={{ ...ICON, color: PASS_COLOR }} />
      ) : (
        <CloseCircleFilled style={{ ...ICON, color: FAIL_COLOR }} />
      )}
      <div style={{ flex: 1, minWidth: 0 }}>
        <Space wrap size={8}>
          <Typography.Text strong>
            {t(`check.${check.key}`, { defaultValue: check.key })}
          </Typography.Text>
          <Tag color={check.passed ? 'success' : 'error'}>{t(status)}</Tag>
        </Space>
        <div>{localized(check.message, i18n.language)}</div>
        {!check.passed && (
          <>
            <CheckFacts check={check} />
            <Typography.Text type="warning">
              {t('toDo', { action: localized(check.action, i18n.language) })}
            </Typography.Text>
            <Space wrap size={16} style={{ display: 'flex', marginTop: 4 }}>
              {linksOf(check.key).map((link) => (
                <Link key={link.to} to={link.to} data-testid={`checklist-link-${check.key}`}>
                  {t(link.label)}
                </Link>
              ))}
            </Space>
          </>
        )}
      </div>
    </div>
  );
}

export function Checklist(props: {
  readonly checklist: ChecklistBody | undefined;
  readonly loading: boolean;
  readonly onRecheck: () => void;
}) {
  const { t } = useTranslation('merchant.account');
  const checks = props.checklist?.checks ?? [];
  const failed = checks.filter((c) => !c.passed).length;
  return (
    <Card
      title={t('checklist')}
      size="small"
      loading={props.loading && !props.checklist}
      extra={
        <Button
          icon={<ReloadOutlined />}
          loading={props.loading}
          onClick={props.onRecheck}
          data-testid="checklist-recheck"
        >
          {t('recheck')}
        </Button>
      }
    >
      {props.checklist && (
        <Alert
          type={props.checklist.passed ? 'success' : 'warning'}
          showIcon
          title={
            props.checklist.passed ? t('checkedPassed') : t('checkedFailed', { count: failed })
          }
          data-testid="checklist-summary"
        />
      )}
      <div data-testid="checklist">
        {checks.map((check) => (
          <CheckItem key={check.key} check={check} />
        ))}
      </div>
    </Card>
  );
}
