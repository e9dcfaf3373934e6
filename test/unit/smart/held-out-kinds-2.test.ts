/**
 * Kinds of statement found by a second, independent pass over goal statements written in other
 * styles: English by Taiwanese and Hong Kong managers (abbreviations, 3 mil, +500, 2H, W14),
 * mainland simplified Chinese (拉新, 财年, 十一黄金周, platforms), ranges, bounds, baselines, rates that
 * are none of the metrics, per-salesperson targets, counts of activities, and calendar words (上旬,
 * 第3週, 民國 dates with 起…止, 第二季末前, 年中前). Each row names the kind and the fields that matter.
 */
import { describe, it } from 'vitest';
import { check, type Row } from './held-out-rows.ts';

const NUMBER_FORMS: Row[] = [
  {
    kind: '3 mil: an English scale word, and "sales" after an amount is money, not a count of deals',
    statement: 'Hit 3 mil sales by EOY',
    want: { metric: 'revenue', targets: [{ metric: 'revenue', kind: 'absolute', value: 3_000_000 }] },
  },
  {
    kind: '1千2百: Arabic digits between the units of a Chinese numeral',
    statement: '客單價拉到1千2百元',
    want: { targets: [{ metric: 'aov', kind: 'absolute', value: 1200 }], notValues: [1000, 200] },
  },
  {
    kind: '1:4 after a word of return: a ratio to one is a multiple',
    statement: '广告ROI提升到1:4',
    want: { targets: [{ metric: 'roas', kind: 'absolute', value: 4 }], notValues: [1] },
  },
];

const RANGES: Row[] = [
  {
    kind: '80~100萬: the first number of a range takes the unit of the second',
    statement: '第三季業績80~100萬',
    want: {
      targets: [
        { metric: 'revenue', kind: 'absolute', value: 800_000 },
        { metric: 'revenue', kind: 'absolute', value: 1_000_000 },
      ],
      notValues: [80],
    },
  },
  {
    kind: '10-15%: both bounds are changes, neither is dropped',
    statement: 'Revenue to grow 10-15% in the second half of 2026',
    want: {
      targets: [
        { metric: 'revenue', kind: 'percent_change', value: 10 },
        { metric: 'revenue', kind: 'percent_change', value: 15 },
      ],
    },
  },
  {
    kind: '800k-1M: the dash of a range after a scale is not a minus sign',
    statement: 'Reach 800k-1M monthly sales',
    want: {
      targets: [
        { metric: 'revenue', kind: 'absolute', value: 800_000 },
        { metric: 'revenue', kind: 'absolute', value: 1_000_000, per: 'month' },
      ],
      notValues: [-1_000_000],
    },
  },
  {
    kind: '10%-15%: a dash after a percentage is a range, not a fall',
    statement: '營收成長10%-15%',
    want: { targets: [{ metric: 'revenue', kind: 'percent_change', value: 15 }], notValues: [-15] },
  },
];

const KINDS_OF_TARGET: Row[] = [
  {
    kind: '"not lower than 30%": a bound on a level, not a fall of 30 %',
    statement: 'Repeat purchase rate not lower than 30% in H2',
    want: { targets: [{ metric: 'repeat_purchase_rate', kind: 'absolute', value: 30 }] },
  },
  {
    kind: '+500: a signed count is a change',
    statement: 'New members +500 in 2 months',
    want: { targets: [{ metric: 'new_customers', kind: 'absolute_change', value: 500 }] },
  },
  {
    kind: '"Increase 5,000 new members": an English change verb right before the number',
    statement: 'Increase 5,000 new members on app in Q1 2027',
    want: { targets: [{ metric: 'new_customers', kind: 'absolute_change', value: 5000 }] },
  },
  {
    kind: '拉新: winning new customers, a change',
    statement: 'Q2拉新5万人',
    want: {
      metric: 'new_customers',
      targets: [{ metric: 'new_customers', kind: 'absolute_change', value: 50_000 }],
    },
  },
  {
    kind: '"120% of last year": a level relative to the past is a change of 20 %',
    statement: 'Achieve 120% of last year revenue in 2026',
    want: { targets: [{ metric: 'revenue', kind: 'percent_change', value: 20 }], notValues: [120] },
  },
  {
    kind: '去年同期的120%: the same in Chinese',
    statement: '業績達到去年同期的120%',
    want: { targets: [{ metric: 'revenue', kind: 'percent_change', value: 20 }], notValues: [120] },
  },
  {
    kind: '成長率達到20%: a growth rate is a change, whatever the verb',
    statement: '今年營收成長率達到20%',
    want: { targets: [{ metric: 'revenue', kind: 'percent_change', value: 20 }] },
  },
  {
    kind: '"double digits" is vague, not a doubling',
    statement: 'Revenue grow double digits',
    want: { metric: 'revenue', targets: [] },
  },
];

const BASELINES: Row[] = [
  {
    kind: '從去年的4500萬: a baseline behind a past time word; the level after it is the target',
    statement: '營收從去年的4500萬成長到今年的6000萬',
    want: {
      targets: [{ metric: 'revenue', kind: 'absolute', value: 60_000_000 }],
      notValues: [45_000_000],
    },
  },
  {
    kind: '從每人650元: a baseline written per person',
    statement: '獲客成本從每人650元降到450元',
    want: { targets: [{ metric: 'cac', kind: 'absolute', value: 450 }], notValues: [650] },
  },
];

const OTHER_RATES: Row[] = [
  {
    kind: '完成率100%: the attainment of the target is no target of revenue',
    statement: '全年销售额1.2亿,完成率100%',
    want: { targets: [{ metric: 'revenue', kind: 'absolute', value: 120_000_000 }], notValues: [100] },
  },
  {
    kind: '毛利率30%: a margin is none of the metrics, its number is not revenue',
    statement: '營收比上季成長8%,毛利率維持在30%',
    want: { targets: [{ metric: 'revenue', kind: 'percent_change', value: 8 }], notValues: [30] },
  },
  {
    kind: '"gross margin to 30%": the same in English',
    statement: 'Increase gross margin to 30% and revenue by 10%',
    want: { targets: [{ metric: 'revenue', kind: 'percent_change', value: 10 }], notValues: [30] },
  },
  {
    kind: '滿意率: a satisfaction rate is CSAT',
    statement: '顧客滿意率達到95%',
    want: { metric: 'csat', targets: [{ metric: 'csat', kind: 'absolute', value: 95 }] },
  },
];

const PER_REP_AND_STORE: Row[] = [
  {
    kind: '"each sales rep … NT$500k": money per salesperson without a word of revenue',
    statement: 'Each sales rep need to close NT$500k per month in Q2',
    want: {
      metric: 'revenue_per_rep',
      targets: [{ metric: 'revenue_per_rep', kind: 'absolute', value: 500_000, per: 'month' }],
    },
  },
  {
    kind: '每位店員日均銷售額: 日均 between the salesperson and the metric',
    statement: '讓每位店員日均銷售額達到2萬元',
    want: {
      metric: 'revenue_per_rep',
      targets: [{ metric: 'revenue_per_rep', kind: 'absolute', value: 20_000, per: 'day' }],
    },
  },
  {
    kind: '每個月營收: monthly revenue, not a salesperson',
    statement: '本年度每個月營收都要超過去年同月',
    want: { metric: 'revenue', targets: [] },
  },
  {
    kind: '每店月營收: the rate word is the one that names a unit',
    statement: '全台加盟店每店月營收至少40萬',
    want: { targets: [{ metric: 'revenue', kind: 'absolute', value: 400_000, per: 'month' }] },
  },
];

const ACTIVITIES: Row[] = [
  {
    kind: '"Visit 30 clients": a count of visits is an activity, no metric',
    statement: 'Visit 30 clients per week',
    want: { metric: null, targets: [] },
  },
  {
    kind: '"Host 4 workshops in Q2 to get 120 leads": the count of the action is no target',
    statement: 'Host 4 workshops in Q2 to get 120 leads',
    want: { targets: [{ metric: 'leads', kind: 'absolute', value: 120 }], notValues: [4] },
  },
  {
    kind: '發放5000張折價券: handing out coupons is the means',
    statement: '發放5000張折價券,帶動來客數成長10%',
    want: { targets: [{ metric: 'customers', kind: 'percent_change', value: 10 }], notValues: [5000] },
  },
  {
    kind: '新開3家門市: opening stores is the means',
    statement: '在台中、台南新開3家門市,讓中部營收年增20%',
    want: { targets: [{ metric: 'revenue', kind: 'percent_change', value: 20 }], notValues: [3] },
  },
];

const NEW_CUSTOMERS: Row[] = [
  {
    kind: '新增经销商30家: the verb of winning accounts before the noun',
    statement: '明年一季度华东区域新增经销商30家',
    want: {
      metric: 'new_customers',
      targets: [{ metric: 'new_customers', kind: 'absolute_change', value: 30 }],
    },
  },
  {
    kind: '新開發企業客戶50家',
    statement: '雙北地區新開發企業客戶50家',
    want: { metric: 'new_customers', targets: [{ metric: 'new_customers', kind: 'absolute', value: 50 }] },
  },
];

const CHANNELS: Row[] = [
  {
    kind: '拼多多, a mainland marketplace',
    statement: '二季度拼多多店铺销售额突破800万',
    want: { scope: { channels: ['拼多多'] } },
  },
  {
    kind: '快手直播间',
    statement: '快手直播间转化率达到5%',
    want: { scope: { channels: ['快手直播间'] } },
  },
  { kind: '视频号', statement: '视频号带货GMV月均100万', want: { scope: { channels: ['视频号'] } } },
];

const CALENDAR: Row[] = [
  {
    kind: '2H: the second half written number first',
    statement: 'Churn below 3% for subscription plan in 2H',
    want: { period: { start: '2026-07-01', end: '2026-12-31' } },
  },
  {
    kind: '1H 2027',
    statement: 'Revenue growth 12% YoY for 1H 2027',
    want: { period: { start: '2027-01-01', end: '2027-06-30' } },
  },
  {
    kind: 'FY27 H1: the half of a named fiscal year, not the whole year',
    statement: 'FY27 H1 revenue +12%',
    want: { period: { start: '2027-01-01', end: '2027-06-30' } },
  },
  {
    kind: '"whole year 2026"',
    statement: 'Turnover increase 18% compared to last year, for whole year 2026',
    want: { period: { start: '2026-01-01', end: '2026-12-31' } },
  },
  {
    kind: 'W14: the ISO week of the year, Monday to Sunday',
    statement: 'W14 promotion: 500 orders',
    want: {
      targets: [{ metric: 'orders', kind: 'absolute', value: 500 }],
      period: { start: '2026-03-30', end: '2026-04-05' },
    },
  },
  {
    kind: '"week 14": the week number is no target',
    statement: 'Sales NT$600k in week 14',
    want: { notValues: [14], period: { start: '2026-03-30', end: '2026-04-05' } },
  },
  {
    kind: '今年第12週',
    statement: '今年第12週營收50萬',
    want: { period: { start: '2026-03-16', end: '2026-03-22' } },
  },
  {
    kind: '3月第3週: the month’s third seven days',
    statement: '3月第3週業績衝到50萬',
    want: { period: { start: '2026-03-15', end: '2026-03-21' } },
  },
  {
    kind: '3月上旬: days 1–10',
    statement: '3月上旬來客數提升15%',
    want: { period: { start: '2026-03-01', end: '2026-03-10' } },
  },
  {
    kind: '4月中旬: days 11–20',
    statement: '4月中旬網店訂單達到800筆',
    want: { period: { start: '2026-04-11', end: '2026-04-20' } },
  },
  {
    kind: '6月下旬: day 21 to the end',
    statement: '6月下旬客單價提升至900元',
    want: { period: { start: '2026-06-21', end: '2026-06-30' } },
  },
  {
    kind: '5月中旬前: before the middle ten days start',
    statement: '5月中旬前完成300筆預購',
    want: { period: { start: '2026-01-15', end: '2026-05-10' } },
  },
  {
    kind: '本月下旬',
    statement: '本月下旬網店營收衝到50萬',
    want: { period: { start: '2026-01-21', end: '2026-01-31' } },
  },
  {
    kind: '下個月上旬',
    statement: '下個月上旬完成100筆訂單',
    want: { period: { start: '2026-02-01', end: '2026-02-10' } },
  },
  {
    kind: '民國 dates with 起…至…止',
    statement: '115年7月1日起至115年12月31日止,門市營收成長10%',
    want: { period: { start: '2026-07-01', end: '2026-12-31' } },
  },
  {
    kind: '第二季末前: from today to the end of the quarter',
    statement: '2026年第二季末前,AOV達到NT$1500',
    want: { period: { start: '2026-01-15', end: '2026-06-30' } },
  },
  {
    kind: '第三季度末前',
    statement: '第三季度末前營收成長10%',
    want: { period: { start: '2026-01-15', end: '2026-09-30' } },
  },
  {
    kind: '年中前: by the end of the first half',
    statement: '年中前營收達到3000萬',
    want: { period: { start: '2026-01-15', end: '2026-06-30' } },
  },
  {
    kind: '2027财年: 财 is 財',
    statement: '2027财年营收目标3亿元',
    want: { period: { start: '2027-01-01', end: '2027-12-31' } },
  },
  {
    kind: '十一黄金周: 1–7 October',
    statement: '十一黄金周期间门店客流量增长30%',
    want: { period: { start: '2026-10-01', end: '2026-10-07' } },
  },
];

describe('held-out kinds, second pass', () => {
  for (const [group, rows] of Object.entries({
    NUMBER_FORMS,
    RANGES,
    KINDS_OF_TARGET,
    BASELINES,
    OTHER_RATES,
    PER_REP_AND_STORE,
    ACTIVITIES,
    NEW_CUSTOMERS,
    CHANNELS,
    CALENDAR,
  })) {
    describe(group, () => {
      for (const row of rows) it(row.kind, () => check(row));
    });
  }
});
