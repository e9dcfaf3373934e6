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

export interface RollupBatch {
  daily: DailyRow[];
  monthly: MonthlyRow[];
  firstPurchases: FirstPurchase[];
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

/**
 * Files list days in order, so the accumulator works as a stream: the day being read is one map of
 * product × channel × rep × region, closed when another day comes (its rows then go to the daily
 * list and into the month's rows). A file in another order gives more rows, not other figures.
 * First purchases are kept per customer until drained.
 */
export class RollupAccumulator {
  private day: string | null = null;
  private dayRows = new Map<number | string, DailyRow>();
  private daily: DailyRow[] = [];
  /** month start → members → row */
  private months = new Map<string, Map<number | string, MonthlyRow>>();
  private monthRows = 0;
  private first = new Map<number, string>();

  constructor(private readonly limit = 50_000) {}

  add(l: RollupLine): void {
    if (l.saleDate !== this.day) this.closeDay(l.saleDate);
    const dayKey = membersKey(l.productId, l.channelId, l.repId, l.regionId);
    let d = this.dayRows.get(dayKey);
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
      this.dayRows.set(dayKey, d);
    }
    addTo(d, l);

    if (l.customerId !== null) {
      const seen = this.first.get(l.customerId);
      if (seen === undefined || l.saleDate < seen) this.first.set(l.customerId, l.saleDate);
    }
  }

  private closeDay(next: string | null) {
    if (this.day !== null && this.dayRows.size > 0) {
      // The month's rows of the same members take the closed day's sums.
      const monthStart = `${this.day.slice(0, 7)}-01`;
      let month = this.months.get(monthStart);
      if (!month) {
        month = new Map();
        this.months.set(monthStart, month);
      }
      for (const [key, d] of this.dayRows) {
        this.daily.push(d);
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
          this.monthRows += 1;
        }
        m.amountMinor += d.amountMinor;
        m.quantity += d.quantity;
        m.lines += d.lines;
        m.campaignAmountMinor += d.campaignAmountMinor;
      }
      this.dayRows = new Map();
    }
    this.day = next;
  }

  /** True when the held rows should be written out. */
  get full(): boolean {
    return this.daily.length + this.dayRows.size + this.monthRows + this.first.size >= this.limit;
  }

  /** The rows held so far, the open day included; the accumulator starts empty again. */
  drain(): RollupBatch {
    this.closeDay(null);
    const out: RollupBatch = {
      daily: this.daily,
      monthly: [...this.months.values()].flatMap((m) => [...m.values()]),
      firstPurchases: [...this.first].map(([customerId, firstDate]) => ({ customerId, firstDate })),
    };
    this.daily = [];
    this.months = new Map();
    this.monthRows = 0;
    this.first = new Map();
    return out;
  }
}
