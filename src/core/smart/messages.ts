/** Finding messages and fixes in zh-TW and English, one entry per stable finding code. */
import type { FindingCode, Lang } from './types.ts';

interface Wording {
  message: string;
  fix: string;
}

export const FINDING_TEXT: Record<FindingCode, Record<Lang, Wording>> = {
  NO_METRIC: {
    'zh-TW': {
      message: '目標沒有指出要衡量的指標(例如銷售額、訂單數、新客戶數)。',
      fix: '寫明一個指標,例如「將產品A的銷售額…」或「每月訂單數…」。',
    },
    en: {
      message: 'The goal names no metric to measure (revenue, orders, new customers, ...).',
      fix: 'Name one metric, e.g. "revenue of Product A" or "monthly orders".',
    },
  },
  NO_TARGET: {
    'zh-TW': {
      message: '目標沒有可衡量的數字。',
      fix: '加上一個數字目標:提升的百分比(例如「提升20%」)或要達到的數值(例如「達到每月100單」)。',
    },
    en: {
      message: 'The goal has no number to measure it by.',
      fix: 'Add a number: a change ("by 20%") or a level to reach ("100 orders a month").',
    },
  },
  NO_SCOPE: {
    'zh-TW': {
      message: '目標沒有指明範圍或策略:哪個產品、通路、客群或地區,以及透過什麼方法。',
      fix: '指明範圍或方法,例如「透過線上廣告提升產品A的銷售額」或「主要目標客戶為25-45歲的都市白領」。',
    },
    en: {
      message:
        'The goal names no scope or strategy: which product, channel, segment or region, and by what means.',
      fix: 'Name the scope or the means, e.g. "revenue of Product A through online ads" or "from corporate clients".',
    },
  },
  NO_PERIOD: {
    'zh-TW': {
      message: '目標沒有時限。',
      fix: '設定明確的期限,例如「在未來三個月內」、「2026年第三季」或「今年6月底前」。',
    },
    en: {
      message: 'The goal has no deadline.',
      fix: 'Set a period, e.g. "in the next 3 months", "in Q3 2026" or "by the end of June".',
    },
  },
  PERIOD_IN_PAST: {
    'zh-TW': { message: '目標的期間已經結束。', fix: '把期間改到今天之後。' },
    en: { message: 'The goal period has already ended.', fix: 'Move the period to start today or later.' },
  },
  PERIOD_TOO_LONG: {
    'zh-TW': {
      message: '期間超過18個月,難以追蹤進度。',
      fix: '將目標拆解成季度或月度的階段性目標,並逐一追蹤。',
    },
    en: {
      message: 'The period is longer than 18 months, which is hard to track.',
      fix: 'Break the goal into quarterly or monthly phase goals and track each one.',
    },
  },
  NO_HISTORY: {
    'zh-TW': {
      message: '沒有這個範圍的歷史銷售資料,無法判斷目標是否可達成。',
      fix: '匯入過去至少12個月的銷售資料,系統會以歷史成長率、預測與團隊產能評估可達成性。',
    },
    en: {
      message: 'No sales history for this scope, so achievability cannot be judged.',
      fix: 'Import at least 12 months of sales; Pacer then checks the target against past growth, the forecast and team capacity.',
    },
  },
  NO_OBJECTIVE: {
    'zh-TW': {
      message: '目標尚未連結到公司的策略目標,無法判斷相關性。',
      fix: '將目標連結到一個策略目標(例如「專注高端市場」),確認兩者方向一致。',
    },
    en: {
      message: 'The goal is not linked to a strategic objective, so relevance cannot be judged.',
      fix: 'Link the goal to a strategic objective (e.g. "focus on the high-end market") and check they agree.',
    },
  },
};
