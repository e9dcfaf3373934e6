import fc from 'fast-check';

/**
 * Random sales files of orders for the KPI property tests (kpi-distinct, kpi-customers): orders of a
 * few lines that mostly share their day and members (the usual case), sometimes not — a line a day
 * later, on another channel or without the rep — in any of the line orders real exports come in.
 * Some orders are returns alone (a POS return slip with an order id of its own: every line a negative
 * quantity), and a sale's line is sometimes a return (an exchange): an order counts where it has a
 * sale line, and its customer buys there; returns net in the sums.
 */

export const PRODUCTS = ['拿鐵', '美式咖啡', '禮盒'];
export const CHANNELS = ['門市', '線上商店', '外送'];
export const REPS = ['小王', '阿明'];
export const REGIONS = ['台北市', '新北市'];

/** One line, its members as indexes into the lists above (null: the cell is empty). */
export interface Line {
  order: number | null;
  lineNo: number;
  day: number;
  product: number;
  qty: number;
  customer: number | null;
  channel: number | null;
  rep: number | null;
  region: number | null;
}

export const pick = (names: readonly string[], i: number | null) => (i === null ? '' : (names[i] ?? ''));

export interface OrderFileShape {
  /** Days 0 … days − 1. */
  days: number;
  /** Order numbers 1 … maxOrder (the same number twice: an order split across the file). */
  maxOrder: number;
  /** Customers 1 … maxCustomer. */
  maxCustomer: number;
  /** How often an order has a customer (fast-check's `freq` of fc.option: higher, more often). */
  customerFreq: number;
  /** Orders in a file, at most. */
  maxOrders: number;
  /** The days orders start on (default: any day). */
  dayArb?: fc.Arbitrary<number>;
}

/** A line's quantity is negative: a return (its amount too, `qty` × the unit price). */
export const isReturn = (l: Line): boolean => l.qty < 0;

function orderArb(s: OrderFileShape): fc.Arbitrary<Line[]> {
  return fc
    .record({
      order: fc.option(fc.integer({ min: 1, max: s.maxOrder }), { freq: 6 }),
      day: s.dayArb ?? fc.integer({ min: 0, max: s.days - 1 }),
      customer: fc.option(fc.integer({ min: 1, max: s.maxCustomer }), { freq: s.customerFreq }),
      channel: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 5 }),
      rep: fc.option(fc.integer({ min: 0, max: 1 }), { freq: 3 }),
      region: fc.option(fc.integer({ min: 0, max: 1 }), { freq: 3 }),
      /** A return slip: every line a return. */
      returns: fc.constantFrom(false, false, false, false, true),
      lines: fc.array(
        fc.record({
          product: fc.integer({ min: 0, max: 2 }),
          qty: fc.integer({ min: 1, max: 3 }),
          /** 0: same cell as the order; otherwise one member differs. */
          drift: fc.constantFrom(0, 0, 0, 0, 0, 1, 2, 3),
          lineNo: fc.integer({ min: 1, max: 6 }),
          /** A sale's line taken back (an exchange), now and then. */
          back: fc.constantFrom(false, false, false, false, false, false, true),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    })
    .map((o): Line[] =>
      o.lines.map((l) => ({
        order: o.order,
        lineNo: l.lineNo,
        day: l.drift === 1 ? Math.min(s.days - 1, o.day + 1) : o.day,
        product: l.product,
        qty: o.returns || l.back ? -l.qty : l.qty,
        customer: o.customer,
        channel: l.drift === 2 ? ((o.channel ?? 0) + 1) % 3 : o.channel,
        rep: l.drift === 3 ? null : o.rep,
        region: o.region,
      })),
    );
}

/** A file's lines: its orders, written in the file's order, by customer, reversed or by product. */
export function orderFileArb(s: OrderFileShape): fc.Arbitrary<Line[]> {
  return fc
    .tuple(
      fc.array(orderArb(s), { minLength: 1, maxLength: s.maxOrders }),
      fc.constantFrom('file', 'customer', 'reverse', 'product'),
    )
    .map(([orders, order]) => {
      const lines = orders.flat();
      if (order === 'customer') return [...lines].sort((a, b) => (a.customer ?? 0) - (b.customer ?? 0));
      if (order === 'reverse') return [...lines].reverse();
      if (order === 'product') return [...lines].sort((a, b) => a.product - b.product);
      return lines;
    });
}
