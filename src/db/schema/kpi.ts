/** KPI roll-ups (see migrations/2026112704-kpi-rollups.ts); rewritten by date range from sales_lines. */

interface RollupMeasures {
  amount_minor: number;
  quantity: number;
  line_count: number;
  /** Amount of lines that carry a campaign code. */
  campaign_amount_minor: number;
}

export interface KpiSalesDailyTable extends RollupMeasures {
  tenant_id: number;
  sale_date: string;
  product_id: number;
  channel_id: number | null;
  rep_id: number | null;
  region_id: number | null;
}

export interface KpiSalesMonthlyTable extends RollupMeasures {
  tenant_id: number;
  /** 'YYYY-MM-01' */
  month_start: string;
  product_id: number;
  channel_id: number | null;
  rep_id: number | null;
  region_id: number | null;
}

/** The same rows per ISO week (week_start: its Monday, 'YYYY-MM-DD'). */
export interface KpiSalesWeeklyTable extends Omit<KpiSalesMonthlyTable, 'month_start'> {
  week_start: string;
}

export interface KpiCustomerFirstTable {
  tenant_id: number;
  customer_id: number;
  first_date: string;
}

/**
 * Distinct orders per day × channel × rep × region, additive (see src/db/kpi/order-rollup.ts):
 * every order not in kpi_complex_orders counts once, in the one cell all its lines share.
 */
export interface KpiOrdersDailyTable {
  tenant_id: number;
  sale_date: string;
  channel_id: number | null;
  rep_id: number | null;
  region_id: number | null;
  order_count: number;
  /** Orders with a customer. */
  customer_order_count: number;
}

/** Orders whose lines span several days or members: counted from their lines. */
export interface KpiComplexOrdersTable {
  tenant_id: number;
  order_id: string;
}

/**
 * Sums and simple-order counts per month × customer (null: walk-ins) × channel × rep × region, additive
 * (see src/db/kpi/customer-activity.ts): a row exists for a cell exactly when lines do.
 */
export interface KpiCustomerMonthlyTable extends RollupMeasures {
  tenant_id: number;
  /** 'YYYY-MM-01' */
  month_start: string;
  customer_id: number | null;
  channel_id: number | null;
  rep_id: number | null;
  region_id: number | null;
  /** Orders not in kpi_complex_orders (each lies in one cell). */
  order_count: number;
}

/**
 * The same cells per ISO week (week_start: its Monday, 'YYYY-MM-DD'), for the customer KPIs of week
 * buckets (src/db/kpi/customer-activity.ts): weeks do not nest in months.
 */
export interface KpiCustomerWeeklyTable extends Omit<KpiCustomerMonthlyTable, 'month_start'> {
  /** The Monday of the ISO week, 'YYYY-MM-DD' */
  week_start: string;
}

/** The same cells per day (kpi_customer_daily). */
export interface KpiCustomerDailyTable extends Omit<KpiCustomerMonthlyTable, 'month_start'> {
  /** 'YYYY-MM-DD' */
  sale_date: string;
}

/**
 * Revenue and lines per month × identified customer × product, additive (see src/db/kpi/customer-activity.ts):
 * a row exists for a cell exactly when lines do.
 */
export interface KpiCustomerProductMonthlyTable {
  tenant_id: number;
  /** 'YYYY-MM-01' */
  month_start: string;
  product_id: number;
  customer_id: number;
  amount_minor: number;
  line_count: number;
}

/** The same cells per ISO week (week_start: its Monday, 'YYYY-MM-DD'). */
export interface KpiCustomerProductWeeklyTable extends Omit<KpiCustomerProductMonthlyTable, 'month_start'> {
  week_start: string;
}

/**
 * A month's customers of a product as one comma list of their ids ('12,7,40'), each one's lines in
 * the month in the same order ('1,3,1'), and their revenue (src/db/kpi/customer-activity.ts): kpi_customer_product_monthly's cells of a month × product in one
 * row. A month × product may hold several rows (a customer may then be listed in more than one).
 */
export interface KpiProductCustomersMonthlyTable {
  tenant_id: number;
  /** 'YYYY-MM-01' */
  month_start: string;
  product_id: number;
  customer_ids: string;
  line_counts: string;
  amount_minor: number;
}

/** The same lists per ISO week (week_start: its Monday, 'YYYY-MM-DD'). */
export interface KpiProductCustomersWeeklyTable extends Omit<KpiProductCustomersMonthlyTable, 'month_start'> {
  week_start: string;
}

/** Orders with two or more lines of one product (src/db/kpi/product-orders.ts); may list more. */
export interface KpiRepeatProductOrdersTable {
  tenant_id: number;
  order_id: string;
}

/** Each company's data version (src/db/kpi/data-version.ts). */
export interface DataVersionsTable {
  company_id: string;
  version: number;
}

export interface KpiTables {
  data_versions: DataVersionsTable;
  kpi_orders_daily: KpiOrdersDailyTable;
  kpi_complex_orders: KpiComplexOrdersTable;
  kpi_sales_daily: KpiSalesDailyTable;
  kpi_sales_monthly: KpiSalesMonthlyTable;
  kpi_sales_weekly: KpiSalesWeeklyTable;
  kpi_customer_first: KpiCustomerFirstTable;
  kpi_customer_monthly: KpiCustomerMonthlyTable;
  kpi_customer_weekly: KpiCustomerWeeklyTable;
  kpi_customer_daily: KpiCustomerDailyTable;
  kpi_customer_product_monthly: KpiCustomerProductMonthlyTable;
  kpi_customer_product_weekly: KpiCustomerProductWeeklyTable;
  kpi_product_customers_monthly: KpiProductCustomersMonthlyTable;
  kpi_product_customers_weekly: KpiProductCustomersWeeklyTable;
  kpi_repeat_product_orders: KpiRepeatProductOrdersTable;
}
