import { toDayNumber } from '../calendar/index.ts';
import { buildDemoCustomers, DEMO_MEMBER_COUNT } from './build-demo-customers.ts';
import { buildDemoReps } from './build-demo-reps.ts';
import { DEMO_CATEGORIES, DEMO_CHANNELS, DEMO_REGION_SHARES, DEMO_STORE_REGION } from './demo-dimensions.ts';
import { DEMO_PRODUCTS } from './demo-products.ts';
import { deriveSeed } from './seeded-random.ts';
import type { DemoCatalog } from './types.ts';

export interface DemoCatalogOptions {
  /** First day of the history, 'YYYY-MM-DD'. */
  readonly start: string;
  /** Last day of the history, 'YYYY-MM-DD'. */
  readonly end: string;
  /** Members to create (default 2,940, plus 60 business customers); benchmarks at large scale may want more. */
  readonly members?: number;
}

/** The demo coffee shop's dimensions for a history period; same seed and period, same catalog. */
export function buildDemoCatalog(seed: number, period: DemoCatalogOptions): DemoCatalog {
  const startDay = toDayNumber(period.start);
  const endDay = toDayNumber(period.end);
  if (endDay < startDay) throw new Error(`period ends (${period.end}) before it starts (${period.start})`);
  const members = period.members ?? DEMO_MEMBER_COUNT;
  if (!Number.isInteger(members) || members < 0)
    throw new Error(`members must be a whole number, got ${members}`);
  return {
    seed,
    period: { start: period.start, end: period.end },
    currency: 'TWD',
    storeRegion: DEMO_STORE_REGION,
    categories: DEMO_CATEGORIES,
    products: DEMO_PRODUCTS,
    channels: DEMO_CHANNELS,
    regions: DEMO_REGION_SHARES.map((r) => r.region),
    salesReps: buildDemoReps(deriveSeed(seed, 1), startDay, endDay),
    customers: buildDemoCustomers(deriveSeed(seed, 2), startDay, endDay, members),
  };
}
