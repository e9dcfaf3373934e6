import { describe, expect, it } from 'vitest';
import { type OrderLine, OrderTracker } from '../../../src/db/kpi/order-rollup.ts';

const line = (orderId: string, rowid: number): OrderLine => ({
  orderId,
  productId: 1,
  rowid,
  saleDate: '2026-03-02',
  channelId: null,
  repId: null,
  regionId: null,
  customerId: 5,
});

describe('OrderTracker', () => {
  it('keeps first-line row ids of any size (a stage row, a line id past 2^31)', () => {
    const tracker = new OrderTracker(false);
    const big = 2 ** 33 + 7;
    tracker.add(line('A', -3));
    tracker.add(line('B', 12));
    tracker.add(line('C', big));
    for (let i = 0; i < 70_000; i++) tracker.add(line(`X${i}`, big + 1 + i));
    // Each seen again after another order: suspects, reported with their first line's row id.
    tracker.add(line('A', 99));
    tracker.add(line('C', 100));
    tracker.add(line('B', 101));
    const { orderIds, firstRowids } = tracker.suspects();
    expect(orderIds.sort()).toEqual(['A', 'B', 'C']);
    expect(firstRowids.sort((a, b) => a - b)).toEqual([-3, 12, big]);
    // Counted once each: 70,003 orders in one cell (the suspects are resolved from their lines later).
    expect(tracker.drainCounts().reduce((s, r) => s + r.orders, 0)).toBe(70_003);
  });
});
