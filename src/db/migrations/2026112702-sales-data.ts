import { addSerialId, bigint, type PacerMigration } from './helpers.ts';

/**
 * Dimensions and sales lines. Dimension rows get integer ids (sales lines reference them millions of
 * times); names are unique per company so imports can find or create them.
 */
export const salesData: PacerMigration = {
  async up(db, ctx) {
    const dimension = async (
      table: string,
      extra?: (t: ReturnType<typeof db.schema.createTable>) => ReturnType<typeof db.schema.createTable>,
    ) => {
      let builder = addSerialId(db.schema.createTable(table), ctx)
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull());
      if (extra) builder = extra(builder);
      await builder.addUniqueConstraint(`${table}_company_name_uq`, ['company_id', 'name']).execute();
    };

    await dimension('product_categories');
    await dimension('products', (t) =>
      t
        .addColumn('category_id', 'integer', (c) => c.references('product_categories.id'))
        .addColumn('sku', 'text')
        .addColumn('list_price_minor', bigint(ctx)),
    );
    await dimension('channels', (t) => t.addColumn('kind', 'text', (c) => c.notNull().defaultTo('other')));
    await dimension('regions');
    await dimension('sales_reps', (t) =>
      t.addColumn('user_id', 'text').addColumn('active_from', 'text').addColumn('active_to', 'text'),
    );

    await addSerialId(db.schema.createTable('customers'), ctx)
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('customer_type', 'text')
      .addColumn('age_band', 'text')
      .addColumn('member_tier', 'text')
      .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
      .addColumn('first_seen_on', 'text')
      .addUniqueConstraint('customers_company_code_uq', ['company_id', 'code'])
      .execute();

    await addSerialId(db.schema.createTable('sales_lines'), ctx)
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('line_no', 'integer', (c) => c.notNull())
      .addColumn('sold_at', 'text', (c) => c.notNull())
      .addColumn('sale_date', 'text', (c) => c.notNull())
      .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
      .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
      .addColumn('channel_id', 'integer', (c) => c.references('channels.id'))
      .addColumn('rep_id', 'integer', (c) => c.references('sales_reps.id'))
      .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
      .addColumn('quantity', 'real', (c) => c.notNull())
      .addColumn('unit_price_minor', bigint(ctx), (c) => c.notNull())
      .addColumn('discount_minor', bigint(ctx), (c) => c.notNull())
      .addColumn('amount_minor', bigint(ctx), (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('campaign_code', 'text')
      .addColumn('import_id', 'text')
      .addUniqueConstraint('sales_lines_order_line_uq', ['company_id', 'order_id', 'line_no'])
      .execute();
    await db.schema
      .createIndex('sales_lines_company_date_idx')
      .on('sales_lines')
      .columns(['company_id', 'sale_date'])
      .execute();
  },
};
