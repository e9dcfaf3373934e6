import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RollupAccumulator,
  type RollupBatch,
  type RollupLine,
  rowsOf,
} from '../../../src/db/kpi/rollup-accumulator.ts';

/** A drained batch copied out of the accumulator's shared row objects, table by table. */
const copied = (b: RollupBatch) => ({
  daily: rowsOf(b.daily),
  monthly: rowsOf(b.monthly),
  weekly: rowsOf(b.weekly),
  firstPurchases: rowsOf(b.firstPurchases),
  customerMonths: rowsOf(b.customerMonths),
  customerWeeks: rowsOf(b.customerWeeks),
  customerDays: rowsOf(b.customerDays),
  customerProducts: rowsOf(b.customerProducts),
  customerProductWeeks: rowsOf(b.customerProductWeeks),
});
type Copied = ReturnType<typeof copied>;

/** The Monday of each day lineArb draws (ISO weeks), written out. */
const MONDAY: Record<string, string> = {
  '1969-12-31': '1969-12-29',
  '2025-12-31': '2025-12-29',
  '2026-01-01': '2025-12-29',
  '2026-01-02': '2025-12-29',
  '2026-01-31': '2026-01-26',
  '2026-02-01': '2026-01-26',
};

const lineArb: fc.Arbitrary<RollupLine> = fc.record({
  // Days of three months across a year's end (month rows and day numbers across the boundary), weeks
  // across months and years, a day before 1970 (day numbers below zero).
  saleDate: fc.constantFrom(
    '1969-12-31',
    '2025-12-31',
    '2026-01-01',
    '2026-01-02',
    '2026-01-31',
    '2026-02-01',
  ),
  // Small and large ids (keys are doubles in typed arrays; a customer id past 2^32 included).
  productId: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4094, max: 4097 })),
  customerId: fc.option(fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant(2 ** 33 + 5))),
  channelId: fc.option(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(5000))),
  repId: fc.option(fc.integer({ min: 1, max: 2 })),
  regionId: fc.option(fc.integer({ min: 1, max: 2 })),
  quantity: fc.integer({ min: 1, max: 5 }),
  amountMinor: fc.integer({ min: -500, max: 10_000 }),
  hasCampaign: fc.boolean(),
});

/** A customer cell's key (period, customer and members) and its sums, whatever its period. */
type CustomerCell = Omit<Copied['customerDays'][number], 'saleDate'>;
const cellKey = (period: string, c: CustomerCell) =>
  [period, c.customerId, c.channelId, c.repId, c.regionId].join('|');
const cellSums = (c: CustomerCell) => [c.amountMinor, c.quantity, c.lines, c.campaignAmountMinor, c.orders];

/** Folds rows of one key together, as every reader of the roll-ups does (SUM / MIN). */
function fold(batches: readonly Copied[]) {
  const daily = new Map<string, number[]>();
  const monthly = new Map<string, number[]>();
  const weekly = new Map<string, number[]>();
  const first = new Map<number, string>();
  const customerMonths = new Map<string, number[]>();
  const customerWeeks = new Map<string, number[]>();
  const customerDays = new Map<string, number[]>();
  const customerProducts = new Map<string, number[]>();
  const customerProductWeeks = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, v: number[]) => {
    const cur = m.get(k) ?? [0, 0, 0, 0, 0];
    m.set(
      k,
      cur.map((x, i) => x + (v[i] ?? 0)),
    );
  };
  for (const b of batches) {
    for (const d of b.daily)
      add(daily, [d.saleDate, d.productId, d.channelId, d.repId, d.regionId].join('|'), [
        d.amountMinor,
        d.quantity,
        d.lines,
        d.campaignAmountMinor,
      ]);
    for (const m of b.monthly)
      add(monthly, [m.monthStart, m.productId, m.channelId, m.repId, m.regionId].join('|'), [
        m.amountMinor,
        m.quantity,
        m.lines,
        m.campaignAmountMinor,
      ]);
    for (const w of b.weekly)
      add(weekly, [w.weekStart, w.productId, w.channelId, w.repId, w.regionId].join('|'), [
        w.amountMinor,
        w.quantity,
        w.lines,
        w.campaignAmountMinor,
      ]);
    for (const c of b.customerMonths) add(customerMonths, cellKey(c.monthStart, c), cellSums(c));
    for (const c of b.customerWeeks) add(customerWeeks, cellKey(c.weekStart, c), cellSums(c));
    for (const c of b.customerDays) add(customerDays, cellKey(c.saleDate, c), cellSums(c));
    for (const c of b.customerProducts)
      add(customerProducts, [c.monthStart, c.customerId, c.productId].join('|'), [c.amountMinor, c.lines]);
    for (const c of b.customerProductWeeks)
      add(customerProductWeeks, [c.weekStart, c.customerId, c.productId].join('|'), [c.amountMinor, c.lines]);
    for (const f of b.firstPurchases) {
      const seen = first.get(f.customerId);
      if (seen === undefined || f.firstDate < seen) first.set(f.customerId, f.firstDate);
    }
  }
  const sorted = <V>(m: Map<string | number, V>) =>
    [...m].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return {
    daily: sorted(daily),
    monthly: sorted(monthly),
    weekly: sorted(weekly),
    first: sorted(first),
    customerMonths: sorted(customerMonths),
    customerWeeks: sorted(customerWeeks),
    customerDays: sorted(customerDays),
    customerProducts: sorted(customerProducts),
    customerProductWeeks: sorted(customerProductWeeks),
  };
}

describe('RollupAccumulator', () => {
  it('gives the same figures whatever the line order and wherever it is drained', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 80 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 80 })),
        fc.array(fc.integer({ min: -1, max: 1 }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.nat(), { maxLength: 80 }),
        (lines, limit, drainAt, orderSigns, productWeekLimit, back) => {
          // Line i counts an order (sign orderSigns[i]) in the cell of line i − back[i] (mostly its own,
          // as OrderTracker does right after an order's first line; sometimes an earlier line's).
          const countedIn = lines.map(
            (_, i) => i - ((back[i] ?? 0) % 3 === 0 ? 0 : (back[i] ?? 0) % (i + 1)),
          );
          const orders = lines.map(() => 0);
          lines.forEach((_, i) => {
            const j = countedIn[i] as number;
            orders[j] = (orders[j] as number) + (orderSigns[i] ?? 0);
          });
          // The reference, without the accumulator: each line as a one-line daily and monthly row. A
          // return line (a negative quantity or amount) nets in the sums, is no line nor first purchase.
          const sale = (l: RollupLine) => (l.quantity < 0 || l.amountMinor < 0 ? 0 : 1);
          const one = (l: RollupLine) => ({
            productId: l.productId,
            channelId: l.channelId,
            repId: l.repId,
            regionId: l.regionId,
            amountMinor: l.amountMinor,
            quantity: l.quantity,
            lines: sale(l),
            campaignAmountMinor: l.hasCampaign ? l.amountMinor : 0,
          });
          const expected = fold([
            {
              daily: lines.map((l) => ({ saleDate: l.saleDate, ...one(l) })),
              monthly: lines.map((l) => ({ monthStart: `${l.saleDate.slice(0, 7)}-01`, ...one(l) })),
              weekly: lines.map((l) => ({ weekStart: MONDAY[l.saleDate] as string, ...one(l) })),
              firstPurchases: lines.flatMap((l) =>
                l.customerId === null || sale(l) === 0
                  ? []
                  : [{ customerId: l.customerId, firstDate: l.saleDate }],
              ),
              customerMonths: lines.map((l, i) => ({
                monthStart: `${l.saleDate.slice(0, 7)}-01`,
                ...one(l),
                customerId: l.customerId,
                orders: orders[i] as number,
              })),
              customerWeeks: lines.map((l, i) => ({
                weekStart: MONDAY[l.saleDate] as string,
                ...one(l),
                customerId: l.customerId,
                orders: orders[i] as number,
              })),
              customerDays: lines.map((l, i) => ({
                saleDate: l.saleDate,
                ...one(l),
                customerId: l.customerId,
                orders: orders[i] as number,
              })),
              customerProductWeeks: lines.flatMap((l) =>
                l.customerId === null
                  ? []
                  : [
                      {
                        weekStart: MONDAY[l.saleDate] as string,
                        customerId: l.customerId,
                        productId: l.productId,
                        amountMinor: l.amountMinor,
                        lines: sale(l),
                      },
                    ],
              ),
              customerProducts: lines.flatMap((l) =>
                l.customerId === null
                  ? []
                  : [
                      {
                        monthStart: `${l.saleDate.slice(0, 7)}-01`,
                        customerId: l.customerId,
                        productId: l.productId,
                        amountMinor: l.amountMinor,
                        lines: sale(l),
                      },
                    ],
              ),
            },
          ]);

          const acc = new RollupAccumulator(limit, productWeekLimit);
          const batches: Copied[] = [];
          const drains = new Set(drainAt);
          lines.forEach((l, i) => {
            acc.add(l);
            // An order counted (or taken back) in a line's customer cells, as OrderTracker does.
            if (orderSigns[i])
              acc.countOrder(lines[countedIn[i] as number] as RollupLine, orderSigns[i] as number);
            if (acc.full || drains.has(i)) batches.push(copied(acc.drain()));
          });
          batches.push(copied(acc.drain()));
          expect(fold(batches)).toEqual(expected);
          // Totals are exact.
          const total = lines.reduce((s, l) => s + l.amountMinor, 0);
          expect(batches.flatMap((b) => b.daily).reduce((s, d) => s + d.amountMinor, 0)).toBe(total);
          expect(batches.flatMap((b) => b.monthly).reduce((s, d) => s + d.amountMinor, 0)).toBe(total);
        },
      ),
    );
  });

  it('holds one row per day and members whatever the line order (a file sorted by customer is not a file of one-line days)', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 120 }), (lines) => {
        const keyOf = (l: RollupLine) =>
          [l.saleDate, l.productId, l.channelId, l.repId, l.regionId].join('|');
        const monthKeyOf = (l: RollupLine) =>
          [l.saleDate.slice(0, 7), l.productId, l.channelId, l.repId, l.regionId].join('|');
        for (const order of [
          lines,
          [...lines].reverse(),
          [...lines].sort((a, b) => (a.customerId ?? 0) - (b.customerId ?? 0)),
        ]) {
          const acc = new RollupAccumulator(1_000);
          for (const l of order) acc.add(l);
          const batch = copied(acc.drain());
          expect(batch.daily.length).toBe(new Set(lines.map(keyOf)).size);
          expect(batch.monthly.length).toBe(new Set(lines.map(monthKeyOf)).size);
        }
      }),
    );
  });

  it('keeps the earliest purchase of each customer and reports when it is full', () => {
    // Day rows + first purchases + customer-month, -week and -day rows + customer × product months
    // (the product weeks have a limit of their own): 11 rows after two lines, 13 after three.
    const acc = new RollupAccumulator(12);
    const base: RollupLine = {
      saleDate: '2026-02-02',
      productId: 1,
      customerId: 7,
      channelId: null,
      repId: null,
      regionId: null,
      quantity: 1,
      amountMinor: 100,
      hasCampaign: false,
    };
    acc.add(base);
    expect(acc.full).toBe(false);
    acc.add({ ...base, saleDate: '2026-01-15' });
    expect(acc.full).toBe(false);
    acc.add({ ...base, saleDate: '2026-01-15', productId: 2 });
    expect(acc.full).toBe(true);
    const drained = acc.drain();
    // Drained: not full any more, though the rows stay readable until the accumulator is used again.
    expect(acc.full).toBe(false);
    const out = copied(drained);
    expect(out.firstPurchases).toEqual([{ customerId: 7, firstDate: '2026-01-15' }]);
    expect(out.daily).toHaveLength(3);
    expect(out.customerMonths).toHaveLength(2);
    expect(out.customerWeeks.map((w) => w.weekStart)).toEqual(['2026-01-12', '2026-02-02']);
    expect(out.customerDays.map((d) => [d.saleDate, d.lines, d.amountMinor])).toEqual([
      ['2026-01-15', 2, 200],
      ['2026-02-02', 1, 100],
    ]);
    expect(out.customerProducts).toEqual([
      { monthStart: '2026-01-01', customerId: 7, productId: 1, amountMinor: 100, lines: 1 },
      { monthStart: '2026-01-01', customerId: 7, productId: 2, amountMinor: 100, lines: 1 },
      { monthStart: '2026-02-01', customerId: 7, productId: 1, amountMinor: 100, lines: 1 },
    ]);
    expect(copied(acc.drain())).toEqual({
      daily: [],
      monthly: [],
      weekly: [],
      firstPurchases: [],
      customerMonths: [],
      customerWeeks: [],
      customerDays: [],
      customerProducts: [],
      customerProductWeeks: [],
    });
  });
});

describe('the byte budget', () => {
  const line = (i: number): RollupLine => ({
    saleDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    productId: i,
    customerId: i % 50,
    channelId: i % 3,
    repId: null,
    regionId: null,
    quantity: 1.5,
    amountMinor: 100 + i,
    hasCampaign: i % 2 === 0,
  });

  it('is full once its rows outgrow the bytes it may hold, and drains every line it held', () => {
    const empty = new RollupAccumulator().bytes;
    // Room for a few first purchases, not for a table's second 2,048 rows.
    const acc = new RollupAccumulator(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, empty + 4_096);
    acc.add(line(0));
    expect(acc.full).toBe(false);
    let n = 1;
    while (!acc.full && n < 100_000) acc.add(line(n++));
    // Full when a table first doubles its columns (2,048 rows each at the start).
    expect(n).toBeGreaterThan(2_000);
    expect(n).toBeLessThan(3_000);
    const out = copied(acc.drain());
    expect(out.daily).toHaveLength(n);
    expect(out.daily.reduce((s, d) => s + d.amountMinor, 0)).toBe(n * 100 + (n * (n - 1)) / 2);
    expect(out.daily.reduce((s, d) => s + d.quantity, 0)).toBe(n * 1.5);
    expect(acc.full).toBe(false);
  });

  it('holds the cells of a million-line file of 2,000 customers over three years in one drain', () => {
    // The bench file's shape (bench/import.ts --orders): 241k day rows, 64k customer months, 132k
    // customer weeks, 209k customer days, 171k customer × product months, 248k customer × product
    // weeks. Here every line is a customer day of its own (240k): more than the file's.
    const acc = new RollupAccumulator();
    const cells = { daily: 0, customerWeeks: 0, customerProductWeeks: 0 };
    for (let i = 0; i < 240_000; i++) {
      const day = i % 1_093;
      acc.add({
        ...line(i),
        saleDate: new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10),
        productId: i % 220,
        customerId: i % 2_000,
      });
    }
    expect(acc.full).toBe(false);
    const out = copied(acc.drain());
    cells.daily = out.daily.length;
    cells.customerWeeks = out.customerWeeks.length;
    cells.customerProductWeeks = out.customerProductWeeks.length;
    expect(out.customerDays.length).toBe(240_000);
    expect(cells.daily).toBe(240_000);
    expect(cells.customerWeeks).toBeGreaterThan(130_000);
    expect(cells.customerProductWeeks).toBeGreaterThan(200_000);
    // A quarter of a million lines held and drained: seconds on a busy machine, past the 5 s default.
  }, 60_000);
});

describe('a drained batch', () => {
  it('reads the rows held at the drain, and the next lines start an empty accumulator', () => {
    const acc = new RollupAccumulator(1_000);
    const line: RollupLine = {
      saleDate: '2026-03-02',
      productId: 1,
      customerId: 3,
      channelId: 1,
      repId: null,
      regionId: null,
      quantity: 2,
      amountMinor: 500,
      hasCampaign: true,
    };
    acc.add(line);
    acc.add({ ...line, saleDate: '2026-03-01' });
    const first = acc.drain();
    // Every row object of a view is one shared object: read field by field, copy to keep.
    expect(first.daily.size).toBe(2);
    expect(first.daily.row(0).saleDate).toBe('2026-03-01');
    expect(first.daily.row(1).saleDate).toBe('2026-03-02');
    expect(rowsOf(first.monthly)).toEqual([
      {
        monthStart: '2026-03-01',
        productId: 1,
        channelId: 1,
        repId: null,
        regionId: null,
        amountMinor: 1000,
        quantity: 4,
        lines: 2,
        campaignAmountMinor: 1000,
      },
    ]);
    acc.add({ ...line, saleDate: '2026-04-01', amountMinor: 7 });
    const second = copied(acc.drain());
    expect(second.daily.map((d) => [d.saleDate, d.amountMinor])).toEqual([['2026-04-01', 7]]);
    expect(second.monthly.map((d) => [d.monthStart, d.amountMinor])).toEqual([['2026-04-01', 7]]);
    // Customer 3's first purchase (2026-03-01) was written by the first drain: a later one is left out,
    // an earlier one is written again.
    expect(second.firstPurchases).toEqual([]);
    acc.add({ ...line, saleDate: '2026-02-01' });
    expect(copied(acc.drain()).firstPurchases).toEqual([{ customerId: 3, firstDate: '2026-02-01' }]);
    acc.add({ ...line, saleDate: '2026-02-15' });
    acc.add({ ...line, customerId: 4, saleDate: '2026-02-15' });
    expect(copied(acc.drain()).firstPurchases).toEqual([{ customerId: 4, firstDate: '2026-02-15' }]);
    // Past the customers it remembers, an accumulator writes a customer's first purchase again.
    const few = new RollupAccumulator(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, undefined, 1);
    few.add(line);
    few.add({ ...line, customerId: 4 });
    expect(copied(few.drain()).firstPurchases.map((f) => f.customerId)).toEqual([3, 4]);
    few.add({ ...line, saleDate: '2026-03-09' });
    few.add({ ...line, customerId: 4, saleDate: '2026-03-09' });
    expect(copied(few.drain()).firstPurchases).toEqual([{ customerId: 4, firstDate: '2026-03-09' }]);
    // A count taken after a drain also starts from empty rows.
    acc.drain();
    acc.countOrder(line, 1);
    expect(copied(acc.drain()).customerMonths).toEqual([
      expect.objectContaining({ monthStart: '2026-03-01', customerId: 3, orders: 1, lines: 0 }),
    ]);
  });
});

/** One line with every member set (the tests below change one at a time). */
const LINE: RollupLine = {
  saleDate: '2026-03-02',
  productId: 1,
  customerId: 3,
  channelId: 1,
  repId: 1,
  regionId: 1,
  quantity: 1,
  amountMinor: 100,
  hasCampaign: false,
};

describe('consecutive lines', () => {
  const a = LINE;
  const keys = (rows: readonly { customerId: number | null; channelId: number | null }[]) =>
    rows.map((r) => JSON.stringify(r));
  it.each([
    ['the same cells', {}, 1],
    ['another customer', { customerId: 4 }, 2],
    ['no customer', { customerId: null }, 2],
    ['another channel', { channelId: 2 }, 2],
    ['another rep', { repId: null }, 2],
    ['another region', { regionId: 2 }, 2],
    ['another day, week and month', { saleDate: '2026-02-01' }, 2],
  ] as const)('of %s land in their own customer cells', (_, change, cells) => {
    const acc = new RollupAccumulator();
    acc.add(a);
    acc.add({ ...a, ...change, amountMinor: 7 });
    const out = copied(acc.drain());
    for (const rows of [out.customerDays, out.customerWeeks, out.customerMonths]) {
      expect(rows).toHaveLength(cells);
      expect(rows.reduce((s, r) => s + r.amountMinor, 0)).toBe(107);
      const second = rows.find((r) => r.amountMinor === 7 || r.amountMinor === 107);
      expect(second).toMatchObject({
        customerId: 'customerId' in change ? change.customerId : a.customerId,
        channelId: 'channelId' in change ? change.channelId : a.channelId,
        repId: 'repId' in change ? change.repId : a.repId,
        regionId: 'regionId' in change ? change.regionId : a.regionId,
      });
    }
    expect(new Set(keys(out.customerDays)).size).toBe(cells);
  });
});

describe('an order count', () => {
  it("lands in its own cell, whether or not that is the last line's", () => {
    const base = LINE;
    // Each member in turn differs between the counted line and the last line added.
    const others: Partial<RollupLine>[] = [
      { saleDate: '2026-04-15' },
      { customerId: 4 },
      { customerId: null },
      { channelId: 2 },
      { repId: null },
      { regionId: 2 },
    ];
    for (const other of others) {
      const acc = new RollupAccumulator();
      const last = { ...base, ...other };
      acc.add(base);
      acc.add(last);
      acc.countOrder(base, 1);
      acc.countOrder(last, 1);
      acc.countOrder(last, 1);
      const batch = copied(acc.drain());
      for (const cells of [batch.customerDays, batch.customerWeeks, batch.customerMonths])
        expect(
          cells.map((c) => [c.customerId, c.channelId, c.repId, c.regionId, c.orders]),
          JSON.stringify(other),
        ).toEqual(
          expect.arrayContaining([
            [base.customerId, base.channelId, base.repId, base.regionId, 1],
            [last.customerId, last.channelId, last.repId, last.regionId, 2],
          ]),
        );
    }
    // A count right after a drain, in the cell of the last line added before it: a row of its own.
    const acc = new RollupAccumulator();
    acc.add(base);
    acc.drain();
    acc.countOrder(base, 1);
    expect(copied(acc.drain()).customerDays).toEqual([
      expect.objectContaining({ saleDate: base.saleDate, customerId: 3, orders: 1, lines: 0 }),
    ]);
  });
});

describe('the customer × product week cells', () => {
  it('have a limit of their own: reaching it asks for a drain, the other rows do not count toward it', () => {
    const acc = new RollupAccumulator(1_000, 2);
    const line: RollupLine = {
      saleDate: '2026-03-02',
      productId: 1,
      customerId: 3,
      channelId: null,
      repId: null,
      regionId: null,
      quantity: 1,
      amountMinor: 100,
      hasCampaign: false,
    };
    acc.add(line);
    // Another product the same week: a second cell.
    expect(acc.full).toBe(false);
    acc.add({ ...line, productId: 2 });
    expect(acc.full).toBe(true);
    const out = copied(acc.drain());
    expect(out.customerProductWeeks).toEqual([
      { weekStart: '2026-03-02', customerId: 3, productId: 1, amountMinor: 100, lines: 1 },
      { weekStart: '2026-03-02', customerId: 3, productId: 2, amountMinor: 100, lines: 1 },
    ]);
    // A line without a customer makes no product cell.
    acc.add({ ...line, customerId: null, productId: 5 });
    acc.add({ ...line, customerId: null, productId: 6 });
    expect(acc.full).toBe(false);
  });
});
