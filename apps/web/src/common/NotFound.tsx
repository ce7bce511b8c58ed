// A path no route takes.
import { Link } from '@tanstack/react-router';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound')}
      extra={<Link to="/">{t('back')}</Link>}
    />
  );
}
