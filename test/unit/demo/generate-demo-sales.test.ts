import { describe, expect, it } from 'vitest';
import { type DemoSalesLine, generateDemoSales } from '../../../src/core/demo/index.ts';
import { catalog, SEED } from './demo-fixture.ts';

function take(lines: Iterable<DemoSalesLine>, n: number): DemoSalesLine[] {
  const out: DemoSalesLine[] = [];
  for (const line of lines) {
    if (out.length === n) break;
    out.push(line);
  }
  return out;
}

function summarise(lines: Iterable<DemoSalesLine>): { count: number; amount: number; discount: number } {
  let count = 0;
  let amount = 0;
  let discount = 0;
  for (const l of lines) {
    count++;
    amount += l.amountMinor;
    discount += l.discountMinor;
  }
  return { count, amount, discount };
}

describe('generateDemoSales', () => {
  const options = { seed: SEED, start: '2023-01-01', end: '2023-03-31' };

  it('is deterministic: same seed, same lines and totals', () => {
    expect(take(generateDemoSales(catalog, options), 1000)).toEqual(
      take(generateDemoSales(catalog, options), 1000),
    );
    expect(summarise(generateDemoSales(catalog, options))).toEqual(
      summarise(generateDemoSales(catalog, options)),
    );
    expect(take(generateDemoSales(catalog, { ...options, seed: SEED + 1 }), 50)).not.toEqual(
      take(generateDemoSales(catalog, options), 50),
    );
  });

  it('gives a day the same lines whatever the range started with', () => {
    const day = (start: string) =>
      [...generateDemoSales(catalog, { seed: SEED, start, end: '2023-02-14' })].filter(
        (l) => l.saleDate === '2023-02-14',
      );
    expect(day('2023-02-14')).toEqual(day('2023-02-01'));
  });

  it('yields consistent, non-negative lines with unique order ids, day by day', () => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string, l: DemoSalesLine): void => {
      if (!ok && problems.length < 10) problems.push(`${what}: ${JSON.stringify(l)}`);
    };
    const orders = new Map<string, number>();
    let previous = '';
    for (const l of generateDemoSales(catalog, options)) {
      check(l.amountMinor === l.quantity * l.unitPriceMinor - l.discountMinor, 'amount', l);
      check(l.amountMinor > 0 && l.discountMinor >= 0 && l.quantity > 0, 'sign', l);
      check(Number.isInteger(l.unitPriceMinor) && Number.isInteger(l.discountMinor), 'integer money', l);
      check(l.discountMinor % 100 === 0, 'discount in whole NT$', l);
      check(l.currency === 'TWD', 'currency', l);
      check(l.saleDate >= previous, 'day order', l);
      previous = l.saleDate;
      check(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(l.soldAt) && l.soldAt.startsWith(`${l.saleDate}T`),
        'soldAt',
        l,
      );
      check(l.orderId.startsWith(`S${l.saleDate.replaceAll('-', '')}-`), 'order id', l);
      check(l.lineNo === (orders.get(l.orderId) ?? 0) + 1, 'line numbers 1..n, order never reappears', l);
      orders.set(l.orderId, l.lineNo);
      check(l.campaignCode === null || l.discountMinor > 0, 'campaign gives a discount', l);
    }
    expect(problems).toEqual([]);
    expect(orders.size).toBeGreaterThan(5000);
  });

  it('references only what the catalog holds, members only after they were first seen', () => {
    const products = new Set(catalog.products.map((p) => p.name));
    const channels = new Set(catalog.channels.map((c) => c.name));
    const regions = new Set(catalog.regions.map((r) => r.name));
    const reps = new Map(catalog.salesReps.map((r) => [r.name, r]));
    const customers = new Map(catalog.customers.map((c) => [c.code, c]));
    const problems: string[] = [];
    const check = (ok: boolean, what: string, l: DemoSalesLine): void => {
      if (!ok && problems.length < 10) problems.push(`${what}: ${JSON.stringify(l)}`);
    };
    let walkIns = 0;
    let members = 0;
    for (const l of generateDemoSales(catalog, { seed: SEED, start: '2023-06-01', end: '2023-08-31' })) {
      check(products.has(l.product), 'product', l);
      check(channels.has(l.channel), 'channel', l);
      check(l.region === null || regions.has(l.region), 'region', l);
      if (l.rep !== null) {
        const rep = reps.get(l.rep);
        check(
          rep !== undefined && l.saleDate >= rep.activeFrom && l.saleDate <= (rep.activeTo ?? '9999'),
          'rep',
          l,
        );
      }
      if (l.customer === null) walkIns++;
      else {
        members++;
        const customer = customers.get(l.customer);
        check(customer !== undefined && l.saleDate >= customer.firstSeenOn, 'customer', l);
      }
    }
    expect(problems).toEqual([]);
    expect(walkIns).toBeGreaterThan(members);
    expect(members).toBeGreaterThan(1000);
  });

  it('makes 150–250 lines a day at scale 1 and scales with the knob', () => {
    const one = summarise(generateDemoSales(catalog, { seed: SEED, start: '2023-03-01', end: '2023-03-28' }));
    expect(one.count / 28).toBeGreaterThan(150);
    expect(one.count / 28).toBeLessThan(250);
    const three = summarise(
      generateDemoSales(catalog, { seed: SEED, start: '2023-03-01', end: '2023-03-28', scale: 3 }),
    );
    expect(three.count / one.count).toBeGreaterThan(2.6);
    expect(three.count / one.count).toBeLessThan(3.4);
  });

  it('streams: a century-long range yields its first lines at once, and a year at scale 5 flows through', () => {
    const first = take(
      generateDemoSales(catalog, { seed: SEED, start: '2023-01-01', end: '2123-12-31' }),
      10,
    );
    expect(first).toHaveLength(10);
    const year = summarise(
      generateDemoSales(catalog, { seed: SEED, start: '2024-01-01', end: '2024-12-31', scale: 5 }),
    );
    expect(year.count).toBeGreaterThan(5 * 365 * 150);
  });

  it('rejects a bad scale or date', () => {
    expect(() => take(generateDemoSales(catalog, { ...options, scale: 0 }), 1)).toThrow(/scale/);
    expect(() => take(generateDemoSales(catalog, { ...options, start: '2023-02-30' }), 1)).toThrow(/date/);
  });
});
