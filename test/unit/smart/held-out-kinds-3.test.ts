/**
 * Kinds of English statement (as Taiwanese and Hong Kong managers write them) whose scope is given by
 * prepositional phrases: "for <product>", "of <product>", "on <channel>", "at <store>", "among/for
 * <segment>", with periods and strategies after them; and the uses of the same prepositions that
 * name no scope ("for the year", "for 6 months", "for each rep", "for two consecutive quarters",
 * "for both …"). Each row names the kind and the fields that matter.
 */
import { describe, it } from 'vitest';
import { check, type Row } from './held-out-rows.ts';

const Q1 = { start: '2026-01-01', end: '2026-03-31' };
const Q2 = { start: '2026-04-01', end: '2026-06-30' };
const Q3 = { start: '2026-07-01', end: '2026-09-30' };
const Q4 = { start: '2026-10-01', end: '2026-12-31' };
const YEAR = { start: '2026-01-01', end: '2026-12-31' };

const FOR_PRODUCT: Row[] = [
  {
    kind: 'for <product> after the period: what the goal is for, not a time',
    statement: 'Sales +30% vs last year in Q4 for corporate gifts',
    want: {
      targets: [{ metric: 'revenue', kind: 'percent_change', value: 30 }],
      period: Q4,
      scope: { products: ['corporate gifts'] },
    },
  },
  {
    kind: 'for <product> after the change, before the period',
    statement: 'Increase revenue by 20% for cold brew in Q2',
    want: { period: Q2, scope: { products: ['cold brew'] } },
  },
  {
    kind: 'for <product> with a time word masked right after it',
    statement: 'Reach 2M revenue for the skincare line this year',
    want: { period: YEAR, scope: { products: ['skincare line'] } },
  },
  {
    kind: 'for <product> after a count of orders, before a rolling period',
    statement: 'Boost orders 25% for bubble tea in the next 3 months',
    want: {
      metric: 'orders',
      period: { start: '2026-01-15', end: '2026-04-14' },
      scope: { products: ['bubble tea'] },
    },
  },
  {
    kind: 'for <product> ended by a colon: "Revenue target for X: 3M"',
    statement: 'Revenue target for pineapple cakes: 3M in 2026.',
    want: {
      targets: [{ metric: 'revenue', kind: 'absolute', value: 3_000_000 }],
      scope: { products: ['pineapple cakes'] },
    },
  },
  {
    kind: 'For <product>, leading the sentence before the goal',
    statement: 'For premium coffee beans, grow revenue 10% in H1',
    want: { scope: { products: ['premium coffee beans'] } },
  },
  {
    kind: 'units for <product>: the units word is inside the amount',
    statement: 'Hit 1,200 units for the winter jackets by end of Q1',
    want: { metric: 'units', scope: { products: ['winter jackets'] } },
  },
  {
    kind: 'for <product> after the period and before nothing',
    statement: 'Increase revenue by 20% in 2026 for frozen dumplings',
    want: { period: YEAR, scope: { products: ['frozen dumplings'] } },
  },
  {
    kind: 'for <period> for <product>: the second "for" names the product',
    statement: 'Increase revenue for Q3 for our bento boxes by 15%',
    want: { period: Q3, scope: { products: ['bento boxes'] } },
  },
  {
    kind: 'on <channel> for <product>: both read',
    statement: 'Reach 2,000 orders on foodpanda for our lunch boxes in Q2',
    want: { scope: { products: ['lunch boxes'], channels: ['foodpanda'] } },
  },
  {
    kind: 'in <region> for <product>: market share of a product in a region',
    statement: 'Reach 30% market share in Hong Kong for plant-based milk by 2027',
    want: { metric: 'market_share', scope: { products: ['plant-based milk'], regions: ['Hong Kong'] } },
  },
  {
    kind: 'for <product> with a strategy after the period',
    statement: 'Increase revenue for cold brew by 20% in Q3 by launching a summer promotion',
    want: { period: Q3, scope: { products: ['cold brew'] } },
  },
  {
    kind: 'a rate to N% for <product>: the subscriptions the rate is about',
    statement: 'Raise repeat purchase rate to 35% for coffee subscriptions in H2',
    want: { metric: 'repeat_purchase_rate', scope: { products: ['coffee subscriptions'] } },
  },
  {
    kind: 'new clients for <service>: the service is the product, the clients the segment',
    statement: 'Get 150 new corporate clients for our catering service by Q3',
    want: { scope: { products: ['catering service'], segments: ['corporate clients'] } },
  },
  {
    kind: 'for <product> in the middle of a sentence with channels and a means',
    statement: 'Reach NT$800k monthly sales on Shopee for the skincare line by June, through KOL livestreams',
    want: { scope: { products: ['skincare line'], channels: ['Shopee'] } },
  },
];

const OF_PRODUCT: Row[] = [
  {
    kind: 'sales of <product> followed by the change: the amount ends the product',
    statement: 'Grow sales of oolong tea 15% this year',
    want: { scope: { products: ['oolong tea'] } },
  },
  {
    kind: 'revenue of <product> followed by a "by" period',
    statement: 'Double the revenue of our gift sets by December',
    want: { scope: { products: ['gift sets'] } },
  },
  {
    kind: 'N units of <product> on <channel>: "of" after an amount',
    statement: 'Reach 1,000 units of the X1 massager on momo by March',
    want: { scope: { products: ['X1 massager'], channels: ['momo'] } },
  },
  {
    kind: 'N bottles of <product>: the container word is not the product',
    statement: 'Sell 5,000 bottles of cold brew through 7-Eleven in Q3',
    want: {
      scope: { products: ['cold brew'], channels: ['7-Eleven'] },
      notInScope: ['bottles of cold brew'],
    },
  },
  {
    kind: 'revenue from <product>: not a group of people, a product',
    statement: 'Increase revenue from new products by 30% in H2',
    want: { scope: { products: ['new products'] } },
  },
];

const CHANNELS_AND_STORES: Row[] = [
  {
    kind: 'sell N units on <channel>: "on" is not the product',
    statement: 'Sell 2,000 units on Instagram in Q3',
    want: { scope: { channels: ['Instagram'] }, notInScope: ['on'] },
  },
  {
    kind: '7-Eleven: a number joined to a name is no target',
    statement: 'Sell 5,000 bottles of cold brew through 7-Eleven in Q3',
    want: { targets: [{ metric: 'units', kind: 'absolute', value: 5000 }], notValues: [7] },
  },
  {
    kind: 'at our <name> store: a store named by a word that is no known region',
    statement: 'Increase revenue 15% at our Xinyi store in Q2',
    want: { period: Q2, scope: { channels: ['Xinyi store'] } },
  },
  {
    kind: 'at the <place> kiosk: a channel, not a product sold',
    statement: 'Sell 3,000 cups at the airport kiosk in Q1',
    want: { period: Q1, scope: { channels: ['airport kiosk'] }, notInScope: ['at the airport kiosk'] },
  },
  {
    kind: 'for our <region> branch: a branch is a channel',
    statement: 'Increase sales for our Kaohsiung branch by 10% in Q3',
    want: { scope: { regions: ['Kaohsiung'], channels: ['branch'] } },
  },
];

const SEGMENTS: Row[] = [
  {
    kind: 'for <dine-in customers>: a hyphenated word before the head noun, then a period',
    statement: 'Raise AOV by 10% for dine-in customers in Q2',
    want: { metric: 'aov', period: Q2, scope: { segments: ['dine-in customers'] } },
  },
];

const NOT_SCOPE: Row[] = [
  {
    kind: 'for the year: this year, and no product',
    statement: 'Increase revenue in Hsinchu by 12% for the year',
    want: { period: YEAR, scope: { regions: ['Hsinchu'] } },
  },
  {
    kind: 'for the year alone',
    statement: 'Grow sales 10% for the year',
    want: { period: YEAR, notInScope: ['the year', 'year'] },
  },
  {
    kind: 'for the whole year',
    statement: 'Improve NPS to 50 for the whole year',
    want: { metric: 'nps', period: YEAR },
  },
  {
    kind: 'for the quarter: this quarter',
    statement: 'Hit 2M revenue for the quarter',
    want: { period: Q1, notInScope: ['quarter', 'the quarter'] },
  },
  {
    kind: 'for 6 months: from today, six months; not a product',
    statement: 'Increase sales by 20% for 6 months',
    want: { period: { start: '2026-01-15', end: '2026-07-14' }, notInScope: ['6 months'] },
  },
  {
    kind: 'for each rep: a target per salesperson, not a product',
    statement: 'Target 300k revenue for each rep per month in Q2',
    want: {
      metric: 'revenue_per_rep',
      targets: [{ metric: 'revenue_per_rep', kind: 'absolute', value: 300_000, per: 'month' }],
      notInScope: ['each rep'],
    },
  },
  {
    kind: 'a summer promotion: a season word before a noun is the means, not the period',
    statement: 'Increase revenue for cold brew by 20% in Q3 by launching a summer promotion',
    want: { period: Q3 },
  },
  {
    kind: 'for two consecutive quarters: a duration, not a product',
    statement: 'For bubble tea, grow revenue 20% for two consecutive quarters',
    want: { scope: { products: ['bubble tea'] }, notInScope: ['two consecutive quarters'] },
  },
  {
    kind: 'for the holiday season: a time, not a product',
    statement: 'Grow revenue 20% for the holiday season for our gift boxes',
    want: { scope: { products: ['gift boxes'] }, notInScope: ['holiday season'] },
  },
  {
    kind: 'for both <region> and <region>: "both" is no product',
    statement: 'Increase revenue 25% for both Taipei and Taichung in H2 for pineapple cakes',
    want: { scope: { products: ['pineapple cakes'], regions: ['Taipei', 'Taichung'] }, notInScope: ['both'] },
  },
  {
    kind: 'for the period of <months>: the period, not a product',
    statement: 'Reach 1M revenue for the period of April to June for cold brew',
    want: { period: Q2, scope: { products: ['cold brew'] }, notInScope: ['period of', 'period'] },
  },
  {
    kind: 'for each store: each one of a group is no product',
    statement: 'Increase revenue 15% for each store in Q3 for hotpot sets',
    want: { period: Q3, scope: { products: ['hotpot sets'] }, notInScope: ['each store'] },
  },
];

/**
 * A holiday that qualifies a noun ("Father's Day gifts", 「中秋禮盒」) is what is sold when the statement
 * names its period in other words; a holiday alone as the time is still the period.
 */
const HOLIDAY_PRODUCTS: Row[] = [
  {
    kind: 'holiday + gifts after an explicit quarter: the quarter is the period, the gifts the product',
    statement: "Increase revenue 20% in Q3 for Father's Day gifts",
    want: {
      targets: [{ metric: 'revenue', kind: 'percent_change', value: 20 }],
      period: Q3,
      scope: { products: ["Father's Day gifts"] },
    },
  },
  {
    kind: 'holiday + menu after a leading quarter (English)',
    statement: 'Q4 Christmas menu revenue up 15%',
    want: { period: Q4, scope: { products: ['Christmas menu'] } },
  },
  {
    kind: '第三季 + 中秋禮盒 (zh-TW): the quarter is the period, 中秋禮盒 the product',
    statement: '第三季中秋禮盒營收成長兩成',
    want: {
      targets: [{ metric: 'revenue', kind: 'percent_change', value: 20 }],
      period: Q3,
      scope: { products: ['中秋禮盒'] },
    },
  },
  {
    kind: "明年上半年 + 母親節花束 (zh-TW): next year's first half, the bouquets as written",
    statement: '明年上半年母親節花束銷量達到5000束',
    want: {
      targets: [{ metric: 'units', kind: 'absolute', value: 5000 }],
      period: { start: '2027-01-01', end: '2027-06-30' },
      scope: { products: ['母親節花束'] },
    },
  },
  {
    kind: '第三季 + 父親節禮品 (zh-TW)',
    statement: '第三季父親節禮品營收成長兩成',
    want: { period: Q3, scope: { products: ['父親節禮品'] } },
  },
  {
    kind: 'guard: 中秋節前兩週 is the time, not a product',
    statement: '中秋節前兩週營收達到200萬',
    want: {
      targets: [{ metric: 'revenue', kind: 'absolute', value: 2_000_000 }],
      period: { start: '2026-09-11', end: '2026-09-24' },
      notInScope: ['中秋節', '中秋'],
    },
  },
  {
    kind: 'guard: during Chinese New Year is the time, not a product',
    statement: 'Double revenue during Chinese New Year',
    want: {
      targets: [{ metric: 'revenue', kind: 'percent_change', value: 100 }],
      period: { start: '2026-02-17', end: '2026-02-21' },
      notInScope: ['Chinese New Year'],
    },
  },
  {
    kind: 'guard: 母親節檔期 with no other period is still the period',
    statement: '母親節檔期禮盒營收成長兩成',
    want: { period: { start: '2026-04-13', end: '2026-05-10' } },
  },
];

describe('English scope phrases: for <product>', () => {
  for (const row of FOR_PRODUCT) it(row.kind, () => check(row));
});
describe('English scope phrases: of / from <product>', () => {
  for (const row of OF_PRODUCT) it(row.kind, () => check(row));
});
describe('English scope phrases: on / through / at <channel or store>', () => {
  for (const row of CHANNELS_AND_STORES) it(row.kind, () => check(row));
});
describe('English scope phrases: for <segment>', () => {
  for (const row of SEGMENTS) it(row.kind, () => check(row));
});
describe('English prepositional phrases that name no scope', () => {
  for (const row of NOT_SCOPE) it(row.kind, () => check(row));
});
describe('holiday words: a product with an explicit period, the period alone', () => {
  for (const row of HOLIDAY_PRODUCTS) it(row.kind, () => check(row));
});
