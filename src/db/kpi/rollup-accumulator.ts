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

/**
 * Files list days in order, so the accumulator works as a stream: the day being read is one map of
 * product × channel × rep × region, closed when another day comes (its rows then go to the daily
 * list and into the month's rows). A file in another order gives more rows, not other figures.
 * First purchases are kept per customer until drained.
 */
export class RollupAccumulator {
  private day: string | null = null;
  private dayRows = new Map<string, DailyRow>();
  private daily: DailyRow[] = [];
  private months = new Map<string, MonthlyRow>();
  private first = new Map<number, string>();

  constructor(private readonly limit = 50_000) {}

  add(l: RollupLine): void {
    if (l.saleDate !== this.day) this.closeDay(l.saleDate);
    // null prints as 'null', apart from every id.
    const dayKey = `${l.productId}|${l.channelId}|${l.repId}|${l.regionId}`;
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
    for (const d of this.dayRows.values()) {
      this.daily.push(d);
      // The month's row of the same members takes the closed day's sums.
      const monthStart = `${d.saleDate.slice(0, 7)}-01`;
      const key = `${monthStart}|${d.productId}|${d.channelId}|${d.repId}|${d.regionId}`;
      let m = this.months.get(key);
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
        this.months.set(key, m);
      }
      m.amountMinor += d.amountMinor;
      m.quantity += d.quantity;
      m.lines += d.lines;
      m.campaignAmountMinor += d.campaignAmountMinor;
    }
    this.dayRows = new Map();
    this.day = next;
  }

  /** True when the held rows should be written out. */
  get full(): boolean {
    return this.daily.length + this.dayRows.size + this.months.size + this.first.size >= this.limit;
  }

  /** The rows held so far, the open day included; the accumulator starts empty again. */
  drain(): RollupBatch {
    this.closeDay(null);
    const out: RollupBatch = {
      daily: this.daily,
      monthly: [...this.months.values()],
      firstPurchases: [...this.first].map(([customerId, firstDate]) => ({ customerId, firstDate })),
    };
    this.daily = [];
    this.months = new Map();
    this.first = new Map();
    return out;
  }
}
