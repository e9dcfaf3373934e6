import type { Kysely } from 'kysely';
import type { ExportCellValue, ExportSource, ExportTable } from '../../app/data/ports.ts';
import type { Database } from '../schema/index.ts';
import { tenantOf } from '../tenants.ts';

const PAGE = 5000;

import { fromMinorUnits, isCurrency } from '../../core/money/currency.ts';

const money = (minor: number | string, currency: string) =>
  fromMinorUnits(Number(minor), isCurrency(currency) ? currency : 'TWD');

const HEADERS: Record<ExportTable, { 'zh-TW': string[]; en: string[] }> = {
  sales: {
    'zh-TW': [
      '訂單編號',
      '項次',
      '交易時間',
      '日期',
      '品名',
      '類別',
      '數量',
      '單價',
      '折扣',
      '金額',
      '幣別',
      '客戶編號',
      '通路',
      '業務員',
      '地區',
      '活動代碼',
    ],
    en: [
      'Order ID',
      'Line',
      'Sold at',
      'Date',
      'Product',
      'Category',
      'Quantity',
      'Unit price',
      'Discount',
      'Amount',
      'Currency',
      'Customer',
      'Channel',
      'Rep',
      'Region',
      'Campaign',
    ],
  },
  customers: {
    'zh-TW': ['客戶編號', '名稱', '類型', '年齡層', '會員等級', '地區', '首次購買'],
    en: ['Code', 'Name', 'Type', 'Age band', 'Member tier', 'Region', 'First seen'],
  },
  products: {
    'zh-TW': ['品名', '類別', '料號', '定價'],
    en: ['Product', 'Category', 'SKU', 'List price'],
  },
  marketing: {
    'zh-TW': ['日期', '通路', '活動', '曝光', '造訪', '名單', '商機', '花費'],
    en: ['Date', 'Channel', 'Campaign', 'Impressions', 'Visits', 'Leads', 'Opportunities', 'Spend'],
  },
  satisfaction: {
    'zh-TW': ['日期', '客戶編號', '通路', '滿意度(1-5)', 'NPS(0-10)', '意見'],
    en: ['Date', 'Customer', 'Channel', 'CSAT (1-5)', 'NPS (0-10)', 'Comment'],
  },
};

/**
 * Exports read in keyset pages by id (the same on SQLite and PostgreSQL, no server-side cursor), so
 * a 10-million-line table streams in constant memory. Amounts in currency units.
 */
export function createExportSource(db: Kysely<Database>): ExportSource {
  async function* pages<T extends { id: number }>(
    fetch: (after: number) => Promise<T[]>,
    toRow: (r: T) => ExportCellValue[],
  ) {
    let after = 0;
    for (;;) {
      const rows = await fetch(after);
      for (const r of rows) yield toRow(r);
      if (rows.length < PAGE) return;
      after = Number(rows[rows.length - 1]?.id ?? after);
    }
  }

  return {
    async *rows(companyId, table, range, locale) {
      yield HEADERS[table][locale];
      const from = range.from ?? '0000-01-01';
      const to = range.to ?? '9999-12-31';
      switch (table) {
        case 'sales':
          yield* pages(
            (after) =>
              db
                .selectFrom('sales_lines as s')
                .innerJoin('products as p', 'p.id', 's.product_id')
                .leftJoin('product_categories as c', 'c.id', 'p.category_id')
                .leftJoin('customers as cu', 'cu.id', 's.customer_id')
                .leftJoin('channels as ch', 'ch.id', 's.channel_id')
                .leftJoin('sales_reps as r', 'r.id', 's.rep_id')
                .leftJoin('regions as g', 'g.id', 's.region_id')
                .select([
                  's.id',
                  's.order_id',
                  's.line_no',
                  's.sold_at',
                  's.sale_date',
                  'p.name as product',
                  'c.name as category',
                  's.quantity',
                  's.unit_price_minor',
                  's.discount_minor',
                  's.amount_minor',
                  's.currency',
                  'cu.code as customer',
                  'ch.name as channel',
                  'r.name as rep',
                  'g.name as region',
                  's.campaign_code',
                ])
                .where('s.tenant_id', '=', tenantOf(companyId))
                .where('s.sale_date', '>=', from)
                .where('s.sale_date', '<=', to)
                .where('s.id', '>', after)
                .orderBy('s.id')
                .limit(PAGE)
                .execute(),
            (r) => [
              r.order_id.startsWith('#') ? '' : r.order_id,
              r.line_no,
              r.sold_at.replace('T', ' '),
              r.sale_date,
              r.product,
              r.category,
              Number(r.quantity),
              money(r.unit_price_minor, r.currency),
              money(r.discount_minor, r.currency),
              money(r.amount_minor, r.currency),
              r.currency,
              r.customer,
              r.channel,
              r.rep,
              r.region,
              r.campaign_code,
            ],
          );
          return;
        case 'customers':
          yield* pages(
            (after) =>
              db
                .selectFrom('customers as c')
                .leftJoin('regions as g', 'g.id', 'c.region_id')
                .select([
                  'c.id',
                  'c.code',
                  'c.name',
                  'c.customer_type',
                  'c.age_band',
                  'c.member_tier',
                  'g.name as region',
                  'c.first_seen_on',
                ])
                .where('c.company_id', '=', companyId)
                .where('c.id', '>', after)
                .orderBy('c.id')
                .limit(PAGE)
                .execute(),
            (r) => [r.code, r.name, r.customer_type, r.age_band, r.member_tier, r.region, r.first_seen_on],
          );
          return;
        case 'products':
          yield* pages(
            (after) =>
              db
                .selectFrom('products as p')
                .leftJoin('product_categories as c', 'c.id', 'p.category_id')
                .select(['p.id', 'p.name', 'c.name as category', 'p.sku', 'p.list_price_minor'])
                .where('p.company_id', '=', companyId)
                .where('p.id', '>', after)
                .orderBy('p.id')
                .limit(PAGE)
                .execute(),
            (r) => [
              r.name,
              r.category,
              r.sku,
              r.list_price_minor === null ? null : money(r.list_price_minor, range.currency),
            ],
          );
          return;
        case 'marketing':
          yield* pages(
            (after) =>
              db
                .selectFrom('marketing_daily as m')
                .innerJoin('channels as ch', 'ch.id', 'm.channel_id')
                .select([
                  'm.id',
                  'm.day',
                  'ch.name as channel',
                  'm.campaign',
                  'm.impressions',
                  'm.visits',
                  'm.leads',
                  'm.opportunities',
                  'm.spend_minor',
                  'm.currency',
                ])
                .where('m.company_id', '=', companyId)
                .where('m.day', '>=', from)
                .where('m.day', '<=', to)
                .where('m.id', '>', after)
                .orderBy('m.id')
                .limit(PAGE)
                .execute(),
            (r) => [
              r.day,
              r.channel,
              r.campaign,
              Number(r.impressions),
              Number(r.visits),
              Number(r.leads),
              Number(r.opportunities),
              money(r.spend_minor, r.currency),
            ],
          );
          return;
        case 'satisfaction':
          yield* pages(
            (after) =>
              db
                .selectFrom('satisfaction_responses as s')
                .leftJoin('customers as cu', 'cu.id', 's.customer_id')
                .leftJoin('channels as ch', 'ch.id', 's.channel_id')
                .select([
                  's.id',
                  's.responded_on',
                  'cu.code as customer',
                  'ch.name as channel',
                  's.csat',
                  's.nps',
                  's.comment',
                ])
                .where('s.company_id', '=', companyId)
                .where('s.responded_on', '>=', from)
                .where('s.responded_on', '<=', to)
                .where('s.id', '>', after)
                .orderBy('s.id')
                .limit(PAGE)
                .execute(),
            (r) => [r.responded_on, r.customer, r.channel, r.csat, r.nps, r.comment],
          );
          return;
      }
    },
  };
}
