import { isAvailableOn } from './product-availability.ts';
import type { DemoChannelKind, DemoProduct } from './types.ts';
import { WeightedTable } from './weighted-table.ts';

export type Daypart = 'morning' | 'midday' | 'afternoon';

/** Preference for iced and hot drinks by month (January..December), Taipei's climate. */
const ICED_BY_MONTH = [0.8, 0.85, 0.95, 1.1, 1.3, 1.5, 1.65, 1.65, 1.45, 1.2, 0.95, 0.8];
const HOT_BY_MONTH = [1.35, 1.3, 1.15, 0.95, 0.75, 0.55, 0.5, 0.5, 0.6, 0.85, 1.1, 1.3];

const DAYPART_BY_CATEGORY: Readonly<Record<Daypart, Readonly<Record<string, number>>>> = {
  morning: { 咖啡: 1.5, 茶飲: 0.6, 烘焙點心: 1.4, 季節限定: 0.6 },
  midday: { 咖啡: 1, 茶飲: 1, 烘焙點心: 1.2, 季節限定: 1 },
  afternoon: { 咖啡: 0.8, 茶飲: 1.4, 烘焙點心: 1.1, 季節限定: 1.3 },
};

export function daypartOf(hour: number): Daypart {
  if (hour < 11) return 'morning';
  if (hour < 15) return 'midday';
  return 'afternoon';
}

/** The everyday (non-gift) product mix of a day, for a channel and a part of the day. */
export function buildProductMix(
  products: readonly DemoProduct[],
  day: number,
  month: number,
  channel: DemoChannelKind,
  daypart: Daypart,
): WeightedTable {
  const table = new WeightedTable();
  products.forEach((p, i) => {
    if (p.category === '禮盒' || !p.channels.includes(channel) || !isAvailableOn(p.availability, day)) return;
    const temperature =
      p.temperature === 'iced'
        ? (ICED_BY_MONTH[month - 1] ?? 1)
        : p.temperature === 'hot'
          ? (HOT_BY_MONTH[month - 1] ?? 1)
          : 1;
    const part = channel === 'online' ? 1 : (DAYPART_BY_CATEGORY[daypart][p.category] ?? 1);
    // online shoppers buy beans, drip bags and packaged goods, which carry their popularity there
    const online = channel === 'online' ? 6 : 1;
    table.add(i, p.popularity * temperature * part * online);
  });
  return table;
}

/** The gift boxes on sale on a day, the seasonal ones favoured in their season. */
export function buildGiftMix(products: readonly DemoProduct[], day: number): WeightedTable {
  const table = new WeightedTable();
  products.forEach((p, i) => {
    if (p.category === '禮盒' && isAvailableOn(p.availability, day)) table.add(i, p.popularity);
  });
  return table;
}
