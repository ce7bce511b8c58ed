// Strings in two languages: zh-CN by default, English by the switch in the header (kept in
// localStorage). react-i18next for our strings, antd's ConfigProvider locale for its own, and
// dayjs's locale for dates. Every `i18n.ts` under src/ is a namespace named after its folder:
// src/merchant/transactions/i18n.ts is 'merchant.transactions'; src/i18n/common.ts is 'common'.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client.ts';
import common from './common.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Bundle = {
  readonly 'zh-CN': Record<string, unknown>;
  readonly en: Record<string, unknown>;
};

const STORAGE_KEY = 'shoudan.lang';
const FOUND = import.meta.glob<{ default: Bundle }>('../**/i18n.ts', { eager: true });

/** '../merchant/transactions/i18n.ts' → 'merchant.transactions'. */
function namespaceOf(path: string): string {
  return path
    .replace(/^\.\.\//, '')
    .replace(/\/i18n\.ts$/, '')
    .replaceAll('/', '.');
}

const BUNDLES: Record<string, Bundle> = { common };
for (const [path, module] of Object.entries(FOUND)) BUNDLES[namespaceOf(path)] = module.default;

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh-CN';
}

const resources: Record<Language, Record<string, Record<string, unknown>>> = {
  'zh-CN': {},
  en: {},
};
for (const [namespace, bundle] of Object.entries(BUNDLES)) {
  for (const language of LANGUAGES) resources[language][namespace] = bundle[language];
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  ns: Object.keys(BUNDLES),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLanguage(i18n.language as Language);

function applyLanguage(language: Language): void {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  setApiLanguage(language);
  document.documentElement.lang = language;
}

export async function switchLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  await i18n.changeLanguage(language);
  applyLanguage(language);
}

export default i18n;
