/**
 * KPI roll-ups computed from the lines an import adds, while it adds them, instead of re-reading
 * every line of the import's date range afterwards.
 *
 * The roll-up tables have no unique keys and every reader sums (or takes the minimum date) over
 * whatever rows match, so the rows of one import may be added beside
 * the rows already there: a key may hold several rows, the figures are the same. The accumulator
 * drains when its rows reach a byte budget (BYTE_LIMIT), so its memory stays flat in the size of the
 * file; below the budget (a million-line file) it drains once, and each cell is written once. Undo and catalog
 * merges recompute the range from the lines (refreshSalesRollups), which folds the rows again.
 */

import { fromDayNumber, toDayNumber, weekdayOfDayNumber } from '../../core/calendar/index.ts';
import { isReturnLine } from '../../core/ingest/order-facts.ts';

/** One added sales line, with its dimension ids. */
export interface RollupLine {
  saleDate: string;
  productId: number;
  customerId: number | null;
  channelId: number | null;
  repId: number | null;
  regionId: number | null;
  quantity: number;
  amountMinor: number;
  hasCampaign: boolean;
}

export interface Measures {
  amountMinor: number;
  quantity: number;
  /** The sale lines (a return line, isReturnLine, nets in the sums but is no purchase: not counted). */
  lines: number;
  campaignAmountMinor: number;
}

export interface DailyRow extends Measures {
  saleDate: string;
  productId: number;
  channelId: number | null;
  repId: number | null;
  regionId: number | null;
}

export interface MonthlyRow extends Measures {
  /** 'YYYY-MM-01' */
  monthStart: string;
  productId: number;
  channelId: number | null;
  repId: number | null;
  regionId: number | null;
}

/** The same row per ISO week (kpi_sales_weekly): weekStart is its Monday, 'YYYY-MM-DD'. */
export interface WeeklyRow extends Omit<MonthlyRow, 'monthStart'> {
  weekStart: string;
}

export interface FirstPurchase {
  customerId: number;
  firstDate: string;
}

/** A month × customer × channel × rep × region cell (kpi_customer_monthly, customer-activity.ts). */
export interface CustomerMonthRow extends Measures {
  /** 'YYYY-MM-01' */
  monthStart: string;
  customerId: number | null;
  channelId: number | null;
  repId: number | null;
  regionId: number | null;
  /** Simple orders counted in the cell (see order-rollup.ts; negative: a count taken back). */
  orders: number;
}

/** The same cell per ISO week (kpi_customer_weekly): weekStart is its Monday, 'YYYY-MM-DD'. */
export interface CustomerWeekRow extends Omit<CustomerMonthRow, 'monthStart'> {
  weekStart: string;
}

/** The same cell per day (kpi_customer_daily). */
export interface CustomerDayRow extends Omit<CustomerMonthRow, 'monthStart'> {
  saleDate: string;
}

/** A month × identified customer × product cell (kpi_customer_product_monthly, customer-activity.ts). */
export interface CustomerProductRow {
  /** 'YYYY-MM-01' */
  monthStart: string;
  customerId: number;
  productId: number;
  amountMinor: number;
  lines: number;
}

/** The same cell per ISO week (kpi_customer_product_weekly): weekStart is its Monday. */
export interface CustomerProductWeekRow extends Omit<CustomerProductRow, 'monthStart'> {
  weekStart: string;
}

/**
 * Rows read one at a time: `row(i)` refills and returns one object shared by every call (copy what
 * must outlive the next call). A drained batch is valid until the accumulator is used again.
 */
export interface RowView<R> {
  readonly size: number;
  row(i: number): R;
}

/** Rows `from` to `to` of a view, as objects of their own. */
export function rowsOf<R extends object>(view: RowView<R>, from = 0, to = view.size): R[] {
  const out: R[] = [];
  for (let i = from; i < Math.min(to, view.size); i++) out.push({ ...view.row(i) });
  return out;
}

/** A view of rows already in an array. */
export const arrayView = <R>(rows: readonly R[]): RowView<R> => ({
  size: rows.length,
  row: (i) => rows[i] as R,
});

/**
 * What a drain holds, table by table, in date order. Read from the accumulator's own columns: a
 * drain of hundreds of thousands of rows makes no object per row.
 */
export interface RollupBatch {
  daily: RowView<DailyRow>;
  monthly: RowView<MonthlyRow>;
  weekly: RowView<WeeklyRow>;
  firstPurchases: RowView<FirstPurchase>;
  customerMonths: RowView<CustomerMonthRow>;
  customerWeeks: RowView<CustomerWeekRow>;
  customerDays: RowView<CustomerDayRow>;
  customerProducts: RowView<CustomerProductRow>;
  customerProductWeeks: RowView<CustomerProductWeekRow>;
}

/** The members of an order count (order-rollup.ts's OrderCell). */
export interface OrderCountCell {
  saleDate: string;
  customerId: number | null;
  channelId: number | null;
  repId: number | null;
  regionId: number | null;
}

/** The sum columns of KeyedRows, by number. */
const AMOUNT = 0;
const QUANTITY = 1;
const LINES = 2;
const CAMPAIGN = 3;
const ORDERS = 4;
type SumColumn = typeof AMOUNT | typeof QUANTITY | typeof LINES | typeof CAMPAIGN | typeof ORDERS;
const SUM_COLUMNS: readonly SumColumn[] = [AMOUNT, QUANTITY, LINES, CAMPAIGN, ORDERS];
/** A sales row's sums (no order count). */
const SALES_SUMS: readonly SumColumn[] = [AMOUNT, QUANTITY, LINES, CAMPAIGN];
/** A customer × product cell's sums: revenue and lines. */
const PRODUCT_SUMS: readonly SumColumn[] = [AMOUNT, LINES];
/** The keys of a row. */
const KEYS = 5;

/**
 * Rows keyed by five integers, kept in typed arrays (no object per row): an open-addressing hash
 * of row numbers over a row-major array of keys and one of sums. The first key is a day or month
 * number (or a week key); the others are ids + 1 (0 for none). A row's keys sit side by side (20
 * bytes), and so do its sums: finding a row and adding a line to it touches three places in memory,
 * not one per column, which is what a file not sorted by date pays on every line. The rows of a
 * whole million-line file fit in a few tens of MB and make no garbage.
 */
class KeyedRows {
  size = 0;
  private slots = new Int32Array(1 << 12);
  private cap = 1 << 11;
  /** Row r's keys at r × KEYS … r × KEYS + 4: 32-bit, or doubles once a key needs them. */
  keys: Int32Array | Float64Array = new Int32Array(this.cap * KEYS);
  /** Row r's sums at r × stride + the column's offset. */
  private vals: Float64Array;
  private readonly stride: number;
  /** Each sum column's offset in a row (−1: not kept). */
  private readonly offset = new Int8Array(SUM_COLUMNS.length).fill(-1);

  /** `sums`: the sum columns kept (a customer × product cell sums two). */
  constructor(sums: readonly SumColumn[] = SUM_COLUMNS) {
    sums.forEach((c, i) => {
      this.offset[c] = i;
    });
    this.stride = sums.length;
    this.vals = new Float64Array(this.cap * this.stride);
  }

  private static hash(a: number, b: number, c: number, d: number, e: number): number {
    let h = Math.imul(a, 0x9e3779b1);
    h = Math.imul(h ^ b ^ ((b / 4294967296) | 0), 0x85ebca6b);
    h = Math.imul(h ^ c, 0xc2b2ae35);
    h = Math.imul(h ^ d, 0x27d4eb2f);
    h = Math.imul(h ^ e, 0x165667b1);
    return h ^ (h >>> 15);
  }

  /** Key `j` (0–4) of row `r`. */
  key(r: number, j: number): number {
    return this.keys[r * KEYS + j] as number;
  }

  /** Sum column `c` of row `r` (0 for a column not kept). */
  get(r: number, c: SumColumn): number {
    const o = this.offset[c] as number;
    return o < 0 ? 0 : (this.vals[r * this.stride + o] as number);
  }

  /** Adds `v` to sum column `c` (kept) of row `r`. */
  plus(r: number, c: SumColumn, v: number): void {
    const i = r * this.stride + (this.offset[c] as number);
    this.vals[i] = (this.vals[i] as number) + v;
  }

  /** The row of the key, added (with zero sums) if it was not there. Keys are integers in [0, 2^53). */
  row(a: number, b: number, c: number, d: number, e: number): number {
    const mask = this.slots.length - 1;
    const keys = this.keys;
    let i = KeyedRows.hash(a, b, c, d, e) & mask;
    for (;;) {
      const r = (this.slots[i] as number) - 1;
      if (r < 0) break;
      const k = r * KEYS;
      if (keys[k] === a && keys[k + 1] === b && keys[k + 2] === c && keys[k + 3] === d && keys[k + 4] === e)
        return r;
      i = (i + 1) & mask;
    }
    // An id past 2^31 (a PostgreSQL bigint) widens the keys to doubles: a 32-bit key never equals
    // it, so it is never found among the old rows, and lands here before it is stored.
    if (
      keys instanceof Int32Array &&
      ((a | 0) !== a || (b | 0) !== b || (c | 0) !== c || (d | 0) !== d || (e | 0) !== e)
    ) {
      this.keys = Float64Array.from(keys);
      return this.row(a, b, c, d, e);
    }
    if (this.size === this.cap) {
      this.growColumns();
      return this.row(a, b, c, d, e);
    }
    const r = this.size++;
    this.slots[i] = r + 1;
    const k = r * KEYS;
    keys[k] = a;
    keys[k + 1] = b;
    keys[k + 2] = c;
    keys[k + 3] = d;
    keys[k + 4] = e;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return r;
  }

  private growColumns() {
    this.cap *= 2;
    const keys =
      this.keys instanceof Int32Array ? new Int32Array(this.cap * KEYS) : new Float64Array(this.cap * KEYS);
    keys.set(this.keys);
    this.keys = keys;
    const vals = new Float64Array(this.cap * this.stride);
    vals.set(this.vals);
    this.vals = vals;
  }

  private rehash(length: number) {
    const slots = new Int32Array(length);
    const mask = length - 1;
    const keys = this.keys;
    for (let r = 0; r < this.size; r++) {
      const k = r * KEYS;
      let i =
        KeyedRows.hash(
          keys[k] as number,
          keys[k + 1] as number,
          keys[k + 2] as number,
          keys[k + 3] as number,
          keys[k + 4] as number,
        ) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = r + 1;
    }
    this.slots = slots;
  }

  /** Adds a line to row `r` (a table keeping amount, quantity, lines and campaign); `sale`: 1 for a sale line, else 0. */
  addLine(r: number, l: RollupLine, sale: number) {
    const at = r * this.stride;
    const v = this.vals;
    v[at + AMOUNT] = (v[at + AMOUNT] as number) + l.amountMinor;
    v[at + QUANTITY] = (v[at + QUANTITY] as number) + l.quantity;
    v[at + LINES] = (v[at + LINES] as number) + sale;
    if (l.hasCampaign) v[at + CAMPAIGN] = (v[at + CAMPAIGN] as number) + l.amountMinor;
  }

  /** The bytes its keys, sums and slots hold. */
  get bytes(): number {
    return this.keys.byteLength + this.vals.byteLength + this.slots.byteLength;
  }

  /** Row numbers ordered by the first key (then as added). */
  byFirstKey(): Float64Array | number[] {
    const n = this.size;
    const keys = this.keys;
    if (n < ROW_BITS_LIMIT) {
      // First key and row number packed in one double (a day number is below 2^23): a native sort.
      const packed = new Float64Array(n);
      for (let r = 0; r < n; r++) packed[r] = (keys[r * KEYS] as number) * ROW_BITS_LIMIT + r;
      packed.sort();
      for (let i = 0; i < n; i++) packed[i] = (packed[i] as number) % ROW_BITS_LIMIT;
      return packed;
    }
    return Array.from({ length: n }, (_, r) => r).sort(
      (x, y) => (keys[x * KEYS] as number) - (keys[y * KEYS] as number) || x - y,
    );
  }

  /** Empty again (keeping its memory for the next rows). */
  clear() {
    this.size = 0;
    this.slots.fill(0);
    this.vals.fill(0);
  }
}

/**
 * The bytes the held rows may take before a drain. Every cell of a million-line file (2,000
 * customers, three years: 241k day rows, 209k customer days, 133k customer weeks, 249k customer ×
 * product weeks…, about 1.13M cells; 88 MB where every line is a customer day of its own) fits, so
 * such a file drains once, at its end, in whatever order its lines come: each cell is written once,
 * in date order. A larger file drains when the budget is reached.
 */
const BYTE_LIMIT = 96 * 2 ** 20;
/** The customers whose written first purchase an accumulator remembers (about 7.5 MB of them). */
const WRITTEN_LIMIT = 250_000;

/** What a held first purchase costs (a Map entry of two small integers). */
const FIRST_PURCHASE_BYTES = 40;

/** Row numbers below this pack beside a day number in one double (2^23 × 2^21 < 2^53). */
const ROW_BITS_LIMIT = 2 ** 21;

const plusOne = (id: number | null): number => (id === null ? 0 : id + 1);

/** The row of customer cells `t` for period `period` (a month, week or day number) and `c`'s members. */
const cellRow = (t: KeyedRows, period: number, c: OrderCountCell): number =>
  t.row(period, plusOne(c.customerId), plusOne(c.channelId), plusOne(c.repId), plusOne(c.regionId));
const idOf = (k: number): number | null => (k === 0 ? null : k - 1);

/** Fills `out`'s channel, rep and region (keys 2–4) and its sums from row `r`. */
function fillMembers(
  out: Measures & Omit<OrderCountCell, 'saleDate' | 'customerId'>,
  t: KeyedRows,
  r: number,
) {
  out.channelId = idOf(t.key(r, 2));
  out.repId = idOf(t.key(r, 3));
  out.regionId = idOf(t.key(r, 4));
  out.amountMinor = t.get(r, AMOUNT);
  out.quantity = t.get(r, QUANTITY);
  out.lines = t.get(r, LINES);
  out.campaignAmountMinor = t.get(r, CAMPAIGN);
}
/** Adds row `r` of `from`'s sums to row `to` of `t`. */
function sumInto(t: KeyedRows, to: number, from: KeyedRows, r: number) {
  t.plus(to, AMOUNT, from.get(r, AMOUNT));
  t.plus(to, QUANTITY, from.get(r, QUANTITY));
  t.plus(to, LINES, from.get(r, LINES));
  t.plus(to, CAMPAIGN, from.get(r, CAMPAIGN));
}
/**
 * A view of `out` refilled by `fill` from row `order[i]` (or row i, given a count): every row() call
 * returns the same object.
 */
function viewOf<R>(order: ArrayLike<number> | number, out: R, fill: (out: R, r: number) => void): RowView<R> {
  if (typeof order === 'number')
    return {
      size: order,
      row: (i) => {
        fill(out, i);
        return out;
      },
    };
  return {
    size: order.length,
    row: (i) => {
      fill(out, order[i] as number);
      return out;
    },
  };
}
type SalesRowPart = Omit<DailyRow, 'saleDate'>;
type CustomerCellPart = Omit<CustomerMonthRow, 'monthStart'>;
type ProductCellPart = Omit<CustomerProductRow, 'monthStart'>;
const salesRow = (): SalesRowPart => ({ productId: 0, ...members() });
const customerCell = (): CustomerCellPart => ({ customerId: null, orders: 0, ...members() });
const productCell = (): ProductCellPart => ({ customerId: 0, productId: 0, amountMinor: 0, lines: 0 });
/** A day, month or week row's product (key 1), members and sums. */
function fillSalesRow(out: SalesRowPart, t: KeyedRows, r: number) {
  out.productId = t.key(r, 1) - 1;
  fillMembers(out, t, r);
}
/** A customer cell's customer (key 1), members, sums and order count. */
function fillCustomerCell(out: CustomerCellPart, t: KeyedRows, r: number) {
  out.customerId = idOf(t.key(r, 1));
  fillMembers(out, t, r);
  out.orders = t.get(r, ORDERS);
}
/** A customer × product cell's customer and product (keys 1, 2) and its two sums. */
function fillProductCell(out: ProductCellPart, t: KeyedRows, r: number) {
  out.customerId = t.key(r, 1) - 1;
  out.productId = t.key(r, 2) - 1;
  out.amountMinor = t.get(r, AMOUNT);
  out.lines = t.get(r, LINES);
}
const measures = (): Measures => ({ amountMinor: 0, quantity: 0, lines: 0, campaignAmountMinor: 0 });
const members = () => ({ channelId: null, repId: null, regionId: null, ...measures() });

/** 'YYYY-MM-DD' → (year × 13 + month) × 32 + day: distinct days, in date order (a 'YYYY-MM-DD' string assumed). */
export function dayNumber(d: string): number {
  const y =
    (d.charCodeAt(0) - 48) * 1000 +
    (d.charCodeAt(1) - 48) * 100 +
    (d.charCodeAt(2) - 48) * 10 +
    (d.charCodeAt(3) - 48);
  const m = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
  return (y * 13 + m) * 32 + (d.charCodeAt(8) - 48) * 10 + (d.charCodeAt(9) - 48);
}
/** The month number of a day number (year × 13 + month). */
const monthOfDay = (day: number): number => Math.floor(day / 32);
/** Added to a Monday's civil day number for a week key: positive (for dates before 1970 too). */
const WEEK_KEY_OFFSET = 1_000_000;

/**
 * Holds the day rows of every day it has seen (product × channel × rep × region per day), whatever
 * the order of the lines: a file sorted by customer or product, or shuffled, folds into as few rows
 * as a date-sorted one, as long as its distinct rows fit in the byte budget (`limit` and
 * `productWeekLimit` count rows too: the tests set them to drain small files). Month rows are summed from
 * the day rows when drained. First purchases are kept per customer until drained.
 */
export class RollupAccumulator {
  /** day number × product × channel × rep × region */
  private days = new KeyedRows(SALES_SUMS);
  /** month number × product × channel × rep × region: the day rows summed by a drain */
  private monthSums = new KeyedRows(SALES_SUMS);
  /** week key × product × channel × rep × region: the day rows summed by a drain */
  private weekSums = new KeyedRows(SALES_SUMS);
  /** A drain's batch is out: the rows are cleared when the accumulator is next used. */
  private drained = false;
  /** month number × customer × channel × rep × region (kpi_customer_monthly) */
  private months = new KeyedRows();
  /** week key × customer × channel × rep × region (kpi_customer_weekly) */
  private weeks = new KeyedRows();
  /** day number × customer × channel × rep × region (kpi_customer_daily) */
  private customerDays = new KeyedRows();
  /** month number × customer × product (kpi_customer_product_monthly; identified customers only) */
  private products = new KeyedRows(PRODUCT_SUMS);
  /**
   * week key × customer × product (kpi_customer_product_weekly): outside `limit`, with a limit of its
   * own (`productWeekLimit`; the tests set both to drain small files).
   */
  private productWeeks = new KeyedRows(PRODUCT_SUMS);
  /** customer id → day number of the first purchase seen */
  private first = new Map<number, number>();
  /**
   * customer id → the earliest first purchase an earlier drain of this accumulator wrote. A drain
   * leaves out a customer whose first purchase it holds is not earlier: the row written already
   * says as much. Lines that come day after day drain often, and a returning customer would
   * otherwise be written again by every drain, each an upsert that finds the row and changes nothing
   * (on SQLite, a many-row upsert also copies every page it touches to a statement journal first).
   * About 30 bytes a customer, for the length of one import, up to `writtenLimit` customers (a
   * customer past it is written by every drain that holds it, as if not remembered: the same rows).
   */
  private written = new Map<number, number>();
  /** The names of the day and month numbers seen. */
  private dayNames = new Map<number, string>();
  private monthNames = new Map<number, string>();
  private weekNames = new Map<number, string>();
  /** Day number → its week key (computed once per distinct day). */
  private weekOfDay = new Map<number, number>();
  /** The last day seen and its numbers (consecutive lines usually share a day). */
  private lastDay = '';
  private lastDayNumber = 0;
  private lastMonthNumber = 0;
  private lastWeekKey = 0;
  /**
   * The customer cells (month, week, day rows) of the last line added and its members: an order's
   * count (countOrder) comes right after its first line, in the same cells, and finds them here
   * instead of three more look-ups. `lastCellDay` '' when not known (the rows were cleared).
   */
  private lastCellDay = '';
  private lastCell = { customerId: 0, channelId: 0, repId: 0, regionId: 0, month: 0, week: 0, day: 0 };

  constructor(
    private readonly limit = Number.POSITIVE_INFINITY,
    private readonly productWeekLimit = Number.POSITIVE_INFINITY,
    private readonly byteLimit = BYTE_LIMIT,
    private readonly writtenLimit = WRITTEN_LIMIT,
  ) {}

  /** The bytes the held rows take (their tables' columns and slots). */
  get bytes(): number {
    return (
      this.days.bytes +
      this.monthSums.bytes +
      this.weekSums.bytes +
      this.months.bytes +
      this.weeks.bytes +
      this.customerDays.bytes +
      this.products.bytes +
      this.productWeeks.bytes +
      this.first.size * FIRST_PURCHASE_BYTES
    );
  }

  private see(day: string) {
    if (day === this.lastDay) return;
    const n = dayNumber(day);
    if (!this.dayNames.has(n)) this.dayNames.set(n, day);
    const m = monthOfDay(n);
    if (!this.monthNames.has(m)) this.monthNames.set(m, `${day.slice(0, 7)}-01`);
    let w = this.weekOfDay.get(n);
    if (w === undefined) {
      const civil = toDayNumber(day);
      const monday = civil - weekdayOfDayNumber(civil) + 1;
      w = monday + WEEK_KEY_OFFSET;
      this.weekOfDay.set(n, w);
      if (!this.weekNames.has(w)) this.weekNames.set(w, fromDayNumber(monday));
    }
    this.lastDay = day;
    this.lastDayNumber = n;
    this.lastMonthNumber = m;
    this.lastWeekKey = w;
  }

  add(l: RollupLine): void {
    this.settle();
    this.see(l.saleDate);
    const day = this.lastDayNumber;
    // A return line nets in the sums; only a sale line counts as a line, a product's order, a first purchase.
    const sale = isReturnLine(l.quantity, l.amountMinor) ? 0 : 1;
    this.days.addLine(
      this.days.row(day, l.productId + 1, plusOne(l.channelId), plusOne(l.repId), plusOne(l.regionId)),
      l,
      sale,
    );
    const cell = this.lastCell;
    // The next line of an order (or of the same customer's day) is in the same three cells.
    if (!this.inLastCells(l)) {
      cell.month = this.customerRow(l);
      cell.week = this.customerWeekRow(l);
      cell.day = this.customerDayRow(l);
      cell.customerId = plusOne(l.customerId);
      cell.channelId = plusOne(l.channelId);
      cell.repId = plusOne(l.repId);
      cell.regionId = plusOne(l.regionId);
      this.lastCellDay = l.saleDate;
    }
    this.months.addLine(cell.month, l, sale);
    this.weeks.addLine(cell.week, l, sale);
    this.customerDays.addLine(cell.day, l, sale);
    if (l.customerId !== null) {
      const c = l.customerId + 1;
      const product = l.productId + 1;
      const p = this.products.row(this.lastMonthNumber, c, product, 0, 0);
      this.products.plus(p, AMOUNT, l.amountMinor);
      this.products.plus(p, LINES, sale);
      const w = this.productWeeks.row(this.lastWeekKey, c, product, 0, 0);
      this.productWeeks.plus(w, AMOUNT, l.amountMinor);
      this.productWeeks.plus(w, LINES, sale);
      if (sale === 1) {
        const seen = this.first.get(l.customerId);
        if (seen === undefined || day < seen) this.first.set(l.customerId, day);
      }
    }
  }

  /**
   * Counts `sign` × one simple order in the customer-month cell of `cell` (called by OrderTracker as
   * it counts an order in kpi_orders_daily: the two stay in step).
   */
  countOrder(cell: OrderCountCell, sign: number): void {
    this.settle();
    const last = this.lastCell;
    if (this.inLastCells(cell)) {
      this.months.plus(last.month, ORDERS, sign);
      this.weeks.plus(last.week, ORDERS, sign);
      this.customerDays.plus(last.day, ORDERS, sign);
      return;
    }
    const r = this.customerRow(cell);
    this.months.plus(r, ORDERS, sign);
    this.weeks.plus(this.customerWeekRow(cell), ORDERS, sign);
    this.customerDays.plus(this.customerDayRow(cell), ORDERS, sign);
  }

  /** Whether `c`'s customer cells are the ones of the last line added (`lastCell`). */
  private inLastCells(c: OrderCountCell): boolean {
    const last = this.lastCell;
    return (
      c.saleDate === this.lastCellDay &&
      plusOne(c.customerId) === last.customerId &&
      plusOne(c.channelId) === last.channelId &&
      plusOne(c.repId) === last.repId &&
      plusOne(c.regionId) === last.regionId
    );
  }

  /** The day cell of `c` (after customerRow or see: its day is the last one seen). */
  private customerDayRow(c: OrderCountCell): number {
    return cellRow(this.customerDays, this.lastDayNumber, c);
  }

  /** The week cell of `c` (after customerRow or see: the week of its day is the last one seen). */
  private customerWeekRow(c: OrderCountCell): number {
    return cellRow(this.weeks, this.lastWeekKey, c);
  }

  private customerRow(c: OrderCountCell): number {
    this.see(c.saleDate);
    return cellRow(this.months, this.lastMonthNumber, c);
  }

  /** The rows held (every table's; a drain's month and week sums not counted). */
  get cells(): number {
    return (
      this.days.size +
      this.first.size +
      this.months.size +
      this.weeks.size +
      this.customerDays.size +
      this.products.size +
      this.productWeeks.size
    );
  }

  /** True when the held rows should be written out. */
  get full(): boolean {
    return (
      !this.drained &&
      (this.days.size +
        this.first.size +
        this.months.size +
        this.weeks.size +
        this.customerDays.size +
        this.products.size >=
        this.limit ||
        this.productWeeks.size >= this.productWeekLimit ||
        this.bytes >= this.byteLimit)
    );
  }

  /**
   * The rows held so far, in date order, read from the accumulator's columns; the accumulator starts
   * empty again when it is next used (the batch is valid until then).
   */
  drain(): RollupBatch {
    this.settle();
    this.drained = true;
    const d = this.days;
    const dayOrder = d.byFirstKey();
    // Month rows summed from the day rows, which come in date order: a month's rows are all made
    // before the next month's.
    const m = this.monthSums;
    const w = this.weekSums;
    for (const r of dayOrder) {
      const day = d.key(r, 0);
      const k1 = d.key(r, 1);
      const k2 = d.key(r, 2);
      const k3 = d.key(r, 3);
      const k4 = d.key(r, 4);
      sumInto(m, m.row(monthOfDay(day), k1, k2, k3, k4), d, r);
      sumInto(w, w.row(this.weekOfDay.get(day) as number, k1, k2, k3, k4), d, r);
    }
    const dayName = (t: KeyedRows, r: number) => this.dayNames.get(t.key(r, 0)) as string;
    const monthName = (t: KeyedRows, r: number) => this.monthNames.get(t.key(r, 0)) as string;
    const weekName = (t: KeyedRows, r: number) => this.weekNames.get(t.key(r, 0)) as string;
    const firstIds: number[] = [];
    for (const [id, day] of this.first) {
      const before = this.written.get(id);
      if (before !== undefined && before <= day) continue;
      if (before !== undefined || this.written.size < this.writtenLimit) this.written.set(id, day);
      firstIds.push(id);
    }
    return {
      daily: viewOf(dayOrder, { saleDate: '', ...salesRow() }, (o, r) => {
        o.saleDate = dayName(d, r);
        fillSalesRow(o, d, r);
      }),
      // The month and week sums were made in date order: their rows are read as they are.
      monthly: viewOf(m.size, { monthStart: '', ...salesRow() }, (o, r) => {
        o.monthStart = monthName(m, r);
        fillSalesRow(o, m, r);
      }),
      weekly: viewOf(w.size, { weekStart: '', ...salesRow() }, (o, r) => {
        o.weekStart = weekName(w, r);
        fillSalesRow(o, w, r);
      }),
      firstPurchases: viewOf(firstIds.length, { customerId: 0, firstDate: '' }, (o, i) => {
        o.customerId = firstIds[i] as number;
        o.firstDate = this.dayNames.get(this.first.get(o.customerId) as number) as string;
      }),
      customerMonths: viewOf(this.months.byFirstKey(), { monthStart: '', ...customerCell() }, (o, r) => {
        o.monthStart = monthName(this.months, r);
        fillCustomerCell(o, this.months, r);
      }),
      customerWeeks: viewOf(this.weeks.byFirstKey(), { weekStart: '', ...customerCell() }, (o, r) => {
        o.weekStart = weekName(this.weeks, r);
        fillCustomerCell(o, this.weeks, r);
      }),
      customerDays: viewOf(this.customerDays.byFirstKey(), { saleDate: '', ...customerCell() }, (o, r) => {
        o.saleDate = dayName(this.customerDays, r);
        fillCustomerCell(o, this.customerDays, r);
      }),
      customerProducts: viewOf(this.products.byFirstKey(), { monthStart: '', ...productCell() }, (o, r) => {
        o.monthStart = monthName(this.products, r);
        fillProductCell(o, this.products, r);
      }),
      customerProductWeeks: viewOf(
        this.productWeeks.byFirstKey(),
        { weekStart: '', ...productCell() },
        (o, r) => {
          o.weekStart = weekName(this.productWeeks, r);
          fillProductCell(o, this.productWeeks, r);
        },
      ),
    };
  }

  /** Empties the accumulator after a drain, once the batch has been used. */
  private settle() {
    if (!this.drained) return;
    this.drained = false;
    this.lastCellDay = '';
    this.days.clear();
    this.monthSums.clear();
    this.weekSums.clear();
    this.months.clear();
    this.weeks.clear();
    this.customerDays.clear();
    this.products.clear();
    this.productWeeks.clear();
    this.first = new Map();
  }
}
