import type { Generated } from 'kysely';

interface DimensionRow {
  id: Generated<number>;
  company_id: string;
  name: string;
}

export interface ProductCategoriesTable extends DimensionRow {}
export interface ProductsTable extends DimensionRow {
  category_id: number | null;
  sku: string | null;
  list_price_minor: number | null;
}
export interface ChannelsTable extends DimensionRow {
  kind: Generated<string>;
}
export interface RegionsTable extends DimensionRow {}
export interface SalesRepsTable extends DimensionRow {
  user_id: string | null;
  active_from: string | null;
  active_to: string | null;
}

export interface CustomersTable {
  id: Generated<number>;
  company_id: string;
  code: string;
  name: string;
  customer_type: string | null;
  age_band: string | null;
  member_tier: string | null;
  region_id: number | null;
  first_seen_on: string | null;
}

/** Each company's small integer key, used by the big fact tables instead of the text company id. */
export interface TenantsTable {
  id: Generated<number>;
  company_id: string;
}

/**
 * One order line. Dates are the company's local calendar: sale_date 'YYYY-MM-DD', sold_at
 * 'YYYY-MM-DDTHH:mm'. Keyed by tenant (see TenantsTable); import_seq is the adding import's seq.
 */
export interface SalesLinesTable {
  id: Generated<number>;
  tenant_id: number;
  order_id: string;
  line_no: number;
  sold_at: string;
  sale_date: string;
  product_id: number;
  customer_id: number | null;
  channel_id: number | null;
  rep_id: number | null;
  region_id: number | null;
  quantity: number;
  unit_price_minor: number;
  discount_minor: number;
  amount_minor: number;
  currency: string;
  campaign_code: string | null;
  import_seq: number | null;
}

export interface SalesTables {
  product_categories: ProductCategoriesTable;
  products: ProductsTable;
  channels: ChannelsTable;
  regions: RegionsTable;
  sales_reps: SalesRepsTable;
  customers: CustomersTable;
  sales_lines: SalesLinesTable;
  tenants: TenantsTable;
}
