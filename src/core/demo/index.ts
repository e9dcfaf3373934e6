/**
 * The demo company 「示範咖啡店」: a deterministic, streaming generator of a Taipei coffee shop's catalog and
 * sales history. Pure: the caller passes the seed and the dates (`computeDemoHistoryPeriod(today)`).
 *
 * Model, per day (each day has its own random stream derived from the seed, so a day's lines are the same
 * whatever the range started with): expected orders per channel = base × growth (store ~10 %/yr, online
 * ~38 %/yr, delivery ~20 %/yr, each slowing) × weekday × month, with Lunar New Year closure, typhoon days
 * (store collapses, delivery rises) and lognormal noise; Poisson order counts; hours by channel and
 * weekday; product mix by daypart, month (iced vs hot) and season; gift boxes pulled by Lunar New Year,
 * Mid-Autumn and Christmas; members return with a loyalty and a lifetime (retention decays, churn);
 * businesses buy gift boxes in bulk before the festivals; campaigns (CNY2025, SUMMER24, MOON2024,
 * XMAS2024, MEMBERDAY) discount some lines.
 */
export { buildDemoCatalog, type DemoCatalogOptions } from './build-demo-catalog.ts';
export {
  computeDemoHistoryPeriod,
  DEMO_COMPANY_NAME,
  DEMO_COMPANY_PROFILE,
  DEMO_GOAL_STATEMENT,
  DEMO_SEED,
} from './demo-company.ts';
export { buildDemoMarketAnalysis, type DemoMarketAnalysis } from './demo-market-analysis.ts';
export {
  buildDemoMarketing,
  DemoActivityTally,
  type DemoMarketingRow,
  type DemoSatisfactionRow,
} from './demo-marketing.ts';
export { generateDemoSales } from './generate-demo-sales.ts';
export { isProductAvailableOn } from './is-product-available-on.ts';
export { listTyphoonDates } from './list-typhoon-dates.ts';
export type * from './types.ts';
