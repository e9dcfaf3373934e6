import type { FoundationTables } from './foundation.ts';
import type { GoalTables } from './goals.ts';
import type { ImportTables } from './imports.ts';
import type { KpiTables } from './kpi.ts';
import type { PlanTables } from './plans.ts';
import type { SalesTables } from './sales.ts';

/** The whole database, as Kysely sees it: one interface per area, joined here. */
export interface Database
  extends FoundationTables,
    SalesTables,
    ImportTables,
    KpiTables,
    GoalTables,
    PlanTables {}
