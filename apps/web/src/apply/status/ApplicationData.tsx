// The data of the application as the API keeps it (numbers masked), by the form's sections, so
// the applicant can see what the reviewer sees and what to correct.
import type { OnboardingStatus } from '@shoudan/contracts';
import { Card, Descriptions, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { merchantTypeOf } from '../shared/DocumentsPanel.tsx';
import { fieldKey, SECTIONS, type FieldSpec } from '../shared/fields.ts';

function valueOf(payload: Readonly<Record<string, unknown>>, spec: FieldSpec): unknown {
  return spec.name.reduce<unknown>(
    (here, part) =>
      typeof here === 'object' && here !== null ? (here as Record<string, unknown>)[part] : '',
    payload,
  );
}

export function ApplicationData({ status }: { readonly status: OnboardingStatus }) {
  const { t } = useTranslation('apply.status');
  // Labels above values on a phone: long labels would squeeze the numbers into a thin column.
  const narrow = !Grid.useBreakpoint().md;
  const show = (spec: FieldSpec): string => {
    const value = valueOf(status.payload, spec);
    if (Array.isArray(value)) {
      return value.map((v) => t(`apply.shared:service.${String(v)}`)).join(t('apply.form:comma'));
    }
    return typeof value === 'string' ? value : '';
  };
  return (
    <Card title={t('data.title')}>
      <Typography.Paragraph type="secondary">{t('data.note')}</Typography.Paragraph>
      {SECTIONS[merchantTypeOf(status)].map((section) => (
        <Descriptions
          key={section.key}
          title={t(`apply.form:section.${section.key}`)}
          size="small"
          column={{ xs: 1, md: 2 }}
          layout={narrow ? 'vertical' : 'horizontal'}
          style={{ marginBottom: 16 }}
          items={section.fields.map((spec) => ({
            key: fieldKey(spec.name),
            label: t(`apply.shared:field.${fieldKey(spec.name)}`),
            children: show(spec),
          }))}
        />
      ))}
    </Card>
  );
}
