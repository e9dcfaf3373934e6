import { describe, expect, it } from 'vitest';
import type { SalesRecord } from '../../../src/core/ingest/records.ts';
import { REPEATS_LISTED, RepeatTally, SalesLineKeyer } from '../../../src/db/imports/line-keys.ts';

let nextLine = 2;
/** A sales record as normalization gives it; `line` counts on from 2 unless given. */
function rec(over: Partial<SalesRecord> = {}): SalesRecord {
  return {
    line: nextLine++,
    orderId: 'A001',
    lineNo: null,
    saleDate: '2026-01-05',
    soldAt: '2026-01-05T10:00',
    product: '拿鐵',
    category: '咖啡',
    customer: 'M001',
    customerName: null,
    customerType: null,
    ageBand: null,
    memberTier: null,
    customerRegion: null,
    channel: '門市',
    rep: '小王',
    region: '台北市',
    quantity: 2,
    unitPriceMinor: 12000,
    discountMinor: 0,
    amountMinor: 24000,
    campaignCode: null,
    ...over,
  };
}

const keyAll = (records: readonly SalesRecord[]) => {
  const keyer = new SalesLineKeyer();
  const lineKeys = records.map((r) => keyer.key(r));
  return { keyer, lineKeys, ...keyer.repeats() };
};

describe('SalesLineKeyer: lines that repeat an earlier line of the file', () => {
  it('order ids without line numbers: an identical line of the same order is keyed apart and told', () => {
    const { lineKeys, lines } = keyAll([
      rec({ line: 2 }),
      rec({ line: 3, product: '美式咖啡' }),
      rec({ line: 4 }),
      rec({ line: 5, orderId: 'A002' }),
    ]);
    expect(lineKeys).toEqual([
      { orderId: 'A001', lineNo: 1 },
      { orderId: 'A001', lineNo: 2 },
      { orderId: 'A001', lineNo: 3 },
      { orderId: 'A002', lineNo: 1 },
    ]);
    // Line 4 repeats line 2 (same order, every field); line 5 is another order's, line 3 other content.
    expect(lines).toEqual({ count: 1, lines: [4] });
  });

  it('finds a repeat of an order whose lines are far apart in the file', () => {
    const records = [rec({ line: 2, orderId: 'X' })];
    for (let i = 0; i < 5000; i++) records.push(rec({ line: 3 + i, orderId: `B${i}` }));
    records.push(rec({ line: 6000, orderId: 'X' }));
    const r = keyAll(records);
    expect(r.lines).toEqual({ count: 1, lines: [6000] });
    expect(r.keys.count).toBe(0);
    expect(r.keys.lines).toEqual([]);
  });

  it('any field that differs makes it another line', () => {
    const changes: Partial<SalesRecord>[] = [
      { soldAt: '2026-01-05T10:01' },
      { product: '拿鐵 ' },
      { customer: 'M002' },
      { customer: null },
      { channel: '網路' },
      { rep: null },
      { region: '新北市' },
      { quantity: 2.5 },
      { unitPriceMinor: null },
      { discountMinor: 1 },
      { amountMinor: 24001 },
      { campaignCode: 'SPRING' },
      { campaignCode: '' },
      // The same characters split otherwise between two fields.
      { product: '拿鐵M', customer: '001' },
    ];
    for (const change of changes) {
      const r = keyAll([rec(), rec(change)]);
      expect(r.lines.count, JSON.stringify(change)).toBe(0);
    }
  });

  it('a file pasted twice: every line of the second copy is told, the first 20 listed', () => {
    const half: SalesRecord[] = [];
    for (let i = 0; i < 300; i++)
      half.push(
        rec({ line: 2 + i, orderId: `S${Math.floor(i / 3)}`, product: `P${i % 3}`, amountMinor: 100 + i }),
      );
    const pasted = half.map((r, i) => ({ ...r, line: 302 + i }));
    const r = keyAll([...half, ...pasted]);
    expect(r.lines.count).toBe(300);
    expect(r.lines.lines).toEqual(Array.from({ length: REPEATS_LISTED }, (_, i) => 302 + i));
    expect(r.keys.count).toBe(0);
    // Imported as today: the second copy continues each order's numbering.
    expect(r.lineKeys[300]).toEqual({ orderId: 'S0', lineNo: 4 });
  });

  it('order ids and line numbers: a repeated (order, line number) is told apart from repeated content', () => {
    const r = keyAll([
      rec({ line: 2, lineNo: 1 }),
      // The same content under its own line number: the file says these are two lines.
      rec({ line: 3, lineNo: 2 }),
      rec({ line: 4, lineNo: 1, product: '可頌' }),
      rec({ line: 5, lineNo: 2 }),
      rec({ line: 6, orderId: 'A002', lineNo: 1 }),
    ]);
    expect(r.keys).toEqual({ count: 2, lines: [4, 5] });
    expect(r.lines).toEqual({ count: 0, lines: [] });
  });

  it('a file with line numbers pasted twice: the second copy is told as repeated keys', () => {
    const half = Array.from({ length: 50 }, (_, i) =>
      rec({ line: 2 + i, orderId: `S${Math.floor(i / 2)}`, lineNo: (i % 2) + 1 }),
    );
    const r = keyAll([...half, ...half.map((x, i) => ({ ...x, line: 52 + i }))]);
    expect(r.keys.count).toBe(50);
    expect(r.keys.lines).toEqual(Array.from({ length: REPEATS_LISTED }, (_, i) => 52 + i));
    expect(r.lines.count).toBe(0);
  });

  it('lines with and without a line number in one order: a key taken by either is told', () => {
    const r = keyAll([
      rec({ line: 2, lineNo: 2, product: 'a' }),
      rec({ line: 3, product: 'b' }), // numbered 1 by the keyer
      rec({ line: 4, product: 'c' }), // numbered 2: line 2 has it
      rec({ line: 5, lineNo: 1, product: 'd' }), // line 3 was numbered 1
    ]);
    expect(r.keys).toEqual({ count: 2, lines: [4, 5] });
    expect(r.lines.count).toBe(0);
  });

  it('no order ids: an identical line is keyed by its occurrence and told', () => {
    const r = keyAll([
      rec({ line: 2, orderId: null }),
      rec({ line: 3, orderId: null, quantity: 1, amountMinor: 12000 }),
      rec({ line: 4, orderId: null }),
      rec({ line: 5, orderId: null }),
    ]);
    expect(r.lineKeys[0]?.orderId).toMatch(/^#/);
    expect(r.lineKeys[2]).toEqual({ orderId: r.lineKeys[0]?.orderId, lineNo: 2 });
    expect(r.lineKeys[3]).toEqual({ orderId: r.lineKeys[0]?.orderId, lineNo: 3 });
    expect(r.lines).toEqual({ count: 2, lines: [4, 5] });
  });

  it('tells nothing for a file without repeats (200,000 distinct lines: no false match)', () => {
    const keyer = new SalesLineKeyer();
    for (let i = 0; i < 200_000; i++) {
      keyer.key(rec({ line: i + 2, orderId: `O${i >> 2}`, product: `P${i & 3}`, amountMinor: i }));
      keyer.key(rec({ line: i + 2, orderId: `N${i >> 2}`, lineNo: i & 3 }));
    }
    expect(keyer.repeats()).toEqual({ lines: { count: 0, lines: [] }, keys: { count: 0, lines: [] } });
  });
});

describe('RepeatTally', () => {
  it('counts every line and keeps the smallest 20 line numbers in order', () => {
    const t = new RepeatTally();
    for (let line = 100; line > 0; line--) t.add(line);
    t.add(500);
    expect(t.view()).toEqual({ count: 101, lines: Array.from({ length: 20 }, (_, i) => i + 1) });
  });
});
