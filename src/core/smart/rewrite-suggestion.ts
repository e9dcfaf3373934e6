/**
 * Writes a SMART version of a goal from what the statement says and, where it is silent, from the
 * company's own numbers (「提升銷售額」 → 「在接下來的3個月內,透過社群媒體行銷與付費廣告,將銷售額提升至每月…」).
 * It never names a product, channel or segment the statement did not name: a means is proposed
 * only as a marketing activity, and a scope is left whole.
 */
import { METRIC_UNITS } from './metrics-lexicon.ts';
import type { Lang, MetricKey, ParsedGoal, Target } from './types.ts';

export interface CompanyNumbers {
  /** Average revenue per month over the recent past of the goal's scope, in whole currency units. */
  baselineRevenuePerMonth?: number;
  /** e.g. 'NT$' (default) or 'HK$'. */
  currencySymbol?: string;
}

const METRIC_NAMES: Record<MetricKey, Record<Lang, string>> = {
  revenue: { 'zh-TW': '銷售額', en: 'revenue' },
  units: { 'zh-TW': '銷量', en: 'units sold' },
  orders: { 'zh-TW': '訂單數', en: 'orders' },
  aov: { 'zh-TW': '客單價', en: 'average order value' },
  conversion_rate: { 'zh-TW': '轉換率', en: 'conversion rate' },
  cac: { 'zh-TW': '客戶獲取成本', en: 'customer acquisition cost' },
  roas: { 'zh-TW': '廣告投資報酬率', en: 'return on ad spend' },
  leads: { 'zh-TW': '潛在客戶數', en: 'leads' },
  new_customers: { 'zh-TW': '新客戶數', en: 'new customers' },
  customers: { 'zh-TW': '客戶數', en: 'customers' },
  retention_rate: { 'zh-TW': '客戶留存率', en: 'retention rate' },
  churn_rate: { 'zh-TW': '客戶流失率', en: 'churn rate' },
  repeat_purchase_rate: { 'zh-TW': '回購率', en: 'repeat-purchase rate' },
  clv: { 'zh-TW': '客戶終身價值', en: 'customer lifetime value' },
  csat: { 'zh-TW': '客戶滿意度', en: 'customer satisfaction' },
  nps: { 'zh-TW': '淨推薦值', en: 'NPS' },
  market_share: { 'zh-TW': '市場占有率', en: 'market share' },
  revenue_per_rep: { 'zh-TW': '每位業務員的平均銷售額', en: 'revenue per rep' },
};

/** A means to propose when the statement names none, after the guide's marketing activities. */
const DEFAULT_MEANS: Record<MetricKey, Record<Lang, string>> = {
  revenue: { 'zh-TW': '社群媒體行銷與付費廣告', en: 'social media marketing and paid ads' },
  units: { 'zh-TW': '組合優惠與社群媒體行銷', en: 'bundle offers and social media marketing' },
  orders: { 'zh-TW': '電子郵件行銷與限時優惠', en: 'email marketing and limited-time offers' },
  aov: { 'zh-TW': '加購組合與滿額優惠', en: 'add-on bundles and spend-more offers' },
  conversion_rate: { 'zh-TW': '優化網站結帳流程與再行銷廣告', en: 'a smoother checkout and retargeting ads' },
  cac: { 'zh-TW': '內容行銷與SEO', en: 'content marketing and SEO' },
  roas: { 'zh-TW': '精準廣告投放與每週成效檢討', en: 'tighter ad targeting and weekly reviews' },
  leads: { 'zh-TW': '線上研討會與內容行銷', en: 'webinars and content marketing' },
  new_customers: { 'zh-TW': '內容行銷與KOL合作', en: 'content marketing and influencer partnerships' },
  customers: { 'zh-TW': '社群媒體行銷與活動行銷', en: 'social media and event marketing' },
  retention_rate: { 'zh-TW': '會員忠誠度計劃', en: 'a loyalty programme' },
  churn_rate: { 'zh-TW': '會員忠誠度計劃與定期關懷', en: 'a loyalty programme and regular check-ins' },
  repeat_purchase_rate: {
    'zh-TW': '會員忠誠度計劃與電子郵件行銷',
    en: 'a loyalty programme and email marketing',
  },
  clv: { 'zh-TW': '會員分級與交叉銷售', en: 'membership tiers and cross-selling' },
  csat: { 'zh-TW': '客戶回饋調查與服務流程改善', en: 'feedback surveys and service improvements' },
  nps: { 'zh-TW': '客戶回饋調查與服務流程改善', en: 'feedback surveys and service improvements' },
  market_share: { 'zh-TW': '開拓新通路與品牌行銷', en: 'new channels and brand marketing' },
  revenue_per_rep: { 'zh-TW': '業務培訓與銷售流程優化', en: 'sales training and a leaner sales process' },
};

const PER_NAMES = {
  day: { 'zh-TW': '每日', en: 'a day' },
  week: { 'zh-TW': '每週', en: 'a week' },
  month: { 'zh-TW': '每月', en: 'a month' },
  quarter: { 'zh-TW': '每季', en: 'a quarter' },
  year: { 'zh-TW': '每年', en: 'a year' },
} as const;

function formatAmount(value: number, lang: Lang, symbol: string): string {
  if (lang === 'zh-TW' && value >= 10000 && value % 10000 === 0) return `${value / 10000}萬元`;
  if (lang === 'zh-TW') return `${value.toLocaleString('en-US')}元`;
  return `${symbol}${value.toLocaleString('en-US')}`;
}

/** A value with its unit: money with its currency, rates with %, a change of a rate in points, ROAS in ×. */
function formatValue(t: Target, value: number, lang: Lang, symbol: string): string {
  const unit = METRIC_UNITS[t.metric];
  if (unit === 'money') return formatAmount(value, lang, symbol);
  if (unit === 'percent' && t.kind === 'absolute_change')
    return lang === 'zh-TW' ? `${value}個百分點` : `${value} percentage points`;
  if (unit === 'percent') return `${value}%`;
  if (unit === 'ratio') return lang === 'zh-TW' ? `${value}倍` : `${value}×`;
  return String(value);
}

function describeTarget(t: Target, lang: Lang, symbol: string): string {
  // Levels (AOV, rates, scores) have no rate: 「每月」 belongs to totals only.
  const per =
    t.per && (METRIC_UNITS[t.metric] === 'count' || t.metric === 'revenue') ? PER_NAMES[t.per][lang] : '';
  const amount = formatValue(t, Math.abs(t.value), lang, symbol);
  const up = t.value >= 0;
  if (lang === 'zh-TW') {
    if (t.kind === 'percent_change') return `${up ? '提升' : '降低'}${Math.abs(t.value)}%`;
    if (t.kind === 'absolute_change') return `${up ? '增加' : '減少'}${amount}`;
    const lower = t.metric === 'cac' || t.metric === 'churn_rate';
    return `${lower ? '降至' : '提升至'}${per}${amount}`;
  }
  if (t.kind === 'percent_change') return `${up ? 'increase' : 'decrease'} by ${Math.abs(t.value)}%`;
  if (t.kind === 'absolute_change') return `${up ? 'increase' : 'decrease'} by ${amount}`;
  const lower = t.metric === 'cac' || t.metric === 'churn_rate';
  return `${lower ? 'reduce' : 'grow'} to ${amount}${per ? ` ${per}` : ''}`;
}

/** A SMART sentence for the goal; every part the statement lacks is filled with a concrete proposal. */
export function rewriteSuggestion(
  parsed: ParsedGoal,
  company: CompanyNumbers = {},
  lang: Lang = parsed.lang,
): string {
  const symbol = company.currencySymbol ?? 'NT$';
  const metric: MetricKey = parsed.metric ?? 'revenue';
  const metricName = METRIC_NAMES[metric][lang];
  const product = parsed.scope.products[0];
  const channel = parsed.scope.channels[0];
  const segment = parsed.scope.segments[0];
  const strategy = parsed.strategies[0];
  const period = parsed.periodText;
  let target = parsed.targets[0];
  if (!target) {
    const base = company.baselineRevenuePerMonth;
    if (metric === 'revenue' && base && base > 0) {
      const goal = Math.round((base * 1.15) / 1000) * 1000;
      target = { metric, kind: 'absolute', value: goal, per: 'month', text: '' };
    } else {
      target = { metric, kind: 'percent_change', value: 15, per: null, text: '' };
    }
  }
  const how = describeTarget(target, lang, symbol);
  if (lang === 'zh-TW') {
    const when = period ? period : '在接下來的3個月內';
    const means = `透過${strategy ?? channel ?? DEFAULT_MEANS[metric][lang]}`;
    const what = product ? `${product}的${metricName}` : metricName;
    const who = segment ? `,主要目標客戶為${segment}` : '';
    return `${when},${means},將${what}${how}${who}。`;
  }
  const when = period ?? 'in the next 3 months';
  const means = `through ${strategy ?? channel ?? DEFAULT_MEANS[metric][lang]}`;
  const what = product ? `${metricName} of ${product}` : metricName;
  const who = segment ? `, focusing on ${segment}` : '';
  const [verb = '', ...rest] = how.split(' ');
  const sentence = `${verb.charAt(0).toUpperCase()}${verb.slice(1)} ${what} ${rest.join(' ')} ${when} ${means}${who}.`;
  return sentence.replace(/\s+/g, ' ').replace(/\s+([.,])/g, '$1');
}
