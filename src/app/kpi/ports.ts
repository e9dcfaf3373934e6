import type { DateRange } from '../../core/calendar/periods.ts';
import type {
  ChannelFirstSale,
  CountFact,
  MarketingFact,
  MarketSizeRow,
  OrderFact,
  RetentionFact,
  SalesFact,
  SatisfactionFact,
} from '../../core/kpi/facts.ts';
import type { Dimension, KpiFilters } from '../../core/kpi/types.ts';

/** Whose figures, filtered how, broken down by what. Filters and keys are dimension members' names. */
export interface KpiScope {
  companyId: string;
  by: Dimension | null;
  where: KpiFilters;
}

/**
 * What the KPI use cases need from the database: aggregates per bucket (an index into `buckets`,
 * sorted, non-overlapping inclusive date ranges) and breakdown member. db/kpi implements it from the
 * roll-ups where they suffice and from raw lines where exactness needs them.
 */
/**
 * The figures of OrderFact to compute: `orders`; `customers` (with their revenue); `repeaters`
 * (repeatCustomers, with customers); `customerOrders`. Missing: not computed (left 0).
 */
export interface OrderNeeds {
  orders?: boolean;
  customers?: boolean;
  repeaters?: boolean;
  customerOrders?: boolean;
}

export interface KpiRepository {
  salesFacts(
    scope: KpiScope,
    buckets: readonly DateRange[],
    opts?: { perChannel?: boolean },
  ): Promise<SalesFact[]>;
  /** Exact distinct counts; `need` names the figures to compute (default: all). */
  orderFacts(scope: KpiScope, buckets: readonly DateRange[], need?: OrderNeeds): Promise<OrderFact[]>;
  newCustomerFacts(scope: KpiScope, buckets: readonly DateRange[]): Promise<CountFact[]>;
  repFacts(scope: KpiScope, buckets: readonly DateRange[]): Promise<CountFact[]>;
  /** `previous[i]` is the cohort period of `buckets[i]`. */
  retentionFacts(
    scope: KpiScope,
    buckets: readonly DateRange[],
    previous: readonly DateRange[],
  ): Promise<RetentionFact[]>;
  /**
   * retentionFacts together with the buckets' customers and their revenue (orderFacts' `customers`
   * and `customerRevenueMinor`, its other figures 0): what CLV reads, from one reading where the
   * customer cells serve the scope; null where they do not (then orderFacts and retentionFacts).
   */
  retentionWithCustomers(
    scope: KpiScope,
    buckets: readonly DateRange[],
    previous: readonly DateRange[],
  ): Promise<{ retention: RetentionFact[]; customers: OrderFact[] } | null>;
  marketingFacts(scope: KpiScope, buckets: readonly DateRange[]): Promise<MarketingFact[]>;
  satisfactionFacts(scope: KpiScope, buckets: readonly DateRange[]): Promise<SatisfactionFact[]>;
  /** The market's size by period (the market analysis's yearly SAM, else TAM) in the company's currency. */
  marketSizes(companyId: string, range: DateRange): Promise<MarketSizeRow[]>;
  channelFirstSales(companyId: string): Promise<ChannelFirstSale[]>;
  /** The names of a dimension's members (products, categories, ...; segment values), sorted. */
  dimensionMembers(companyId: string, dimension: Dimension): Promise<string[]>;
  /**
   * The company's data version: changes with every import, undo, catalog rename or merge (the key of
   * the KPI result cache, see kpi-cache.ts).
   */
  dataVersion(companyId: string): Promise<number>;
  /** The first and last sale dates of the company's data (null when it has no sales). */
  salesDateRange(companyId: string): Promise<{ first: string | null; last: string | null }>;
}
