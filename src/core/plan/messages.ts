/** What each plan note says, in both languages. */
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
  MEMBERS_FROM_HISTORY: {
    en: 'Members weighted by their sales over the last twelve months.',
    zhTW: '各項目依最近十二個月的銷售比重分配。',
  },
  MEMBERS_EQUAL: {
    en: 'No sales by member in the last twelve months: members share equally.',
    zhTW: '最近十二個月沒有各項目的銷售:各項目平均分配。',
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

export function planNote(code: PlanNoteCode): PlanNote {
  return { code, ...TEXT[code] };
}
