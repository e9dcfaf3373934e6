export { buildDemoCatalog, type DemoCatalogOptions } from './build-demo-catalog.ts';
export {
  computeDemoHistoryPeriod,
  DEMO_COMPANY_NAME,
  DEMO_COMPANY_PROFILE,
  DEMO_GOAL_STATEMENT,
  DEMO_SEED,
} from './demo-company.ts';
export { buildDemoMarketAnalysis, type DemoMarketAnalysis } from './demo-market-analysis.ts';
export { LUNAR_NEW_YEAR_DATES, MID_AUTUMN_DATES } from './festival-dates.ts';
export { generateDemoSales } from './generate-demo-sales.ts';
export { isProductAvailableOn } from './is-product-available-on.ts';
export { listTyphoonDates } from './list-typhoon-dates.ts';
export type * from './types.ts';
