import { KPI_AGGREGATION, type KpiAggregation } from './aggregation.ts';
import type { FactKind } from './facts.ts';
import type { Dimension, KpiMetric, KpiUnit } from './types.ts';
import { DIMENSIONS } from './types.ts';

export type KpiLocale = 'zh-TW' | 'en';

/** A glossary entry: names, definition and formula in zh-TW and English, and how the KPI is built. */
export interface KpiDefinition {
  metric: KpiMetric;
  unit: KpiUnit;
  numeratorUnit?: KpiUnit;
  denominatorUnit?: KpiUnit;
  name: Record<KpiLocale, string>;
  definition: Record<KpiLocale, string>;
  formula: Record<KpiLocale, string>;
  /** The aggregates the formula reads. */
  facts: readonly FactKind[];
  /** The dimensions it can be filtered on and broken down by. */
  dimensions: readonly Dimension[];
}

const ALL = DIMENSIONS;
const CHANNEL_ONLY: readonly Dimension[] = ['channel'];
const SATISFACTION: readonly Dimension[] = ['channel', 'region', 'customer_type', 'age_band', 'member_tier'];

export const KPI_GLOSSARY: Readonly<Record<KpiMetric, KpiDefinition>> = {
  revenue: {
    metric: 'revenue',
    unit: 'money',
    name: { 'zh-TW': '營收', en: 'Revenue' },
    definition: {
      'zh-TW':
        '期間內所有銷售明細的淨額合計:數量 × 單價 − 明細折扣,再分攤訂單折扣與部分退款;運費、稅額與訂單總額不計入。已退款、作廢、取消或未付款的訂單不計入,退貨(負數量或負金額的明細,包括自成一張單的退貨單、銷退單)直接抵減。',
      en: 'Net sales: the sum of the sales lines in the period, each quantity × unit price − line discount, less its share of order discounts and partial refunds; shipping, taxes and order totals are not sales. Refunded, voided, cancelled and unpaid orders are left out; returns (lines with a negative quantity or amount, a return slip with its own order number included) are netted.',
    },
    formula: { 'zh-TW': 'Σ 明細金額', en: 'Σ line amount' },
    facts: ['sales'],
    dimensions: ALL,
  },
  units: {
    metric: 'units',
    unit: 'count',
    name: { 'zh-TW': '銷售量', en: 'Units sold' },
    definition: {
      'zh-TW': '期間內售出的商品數量合計(退貨以負數抵減;檔案沒有數量欄時每行以 1 計)。',
      en: 'The total quantity sold in the period (returns netted; a line counts 1 when its file had no quantity column).',
    },
    formula: { 'zh-TW': 'Σ 數量', en: 'Σ quantity' },
    facts: ['sales'],
    dimensions: ALL,
  },
  orders: {
    metric: 'orders',
    unit: 'count',
    name: { 'zh-TW': '訂單數', en: 'Orders' },
    definition: {
      'zh-TW':
        '期間內不重複的訂單數;依商品篩選時,計算購買該商品的訂單。退貨明細(負數量或負金額)不算購買:只有退貨明細的單據(例如自成一張單的 POS 退貨單、銷退單)不算一筆訂單,其金額仍抵減營收;訂單只在有銷售明細的期間與範圍內計入。',
      en: 'Distinct orders in the period; filtered by product, the orders that bought that product. A return line (negative quantity or amount) is no purchase: a document of returns alone (a POS return slip or 銷退單 with its own order number) is not an order, though its amount still nets against revenue; an order counts in the periods and scopes where it has a sale line.',
    },
    formula: {
      'zh-TW': '有銷售明細的不重複訂單編號數',
      en: 'count of distinct order ids with a sale line',
    },
    facts: ['orders'],
    dimensions: ALL,
  },
  aov: {
    metric: 'aov',
    unit: 'money',
    numeratorUnit: 'money',
    denominatorUnit: 'count',
    name: { 'zh-TW': '客單價', en: 'Average order value' },
    definition: {
      'zh-TW':
        '每筆訂單的平均金額:淨營收(退貨已抵減)除以訂單數。只有退貨的單據不算訂單,其退款仍抵減營收,如同門市結帳的慣例:退貨降低當期淨銷售,但不會多出一筆訂單而壓低客單價。',
      en: 'The average amount of an order: net revenue (returns netted) divided by orders. A document of returns alone is not an order, yet its refund still nets against revenue, as a shop’s till counts it: a return lowers the period’s net sales but does not add an order that would drag the average down.',
    },
    formula: { 'zh-TW': '淨營收 ÷ 訂單數', en: 'net revenue ÷ orders' },
    facts: ['sales', 'orders'],
    dimensions: ALL,
  },
  conversion_rate: {
    metric: 'conversion_rate',
    unit: 'ratio',
    numeratorUnit: 'count',
    denominatorUnit: 'count',
    name: { 'zh-TW': '轉換率', en: 'Conversion rate' },
    definition: {
      'zh-TW': '造訪(行銷資料的每日造訪數)轉為訂單的比例;只能依通路篩選或細分。',
      en: 'The share of visits (daily marketing figures) that became orders; filter or break down by channel only.',
    },
    formula: { 'zh-TW': '訂單數 ÷ 造訪數', en: 'orders ÷ visits' },
    facts: ['orders', 'marketing'],
    dimensions: CHANNEL_ONLY,
  },
  cac: {
    metric: 'cac',
    unit: 'money',
    numeratorUnit: 'money',
    denominatorUnit: 'count',
    name: { 'zh-TW': '客戶取得成本', en: 'Customer acquisition cost' },
    definition: {
      'zh-TW': '每取得一位新客戶所花的行銷費用;只能依通路篩選或細分。',
      en: 'Marketing spend per new customer won; filter or break down by channel only.',
    },
    formula: { 'zh-TW': '行銷費用 ÷ 新客戶數', en: 'marketing spend ÷ new customers' },
    facts: ['marketing', 'newCustomers'],
    dimensions: CHANNEL_ONLY,
  },
  roas: {
    metric: 'roas',
    unit: 'ratio',
    numeratorUnit: 'money',
    denominatorUnit: 'money',
    name: { 'zh-TW': '廣告投資報酬率', en: 'Return on ad spend' },
    definition: {
      'zh-TW':
        '歸因於行銷活動的營收(帶有活動代碼的銷售明細)除以行銷費用;依通路細分即得各通路的 ROAS。只能依通路篩選或細分。',
      en: 'Revenue attributed to marketing (sales lines carrying a campaign code) divided by marketing spend; break down by channel for each channel’s ROAS. Filter or break down by channel only.',
    },
    formula: { 'zh-TW': '活動歸因營收 ÷ 行銷費用', en: 'campaign-attributed revenue ÷ marketing spend' },
    facts: ['sales', 'marketing'],
    dimensions: CHANNEL_ONLY,
  },
  leads: {
    metric: 'leads',
    unit: 'count',
    name: { 'zh-TW': '潛在客戶數', en: 'Leads' },
    definition: {
      'zh-TW': '行銷資料中記錄的潛在客戶數合計;只能依通路篩選或細分。',
      en: 'The leads recorded in the daily marketing figures; filter or break down by channel only.',
    },
    formula: { 'zh-TW': 'Σ 潛在客戶', en: 'Σ leads' },
    facts: ['marketing'],
    dimensions: CHANNEL_ONLY,
  },
  new_customers: {
    metric: 'new_customers',
    unit: 'count',
    name: { 'zh-TW': '新客戶數', en: 'New customers' },
    definition: {
      'zh-TW': '第一次購買(在所有資料中)落在此期間、且此期間在篩選範圍內有購買的客戶數。只有退貨不算購買。',
      en: 'Customers whose first purchase ever falls in the period and who bought within the scope in it. Returns alone are no purchase.',
    },
    formula: {
      'zh-TW': '首購日在期間內的不重複客戶數',
      en: 'distinct customers whose first order date is in the period',
    },
    facts: ['newCustomers'],
    dimensions: ALL,
  },
  customers: {
    metric: 'customers',
    unit: 'count',
    name: { 'zh-TW': '客戶數', en: 'Customers' },
    definition: {
      'zh-TW': '期間內有購買的不重複客戶數(不含未記名的散客;期間內只有退貨的客戶不算)。',
      en: 'Distinct identified customers who bought in the period (walk-ins without a customer are not counted, nor customers who only returned goods in it).',
    },
    formula: { 'zh-TW': '不重複客戶數', en: 'count of distinct customers' },
    facts: ['orders'],
    dimensions: ALL,
  },
  retention_rate: {
    metric: 'retention_rate',
    unit: 'ratio',
    numeratorUnit: 'count',
    denominatorUnit: 'count',
    name: { 'zh-TW': '留存率', en: 'Retention rate' },
    definition: {
      'zh-TW': '上一期(同粒度的前一期間)有購買的客戶中,本期再次購買的比例(只有退貨不算購買)。',
      en: 'Of the customers who bought in the previous period (of the same grain), the share who bought again in this one (returns alone are no purchase).',
    },
    formula: {
      'zh-TW': '上期與本期皆有購買的客戶數 ÷ 上期客戶數',
      en: 'customers active in both periods ÷ customers active in the previous period',
    },
    facts: ['retention'],
    dimensions: ALL,
  },
  churn_rate: {
    metric: 'churn_rate',
    unit: 'ratio',
    numeratorUnit: 'count',
    denominatorUnit: 'count',
    name: { 'zh-TW': '流失率', en: 'Churn rate' },
    definition: {
      'zh-TW': '上一期有購買、本期沒有再購買的客戶比例(= 1 − 留存率)。',
      en: 'The share of the previous period’s customers who did not buy again in this one (= 1 − retention).',
    },
    formula: {
      'zh-TW': '(上期客戶數 − 留存客戶數) ÷ 上期客戶數',
      en: '(previous customers − retained) ÷ previous customers',
    },
    facts: ['retention'],
    dimensions: ALL,
  },
  repeat_purchase_rate: {
    metric: 'repeat_purchase_rate',
    unit: 'ratio',
    numeratorUnit: 'count',
    denominatorUnit: 'count',
    name: { 'zh-TW': '回購率', en: 'Repeat-purchase rate' },
    definition: {
      'zh-TW': '期間內下單兩次以上的客戶占有下單客戶的比例;只有退貨的單據不算一筆訂單。',
      en: 'Customers with two or more orders in the period, as a share of customers with at least one; a document of returns alone is not an order.',
    },
    formula: {
      'zh-TW': '≥2 筆訂單的客戶數 ÷ ≥1 筆訂單的客戶數',
      en: 'customers with ≥ 2 orders ÷ customers with ≥ 1',
    },
    facts: ['orders'],
    dimensions: ALL,
  },
  clv: {
    metric: 'clv',
    unit: 'money',
    numeratorUnit: 'money',
    denominatorUnit: 'count',
    name: { 'zh-TW': '客戶終身價值', en: 'Customer lifetime value' },
    definition: {
      'zh-TW':
        '客單價 × 購買頻率 × 預期存續期數。客單價 = 記名客戶營收(退貨已抵減)÷ 其訂單數;頻率 = 其訂單數 ÷ 客戶數(每期);預期存續期數 = 1 ÷ 同粒度的流失率。只有退貨的單據不算訂單,只有退貨的客戶不算客戶。流失率為 0 時無法估計。',
      en: 'AOV × purchase frequency × expected lifetime. AOV = identified customers’ revenue (returns netted) ÷ their orders; frequency = their orders ÷ customers (per period); expected lifetime = 1 ÷ churn rate of the same grain, in periods. A document of returns alone is not an order, nor a customer who only returned goods a customer. Undefined when churn is zero.',
    },
    formula: {
      'zh-TW': '(記名客戶營收 ÷ 客戶數) ÷ 流失率',
      en: '(customer revenue ÷ customers) ÷ churn rate',
    },
    facts: ['orders', 'retention'],
    dimensions: ALL,
  },
  csat: {
    metric: 'csat',
    unit: 'score',
    numeratorUnit: 'score',
    denominatorUnit: 'count',
    name: { 'zh-TW': '客戶滿意度 (CSAT)', en: 'Customer satisfaction (CSAT)' },
    definition: {
      'zh-TW': '滿意度回覆(1–5 分)的平均分數;另附 4–5 分(滿意)的比例。',
      en: 'The mean of satisfaction responses (1–5); with the share of satisfied responses (4–5).',
    },
    formula: { 'zh-TW': 'Σ CSAT ÷ 回覆數', en: 'Σ CSAT ÷ responses' },
    facts: ['satisfaction'],
    dimensions: SATISFACTION,
  },
  nps: {
    metric: 'nps',
    unit: 'score',
    numeratorUnit: 'count',
    denominatorUnit: 'count',
    name: { 'zh-TW': '淨推薦值 (NPS)', en: 'Net Promoter Score' },
    definition: {
      'zh-TW': '推薦者(9–10 分)比例減去批評者(0–6 分)比例,介於 −100 與 100。',
      en: 'The percentage of promoters (9–10) minus the percentage of detractors (0–6), from −100 to 100.',
    },
    formula: {
      'zh-TW': '(推薦者 − 批評者) ÷ 回覆數 × 100',
      en: '(promoters − detractors) ÷ responses × 100',
    },
    facts: ['satisfaction'],
    dimensions: SATISFACTION,
  },
  market_share: {
    metric: 'market_share',
    unit: 'ratio',
    numeratorUnit: 'money',
    denominatorUnit: 'money',
    name: { 'zh-TW': '市場占有率', en: 'Market share' },
    definition: {
      'zh-TW':
        '營收除以同期間的市場規模。市場規模取市場分析中各年度的可服務市場(SAM;該年沒有 SAM 時用 TAM,幣別須與公司相同),依期間在該年的天數按比例計入。',
      en: "Revenue divided by the market size of the period: each year's serviceable market (SAM) from the market analysis (TAM when that year has none; in the company's currency), pro rata by the period's days in that year.",
    },
    formula: { 'zh-TW': '營收 ÷ 市場規模(按天數比例)', en: 'revenue ÷ market size (pro-rated by days)' },
    facts: ['sales', 'marketSizes'],
    dimensions: ALL,
  },
  revenue_per_rep: {
    metric: 'revenue_per_rep',
    unit: 'money',
    numeratorUnit: 'money',
    denominatorUnit: 'count',
    name: { 'zh-TW': '每位業務營收', en: 'Revenue per rep' },
    definition: {
      'zh-TW':
        '營收除以期間內有銷售紀錄的不重複業務人數(未指定業務的明細計入營收;只有退貨的業務不算有銷售)。',
      en: 'Revenue divided by the distinct sales reps with sales in the period (lines without a rep count in revenue; a rep with returns alone made no sale).',
    },
    formula: { 'zh-TW': '營收 ÷ 有銷售的業務人數', en: 'revenue ÷ reps with sales' },
    facts: ['sales', 'reps'],
    dimensions: ALL,
  },
  new_channel_revenue: {
    metric: 'new_channel_revenue',
    unit: 'money',
    name: { 'zh-TW': '新通路營收', en: 'New-channel revenue' },
    definition: {
      'zh-TW': '來自新通路的營收:通路的第一筆銷售(不是退貨)落在該期間結束日往前 12 個月內(含結束日)。',
      en: 'Revenue from new channels: channels whose first sale ever (not a return) lies within the 12 months up to the end of the period.',
    },
    formula: {
      'zh-TW': 'Σ 明細金額(首筆銷售在期末前 12 個月內的通路)',
      en: 'Σ line amount of channels first sold on within the 12 months to the period end',
    },
    facts: ['sales', 'channelFirstSales'],
    dimensions: ALL,
  },
};

export interface GlossaryEntry {
  metric: KpiMetric;
  unit: KpiUnit;
  aggregation: KpiAggregation;
  name: string;
  otherName: string;
  definition: string;
  formula: string;
  dimensions: Dimension[];
}

/** The glossary in one language (the other language's name alongside). */
export function glossaryIn(locale: KpiLocale): GlossaryEntry[] {
  const other: KpiLocale = locale === 'en' ? 'zh-TW' : 'en';
  return Object.values(KPI_GLOSSARY).map((d) => ({
    metric: d.metric,
    unit: d.unit,
    aggregation: KPI_AGGREGATION[d.metric],
    name: d.name[locale],
    otherName: d.name[other],
    definition: d.definition[locale],
    formula: d.formula[locale],
    dimensions: [...d.dimensions],
  }));
}
