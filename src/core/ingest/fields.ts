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
] as const;

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

/** Fields a line cannot do without (sales also needs an amount, or quantity and unit price). */
export const REQUIRED_FIELDS: { readonly [K in ImportKind]: readonly FieldOf<K>[] } = {
  sales: ['date', 'product'],
  marketing: ['date', 'channel'],
  satisfaction: ['date'],
};
