import type { ImportKind } from './records.ts';

export const SALES_FIELDS = [
  'orderId',
  'lineNo',
  'date',
  'time',
  'product',
  'category',
  'customer',
  'customerName',
  'customerType',
  'ageBand',
  'memberTier',
  'customerRegion',
  'channel',
  'rep',
  'region',
  'quantity',
  'unitPrice',
  'discount',
  'amount',
  'campaignCode',
  'status',
  'cancelledAt',
  'paidAmount',
  'refund',
  'orderDiscount',
  'returnStatus',
  'returnedQuantity',
  'currency',
] as const;

/**
 * Sales fields that describe the whole order, not a line: an export such as Shopify's fills them on
 * the order's first line only. They are never a line's amount: the status, cancellation and paid
 * amount decide whether the order is a sale; the refund and the order discount are spread over the
 * order's lines; the currency is checked against the company's.
 */
export const ORDER_LEVEL_FIELDS = ['status', 'cancelledAt', 'paidAmount', 'refund', 'orderDiscount'] as const;

/**
 * Sales fields that say what came back of a line (a marketplace's 退貨 / 退款狀態 and 退貨數量, per
 * item): a return that is done leaves the line out, or, with a returned quantity, takes those units
 * and their share of the amount off it; a request still open or refused leaves the line a sale.
 */
export const LINE_RETURN_FIELDS = ['returnStatus', 'returnedQuantity'] as const;

export const MARKETING_FIELDS = [
  'date',
  'channel',
  'campaign',
  'impressions',
  'visits',
  'leads',
  'opportunities',
  'spend',
] as const;

export const SATISFACTION_FIELDS = [
  'responseId',
  'date',
  'customer',
  'channel',
  'csat',
  'nps',
  'comment',
] as const;

export type SalesField = (typeof SALES_FIELDS)[number];
export type MarketingField = (typeof MARKETING_FIELDS)[number];
export type SatisfactionField = (typeof SATISFACTION_FIELDS)[number];

export interface FieldsByKind {
  sales: SalesField;
  marketing: MarketingField;
  satisfaction: SatisfactionField;
}

export type FieldOf<K extends ImportKind> = FieldsByKind[K];

/** Column index of each target field in the file, or null when the file has no such column. */
export type ColumnMapping<F extends string> = Readonly<Record<F, number | null>>;
export type SalesMapping = ColumnMapping<SalesField>;
export type MarketingMapping = ColumnMapping<MarketingField>;
export type SatisfactionMapping = ColumnMapping<SatisfactionField>;

export const FIELDS_BY_KIND: { readonly [K in ImportKind]: readonly FieldOf<K>[] } = {
  sales: SALES_FIELDS,
  marketing: MARKETING_FIELDS,
  satisfaction: SATISFACTION_FIELDS,
};

/**
 * Fields a line cannot do without (sales also needs an amount, or quantity and unit price). A sales
 * file without a product column imports as orders without products; a marketing file without a
 * channel column takes one channel for the whole file (the import's `channel` option).
 */
export const REQUIRED_FIELDS: { readonly [K in ImportKind]: readonly FieldOf<K>[] } = {
  sales: ['date'],
  marketing: ['date'],
  satisfaction: ['date'],
};
