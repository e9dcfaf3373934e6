import { bigint, type PacerMigration } from './helpers.ts';

/** Each company's data version (src/db/kpi/data-version.ts), the key of the KPI result cache. */
export const dataVersions: PacerMigration = {
  async up(db, ctx) {
    await db.schema
      .createTable('data_versions')
      .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id').onDelete('cascade'))
      .addColumn('version', bigint(ctx), (c) => c.notNull())
      .execute();
  },
};
