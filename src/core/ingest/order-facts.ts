import { toHalfWidth, trimCell } from './half-width.ts';
import { roundQuantity } from './parse-amount.ts';
import type { SalesRecord } from './records.ts';

/**
 * What a status word means for the sales figures: a sale; an order that is no sale (refunded in
 * full, voided, cancelled, unpaid); or a returned line (its quantity and amount count negative).
 */
export type StatusClass = 'sale' | 'refunded' | 'voided' | 'cancelled' | 'unpaid' | 'return';

/** Why an order's lines were left out of the sales. */
export type ExclusionReason = 'refunded' | 'voided' | 'cancelled' | 'unpaid';

const STATUS_WORDS: ReadonlyArray<readonly [StatusClass, readonly string[]]> = [
  ['sale', ['partially_refunded', 'partially refunded', '部分退款', 'partiallypaid', 'partially_paid']],
  [
    'refunded',
    [
      'refunded',
      '已退款',
      '退款成功',
      '退款完成',
      '全額退款',
      '已退款完成',
      '退款',
      'refund',
      '全部退款',
      '已退貨',
      '退貨完成',
      '退貨退款',
    ],
  ],
  ['voided', ['voided', 'void', '作廢', '已作廢', '註銷', '已註銷', '發票作廢']],
  [
    'cancelled',
    [
      'cancelled',
      'canceled',
      'cancel',
      '取消',
      '已取消',
      '訂單取消',
      '交易取消',
      '交易關閉',
      '交易关闭',
      '已關閉',
      '不成立',
      '訂單不成立',
      'failed',
      'expired',
    ],
  ],
  [
    'unpaid',
    [
      'pending',
      'unpaid',
      'authorized',
      '未付款',
      '待付款',
      '等待付款',
      '等待買家付款',
      '尚未付款',
      'awaiting payment',
      // WooCommerce: awaiting payment (a bank transfer or cheque not yet received).
      'on-hold',
    ],
  ],
  // A POS line of its own that takes goods back (the sale it reverses is another line).
  ['return', ['退貨', '銷退', 'return', 'returned', '退']],
];

const lookup = new Map<string, StatusClass>();
for (const [cls, words] of STATUS_WORDS) for (const w of words) lookup.set(w, cls);

/**
 * A classification of a cell's raw text, remembered for the first 1,000 distinct values: a status
 * column holds a handful of values, read on every line of a file.
 */
function remembered<T>(classify: (folded: string) => T): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    const hit = cache.get(raw);
    if (hit !== undefined) return hit;
    const value = classify(toHalfWidth(trimCell(raw)).toLowerCase());
    if (cache.size < 1000) cache.set(raw, value);
    return value;
  };
}

/**
 * The class of a status value (Shopify's Financial Status, a platform's 訂單狀態, a POS line's 退貨 /
 * 作廢): matched whole after case and width folding, else by a contained Chinese word (「退款成功」,
 * 「買家取消」); anything else (paid, 已付款, 已完成, 交易成功...) is a sale.
 */
export const classifyStatus = remembered((s): StatusClass => {
  const whole = lookup.get(s);
  if (whole !== undefined || s.length === 0) return whole ?? 'sale';
  if (s.includes('部分退款')) return 'sale';
  if (s.includes('退款') || s.includes('退貨完成') || s.includes('已退貨')) return 'refunded';
  if (s.includes('作廢')) return 'voided';
  if (s.includes('取消') || s.includes('不成立') || s.includes('關閉')) return 'cancelled';
  if (s.includes('未付款') || s.includes('待付款')) return 'unpaid';
  if (s.includes('退貨')) return 'return';
  return 'sale';
});

/**
 * Where a line's return stands (a marketplace's 退貨 / 退款狀態 of the item): `done`, the goods came
 * back or the money went back; `open`, a request still open, or refused or withdrawn: still a sale.
 */
export type ReturnState = 'done' | 'open';

/** A request not (or not yet) granted: asked, in review, refused, withdrawn, disputed. */
const OPEN_RETURN =
  /申請|申请|處理中|处理中|審核|审核|待|等待|協商|协商|爭議|争议|拒絕|拒绝|駁回|驳回|撤回|撤銷|撤销|取消|不成立|失敗|失败|request|pending|review|processing|progress|await|dispute|reject|declin|denied|cancel|withdraw|fail/;

/**
 * The state of a return-status value (「退款成功」, 「退貨/退款申請中」, 「已拒絕」, Refunded, Return
 * requested): open when it says the request is asked, pending, refused or withdrawn; any other value
 * (已退款, 退貨完成, 退款, Refunded, Returned...) is a return that is done. An empty cell is no return.
 */
export const classifyReturnStatus = remembered((s): ReturnState => (OPEN_RETURN.test(s) ? 'open' : 'done'));

/**
 * A return line: one that takes goods or money back (a negative quantity or amount, as written or as
 * a line's status 'return' makes it). Its amount nets against the sales; it is no purchase: an order
 * and a customer count where they have a sale line (any other line), so an order of returns alone (a
 * POS return slip, a 銷退單 with its own order id) is no order, and its customer no buying customer
 * (src/core/kpi/glossary.ts; the KPI roll-ups follow the same rule, src/db/kpi).
 */
export const isReturnLine = (quantity: number, amountMinor: number): boolean =>
  quantity < 0 || amountMinor < 0;

/** A line's order-level facts as the file gives them (an export may fill them on the first line only). */
export interface LineFacts {
  status: StatusClass | null;
  /** The raw status text (for the preview's list of statuses). */
  statusText: string | null;
  cancelled: boolean;
  /** The order's paid amount, when the file has one (0 = unpaid). */
  paidMinor: number | null;
  /** The order's refunded amount. */
  refundMinor: number | null;
  /** The order's discount, to spread over its lines (line discounts already taken off are deducted). */
  orderDiscountMinor: number | null;
  /** The line's own return, when the file has a return-status column and the cell is not empty. */
  returnState?: ReturnState | null;
  /** The units of the line that came back, when the file says so as a number. */
  returnedQuantity?: number | null;
}

export interface OrderTotals {
  /** Lines left out because their order is refunded in full, voided, cancelled or unpaid. */
  excludedLines: number;
  /** The same lines by reason (they add up to excludedLines). */
  excludedLinesBy: Record<ExclusionReason, number>;
  excludedOrders: Record<ExclusionReason, number>;
  /** Lines counted as returns (negative quantity, by status or as written), or less their returned units. */
  returnLines: number;
  /** Partial refunds taken off the lines' amounts (a returned quantity's share of its line too). */
  refundedMinor: number;
  /** Order discounts spread over the lines. */
  orderDiscountMinor: number;
}

interface Pending {
  record: SalesRecord;
  facts: LineFacts | null;
}

/** The first non-null of each fact over an order's lines. */
function merge(lines: readonly Pending[]): Omit<LineFacts, 'statusText'> {
  let status: StatusClass | null = null;
  let cancelled = false;
  let paidMinor: number | null = null;
  let refundMinor: number | null = null;
  let orderDiscountMinor: number | null = null;
  const first = lines[0]?.facts?.status ?? null;
  if (first !== null && first !== 'return') status = first;
  for (const { facts: f } of lines) {
    if (f === null) continue;
    cancelled ||= f.cancelled;
    paidMinor ??= f.paidMinor;
    refundMinor ??= f.refundMinor;
    orderDiscountMinor ??= f.orderDiscountMinor;
  }
  return { status, cancelled, paidMinor, refundMinor, orderDiscountMinor };
}

/**
 * Spreads `total` (minor units, ≥ 0) over the lines in proportion to `weights` (≥ 0), by largest
 * remainder so the shares add up exactly; equally when every weight is 0.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const sum = weights.reduce((a, w) => a + w, 0);
  const raw = weights.map((w) => (sum > 0 ? (total * w) / sum : total / n));
  const out = raw.map((x) => Math.floor(x));
  let left = total - out.reduce((a, x) => a + x, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0 && k < n; k++, left--) out[order[k]![1]]! += 1;
  return out;
}

/**
 * Puts an export's lines back into orders (consecutive lines with one order id; a line without an
 * order id is an order of its own) and applies the order's facts to its lines: lines of refunded,
 * voided, cancelled or unpaid orders (or with such a status of their own) are left out; a returned
 * line counts negative; a partial refund and an order discount are taken off the lines' amounts in
 * proportion, so the lines add up to the order's net sales. Used only when the mapping has an
 * order-level field; an order seen again later in the file inherits its status.
 */
export class OrderAssembler {
  private current: Pending[] = [];
  private currentId: string | null = null;
  /** Status facts of orders already closed, for their lines met again further down the file. */
  private readonly seen = new Map<string, Omit<LineFacts, 'statusText'>>();
  readonly totals: OrderTotals = {
    excludedLines: 0,
    excludedLinesBy: { refunded: 0, voided: 0, cancelled: 0, unpaid: 0 },
    excludedOrders: { refunded: 0, voided: 0, cancelled: 0, unpaid: 0 },
    returnLines: 0,
    refundedMinor: 0,
    orderDiscountMinor: 0,
  };

  /** Adds a line; returns the lines of the order it closes (to write), possibly none. */
  push(record: SalesRecord, facts: LineFacts | null, out: SalesRecord[]): void {
    const id = record.orderId;
    if (this.current.length > 0 && (id === null || id !== this.currentId)) this.close(out);
    this.current.push({ record, facts });
    this.currentId = id;
    if (id === null) this.close(out);
  }

  /** Closes the last order. */
  flush(out: SalesRecord[]): void {
    if (this.current.length > 0) this.close(out);
  }

  private close(out: SalesRecord[]): void {
    const lines = this.current;
    this.current = [];
    const id = this.currentId;
    const own = merge(lines);
    const before = id === null ? undefined : this.seen.get(id);
    // The order's status is its first line's (an export fills it there); a line with a status of its
    // own (a POS line marked 作廢 or 退貨) keeps it.
    const order = before === undefined ? own : { ...own, status: own.status ?? before.status };
    if (
      id !== null &&
      before === undefined &&
      (own.status !== null || own.cancelled || own.paidMinor !== null)
    )
      this.seen.set(id, own);
    const named =
      order.status === 'refunded' ||
      order.status === 'voided' ||
      order.status === 'cancelled' ||
      order.status === 'unpaid'
        ? order.status
        : null;
    const whole = order.cancelled
      ? (named ?? 'cancelled')
      : order.paidMinor !== null && order.paidMinor <= 0
        ? (named ?? 'unpaid')
        : null;
    if (whole !== null) {
      this.exclude(lines.length, whole, before === undefined);
      return;
    }
    const kept: SalesRecord[] = [];
    const reasons = new Set<ExclusionReason>();
    let left = 0;
    /** What the lines' own returns took off (an order's refund total covers them). */
    let returnedMinor = 0;
    for (const { record, facts } of lines) {
      const status = facts?.status ?? order.status;
      if (status === 'refunded' || status === 'voided' || status === 'cancelled' || status === 'unpaid') {
        left += 1;
        reasons.add(status);
        this.totals.excludedLinesBy[status] += 1;
        continue;
      }
      const back = facts ? this.returned(record, facts) : 0;
      if (back === 'all') {
        returnedMinor += record.amountMinor;
        left += 1;
        reasons.add('refunded');
        this.totals.excludedLinesBy.refunded += 1;
        continue;
      }
      returnedMinor += back;
      if (facts?.status === 'return' && record.quantity > 0) {
        record.quantity = -record.quantity;
        record.amountMinor = -record.amountMinor;
      }
      if (isReturnLine(record.quantity, record.amountMinor)) this.totals.returnLines += 1;
      kept.push(record);
    }
    this.totals.excludedLines += left;
    if (before === undefined) for (const r of reasons) this.totals.excludedOrders[r] += 1;
    const sales = kept.filter((r) => r.amountMinor > 0);
    const lineDiscounts = sales.reduce((a, r) => a + r.discountMinor, 0);
    const orderDiscount = Math.max(0, (order.orderDiscountMinor ?? 0) - lineDiscounts);
    if (orderDiscount > 0 && sales.length > 0) {
      const gross = sales.reduce((a, r) => a + r.amountMinor, 0);
      const taken = Math.min(orderDiscount, gross);
      const shares = allocate(
        taken,
        sales.map((r) => r.amountMinor),
      );
      sales.forEach((r, i) => {
        r.amountMinor -= shares[i]!;
        r.discountMinor += shares[i]!;
      });
      this.totals.orderDiscountMinor += taken;
    }
    // The order's refund total includes what its lines' returns already took off.
    const refund = Math.max(0, (order.refundMinor ?? 0) - returnedMinor);
    if (refund > 0 && sales.length > 0) {
      const net = sales.reduce((a, r) => a + r.amountMinor, 0);
      if (refund >= net) {
        // Refunded in full, whatever the status says.
        this.exclude(lines.length - left, 'refunded', before === undefined && !reasons.has('refunded'));
        return;
      }
      const shares = allocate(
        refund,
        sales.map((r) => r.amountMinor),
      );
      sales.forEach((r, i) => {
        r.amountMinor -= shares[i]!;
      });
      this.totals.refundedMinor += refund;
    }
    for (const r of kept) out.push(r);
  }

  /**
   * Applies a line's own return to it: 'all' when all of it came back (a return done without a
   * returned quantity, or with at least the line's); else takes the returned units, and their share
   * of the amount and discount, off the line and says how much of the amount that was (0: none).
   */
  private returned(record: SalesRecord, facts: LineFacts): number | 'all' {
    const state = facts.returnState ?? null;
    const units = facts.returnedQuantity ?? null;
    // An open or refused request is still a sale, whatever quantity it names.
    if (state === 'open' || record.quantity <= 0 || record.amountMinor < 0) return 0;
    if (state === null && (units === null || units <= 0)) return 0;
    if (units === null || units <= 0 || units >= record.quantity) return 'all';
    const kept = record.quantity - units;
    const amount = Math.round((record.amountMinor * kept) / record.quantity);
    const taken = record.amountMinor - amount;
    this.totals.refundedMinor += taken;
    this.totals.returnLines += 1;
    record.discountMinor = Math.round((record.discountMinor * kept) / record.quantity);
    record.amountMinor = amount;
    record.quantity = roundQuantity(kept);
    return taken;
  }

  private exclude(lines: number, reason: ExclusionReason, countOrder: boolean): void {
    this.totals.excludedLines += lines;
    this.totals.excludedLinesBy[reason] += lines;
    if (countOrder) this.totals.excludedOrders[reason] += 1;
  }
}
