import { addSerialId, type PacerMigration } from './helpers.ts';

/**
 * SMART goals: one row per goal (the structured goal as JSON in `spec`, with the columns lists filter
 * on), and one row per version (who, when, why, and what changed from → to). `version` guards
 * concurrent edits (a stale version writes nothing).
 */
export const goals: PacerMigration = {
  async up(db, ctx) {
    await db.schema
      .createTable('goals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('spec', 'text', (c) => c.notNull())
      .addColumn('owner_user_id', 'text')
      .addColumn('objective_id', 'text')
      .addColumn('score', 'integer')
      .addColumn('grades', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
    await db.schema.createIndex('goals_company_idx').on('goals').columns(['company_id', 'status']).execute();

    await addSerialId(db.schema.createTable('goal_versions'), ctx)
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by_user_id', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('changes', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('goal_versions_goal_idx')
      .on('goal_versions')
      .columns(['goal_id', 'version'])
      .unique()
      .execute();
  },
};
