import { sql } from 'kysely';
import {
  coverCustomerCells,
  createCustomerCells,
  fillCustomerCells,
  type PacerMigration,
} from './helpers.ts';

/**
 * The customer cells per day (src/db/kpi/customer-activity.ts): kpi_customer_daily holds the cells
 * of kpi_customer_monthly (2026120308) per day: per day × customer (NULL: walk-ins) × channel × rep ×
 * region, the sums of the lines there and the count of the simple orders there. No unique key:
 * several rows of a cell sum. The days that whole months and weeks leave (a range's partial first
 * and last week) were read from the lines: at 10M lines, the distinct orders of a year by member
 * tier by week counted 86,000 lines of its eight edge days (120–180 ms on PostgreSQL); their 10,000
 * day cells are summed in 4 ms. Filled here from the lines already stored, after kpi_complex_orders.
 */
export const customerDays: PacerMigration = {
  async up(db, ctx) {
    await createCustomerCells(db, ctx, 'kpi_customer_daily', 'sale_date');
    // Covering, as the monthly and weekly cells' (2026120604): every read of them from the index alone.
    await coverCustomerCells(db, 'kpi_customer_daily', 'sale_date');
    await fillCustomerCells(db, ctx, 'kpi_customer_daily', 'sale_date', sql`s.sale_date`);
  },
};
