/**
 * Kinds of statement the held-out set has and the dev set does not: each row names the kind, a
 * statement of that kind and the fields that matter. Written from a fresh set of goal statements
 * (zh-TW, zh-CN, Hong Kong Cantonese, English), not from the bench's lines.
 */
import { describe, expect, it } from 'vitest';
import { readStatement } from '../../../src/cli/commands/smart.ts';
import { check, type Row } from './held-out-rows.ts';

const NUMBER_FORMS: Row[] = [
  {
    kind: '一成半: a tenth and a half is 15 %',
    statement: '下半年營收成長一成半',
    want: { targets: [{ metric: 'revenue', kind: 'percent_change', value: 15 }] },
  },
  {
    kind: '三分之一: a fraction is a percentage',
    statement: '今年回購率提升三分之一',
    want: { targets: [{ metric: 'repeat_purchase_rate', kind: 'percent_change', value: 100 / 3 }] },
  },
  {
    kind: 'a currency word after the number (80萬台幣) is money',
    statement: '本季官網營收目標80萬台幣',
    want: { targets: [{ metric: 'revenue', kind: 'absolute', value: 800000 }] },
  },
  {
    kind: '港幣 after the number',
    statement: '今年客單價目標350港幣',
    want: { targets: [{ metric: 'aov', kind: 'absolute', value: 350 }] },
  },
  {
    kind: '負 before a number is a minus sign',
    statement: '本月營收目標負50萬元',
    want: { targets: [{ metric: 'revenue', kind: 'absolute', value: -500000 }] },
  },
  {
    kind: 'a score in 分 (提高10分) is a number on the metric’s scale',
    statement: '淨推薦值明年提高10分',
    want: { metric: 'nps', targets: [{ metric: 'nps', kind: 'absolute_change', value: 10 }] },
  },
  {
    kind: '十分 is "very", not ten points (a guard of the row above)',
    statement: '客戶滿意度十分重要',
    want: { targets: [] },
  },
  {
    kind: 'an amount with a currency before an English word starting with "th" (through)',
    statement: 'Cut CAC by NT$150 through SEO in H1 2027',
    want: { targets: [{ metric: 'cac', kind: 'absolute_change', value: -150 }] },
  },
];

const RATES: Row[] = [
  {
    kind: 'an English rate word right after the number (50K daily sales)',
    statement: 'HK$50K daily sales at our Mong Kok shop by end of Q2',
    want: { targets: [{ metric: 'revenue', kind: 'absolute', value: 50000, per: 'day' }] },
  },
  {
    kind: 'the rate word nearest the number (每位業務每月)',
    statement: '下半年每位業務每月要成交15張訂單',
    want: { targets: [{ metric: 'orders', kind: 'absolute', value: 15, per: 'month' }] },
  },
  {
    kind: '"each quarter" a few words after the number',
    statement: 'Add 25 new wholesale accounts each quarter in 2026',
    want: { targets: [{ metric: 'new_customers', kind: 'absolute_change', value: 25, per: 'quarter' }] },
  },
];

const TARGET_KINDS: Row[] = [
  {
    kind: 'a bound after an add verb is still a change (新增至少50筆)',
    statement: '未來六週新增至少50筆潛在客戶',
    want: { targets: [{ metric: 'leads', kind: 'absolute_change', value: 50 }] },
  },
  {
    kind: 'a bound after a fall verb is a fall (減少不超過5%)',
    statement: '下季營收減少不超過5%',
    want: { targets: [{ metric: 'revenue', kind: 'percent_change', value: -5 }] },
  },
  {
    kind: 'a level per head (降至每人NT$180) is a level, not a change',
    statement: '獲客成本在明年降至每人NT$180',
    want: { targets: [{ metric: 'cac', kind: 'absolute', value: 180 }] },
  },
];

const METRICS: Row[] = [
  {
    kind: 'businesses counted in 家 are new customers (新增30家企業客戶)',
    statement: '今年每季新增30家企業客戶',
    want: {
      metric: 'new_customers',
      targets: [{ metric: 'new_customers', kind: 'absolute_change', value: 30, per: 'quarter' }],
    },
  },
  {
    kind: 'potential customers stay leads (新增500個潜在客户; a guard of the row above)',
    statement: '通过小红书种草,六周内新增500个潜在客户',
    want: { metric: 'leads', targets: [{ metric: 'leads', kind: 'absolute_change', value: 500 }] },
  },
  {
    kind: 'subscribed / paying members are a count of customers',
    statement: '每個月的訂閱會員淨增加150人,今年全年',
    want: {
      metric: 'customers',
      targets: [{ metric: 'customers', kind: 'absolute_change', value: 150, per: 'month' }],
    },
  },
  {
    kind: 'a count noun that names the metric (1,000 signups)',
    statement: 'Get 1,000 signups in the next 30 days',
    want: { targets: [{ metric: 'new_customers', kind: 'absolute', value: 1000 }] },
  },
  {
    kind: 'a distributor’s purchases and HK 生意額 are revenue',
    statement: '新竹地區經銷商的進貨金額下半年增加15%',
    want: { metric: 'revenue', targets: [{ metric: 'revenue', kind: 'percent_change', value: 15 }] },
  },
];

const SCOPE: Row[] = [
  {
    kind: 'Hong Kong districts (English)',
    statement: 'Grow revenue of our Mong Kok and Causeway Bay shops by 10% next quarter',
    want: { scope: { regions: ['Mong Kok', 'Causeway Bay'] } },
  },
  {
    kind: 'Hong Kong districts (Chinese)',
    statement: '下個月將軍澳店生意額要做多兩成',
    want: { metric: 'revenue', scope: { regions: ['將軍澳'] } },
  },
  {
    kind: 'a running total (累計) is not a product',
    statement: '115年12月底前累計營業額達到800萬',
    want: { notInScope: ['累計'] },
  },
  {
    kind: 'a bracket alone is not a product (今年度(115年)營收)',
    statement: '今年度(115年)營收目標:NT$12,000,000',
    want: { notInScope: [')', ')'] },
  },
];

const PERIODS: Row[] = [
  {
    kind: 'decimals joined by "to" are not a date (from 4.1 to 4.5)',
    statement: 'Raise CSAT from 4.1 to 4.5 within 3 months',
    want: {
      targets: [{ metric: 'csat', kind: 'absolute', value: 4.5 }],
      period: { start: '2026-01-15', end: '2026-04-14' },
    },
  },
  {
    kind: 'by the end of next quarter',
    statement: 'Grow ROAS to 3.5x on Google Ads by the end of next quarter',
    want: { period: { start: '2026-01-15', end: '2026-06-30' } },
  },
  {
    kind: 'by the end of next year',
    statement: 'Reach 5,000 members by the end of next year',
    want: { period: { start: '2026-01-15', end: '2027-12-31' } },
  },
  {
    kind: '下季底前',
    statement: '下季底前會員數達到3000人',
    want: { period: { start: '2026-01-15', end: '2026-06-30' } },
  },
  {
    kind: 'a deadline word before a date (期限為今年6月30日)',
    statement: '藉由會員集點活動,提升VIP會員回購率至45%,期限為今年6月30日',
    want: { period: { start: '2026-01-15', end: '2026-06-30' } },
  },
  {
    kind: 'a deadline before a slash date (截止日期:7/31)',
    statement: '官網訂單達到2000筆,截止日期:7/31',
    want: { period: { start: '2026-01-15', end: '2026-07-31' } },
  },
  {
    kind: 'a range of quarters (Q3到Q4)',
    statement: 'Q3到Q4官網營收成長30%',
    want: { period: { start: '2026-07-01', end: '2026-12-31' } },
  },
  {
    kind: 'a range of quarters (第二季至第三季, 明年)',
    statement: '明年第二季至第三季訂單成長20%',
    want: { period: { start: '2027-04-01', end: '2027-09-30' } },
  },
  {
    kind: 'a range of quarters in English with a year',
    statement: 'Grow revenue 10% in Q2-Q3 2027',
    want: { period: { start: '2027-04-01', end: '2027-09-30' } },
  },
];

const HONG_KONG: Row[] = [
  {
    kind: '今個月 is this month',
    statement: '今個月尖沙咀分店營業額要做到港幣120萬',
    want: {
      period: { start: '2026-01-01', end: '2026-01-31' },
      targets: [{ metric: 'revenue', kind: 'absolute', value: 1200000 }],
      scope: { regions: ['尖沙咀'] },
    },
  },
  {
    kind: '呢個季度 is this quarter',
    statement: '呢個季度新界區會員人數增加1,500人',
    want: { period: { start: '2026-01-01', end: '2026-03-31' } },
  },
  {
    kind: '今季 is this quarter',
    statement: '今季營業額要做到港幣500萬',
    want: { period: { start: '2026-01-01', end: '2026-03-31' } },
  },
  {
    kind: '出年首季 is next year’s first quarter',
    statement: '出年首季網店營業額增長三成',
    want: { period: { start: '2027-01-01', end: '2027-03-31' } },
  },
  {
    kind: '年尾前 is the end of the year',
    statement: '年尾前網店轉換率要做到3.5%',
    want: { period: { start: '2026-01-15', end: '2026-12-31' } },
  },
  {
    kind: '嘅 is 的, 舖 is a shop',
    statement: '今年下半年銅鑼灣舖嘅客單價提升到HK$320',
    want: {
      metric: 'aov',
      targets: [{ metric: 'aov', kind: 'absolute', value: 320 }],
      period: { start: '2026-07-01', end: '2026-12-31' },
      scope: { regions: ['銅鑼灣'], channels: ['舖'] },
    },
  },
];

describe('held-out kinds', () => {
  for (const [group, rows] of Object.entries({
    NUMBER_FORMS,
    RATES,
    TARGET_KINDS,
    METRICS,
    SCOPE,
    PERIODS,
    HONG_KONG,
  })) {
    describe(group, () => {
      for (const row of rows) it(row.kind, () => check(row));
    });
  }
});

describe('pacer smart: a target no business can reach is not a measurable target', () => {
  const read = (statement: string) => readStatement(statement, '2026-01-15', undefined, undefined);

  it.each([
    ['a fall of 150 %', '營收下降150%', 'TARGET_FALL_OF_100'],
    ['a negative amount of money', '本月營收目標負50萬元', 'TARGET_NEGATIVE'],
    ['a rate over 100 %', 'Raise conversion rate to 250% next month', 'TARGET_OUT_OF_RANGE'],
  ])('%s', (_kind, statement, code) => {
    const r = read(statement);
    expect(r.parsed.targets.length).toBeGreaterThan(0);
    expect(r.grades.measurable).toBe('fail');
    expect(r.findings.some((f) => f.letter === 'measurable' && f.code === code)).toBe(true);
    const possible = read(statement.replace(/150%/, '15%').replace('負', '').replace('250%', '25%'));
    expect(possible.grades.measurable).toBe('pass');
    expect(r.score).toBe(possible.score - 20);
  });
});
