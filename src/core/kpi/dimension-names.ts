import type { KpiLocale } from './glossary.ts';
import type { Dimension } from './types.ts';

/** Each breakdown dimension's name, as the KPI explorer shows it (web i18n `kpi.dimensions`). */
const NAMES: Readonly<Record<Dimension, Readonly<Record<KpiLocale, string>>>> = {
  product: { 'zh-TW': '品項', en: 'Product' },
  category: { 'zh-TW': '類別', en: 'Category' },
  channel: { 'zh-TW': '通路', en: 'Channel' },
  rep: { 'zh-TW': '業務人員', en: 'Sales rep' },
  region: { 'zh-TW': '地區', en: 'Region' },
  customer_type: { 'zh-TW': '客戶類型', en: 'Customer type' },
  age_band: { 'zh-TW': '年齡層', en: 'Age band' },
  member_tier: { 'zh-TW': '會員等級', en: 'Member tier' },
};

export function dimensionName(dimension: Dimension, locale: KpiLocale): string {
  return NAMES[dimension][locale];
}
