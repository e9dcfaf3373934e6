/**
 * KPI roll-ups computed from the lines an import adds, while it adds them, instead of re-reading
 * every line of the import's date range afterwards.
 *
 * The roll-up tables have no unique keys and every reader sums (or takes the minimum date) over
 * whatever rows match, so the rows of one import may be added beside
 * the rows already there: a key may hold several rows, the figures are the same. The accumulator
 * drains every `limit` keys, so its memory stays flat in the size of the file. Undo and catalog
 * merges recompute the range from the lines (refreshSalesRollups), which folds the rows again.
 */

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

export interface RollupBatch {
  daily: DailyRow[];
  monthly: MonthlyRow[];
  firstPurchases: FirstPurchase[];
  customerMonths: CustomerMonthRow[];
}

/** The members of an order count (order-rollup.ts's OrderCell). */
export interface OrderCountCell {
  saleDate: string;
  customerId: number | null;
  channelId: number | null;
  repId: number | null;
  regionId: number | null;
}

function addTo(m: Measures, l: RollupLine) {
  m.amountMinor += l.amountMinor;
  m.quantity += l.quantity;
  m.lines += 1;
  if (l.hasCampaign) m.campaignAmountMinor += l.amountMinor;
}

/** Ids below this pack into one number key (ids + 1, so that 0 stands for none). */
const SMALL = 4096;

/**
 * One key for a product × channel × rep × region: a number when every id is small (the usual
 * case: cheaper to hash than a string), else a string. Keys of the two kinds never meet in a Map.
 */
function membersKey(p: number, c: number | null, r: number | null, g: number | null): number | string {
  const a = p + 1;
  const b = c === null ? 0 : c + 1;
  const d = r === null ? 0 : r + 1;
  const e = g === null ? 0 : g + 1;
  if (a > 0 && a < SMALL && b >= 0 && b < SMALL && d >= 0 && d < SMALL && e >= 0 && e < SMALL)
    return ((a * SMALL + b) * SMALL + d) * SMALL + e;
  return `${p}|${c}|${r}|${g}`;
}

/** 2^30: channel, rep and region ids (+ 1) below 2^10 each pack under the customer id (+ 1, below 2^23). */
const LOW = 1 << 30;
const TEN = 1 << 10;

/** One key for a customer × channel × rep × region (as membersKey: a number when the ids are small). */
function customerKey(
  cu: number | null,
  c: number | null,
  r: number | null,
  g: number | null,
): number | string {
  const a = cu === null ? 0 : cu + 1;
  const b = c === null ? 0 : c + 1;
  const d = r === null ? 0 : r + 1;
  const e = g === null ? 0 : g + 1;
  if (a >= 0 && a < 1 << 23 && b >= 0 && b < TEN && d >= 0 && d < TEN && e >= 0 && e < TEN)
    return a * LOW + (b * TEN + d) * TEN + e;
  return `${cu}|${c}|${r}|${g}`;
}

/**
 * Holds the day rows of every day it has seen (product × channel × rep × region per day), whatever
 * the order of the lines: a file sorted by customer or product, or shuffled, folds into as few rows
 * as a date-sorted one, as long as its distinct day rows fit under `limit`. Month rows are summed from
 * the day rows when drained. First purchases are kept per customer until drained.
 */
export class RollupAccumulator {
  /** day → members → row */
  private days = new Map<string, Map<number | string, DailyRow>>();
  private dayRows = 0;
  private first = new Map<number, string>();
  /** The last day seen and its map (consecutive lines usually share a day). */
  private lastDay: string | null = null;
  private lastRows: Map<number | string, DailyRow> | null = null;
  /** month start → customer × members → row (kpi_customer_monthly). */
  private months = new Map<string, Map<number | string, CustomerMonthRow>>();
  private monthRows = 0;
  /** The month map of lastDay. */
  private lastMonthRows: Map<number | string, CustomerMonthRow> | null = null;

  constructor(private readonly limit = 200_000) {}

  add(l: RollupLine): void {
    let rows = this.lastRows;
    if (l.saleDate !== this.lastDay || rows === null) {
      rows = this.days.get(l.saleDate) ?? null;
      if (rows === null) {
        rows = new Map();
        this.days.set(l.saleDate, rows);
      }
      this.lastDay = l.saleDate;
      this.lastRows = rows;
      this.lastMonthRows = this.monthOf(l.saleDate);
    }
    const dayKey = membersKey(l.productId, l.channelId, l.repId, l.regionId);
    let d = rows.get(dayKey);
    if (!d) {
      d = {
        saleDate: l.saleDate,
        productId: l.productId,
        channelId: l.channelId,
        repId: l.repId,
        regionId: l.regionId,
        amountMinor: 0,
        quantity: 0,
        lines: 0,
        campaignAmountMinor: 0,
      };
      rows.set(dayKey, d);
      this.dayRows += 1;
    }
    addTo(d, l);
    addTo(this.customerRow(this.lastMonthRows as Map<number | string, CustomerMonthRow>, l), l);

    if (l.customerId !== null) {
      const seen = this.first.get(l.customerId);
      if (seen === undefined || l.saleDate < seen) this.first.set(l.customerId, l.saleDate);
    }
  }

  /**
   * Counts `sign` × one simple order in the customer-month cell of `cell` (called by OrderTracker as
   * it counts an order in kpi_orders_daily: the two stay in step).
   */
  countOrder(cell: OrderCountCell, sign: number): void {
    const rows =
      cell.saleDate === this.lastDay && this.lastMonthRows ? this.lastMonthRows : this.monthOf(cell.saleDate);
    this.customerRow(rows, cell).orders += sign;
  }

  private monthOf(day: string): Map<number | string, CustomerMonthRow> {
    const monthStart = `${day.slice(0, 7)}-01`;
    let rows = this.months.get(monthStart);
    if (!rows) {
      rows = new Map();
      this.months.set(monthStart, rows);
    }
    return rows;
  }

  private customerRow(rows: Map<number | string, CustomerMonthRow>, c: OrderCountCell): CustomerMonthRow {
    const key = customerKey(c.customerId, c.channelId, c.repId, c.regionId);
    let row = rows.get(key);
    if (!row) {
      row = {
        monthStart: `${c.saleDate.slice(0, 7)}-01`,
        customerId: c.customerId,
        channelId: c.channelId,
        repId: c.repId,
        regionId: c.regionId,
        amountMinor: 0,
        quantity: 0,
        lines: 0,
        campaignAmountMinor: 0,
        orders: 0,
      };
      rows.set(key, row);
      this.monthRows += 1;
    }
    return row;
  }

  /** True when the held rows should be written out. */
  get full(): boolean {
    return this.dayRows + this.first.size + this.monthRows >= this.limit;
  }

  /** The rows held so far; the accumulator starts empty again. */
  drain(): RollupBatch {
    const daily: DailyRow[] = [];
    /** month start → members → row */
    const months = new Map<string, Map<number | string, MonthlyRow>>();
    // Written in date order: the rows of a file in any order go to the roll-up tables' indexes in runs.
    for (const day of [...this.days.keys()].sort()) {
      const rows = this.days.get(day) as Map<number | string, DailyRow>;
      const monthStart = `${day.slice(0, 7)}-01`;
      let month = months.get(monthStart);
      if (!month) {
        month = new Map();
        months.set(monthStart, month);
      }
      for (const [key, d] of rows) {
        daily.push(d);
        let m = month.get(key);
        if (!m) {
          m = {
            monthStart,
            productId: d.productId,
            channelId: d.channelId,
            repId: d.repId,
            regionId: d.regionId,
            amountMinor: 0,
            quantity: 0,
            lines: 0,
            campaignAmountMinor: 0,
          };
          month.set(key, m);
        }
        m.amountMinor += d.amountMinor;
        m.quantity += d.quantity;
        m.lines += d.lines;
        m.campaignAmountMinor += d.campaignAmountMinor;
      }
    }
    const out: RollupBatch = {
      daily,
      monthly: [...months.values()].flatMap((m) => [...m.values()]),
      firstPurchases: [...this.first].map(([customerId, firstDate]) => ({ customerId, firstDate })),
      customerMonths: [...this.months.keys()]
        .sort()
        .flatMap((k) => [...(this.months.get(k) as Map<number | string, CustomerMonthRow>).values()]),
    };
    this.months = new Map();
    this.monthRows = 0;
    this.lastMonthRows = null;
    this.days = new Map();
    this.dayRows = 0;
    this.lastDay = null;
    this.lastRows = null;
    this.first = new Map();
    return out;
  }
}
