import { foundation } from './2026112701-foundation.ts';
import { salesData } from './2026112702-sales-data.ts';
import { imports } from './2026112703-imports.ts';
import { kpiRollups } from './2026112704-kpi-rollups.ts';
import { goals } from './2026112705-goals.ts';
import { leanFacts } from './2026112706-lean-facts.ts';
import { orderRollup } from './2026120301-order-rollup.ts';
import { dataVersions } from './2026120302-data-versions.ts';
import { planNodes } from './2026120305-plan-nodes.ts';
import { importAccounts } from './2026120306-import-accounts.ts';
import { customerActivity } from './2026120308-customer-activity.ts';
import { blankOrderIds } from './2026120309-blank-order-ids.ts';
import { customerProducts } from './2026120310-customer-products.ts';
import { repeatProductOrders } from './2026120311-repeat-product-orders.ts';
import { customerWeeks } from './2026120401-customer-weeks.ts';
import { customerProductWeeks } from './2026120402-customer-product-weeks.ts';
import { salesWeeks } from './2026120403-sales-weeks.ts';
import { lineQuantityDouble } from './2026120601-line-quantity-double.ts';
import { productCustomerLists } from './2026120602-product-customer-lists.ts';
import { salesPeriodCovering } from './2026120603-sales-period-covering.ts';
import { customerCellsCovering } from './2026120604-customer-cells-covering.ts';
import { customerDays } from './2026120701-customer-days.ts';
import { returnOnlyOrders } from './2026120801-return-only-orders.ts';
import type { PacerMigration } from './helpers.ts';

/**
 * Every migration, in order. Forward-only: never edit or remove an entry that has shipped; add a new
 * one with a later timestamp. The migrator refuses to start when the database's recorded history
 * holds a migration this list does not know, or when they are out of order.
 */
export const migrations: Readonly<Record<string, PacerMigration>> = {
  '2026112701-foundation': foundation,
  '2026112702-sales-data': salesData,
  '2026112703-imports': imports,
  '2026112704-kpi-rollups': kpiRollups,
  '2026112705-goals': goals,
  '2026112706-lean-facts': leanFacts,
  '2026120301-order-rollup': orderRollup,
  '2026120302-data-versions': dataVersions,
  '2026120305-plan-nodes': planNodes,
  '2026120306-import-accounts': importAccounts,
  '2026120308-customer-activity': customerActivity,
  '2026120309-blank-order-ids': blankOrderIds,
  '2026120310-customer-products': customerProducts,
  '2026120311-repeat-product-orders': repeatProductOrders,
  '2026120401-customer-weeks': customerWeeks,
  '2026120402-customer-product-weeks': customerProductWeeks,
  '2026120403-sales-weeks': salesWeeks,
  '2026120601-line-quantity-double': lineQuantityDouble,
  '2026120602-product-customer-lists': productCustomerLists,
  '2026120603-sales-period-covering': salesPeriodCovering,
  '2026120604-customer-cells-covering': customerCellsCovering,
  '2026120701-customer-days': customerDays,
  '2026120801-return-only-orders': returnOnlyOrders,
};
