/**
 * KPI roll-ups computed from the lines an import adds, while it adds them, instead of re-reading
 * every line of the import's date range afterwards.
 *
 * The roll-up tables have no unique keys and every reader sums (or counts distinct order ids,
 * takes the minimum date) over whatever rows match, so the rows of one import may be added beside
 * the rows already there: a key may hold several rows, the figures are the same. The accumulator
 * drains every `limit` keys, so its memory stays flat in the size of the file. Undo and catalog
 * merges recompute the range from the lines (refreshSalesRollups), which folds the rows again.
 */

/** One added sales line, with its dimension ids. */
export interface RollupLine {
  saleDate: string;
  orderId: string;
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

export interface OrderRow extends Measures {
  saleDate: string;
  orderId: string;
  customerId: number | null;
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
  orders: OrderRow[];
  firstPurchases: FirstPurchase[];
}

const part = (n: number | null) => (n === null ? '' : String(n));

function addTo(m: Measures, l: RollupLine) {
  m.amountMinor += l.amountMinor;
  m.quantity += l.quantity;
  m.lines += 1;
  if (l.hasCampaign) m.campaignAmountMinor += l.amountMinor;
}

/**
 * Files list an order's lines together and days in order, so the accumulator works as a stream: the
 * order being read is one open row, closed when a line of another order (or date, customer, channel,
 * rep, region) comes; the day being read is one map of product × channel × rep × region, closed when
 * another day comes. A file in another order gives more rows, not other figures.
 */
export class RollupAccumulator {
  private day: string | null = null;
  private dayRows = new Map<string, DailyRow>();
  private order: OrderRow | null = null;
  private daily: DailyRow[] = [];
  private orders: OrderRow[] = [];
  private first = new Map<number, string>();
  /** Earliest and latest sale date of every line added so far (for the monthly roll-up). */
  firstDate: string | null = null;
  lastDate: string | null = null;

  constructor(private readonly limit = 50_000) {}

  add(l: RollupLine): void {
    if (l.saleDate !== this.day) this.closeDay(l.saleDate);
    const dayKey = `${l.productId}|${part(l.channelId)}|${part(l.repId)}|${part(l.regionId)}`;
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

    let o = this.order;
    if (
      o === null ||
      o.orderId !== l.orderId ||
      o.saleDate !== l.saleDate ||
      o.customerId !== l.customerId ||
      o.channelId !== l.channelId ||
      o.repId !== l.repId ||
      o.regionId !== l.regionId
    ) {
      if (o) this.orders.push(o);
      o = {
        saleDate: l.saleDate,
        orderId: l.orderId,
        customerId: l.customerId,
        channelId: l.channelId,
        repId: l.repId,
        regionId: l.regionId,
        amountMinor: 0,
        quantity: 0,
        lines: 0,
        campaignAmountMinor: 0,
      };
      this.order = o;
    }
    addTo(o, l);

    if (l.customerId !== null) {
      const seen = this.first.get(l.customerId);
      if (seen === undefined || l.saleDate < seen) this.first.set(l.customerId, l.saleDate);
    }
    if (this.firstDate === null || l.saleDate < this.firstDate) this.firstDate = l.saleDate;
    if (this.lastDate === null || l.saleDate > this.lastDate) this.lastDate = l.saleDate;
  }

  private closeDay(next: string | null) {
    for (const d of this.dayRows.values()) this.daily.push(d);
    this.dayRows = new Map();
    this.day = next;
  }

  /** True when the held rows should be written out. */
  get full(): boolean {
    return this.orders.length + this.daily.length + this.dayRows.size + this.first.size >= this.limit;
  }

  /** The rows held so far, the open day and order included; the accumulator starts empty again. */
  drain(): RollupBatch {
    this.closeDay(null);
    if (this.order) this.orders.push(this.order);
    this.order = null;
    const out: RollupBatch = {
      daily: this.daily,
      orders: this.orders,
      firstPurchases: [...this.first].map(([customerId, firstDate]) => ({ customerId, firstDate })),
    };
    this.daily = [];
    this.orders = [];
    this.first = new Map();
    return out;
  }
}
