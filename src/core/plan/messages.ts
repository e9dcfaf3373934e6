/** What each plan note says, in both languages; what a closed period without data says. */
import type { KpiMetric } from '../kpi/types.ts';
import type { PeriodStatus } from './period-state.ts';
import type { PlanNote, PlanNoteCode } from './types.ts';

const TEXT: Record<PlanNoteCode, { en: string; zhTW: string }> = {
  NO_HISTORY_EQUAL: {
    en: 'No sales history for this scope: split equally by days.',
    zhTW: '此範圍沒有銷售歷史:改依天數平均分配。',
  },
  SHORT_HISTORY_WEEKDAY_ONLY: {
    en: 'Less than a year of history: only the weekday pattern is used, otherwise equal by days.',
    zhTW: '歷史資料不足一年:只採用星期別的規律,其餘依天數平均分配。',
  },
  ONE_YEAR_SHRUNK: {
    en: 'One year of history: the yearly and holiday effects are taken at half strength.',
    zhTW: '僅有一年歷史:年度季節與節日效果以一半強度採用。',
  },
  SEASONAL_DATA_ENDS: {
    en: 'Your sales data ends on {date}: the days after it are not read as no sales. The shares are estimated from the history the data covers (the same calendar days of earlier years).',
    zhTW: '您的銷售資料只到 {date}:之後的日子不當作沒有銷售。各期間的比例改由資料涵蓋的歷史推估(取往年同一段日期)。',
  },
  SEASONAL_LEARNED: {
    en: 'Seasonality learned from your own years of sales: weekdays, the year’s shape, and holidays (Lunar New Year, Dragon Boat, Mid-Autumn, public holidays) on this year’s dates.',
    zhTW: '季節性取自貴公司多年的銷售:星期別、全年走勢及節日(農曆新年、端午、中秋、國定假日)並對齊今年的日期。',
  },
  LAST_YEAR_EMPTY_EQUAL: {
    en: 'No sales last year in these periods: split equally by days.',
    zhTW: '去年同期沒有銷售:改依天數平均分配。',
  },
  LAST_YEAR_PARTLY_EMPTY: {
    en: 'Some periods had no sales last year: they take last year’s average per day.',
    zhTW: '部分期間去年沒有銷售:以去年的日平均計算。',
  },
  LAST_YEAR_MEMBER_NONE: {
    en: 'No sales last year for {members} (new, or named differently then): by last year their phase goals are 0. Type their targets (a manual split), or choose another method.',
    zhTW: '{members} 去年同期沒有銷售(新品項、新通路,或當時名稱不同):依去年比例分配,它們的階段目標為 0。請改用手動拆解輸入其目標,或選擇其他拆解方式。',
  },
  LAST_YEAR_PARTLY_ESTIMATED: {
    en: 'Your data covers only part of some periods last year: their last year is an estimate, the days covered scaled to the whole period.',
    zhTW: '部分期間去年只有部分天數有資料:其去年數字為推估值,依有資料的天數換算為整個期間。',
  },
  LAST_YEAR_TOO_LITTLE_EQUAL: {
    en: 'Your data covers less than half of last year’s dates for these periods: too little to share by last year, so split equally by days.',
    zhTW: '您的資料涵蓋不到去年同期一半的天數:不足以依去年比例分配,改依天數平均分配。',
  },
  LAST_YEAR_DAY_SHAPE: {
    en: 'By day or week, each member gets last year’s day (week) shape of the whole scope times its share of that month last year.',
    zhTW: '以日或週拆分時,各項目依整體去年同日(週)的走勢,乘上該項目去年當月的占比分配。',
  },
  RATIO_LEVEL_CARRIED: {
    en: 'A ratio is not split: every phase goal carries the level; the parent shows the value its children imply.',
    zhTW: '比率型指標不做加總拆分:每個階段目標沿用同一水準,上層顯示由下層推算的數值。',
  },
  COUNT_FROM_LAST_YEAR: {
    en: 'Counted over each phase, not summed: a customer of two phases is one customer of the whole period, so each phase goal asks its own last year’s figure moved by the same change the goal asks of its whole period (a phase whose last year your data does not hold whole takes the average of the others).',
    zhTW: '依各階段分別計算,不做加總:同一位客戶在兩個階段都有消費,在整段期間只算一次;因此每個階段目標是該階段去年同期的數值,乘上整體目標相對去年的相同變動幅度(資料未完整涵蓋去年同期的階段,取其他階段的平均)。',
  },
  MEMBERS_FROM_HISTORY: {
    en: 'Members weighted by their sales over the last twelve months.',
    zhTW: '各項目依最近十二個月的銷售比重分配。',
  },
  MEMBERS_DATA_ENDS: {
    en: 'Your sales data ends on {date}: members are weighted by their sales over the twelve months up to that day, not the last twelve (the later days are not read as no sales).',
    zhTW: '您的銷售資料只到 {date}:各項目依截至當天的十二個月銷售比重分配,而非最近十二個月(之後的日子不當作沒有銷售)。',
  },
  MEMBERS_EQUAL: {
    en: 'No sales by member in the last twelve months of the data: members share equally.',
    zhTW: '資料的最後十二個月內沒有各項目的銷售:各項目平均分配。',
  },
  PARTIAL_PERIODS: {
    en: 'The first or last period is cut by the goal’s dates: it gets only its days inside.',
    zhTW: '首尾期間被目標日期截斷:只計入期間內的天數。',
  },
  MANUAL_REST_BY_DAYS: {
    en: 'Manual: the phase goals you typed keep their targets; the others share the rest by days.',
    zhTW: '手動:您輸入的階段目標維持原值,其餘依天數分配剩下的數額。',
  },
  MANUAL_REST_LEVEL: {
    en: 'Manual: the phase goals you typed keep their levels; the others carry the level of the goal above.',
    zhTW: '手動:您輸入的階段目標維持您輸入的水準,其餘沿用上層的目標水準。',
  },
  MANUAL_MISMATCH: {
    en: 'Manual: the phase goals you typed do not add up to the parent’s target. They are saved as typed and the difference is shown until you re-balance or change the parent.',
    zhTW: '手動:您輸入的階段目標加總不等於上層目標。將依您輸入的數值儲存,並持續顯示差額,直到您重新平衡或調整上層目標。',
  },
};

/** A note in both languages; `params` fill its {placeholders} (e.g. {date}). */
export function planNote(code: PlanNoteCode, params: Readonly<Record<string, string>> = {}): PlanNote {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
  return { code, en: fill(TEXT[code].en), zhTW: fill(TEXT[code].zhTW) };
}

/**
 * What a closed period of a level says when it has no value (its denominator was zero: a month over
 * with no orders has no AOV): closed, what was missing, and that the level cannot be computed.
 */
const NO_DATA: Partial<Record<KpiMetric, { en: string; zhTW: string }>> = {
  aov: {
    en: 'Closed, no orders: no average order value to compute',
    zhTW: '已結束,沒有訂單,無法計算客單價',
  },
  conversion_rate: {
    en: 'Closed, no visits: no conversion rate to compute',
    zhTW: '已結束,沒有造訪,無法計算轉換率',
  },
  cac: {
    en: 'Closed, no new customers: no acquisition cost to compute',
    zhTW: '已結束,沒有新客戶,無法計算客戶取得成本',
  },
  roas: {
    en: 'Closed, no marketing spend: no return on ad spend to compute',
    zhTW: '已結束,沒有行銷費用,無法計算廣告投資報酬率',
  },
  csat: {
    en: 'Closed, no survey responses: no satisfaction score to compute',
    zhTW: '已結束,沒有滿意度回覆,無法計算客戶滿意度',
  },
  nps: {
    en: 'Closed, no survey responses: no Net Promoter Score to compute',
    zhTW: '已結束,沒有推薦意願回覆,無法計算淨推薦值',
  },
  market_share: {
    en: 'Closed, no market size: no market share to compute',
    zhTW: '已結束,沒有市場規模資料,無法計算市場占有率',
  },
  retention_rate: {
    en: 'Closed, no customers the period before: no retention rate to compute',
    zhTW: '已結束,前一期沒有客戶,無法計算留存率',
  },
  churn_rate: {
    en: 'Closed, no customers the period before: no churn rate to compute',
    zhTW: '已結束,前一期沒有客戶,無法計算流失率',
  },
  repeat_purchase_rate: {
    en: 'Closed, no customers: no repeat-purchase rate to compute',
    zhTW: '已結束,沒有客戶,無法計算回購率',
  },
  clv: {
    en: 'Closed, no customers lost or none at all: no lifetime value to compute',
    zhTW: '已結束,沒有客戶或沒有流失,無法計算客戶終身價值',
  },
  revenue_per_rep: {
    en: 'Closed, no reps with sales: no revenue per rep to compute',
    zhTW: '已結束,沒有業務的銷售,無法計算每位業務營收',
  },
};

const NO_DATA_ANY = {
  en: 'Closed, no data: nothing to compute',
  zhTW: '已結束,沒有資料,無法計算',
};

export function closedNoDataText(metric: KpiMetric): { en: string; zhTW: string } {
  return NO_DATA[metric] ?? NO_DATA_ANY;
}

/** A period's status as the plan export says it; closed with no data as the plan page says it, for the metric. */
const STATUS: Readonly<Record<Exclude<PeriodStatus, 'closed-no-data'>, { en: string; zhTW: string }>> = {
  reached: { en: 'Reached', zhTW: '已達成' },
  missed: { en: 'Missed', zhTW: '未達成' },
  'in-progress': { en: 'In progress', zhTW: '進行中' },
  'not-started': { en: 'Not started', zhTW: '未開始' },
};

export function periodStatusText(status: PeriodStatus, metric: KpiMetric): { en: string; zhTW: string } {
  return status === 'closed-no-data' ? closedNoDataText(metric) : STATUS[status];
}
