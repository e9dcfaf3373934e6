/**
 * Facts a sales file may lack, and what Pacer does instead: a file without a product column is
 * stored under the placeholder product (NO_PRODUCT); without a quantity column every line counts 1;
 * without an order id every line is its own order; without a customer column the lines have no
 * customer. A file with an order-id column may still leave the cell empty on some lines: each such
 * line is its own order too (blankOrderIds). Each import records which of these its file lacked and
 * on how many lines per day, so the KPIs that depend on a missing fact can say so
 * (app/kpi/data-caveats.ts).
 */
export const DATA_GAPS = [
  'noProduct',
  'assumedQuantity',
  'inventedOrders',
  'blankOrderIds',
  'noCustomer',
] as const;
export type DataGap = (typeof DATA_GAPS)[number];

export function isDataGap(value: string): value is DataGap {
  return (DATA_GAPS as readonly string[]).includes(value);
}

/**
 * The facts a sales file lacks, from its mapping (field → column, null or absent when unmapped); with
 * an order-id column, blankOrderIds (counted only on the lines whose cell is empty: LINE_GAPS).
 */
export function dataGapsOf(mapping: Readonly<Record<string, number | null | undefined>>): DataGap[] {
  const gaps: DataGap[] = [];
  if (mapping.product == null) gaps.push('noProduct');
  if (mapping.quantity == null) gaps.push('assumedQuantity');
  if (mapping.orderId == null) gaps.push('inventedOrders');
  else gaps.push('blankOrderIds');
  if (mapping.customer == null) gaps.push('noCustomer');
  return gaps;
}

/** Gaps of some lines of a file, not of the file: counted line by line. */
export const LINE_GAPS: readonly DataGap[] = ['blankOrderIds'];

/** Lines per gap (only the gaps that have lines). */
export type GapLines = Partial<Record<DataGap, number>>;

/**
 * What each gap means, in both languages (for the CLI and the API; the web app has the same sentences
 * under kpi.caveat.* and imports.history.account.gaps.* in its i18n files): `range` for a KPI's
 * answer, `import` for one import. `{count}` is the number of lines.
 */
export const DATA_GAP_MESSAGES: Readonly<
  Record<'range' | 'import', Readonly<Record<DataGap, { 'zh-TW': string; en: string }>>>
> = {
  range: {
    noProduct: {
      'zh-TW': '此期間有 {count} 筆明細來自沒有產品欄的檔案（列為「未列產品」）',
      en: '{count} lines in this range came from files without products (shown as 未列產品 no product)',
    },
    assumedQuantity: {
      'zh-TW': '此期間有 {count} 筆明細的檔案沒有數量欄，數量以 1 計',
      en: 'quantity assumed 1 for {count} lines in this range (their files had no quantity column)',
    },
    inventedOrders: {
      'zh-TW': '此期間有 {count} 筆明細的檔案沒有訂單編號，每筆明細算作一張訂單',
      en: 'order ids invented (one order per line) for {count} lines in this range (their files had no order id)',
    },
    blankOrderIds: {
      'zh-TW': '此期間有 {count} 筆明細的訂單編號是空白，每筆算作一張訂單',
      en: '{count} lines in this range had an empty order id (each counted as its own order)',
    },
    noCustomer: {
      'zh-TW': '此期間有 {count} 筆明細的檔案沒有客戶欄，這些明細不計入客戶',
      en: '{count} lines in this range came from files without customers (not counted as any customer)',
    },
  },
  import: {
    noProduct: {
      'zh-TW': '沒有產品欄：{count} 筆明細列在「(未列產品 no product)」之下',
      en: 'no product column: {count} lines imported under (未列產品 no product)',
    },
    assumedQuantity: {
      'zh-TW': '沒有數量欄：{count} 筆明細的數量以 1 計',
      en: 'no quantity column: quantity assumed 1 on {count} lines',
    },
    inventedOrders: {
      'zh-TW': '沒有訂單編號欄：{count} 筆明細各算一張訂單',
      en: 'no order id column: each of {count} lines counted as its own order',
    },
    blankOrderIds: {
      'zh-TW': '訂單編號空白：{count} 筆明細各算一張訂單',
      en: 'empty order id: each of {count} lines counted as its own order',
    },
    noCustomer: {
      'zh-TW': '沒有客戶欄：{count} 筆明細沒有客戶',
      en: 'no customer column: {count} lines without a customer',
    },
  },
};

export function dataGapMessage(
  gap: DataGap,
  lines: number,
  locale: 'zh-TW' | 'en',
  scope: 'range' | 'import' = 'range',
): string {
  return DATA_GAP_MESSAGES[scope][gap][locale].replace('{count}', lines.toLocaleString('en'));
}
