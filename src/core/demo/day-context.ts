import { civilFromDays, weekdayOfDayNumber } from '../calendar/index.ts';
import type { CatalogIndex } from './catalog-index.ts';
import { type DemoCampaign, listCampaignsOn } from './demo-campaigns.ts';
import type { DraftOrder } from './draft-order.ts';
import { buildGiftMix, buildProductMix, type Daypart } from './product-mix.ts';
import { deriveSeed, SeededRandom } from './seeded-random.ts';
import type { DemoChannelKind } from './types.ts';
import type { WeightedTable } from './weighted-table.ts';

const CHANNEL_SLOT: Readonly<Record<DemoChannelKind, number>> = { store: 0, online: 3, delivery: 6 };
const DAYPART_SLOT: Readonly<Record<Daypart, number>> = { morning: 0, midday: 1, afternoon: 2 };

/** One day's generation: its random stream, mixes, campaigns and the orders drafted so far. */
export class DayContext {
  readonly random: SeededRandom;
  readonly orders: DraftOrder[] = [];
  private readonly mixes: (WeightedTable | undefined)[] = new Array(9);
  readonly gifts: WeightedTable;
  readonly campaigns: readonly DemoCampaign[];
  readonly floorStaff: readonly string[];
  readonly manager: string | null;
  /** Who handles online orders: the online customer-service staff when employed. */
  readonly onlineStaff: string | null;
  readonly weekend: boolean;
  readonly month: number;

  constructor(
    readonly index: CatalogIndex,
    readonly day: number,
    seed: number,
    scale: number,
  ) {
    this.random = new SeededRandom(deriveSeed(seed, 0x5a1e, day, Math.round(scale * 1000)));
    this.month = civilFromDays(day).month;
    this.weekend = weekdayOfDayNumber(day) >= 6;
    this.gifts = buildGiftMix(index.products, day);
    this.campaigns = listCampaignsOn(day);
    const onDuty = index.reps.filter((r) => r.from <= day && day <= r.to);
    this.floorStaff = onDuty.filter((r) => r.role !== '線上客服').map((r) => r.name);
    this.manager = onDuty.find((r) => r.role === '店長')?.name ?? onDuty[0]?.name ?? null;
    this.onlineStaff = onDuty.find((r) => r.role === '線上客服')?.name ?? null;
  }

  mixFor(channel: DemoChannelKind, daypart: Daypart): WeightedTable {
    const slot = CHANNEL_SLOT[channel] + DAYPART_SLOT[daypart];
    let mix = this.mixes[slot];
    if (!mix) {
      mix = buildProductMix(this.index.products, this.day, this.month, channel, daypart);
      this.mixes[slot] = mix;
    }
    return mix;
  }

  drawRegion(channel: DemoChannelKind, memberRegion: string | null): string {
    if (channel === 'store') return this.index.catalog.storeRegion;
    if (memberRegion !== null) return memberRegion;
    if (channel === 'delivery') return this.random.chance(0.7) ? '台北市' : '新北市';
    return this.random.pick(this.index.regionNames);
  }

  drawStaff(channel: DemoChannelKind): string | null {
    if (channel === 'online') return this.onlineStaff;
    return this.floorStaff.length > 0 ? this.random.pick(this.floorStaff) : this.manager;
  }
}
