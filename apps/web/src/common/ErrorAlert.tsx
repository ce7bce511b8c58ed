// An API error shown to a person: the API's own message (already in their language), or a
// network error; `role="alert"` so screen readers announce it.
import { Alert } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return error.body.message;
  if (error instanceof TypeError) return t('common:errors.network');
  return t('common:errors.unknown', { message: String(error) });
}

export function ErrorAlert({ error }: { readonly error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorMessage(error, t)}
      style={{ marginBottom: 16 }}
      data-testid="error-alert"
    />
  );
}
