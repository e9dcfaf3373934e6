/** The demo company's dimensions and sales lines; entries reference each other by stable keys (name or code). */

export type DemoChannelKind = 'store' | 'online' | 'delivery';
export type DemoTemperature = 'hot' | 'iced' | 'none';
export type DemoFestival = 'lunar-new-year' | 'mid-autumn';

/** When a product is on sale. Date ranges are 'MM-DD' and may wrap over New Year. */
export type DemoAvailability =
  | { readonly kind: 'always' }
  | { readonly kind: 'date-range'; readonly from: string; readonly to: string }
  | {
      readonly kind: 'festival';
      readonly festival: DemoFestival;
      readonly daysBefore: number;
      readonly daysAfter: number;
    };

export interface DemoCategory {
  readonly name: string;
}

export interface DemoProduct {
  readonly name: string;
  readonly category: string;
  readonly sku: string;
  readonly listPriceMinor: number;
  /** Hot or iced drink, or neither (food, beans, gift boxes). */
  readonly temperature: DemoTemperature;
  readonly availability: DemoAvailability;
  /** Channels that sell it. */
  readonly channels: readonly DemoChannelKind[];
  /** Relative popularity within the generator's product mix. */
  readonly popularity: number;
}

export interface DemoChannel {
  readonly name: string;
  readonly kind: DemoChannelKind;
}

export interface DemoRegion {
  readonly name: string;
}

export interface DemoSalesRep {
  readonly name: string;
  readonly role: string;
  /** 'YYYY-MM-DD', first working day. */
  readonly activeFrom: string;
  /** 'YYYY-MM-DD', last working day; null while still employed. */
  readonly activeTo: string | null;
}

export type DemoCustomerType = 'member' | 'business';
export type DemoAgeBand = '18-24' | '25-34' | '35-44' | '45-54' | '55+';
export type DemoMemberTier = '一般' | '銀卡' | '金卡';

export interface DemoCustomer {
  readonly code: string;
  readonly name: string;
  readonly customerType: DemoCustomerType;
  readonly ageBand: DemoAgeBand | null;
  readonly memberTier: DemoMemberTier | null;
  readonly region: string;
  /** 'YYYY-MM-DD': joined, and made a first purchase that day. */
  readonly firstSeenOn: string;
}

export interface DemoCatalog {
  readonly seed: number;
  /** The history the catalog was built for ('YYYY-MM-DD', inclusive); growth is measured from `start`. */
  readonly period: { readonly start: string; readonly end: string };
  readonly currency: 'TWD';
  /** The store's own region (門市 lines carry it). */
  readonly storeRegion: string;
  readonly categories: readonly DemoCategory[];
  readonly products: readonly DemoProduct[];
  readonly channels: readonly DemoChannel[];
  readonly regions: readonly DemoRegion[];
  readonly salesReps: readonly DemoSalesRep[];
  /** Members first (codes M00001..., in first-seen order), then business customers (B0001...). */
  readonly customers: readonly DemoCustomer[];
}

/** One sales line, shaped like the sales_lines table with dimension keys instead of ids. */
export interface DemoSalesLine {
  readonly orderId: string;
  readonly lineNo: number;
  /** 'YYYY-MM-DDTHH:mm', local time. */
  readonly soldAt: string;
  readonly saleDate: string;
  readonly product: string;
  /** Customer code; null for a walk-in. */
  readonly customer: string | null;
  readonly channel: string;
  readonly rep: string | null;
  readonly region: string | null;
  readonly quantity: number;
  readonly unitPriceMinor: number;
  readonly discountMinor: number;
  /** quantity × unitPriceMinor − discountMinor. */
  readonly amountMinor: number;
  readonly currency: 'TWD';
  readonly campaignCode: string | null;
}

export interface DemoSalesOptions {
  readonly seed: number;
  /** First day, 'YYYY-MM-DD' (inclusive). */
  readonly start: string;
  /** Last day, 'YYYY-MM-DD' (inclusive). */
  readonly end: string;
  /** Multiplier of daily order volume; 1 ≈ 150–250 lines a day. Default 1. */
  readonly scale?: number;
}
