import type { PacerMigration } from './helpers.ts';

/**
 * Goal trees (phase goals): one row per goal that takes part in a plan — its parent, its place among
 * its siblings, whether it is locked, the child period and dimension member it stands for, how its
 * own children were split (JSON), and the company-stage plan it belongs to. The goal itself (target,
 * period, scope, owner, grades, history) stays in `goals`; a split replaces a node's children by
 * archiving the old ones.
 */
export const planNodes: PacerMigration = {
  async up(db) {
    await db.schema
      .createTable('plan_nodes')
      .addColumn('goal_id', 'text', (c) => c.primaryKey().references('goals.id').onDelete('cascade'))
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('parent_goal_id', 'text', (c) => c.references('goals.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('period_id', 'text')
      .addColumn('dimension', 'text')
      .addColumn('member', 'text')
      .addColumn('split', 'text')
      .addColumn('stage', 'text')
      .addColumn('phase', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('plan_nodes_parent_idx')
      .on('plan_nodes')
      .columns(['company_id', 'parent_goal_id'])
      .execute();
  },
};
