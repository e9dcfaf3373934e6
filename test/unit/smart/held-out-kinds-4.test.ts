/**
 * Kinds of statement found by a fourth pass, written as other owners write them: a bakery or café
 * owner on LINE (short, colloquial, emoji, 賣到/再賣/一天賣, 1千2, lists of products), a B2B distributor
 * (經銷商, 報價, 北區, industries' customers, top-N accounts), an e-commerce seller (618 GMV, ad budgets,
 * 新客轉換率, festival ranges), Hong Kong retail (做到/做咗, 舊年, 每個sales, 外賣單, Christmas season),
 * numbers in ranges and bounds (最多, 最少…最多, 不超過…也不低於, 10 to 15 percent), levels and changes
 * together, and periods relative to today (下下個月, 到月底, 剩下的時間, 結束前, 最後一週). Each row names
 * the kind and the fields that matter (today is 2026-01-15 unless given).
 */
import { describe, it } from 'vitest';
import { check, type Row } from './held-out-rows.ts';

const JAN = { start: '2026-01-01', end: '2026-01-31' };
const FEB = { start: '2026-02-01', end: '2026-02-28' };
const THIS_WEEK = { start: '2026-01-12', end: '2026-01-18' };

const LINE_OWNER: Row[] = [
  {
    kind: '賣到 + a count: to sell, the product before it and the week',
    statement: '可頌這週要賣到1200個🥐',
    want: {
      metric: 'units',
      targets: [{ metric: 'units', kind: 'absolute', value: 1200 }],
      period: THIS_WEEK,
      scope: { products: ['可頌'] },
    },
  },
  {
    kind: '一天賣: one day as the rate, without 每',
    statement: '豆漿一個月賣2千瓶',
    want: {
      targets: [{ metric: 'units', kind: 'absolute', value: 2000, per: 'month' }],
      scope: { products: ['豆漿'] },
    },
  },
  {
    kind: 'A跟B before the metric: each product of the list',
    statement: '下個月貝果跟司康一天要賣150個',
    want: {
      targets: [{ metric: 'units', kind: 'absolute', value: 150, per: 'day' }],
      period: FEB,
      scope: { products: ['貝果', '司康'] },
    },
  },
  {
    kind: '再賣: selling more is a change, and 再 is not part of the product',
    statement: '月底前蛋糕再賣100顆',
    want: {
      targets: [{ metric: 'units', kind: 'absolute_change', value: 100 }],
      period: { start: '2026-01-15', end: '2026-01-31' },
      scope: { products: ['蛋糕'] },
      notInScope: ['蛋糕再'],
    },
  },
  {
    kind: '1千2: one digit after the last unit is the next place down',
    statement: '生乳捲月銷量從800條衝到1千2',
    want: {
      targets: [{ metric: 'units', kind: 'absolute', value: 1200, per: 'month' }],
      notValues: [1000, 2],
      scope: { products: ['生乳捲'] },
    },
  },
  {
    kind: '3萬5: the same after 萬, but not before a duration (50萬 3個月)',
    statement: '每間店日營業額3萬5',
    want: {
      targets: [{ metric: 'revenue', kind: 'absolute', value: 35_000, per: 'day' }],
      notInScope: ['每間店日'],
    },
  },
  {
    kind: 'guard: a digit after 萬 that starts a duration is the duration’s (50萬3個月內)',
    statement: '營收50萬3個月內達成',
    want: {
      targets: [{ metric: 'revenue', kind: 'absolute', value: 500_000 }],
      period: { start: '2026-01-15', end: '2026-04-14' },
    },
  },
  {
    kind: '新品X: the new product named after 新品',
    statement: '本月新品草莓塔目標300顆🍓',
    want: { metric: 'units', period: JAN, scope: { products: ['草莓塔'] } },
  },
  {
    kind: 'a holiday masked before the product: the product after it',
    statement: '情人節巧克力塔賣500顆❤️',
    want: { targets: [{ metric: 'units', kind: 'absolute', value: 500 }], scope: { products: ['巧克力塔'] } },
  },
  {
    kind: '平日 / 一天 around the product are no part of it',
    statement: '平日下午茶套餐一天賣30套',
    want: { scope: { products: ['下午茶套餐'] }, notInScope: ['平日下午茶套餐'] },
  },
  {
    kind: '會員新增N人: the noun before the verb of winning them',
    statement: '下禮拜會員新增100人🙏',
    want: {
      metric: 'new_customers',
      targets: [{ metric: 'new_customers', kind: 'absolute_change', value: 100 }],
      period: { start: '2026-01-19', end: '2026-01-25' },
    },
  },
  {
    kind: '會員 … 新增 with the period between',
    statement: '會員這季新增300人就好',
    want: { targets: [{ metric: 'new_customers', kind: 'absolute_change', value: 300 }] },
  },
  {
    kind: '外帶單 / 外賣單: a channel’s orders, the channel in the scope',
    statement: '外帶單這個月多兩百張',
    want: {
      metric: 'orders',
      targets: [{ metric: 'orders', kind: 'absolute_change', value: 200 }],
      scope: { channels: ['外帶'] },
    },
  },
  {
    kind: 'a promotion named in passing is the strategy (買一送一)',
    statement: '4/1~4/30 冰飲買一送一，營業額衝120萬',
    want: { targets: [{ metric: 'revenue', kind: 'absolute', value: 1_200_000 }], strategies: ['買一送一'] },
  },
  {
    kind: 'a lone classifier after 多賣個 is no product',
    statement: '這禮拜麵包少剩一點，多賣個50個就好😂',
    want: { targets: [{ metric: 'units', kind: 'absolute_change', value: 50 }], notInScope: ['個'] },
  },
];

const DISTRIBUTOR: Row[] = [
  {
    kind: '北區 / 中區: a region named by its direction and 區',
    statement: '中區經銷商營收Q2成長8%',
    want: { scope: { regions: ['中區'], channels: ['經銷商'] } },
  },
  {
    kind: '<industry>業客戶: the customers of an industry are a segment',
    statement: '製造業客戶的訂單數今年增加20%',
    want: { metric: 'orders', scope: { segments: ['製造業客戶'] } },
  },
  {
    kind: 'guard: 企業客戶 after 針對 stays 企業客戶',
    statement: '針對企業客戶,將訂單金額提升至800萬元',
    want: { scope: { segments: ['企業客戶'] } },
  },
  {
    kind: '報價N份: quoting is the activity, the rate of quotes is the metric, 報價 no product',
    statement: '每月報價50份，報價轉換率至少25%',
    want: {
      metric: 'conversion_rate',
      targets: [{ metric: 'conversion_rate', kind: 'absolute', value: 25 }],
      notValues: [50],
      notInScope: ['報價'],
    },
  },
  {
    kind: '前N大客戶 / top N accounts: a rank, not a count',
    statement: '前10大客戶營收下半年成長12%',
    want: {
      targets: [{ metric: 'revenue', kind: 'percent_change', value: 12 }],
      notValues: [10],
      scope: { segments: ['前10大客戶'] },
      notInScope: ['前10'],
    },
  },
  {
    kind: 'top N in English',
    statement: 'Grow revenue from our top 20 wholesale accounts by 10% in H2',
    want: { targets: [{ metric: 'revenue', kind: 'percent_change', value: 10 }], notValues: [20] },
  },
  {
    kind: 'X以南: a region with a direction after it',
    statement: '桃園以南的經銷商營收今年成長15%',
    want: { scope: { regions: ['桃園以南'] }, notInScope: ['以南'] },
  },
  {
    kind: '降低 before the metric is a verb, not a product',
    statement: '降低客戶流失率至少3個百分點',
    want: { targets: [{ metric: 'churn_rate', kind: 'absolute_change', value: -3 }], notInScope: ['降低'] },
  },
  {
    kind: '每個業務每月成交: the rep and the verb are no product',
    statement: '每個業務每月成交8張訂單',
    want: {
      targets: [{ metric: 'orders', kind: 'absolute', value: 8, per: 'month' }],
      notInScope: ['業務每月成交'],
    },
  },
  {
    kind: '連鎖餐廳: a chain of restaurants is one segment',
    statement: '連鎖餐廳客戶數明年翻倍',
    want: { scope: { segments: ['連鎖餐廳'] }, notInScope: ['連鎖'] },
  },
];

const ECOMMERCE: Row[] = [
  {
    kind: '618 before what it is measured by (GMV, revenue) is the sale',
    statement: '618 revenue +40% on Shopee',
    want: {
      targets: [{ metric: 'revenue', kind: 'percent_change', value: 40 }],
      period: { start: '2026-06-01', end: '2026-06-18' },
    },
  },
  {
    kind: 'a range of festivals (黑五到雙12)',
    statement: '黑五到雙12的營收比去年成長40%',
    want: { period: { start: '2026-11-27', end: '2026-12-12' } },
  },
  {
    kind: 'a budget is no target (廣告費, 行銷預算)',
    statement: '雙11檔期廣告費200萬，ROAS要5倍',
    want: {
      metric: 'roas',
      targets: [{ metric: 'roas', kind: 'absolute', value: 5 }],
      notValues: [2_000_000],
    },
  },
  {
    kind: 'ad spend in English is no target either',
    statement: 'Cut ad spend 15% while keeping ROAS above 3x in Q2',
    want: {
      targets: [{ metric: 'roas', kind: 'absolute', value: 3 }],
      notValues: [-15],
      notInScope: ['while keeping'],
    },
  },
  {
    kind: '新會員首購轉換率: the group before a rate only says whose rate it is',
    statement: '新會員首購轉換率提高到12%',
    want: {
      metric: 'conversion_rate',
      targets: [{ metric: 'conversion_rate', kind: 'absolute', value: 12 }],
    },
  },
  {
    kind: 'Shopify store is a channel',
    statement: 'Double 11 sales to hit NT$3M on our Shopify store',
    want: { scope: { channels: ['Shopify store'] }, period: { start: '2026-11-11', end: '2026-11-11' } },
  },
  {
    kind: 'momo館 and 全站 are no product',
    statement: '週年慶全站轉換率3%以上、客單價1500',
    want: {
      targets: [
        { metric: 'conversion_rate', kind: 'absolute', value: 3 },
        { metric: 'aov', kind: 'absolute', value: 1500 },
      ],
      notInScope: ['全站'],
    },
  },
];

const HONG_KONG: Row[] = [
  {
    kind: '做到 + an amount in 萬: doing business is revenue',
    statement: '下個禮拜荃灣店做到HK$25萬',
    want: { metric: 'revenue', targets: [{ metric: 'revenue', kind: 'absolute', value: 250_000 }] },
  },
  {
    kind: '做咗 in a past clause is the baseline, the next clause the target',
    statement: '上個月做咗60萬，今個月要做到70萬',
    want: {
      targets: [{ metric: 'revenue', kind: 'absolute', value: 700_000 }],
      notValues: [600_000],
      baseline: 600_000,
      period: JAN,
    },
  },
  {
    kind: '舊年 is last year: its amount is the baseline',
    statement: '舊年做咗800萬，今年要做到1千萬',
    want: { targets: [{ metric: 'revenue', kind: 'absolute', value: 10_000_000 }], notValues: [8_000_000] },
  },
  {
    kind: 'the same in English',
    statement: 'Last year we did NT$5M; this year reach NT$6M',
    want: { targets: [{ metric: 'revenue', kind: 'absolute', value: 6_000_000 }], notValues: [5_000_000] },
  },
  {
    kind: '每個sales: a salesperson, not sales',
    statement: '下季每個sales每月做HK$30萬',
    want: {
      metric: 'revenue_per_rep',
      targets: [{ metric: 'revenue_per_rep', kind: 'absolute', value: 300_000, per: 'month' }],
    },
  },
  {
    kind: '外賣單 做到 N張: orders, and the channel',
    statement: '今個禮拜外賣單做到400張',
    want: {
      metric: 'orders',
      targets: [{ metric: 'orders', kind: 'absolute', value: 400 }],
      period: THIS_WEEK,
      scope: { channels: ['外賣'] },
    },
  },
  {
    kind: '年尾前 … 會員達N人: members counted to a level without 數',
    statement: '年底前會員達5000人',
    today: '2026-09-01',
    want: { metric: 'customers', targets: [{ metric: 'customers', kind: 'absolute', value: 5000 }] },
  },
  {
    kind: '兩間舖: a count of stores is scope, not units',
    statement: '元朗同屯門兩間舖下個月營業額合共150萬',
    want: {
      targets: [{ metric: 'revenue', kind: 'absolute', value: 1_500_000 }],
      notValues: [2],
      scope: { regions: ['元朗', '屯門'] },
      notInScope: ['兩間', '同'],
    },
  },
  {
    kind: '"Christmas season": the shopping season before the day, as 聖誕檔期',
    statement: 'Christmas season revenue up 25% vs last year at our Tsim Sha Tsui shop',
    want: { period: { start: '2026-11-28', end: '2026-12-25' } },
  },
];

const RANGES_AND_BOUNDS: Row[] = [
  {
    kind: '最多 is a bound, not 多 (more)',
    statement: 'CAC最多NT$500',
    want: { targets: [{ metric: 'cac', kind: 'absolute', value: 500 }] },
  },
  {
    kind: '最少 … 最多: both bounds are levels',
    statement: '每月營收最少80萬最多100萬',
    want: {
      targets: [
        { metric: 'revenue', kind: 'absolute', value: 800_000, per: 'month' },
        { metric: 'revenue', kind: 'absolute', value: 1_000_000, per: 'month' },
      ],
    },
  },
  {
    kind: '不超過X也不低於Y: a number after a bound is read whatever follows it',
    statement: '客單價不超過1200也不低於900',
    want: {
      targets: [
        { metric: 'aov', kind: 'absolute', value: 1200 },
        { metric: 'aov', kind: 'absolute', value: 900 },
      ],
    },
  },
  {
    kind: '降低<metric>至少N%: a bound after the metric of a fall is still a fall',
    statement: '降低CAC至少20%',
    want: { targets: [{ metric: 'cac', kind: 'percent_change', value: -20 }] },
  },
  {
    kind: '"by 10 to 15 percent": both numbers of an English range are changes',
    statement: 'Grow orders by 10 to 15 percent next month',
    want: {
      targets: [
        { metric: 'orders', kind: 'percent_change', value: 10 },
        { metric: 'orders', kind: 'percent_change', value: 15 },
      ],
      period: FEB,
    },
  },
  {
    kind: '成長8%到12%: an amount has no level in percent, both are changes',
    statement: '訂單成長8%到12%',
    want: {
      targets: [
        { metric: 'orders', kind: 'percent_change', value: 8 },
        { metric: 'orders', kind: 'percent_change', value: 12 },
      ],
    },
  },
  {
    kind: 'guard: "from 120 to 150" is a baseline and a level, not a range',
    statement: 'Increase active dealer accounts from 120 to 150 by end of Q2',
    want: {
      targets: [{ metric: 'customers', kind: 'absolute', value: 150 }],
      notValues: [120],
      baseline: 120,
    },
  },
  {
    kind: '"no less than" is no product',
    statement: 'Revenue of no less than NT$1.5M in March',
    want: {
      targets: [{ metric: 'revenue', kind: 'absolute', value: 1_500_000 }],
      notInScope: ['no less than'],
    },
  },
];

const LEVEL_AND_CHANGE: Row[] = [
  {
    kind: 'a change in percent then a level in money (成長20%到600萬)',
    statement: '營收成長20%到600萬',
    want: {
      targets: [
        { metric: 'revenue', kind: 'percent_change', value: 20 },
        { metric: 'revenue', kind: 'absolute', value: 6_000_000 },
      ],
    },
  },
  {
    kind: 'a change in money then the level it reaches (提升50元到550元)',
    statement: '客單價提升50元到550元',
    want: {
      targets: [
        { metric: 'aov', kind: 'absolute_change', value: 50 },
        { metric: 'aov', kind: 'absolute', value: 550 },
      ],
    },
  },
  {
    kind: 'Cut by X to Y: a fall and the level',
    statement: 'Cut CAC by NT$100 to NT$400',
    want: {
      targets: [
        { metric: 'cac', kind: 'absolute_change', value: -100 },
        { metric: 'cac', kind: 'absolute', value: 400 },
      ],
    },
  },
];

const RELATIVE_PERIODS: Row[] = [
  {
    kind: '下下個月: the month after next, across a year end',
    statement: '下下個月新客200人',
    today: '2026-12-05',
    want: { period: { start: '2027-02-01', end: '2027-02-28' } },
  },
  {
    kind: '下下週: the week after next',
    statement: '下下週預購100單',
    want: { period: { start: '2026-01-26', end: '2026-02-01' } },
  },
  {
    kind: '今天起到月底: from today to the end of the month',
    statement: '今天起到月底，咖啡豆賣出２００包',
    want: { period: { start: '2026-01-15', end: '2026-01-31' } },
  },
  {
    kind: '這一季剩下的時間: what is left of the quarter',
    statement: '這一季剩下的時間訂單再多300張',
    today: '2026-08-20',
    want: {
      period: { start: '2026-08-20', end: '2026-09-30' },
      targets: [{ metric: 'orders', kind: 'absolute_change', value: 300 }],
    },
  },
  {
    kind: '今年剩低嘅時間 (Cantonese): the rest of the year',
    statement: '今年剩低嘅時間每月營業額100萬',
    today: '2026-06-10',
    want: { period: { start: '2026-06-10', end: '2026-12-31' } },
  },
  {
    kind: '第一季結束前 during the quarter: from today',
    statement: '第一季結束前營收成長8%',
    today: '2026-02-20',
    want: { period: { start: '2026-02-20', end: '2026-03-31' } },
  },
  {
    kind: '第二季結束前 before the quarter: from today to its end',
    statement: '第二季結束前新增經銷商10家',
    want: { period: { start: '2026-01-15', end: '2026-06-30' } },
  },
  {
    kind: '"for the rest of the quarter"',
    statement: 'For the rest of the quarter, orders up 10%',
    today: '2026-02-15',
    want: { period: { start: '2026-02-15', end: '2026-03-31' } },
  },
  {
    kind: '這個月的最後一週: the last seven days of the month',
    statement: '這個月的最後一週衝刺100單',
    want: { period: { start: '2026-01-25', end: '2026-01-31' } },
  },
  {
    kind: '今年最後一季: the last quarter of the year',
    statement: '今年最後一季營收3000萬',
    today: '2026-05-01',
    want: { period: { start: '2026-10-01', end: '2026-12-31' } },
  },
];

describe('a bakery or café owner on LINE', () => {
  for (const row of LINE_OWNER) it(row.kind, () => check(row));
});
describe('a B2B distributor', () => {
  for (const row of DISTRIBUTOR) it(row.kind, () => check(row));
});
describe('an e-commerce seller', () => {
  for (const row of ECOMMERCE) it(row.kind, () => check(row));
});
describe('Hong Kong retail', () => {
  for (const row of HONG_KONG) it(row.kind, () => check(row));
});
describe('numbers in ranges and bounds', () => {
  for (const row of RANGES_AND_BOUNDS) it(row.kind, () => check(row));
});
describe('a level and a change together', () => {
  for (const row of LEVEL_AND_CHANGE) it(row.kind, () => check(row));
});
describe('periods relative to today', () => {
  for (const row of RELATIVE_PERIODS) it(row.kind, () => check(row));
});
