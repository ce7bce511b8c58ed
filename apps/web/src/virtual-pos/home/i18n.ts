// Strings of the area's landing page.
import type { Bundle } from '../../i18n/index.ts';

const bundle: Bundle = {
  'zh-CN': { menu: '首页', title: '首页' },
  en: { menu: 'Home', title: 'Home' },
};

export default bundle;
