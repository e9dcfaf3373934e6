import type { SeededRandom } from './seeded-random.ts';
import type { DemoChannelKind } from './types.ts';
import { WeightedTable } from './weighted-table.ts';

/** Weights of the opening hours: weekday mornings peak for coffee, weekends spread over the day. */
const STORE_WEEKDAY: readonly (readonly [number, number])[] = [
  [7, 6],
  [8, 10],
  [9, 8],
  [10, 5],
  [11, 5],
  [12, 7],
  [13, 6],
  [14, 5],
  [15, 6],
  [16, 5],
  [17, 4],
  [18, 3],
  [19, 2],
  [20, 1],
];
const STORE_WEEKEND: readonly (readonly [number, number])[] = [
  [7, 1],
  [8, 3],
  [9, 5],
  [10, 7],
  [11, 7],
  [12, 7],
  [13, 8],
  [14, 8],
  [15, 8],
  [16, 7],
  [17, 5],
  [18, 3],
  [19, 2],
  [20, 1],
];
const DELIVERY: readonly (readonly [number, number])[] = [
  [10, 3],
  [11, 8],
  [12, 9],
  [13, 5],
  [14, 4],
  [15, 6],
  [16, 5],
  [17, 4],
  [18, 6],
  [19, 4],
  [20, 2],
];
const ONLINE: readonly (readonly [number, number])[] = Array.from({ length: 24 }, (_, h) => [
  h,
  h < 7 ? 0.6 : h < 12 ? 1.5 : h < 20 ? 2 : 3.2,
]);

function tableOf(hours: readonly (readonly [number, number])[]): WeightedTable {
  const table = new WeightedTable();
  for (const [hour, weight] of hours) table.add(hour, weight);
  return table;
}
const TABLES: Readonly<Record<'storeWeekday' | 'storeWeekend' | 'delivery' | 'online', WeightedTable>> = {
  storeWeekday: tableOf(STORE_WEEKDAY),
  storeWeekend: tableOf(STORE_WEEKEND),
  delivery: tableOf(DELIVERY),
  online: tableOf(ONLINE),
};

/** Minute of the day (0..1439) of an order in a channel. */
export function drawOrderMinute(random: SeededRandom, channel: DemoChannelKind, weekend: boolean): number {
  const table =
    channel === 'store'
      ? weekend
        ? TABLES.storeWeekend
        : TABLES.storeWeekday
      : channel === 'delivery'
        ? TABLES.delivery
        : TABLES.online;
  return table.draw(random) * 60 + random.int(60);
}
