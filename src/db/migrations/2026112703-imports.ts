import { addSerialId, bigint, type PacerMigration } from './helpers.ts';

/**
 * Imports (each all-or-nothing and undoable as a whole), their rejected lines, reusable header
 * mappings, marketing spend and funnel counts per channel and day, customer-satisfaction responses,
 * and market size per period (for market share).
 */
export const imports: PacerMigration = {
  async up(db, ctx) {
    await db.schema
      .createTable('imports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('file_sha256', 'text', (c) => c.notNull())
      .addColumn('file_bytes', bigint(ctx), (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('lines_read', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('added', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('duplicates', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('mapping', 'text', (c) => c.notNull())
      .addColumn('first_date', 'text')
      .addColumn('last_date', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('undone_at', 'text')
      .addColumn('undone_by', 'text')
      .execute();
    await db.schema
      .createIndex('imports_company_idx')
      .on('imports')
      .columns(['company_id', 'created_at'])
      .execute();

    await addSerialId(db.schema.createTable('import_errors'), ctx)
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('column_name', 'text')
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('value', 'text')
      .execute();
    await db.schema
      .createIndex('import_errors_import_idx')
      .on('import_errors')
      .columns(['import_id', 'line'])
      .execute();

    await addSerialId(db.schema.createTable('mapping_presets'), ctx)
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('mapping', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('mapping_presets_uq', ['company_id', 'kind', 'name'])
      .execute();

    // No index on sales_lines.import_id: it would cost every imported line a 36-byte index entry;
    // undo finds an import's lines through (company_id, sale_date) within the import's date range.

    await addSerialId(db.schema.createTable('marketing_daily'), ctx)
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'integer', (c) => c.notNull().references('channels.id'))
      .addColumn('campaign', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('impressions', bigint(ctx), (c) => c.notNull().defaultTo(0))
      .addColumn('visits', bigint(ctx), (c) => c.notNull().defaultTo(0))
      .addColumn('leads', bigint(ctx), (c) => c.notNull().defaultTo(0))
      .addColumn('opportunities', bigint(ctx), (c) => c.notNull().defaultTo(0))
      .addColumn('spend_minor', bigint(ctx), (c) => c.notNull().defaultTo(0))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('import_id', 'text')
      .addUniqueConstraint('marketing_daily_uq', ['company_id', 'day', 'channel_id', 'campaign'])
      .execute();
    await db.schema
      .createIndex('marketing_daily_import_idx')
      .on('marketing_daily')
      .column('import_id')
      .execute();

    await addSerialId(db.schema.createTable('satisfaction_responses'), ctx)
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('response_key', 'text', (c) => c.notNull())
      .addColumn('responded_on', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
      .addColumn('channel_id', 'integer', (c) => c.references('channels.id'))
      .addColumn('csat', 'integer')
      .addColumn('nps', 'integer')
      .addColumn('comment', 'text')
      .addColumn('import_id', 'text')
      .addUniqueConstraint('satisfaction_responses_uq', ['company_id', 'response_key'])
      .execute();
    await db.schema
      .createIndex('satisfaction_company_date_idx')
      .on('satisfaction_responses')
      .columns(['company_id', 'responded_on'])
      .execute();

    await addSerialId(db.schema.createTable('market_size_periods'), ctx)
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('amount_minor', bigint(ctx), (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .createIndex('market_size_periods_company_idx')
      .on('market_size_periods')
      .columns(['company_id', 'period_start'])
      .execute();
  },
};
