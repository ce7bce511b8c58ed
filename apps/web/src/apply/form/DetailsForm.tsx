// Step 1 of an application: every field the API takes for the kind of applicant, checked in the
// browser with the API's own schema, sent with one Idempotency-Key per submit (kept while the
// same body is retried); a field the API still refuses is marked on the form.
import {
  OnboardingForm,
  Service,
  type OnboardingStatus,
  type OnboardingSubmission,
} from '@shoudan/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Row, type FormInstance } from 'antd';
import type { CheckboxGroupProps } from 'antd/es/checkbox';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, newIdempotencyKey } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { onboardingPath } from '../shared/api.ts';
import type { MerchantType } from '../shared/documents.ts';
import type { FollowKey } from '../shared/follow.ts';
import { fieldKey, fieldsOf, SECTIONS, type FieldSpec } from '../shared/fields.ts';
import { keyFor, type HeldKey } from './idempotency.ts';
import { prefillOf } from './prefill.ts';
import { fieldProblem, normalized, problemMessage } from '../shared/rules.ts';

export type Previous = { readonly key: FollowKey; readonly status: OnboardingStatus };

export type DetailsFormProps = {
  readonly merchantType: MerchantType;
  /** The rejected application this one corrects, if it is a correction. */
  readonly previous?: Previous;
  readonly onSubmitted: (submission: OnboardingSubmission) => void;
};

type Values = Record<string, unknown>;

/** Posts the application (or its correction) under one key per distinct body. */
function useSubmit(previous: FollowKey | undefined) {
  const held = useRef<HeldKey>(undefined);
  const mutation = useMutation({
    mutationFn: (input: { body: OnboardingForm; key: string }) =>
      previous
        ? api.post<OnboardingSubmission>(onboardingPath(previous.id, 'resubmit'), input.body, {
            query: { token: previous.token },
            idempotencyKey: input.key,
          })
        : api.post<OnboardingSubmission>('/v1/applications/onboarding', input.body, {
            idempotencyKey: input.key,
          }),
  });
  const submit = (
    body: OnboardingForm,
    callbacks: { onSuccess: (s: OnboardingSubmission) => void; onError: (e: unknown) => void },
  ) => {
    held.current = keyFor(held.current, body, newIdempotencyKey);
    mutation.mutate({ body, key: held.current.key }, callbacks);
  };
  return { mutation, submit };
}

/** Marks on the form the field an API refusal names, when the form has it. */
function markRefusedField(form: FormInstance<Values>, error: unknown, specs: FieldSpec[]) {
  if (!(error instanceof ApiError) || !error.param) return;
  const spec = specs.find((s) => fieldKey(s.name) === error.param);
  if (!spec) return;
  form.setFields([{ name: [...spec.name], errors: [error.body.message] }]);
  form.scrollToField([...spec.name]);
}

export function DetailsForm({ merchantType, previous, onSubmitted }: DetailsFormProps) {
  const { t } = useTranslation('apply.form');
  const [form] = Form.useForm<Values>();
  const specs = fieldsOf(merchantType);
  const prefill = previous ? prefillOf(previous.status.payload, specs) : undefined;
  const { mutation, submit } = useSubmit(previous?.key);
  const onFinish = (values: Values) => {
    const parsed = OnboardingForm.safeParse({ ...values, merchantType });
    // The fields' own rules passed, so the whole form passes too; a miss here is a defect.
    if (!parsed.success) throw new Error(`form and schema disagree: ${parsed.error.message}`);
    submit(parsed.data, {
      onSuccess: onSubmitted,
      onError: (error) => markRefusedField(form, error, specs),
    });
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={prefill?.values}
      onFinish={onFinish}
      onFinishFailed={() => undefined}
      scrollToFirstError
      onValuesChange={() => mutation.error && mutation.reset()}
    >
      {previous && <CorrectionNote previous={previous.status} />}
      {SECTIONS[merchantType].map((section) => (
        <Card key={section.key} title={t(`section.${section.key}`)} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {section.fields.map((spec) => (
              <FieldItem key={fieldKey(spec.name)} spec={spec} masked={prefill?.masked} />
            ))}
          </Row>
        </Card>
      ))}
      <ErrorAlert error={mutation.error} />
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        loading={mutation.isPending}
        data-testid="apply-submit"
      >
        {t(previous ? 'resubmit' : 'submit')}
      </Button>
    </Form>
  );
}

function CorrectionNote({ previous }: { readonly previous: OnboardingStatus }) {
  const { t } = useTranslation('apply.form');
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('correcting', { no: previous.applicationNo })}
      description={
        previous.reviewComment ? t('reviewComment', { comment: previous.reviewComment }) : null
      }
    />
  );
}

type FieldItemProps = {
  readonly spec: FieldSpec;
  readonly masked: Readonly<Record<string, string>> | undefined;
};

function FieldItem({ spec, masked }: FieldItemProps) {
  const { t } = useTranslation('apply.form');
  const key = fieldKey(spec.name);
  const label = t(`apply.shared:field.${key}`);
  const previousValue = masked?.[key];
  const help = spec.help ? t(`help.${spec.help}`) : undefined;
  const services = spec.check === 'services';
  const rule = {
    validator: async (_: unknown, value: unknown) => {
      const problem = fieldProblem(spec.schema, value);
      if (problem) throw new Error(problemMessage(spec, problem, label, t));
    },
  };
  return (
    <Col xs={24} md={services || /address$/i.test(key) ? 24 : 12}>
      <Form.Item
        name={[...spec.name]}
        label={label}
        required
        rules={[rule]}
        extra={previousValue ? t('masked', { value: previousValue }) : help}
        normalize={(value: unknown) => normalized(spec, value)}
        validateTrigger={services ? 'onChange' : 'onBlur'}
      >
        {services ? (
          <ServicesInput label={label} />
        ) : (
          <Input
            inputMode={spec.inputMode}
            autoComplete={spec.autoComplete}
            data-testid={`apply-field-${key}`}
          />
        )}
      </Form.Item>
    </Col>
  );
}

/** The services to open, as check boxes; Form.Item gives it its value and onChange. */
function ServicesInput({ label, ...props }: CheckboxGroupProps<Service> & { label: string }) {
  const { t } = useTranslation('apply.shared');
  return (
    <Checkbox.Group<Service>
      {...props}
      role="group"
      aria-label={label}
      data-testid="apply-field-services"
      style={{ width: '100%' }}
    >
      <Row gutter={[8, 8]} style={{ width: '100%' }}>
        {Service.options.map((service) => (
          <Col xs={12} md={8} key={service}>
            <Checkbox value={service} data-testid={`apply-field-services-${service}`}>
              {t(`service.${service}`)}
            </Checkbox>
          </Col>
        ))}
      </Row>
    </Checkbox.Group>
  );
}
