// 中文 ↔ English; antd's own strings follow through the ConfigProvider in main.tsx.
import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/index.ts';

export function LanguageSwitch({ compact = false }: { readonly compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      icon={<GlobalOutlined />}
      onClick={() => void switchLanguage(next)}
      data-testid="language-switch"
      lang={next}
      aria-label={t('language')}
      title={t('language')}
    >
      {compact ? null : t('language')}
    </Button>
  );
}
