import { isReturnLine } from '../../core/ingest/order-facts.ts';
import { type OrderLine, OrderTracker } from '../kpi/order-rollup.ts';
import { RollupAccumulator, type RollupLine } from '../kpi/rollup-accumulator.ts';
import { DayAfterDay, rollingCells } from './day-after-day.ts';

/**
 * The roll-ups of an import's lines as they are added, in file order: the additive roll-ups
 * (RollupAccumulator) and the order counts (OrderTracker), with when to write them out. The one way
 * both import writers feed a line to both: the PostgreSQL sink and the SQLite writer thread.
 */
export class LineRollups {
  readonly rollups = new RollupAccumulator();
  readonly orders: OrderTracker;
  private readonly dates = new DayAfterDay();
  private readonly drainEvery = rollingCells();
  /** One line's order input, refilled for every line (the tracker copies what it keeps). */
  private readonly order: OrderLine = {
    orderId: '',
    productId: 0,
    rowid: 0,
    saleDate: '',
    channelId: null,
    repId: null,
    regionId: null,
    customerId: null,
  };

  /** `priorLines`: the company had lines before this import (its orders may continue old ones). */
  constructor(priorLines: boolean) {
    this.orders = new OrderTracker(priorLines, this.rollups);
  }

  /**
   * Rolls up one added line of order `orderId`, at row `rowid` (the accumulator copies what it keeps).
   * A return line is in the sums but not in the order counts: an order counts where it has a sale line.
   */
  add(line: RollupLine, orderId: string, rowid: number): void {
    this.rollups.add(line);
    this.dates.see(line.saleDate);
    if (isReturnLine(line.quantity, line.amountMinor)) return;
    const o = this.order;
    o.orderId = orderId;
    o.productId = line.productId;
    o.rowid = rowid;
    o.saleDate = line.saleDate;
    o.channelId = line.channelId;
    o.repId = line.repId;
    o.regionId = line.regionId;
    o.customerId = line.customerId;
    this.orders.add(o);
  }

  /**
   * The roll-up rows should be written now: they reached the byte budget, or lines come day after day
   * and many cells are held (their days are done with, and small tables stay in the CPU's cache: a
   * hash of a whole file's cells misses it on every line). Other lines wait for the budget, so that
   * each cell is written once.
   */
  get rollupsDue(): boolean {
    return this.rollups.full || (this.dates.ordered && this.rollups.cells >= this.drainEvery);
  }

  /** The held order counts should be written (or their probes run) now. */
  get ordersDue(): boolean {
    return this.orders.full;
  }
}
