import type { Kysely } from 'kysely';
import { refreshSalesRollups } from '../../src/db/kpi/refresh-sales-rollups.ts';
import type { Database } from '../../src/db/schema/index.ts';
import { ensureTenant } from '../../src/db/tenants.ts';

/**
 * Sales written straight into a company's tables for integration tests that need history without
 * an import (goals, plans): the catalog's names, one line an order, and the roll-ups refreshed as an
 * import would refresh them.
 */

export interface SeedCatalog {
  products: number[];
  channels: number[];
  reps: number[];
}

/** Products (optionally in one category), channels and sales reps of a company, by name, in order. */
export async function seedCatalog(
  db: Kysely<Database>,
  companyId: string,
  names: {
    products: readonly string[];
    channels: readonly string[];
    reps?: readonly string[];
    category?: string;
  },
): Promise<SeedCatalog> {
  let categoryId: number | null = null;
  if (names.category !== undefined) {
    const [category] = await db
      .insertInto('product_categories')
      .values({ company_id: companyId, name: names.category })
      .returning('id')
      .execute();
    categoryId = Number(category?.id);
  }
  const products: number[] = [];
  for (const name of names.products) {
    const [row] = await db
      .insertInto('products')
      .values({ company_id: companyId, name, category_id: categoryId, sku: null, list_price_minor: null })
      .returning('id')
      .execute();
    products.push(Number(row?.id));
  }
  const channels: number[] = [];
  for (const name of names.channels) {
    const [row] = await db
      .insertInto('channels')
      .values({ company_id: companyId, name })
      .returning('id')
      .execute();
    channels.push(Number(row?.id));
  }
  const reps: number[] = [];
  for (const name of names.reps ?? []) {
    const [row] = await db
      .insertInto('sales_reps')
      .values({ company_id: companyId, name })
      .returning('id')
      .execute();
    reps.push(Number(row?.id));
  }
  return { products, channels, reps };
}

/** One sale: an order of one line, quantity 1, at 10:00 on `date`. */
export interface SeedSale {
  orderId: string;
  date: string;
  productId: number;
  channelId: number;
  repId?: number | null;
  amountMinor: number;
}

/** The sales written as lines (in chunks), then the roll-ups of [first, last] refreshed. */
export async function seedSales(
  db: Kysely<Database>,
  companyId: string,
  sales: readonly SeedSale[],
  range: { first: string; last: string },
): Promise<void> {
  const tenantId = await ensureTenant(db, companyId);
  const rows = sales.map((s) => ({
    tenant_id: tenantId,
    order_id: s.orderId,
    line_no: 1,
    sold_at: `${s.date}T10:00`,
    sale_date: s.date,
    product_id: s.productId,
    customer_id: null,
    channel_id: s.channelId,
    rep_id: s.repId ?? null,
    region_id: null,
    quantity: 1,
    unit_price_minor: s.amountMinor,
    discount_minor: 0,
    amount_minor: s.amountMinor,
    currency: 'TWD',
    campaign_code: null,
    import_seq: null,
  }));
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto('sales_lines')
      .values(rows.slice(i, i + 300))
      .execute();
  await refreshSalesRollups(db, companyId, range.first, range.last);
}

/** A seeded uniform random number in [0, 1) (a linear congruential generator): the same noise every run. */
export function seededNoise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
