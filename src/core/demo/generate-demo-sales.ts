import { formatDayNumber, pad2, parseDayNumber, splitDayNumber, weekdayOf } from './civil-date.ts';
import { computeDailyDemand } from './daily-demand.ts';
import { type DemoCampaign, listCampaignsOn } from './demo-campaigns.ts';
import { MemberPool } from './member-pool.ts';
import { drawOrderMinute } from './order-hours.ts';
import { buildGiftMix, buildProductMix, type Daypart, daypartOf, type WeightedTable } from './product-mix.ts';
import { deriveSeed, SeededRandom } from './seeded-random.ts';
import type { DemoCatalog, DemoChannelKind, DemoProduct, DemoSalesLine, DemoSalesOptions } from './types.ts';
import { listTyphoonDays } from './typhoon-days.ts';

const MINUTES = Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);
/** Share of orders made by a member (the rest are walk-ins or guests). */
const MEMBER_SHARE: Readonly<Record<DemoChannelKind, number>> = { store: 0.34, online: 0.8, delivery: 0 };
/** Lines per order: weights of 1, 2, 3, 4 lines. */
const LINES_PER_ORDER: Readonly<Record<DemoChannelKind, readonly number[]>> = {
  store: [62, 28, 7, 3],
  online: [70, 22, 8],
  delivery: [20, 40, 25, 15],
};
/** Delivery platforms list prices ~15 % above the store, rounded to NT$5. */
const DELIVERY_MARKUP = 1.15;

interface DraftLine {
  product: number;
  quantity: number;
}

interface DraftOrder {
  readonly minute: number;
  readonly creation: number;
  readonly channel: DemoChannelKind;
  readonly customer: string | null;
  readonly rep: string | null;
  readonly region: string | null;
  readonly lines: DraftLine[];
}

/** Everything about the catalog the generator looks up often, prepared once. */
class CatalogIndex {
  readonly products: readonly DemoProduct[];
  readonly channelNames: Readonly<Record<DemoChannelKind, string>>;
  readonly members: MemberPool;
  readonly businesses: readonly {
    readonly code: string;
    readonly region: string;
    readonly firstSeen: number;
  }[];
  readonly reps: readonly {
    readonly name: string;
    readonly role: string;
    readonly from: number;
    readonly to: number;
  }[];
  readonly regionNames: readonly string[];
  readonly historyStart: number;

  constructor(readonly catalog: DemoCatalog) {
    this.products = catalog.products;
    const nameOf = (kind: DemoChannelKind): string => {
      const channel = catalog.channels.find((c) => c.kind === kind);
      if (!channel) throw new Error(`the catalog has no ${kind} channel`);
      return channel.name;
    };
    this.channelNames = { store: nameOf('store'), online: nameOf('online'), delivery: nameOf('delivery') };
    this.members = new MemberPool(
      catalog.customers.filter((c) => c.customerType === 'member'),
      catalog.seed,
    );
    this.businesses = catalog.customers
      .filter((c) => c.customerType === 'business')
      .map((c) => ({ code: c.code, region: c.region, firstSeen: parseDayNumber(c.firstSeenOn) }));
    this.reps = catalog.salesReps.map((r) => ({
      name: r.name,
      role: r.role,
      from: parseDayNumber(r.activeFrom),
      to: r.activeTo === null ? Number.MAX_SAFE_INTEGER : parseDayNumber(r.activeTo),
    }));
    this.regionNames = catalog.regions.map((r) => r.name);
    this.historyStart = parseDayNumber(catalog.period.start);
  }
}

/** One day's generation: its random stream, mixes, campaigns and the orders drafted so far. */
class DayContext {
  readonly random: SeededRandom;
  readonly orders: DraftOrder[] = [];
  readonly mixes = new Map<string, WeightedTable>();
  readonly gifts: WeightedTable;
  readonly campaigns: readonly DemoCampaign[];
  readonly floorStaff: readonly string[];
  readonly manager: string | null;
  readonly weekend: boolean;
  readonly month: number;

  constructor(
    readonly index: CatalogIndex,
    readonly day: number,
    seed: number,
    scale: number,
  ) {
    this.random = new SeededRandom(deriveSeed(seed, 0x5a1e, day, Math.round(scale * 1000)));
    this.month = splitDayNumber(day).month;
    this.weekend = weekdayOf(day) >= 6;
    this.gifts = buildGiftMix(index.products, day);
    this.campaigns = listCampaignsOn(day);
    const onDuty = index.reps.filter((r) => r.from <= day && day <= r.to);
    this.floorStaff = onDuty.filter((r) => r.role !== '線上客服').map((r) => r.name);
    this.manager = onDuty.find((r) => r.role === '店長')?.name ?? onDuty[0]?.name ?? null;
  }

  mixFor(channel: DemoChannelKind, daypart: Daypart): WeightedTable {
    const key = `${channel}:${daypart}`;
    let mix = this.mixes.get(key);
    if (!mix) {
      mix = buildProductMix(this.index.products, this.day, this.month, channel, daypart);
      this.mixes.set(key, mix);
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
    if (channel === 'online') return null;
    return this.floorStaff.length > 0 ? this.random.pick(this.floorStaff) : this.manager;
  }
}

function drawQuantity(random: SeededRandom, product: DemoProduct): number {
  if (product.temperature === 'none' && product.category !== '烘焙點心' && product.category !== '季節限定') {
    return random.chance(0.9) ? 1 : 2;
  }
  const u = random.next();
  return u < 0.85 ? 1 : u < 0.97 ? 2 : 3;
}

function addLine(lines: DraftLine[], product: number, quantity: number): void {
  const same = lines.find((l) => l.product === product);
  if (same) same.quantity += quantity;
  else lines.push({ product, quantity });
}

function draftEverydayOrder(ctx: DayContext, channel: DemoChannelKind, customer: number): void {
  const { random } = ctx;
  const minute = drawOrderMinute(random, channel, ctx.weekend);
  const mix = ctx.mixFor(channel, daypartOf(Math.floor(minute / 60)));
  if (mix.size === 0) return;
  const count = random.weightedIndex(LINES_PER_ORDER[channel]) + 1;
  const lines: DraftLine[] = [];
  for (let i = 0; i < count; i++) {
    const product = mix.draw(random);
    addLine(lines, product, drawQuantity(random, ctx.index.products[product] as DemoProduct));
  }
  const members = ctx.index.members;
  ctx.orders.push({
    minute,
    creation: ctx.orders.length,
    channel,
    customer: customer >= 0 ? (members.codes[customer] ?? null) : null,
    rep: ctx.drawStaff(channel),
    region: ctx.drawRegion(channel, customer >= 0 ? (members.regions[customer] ?? null) : null),
    lines,
  });
}

function draftGiftOrder(ctx: DayContext): void {
  const { random } = ctx;
  if (ctx.gifts.size === 0) return;
  const channel: DemoChannelKind = random.chance(0.55) ? 'store' : 'online';
  const customer = random.chance(0.6) ? ctx.index.members.drawReturning(random) : -1;
  const lines: DraftLine[] = [];
  const count = random.chance(0.8) ? 1 : 2;
  for (let i = 0; i < count; i++) {
    const u = random.next();
    addLine(lines, ctx.gifts.draw(random), u < 0.7 ? 1 : u < 0.9 ? 2 : random.between(3, 5));
  }
  ctx.orders.push({
    minute: drawOrderMinute(random, channel, ctx.weekend),
    creation: ctx.orders.length,
    channel,
    customer: customer >= 0 ? (ctx.index.members.codes[customer] ?? null) : null,
    rep: channel === 'store' ? ctx.drawStaff(channel) : null,
    region: ctx.drawRegion(channel, customer >= 0 ? (ctx.index.members.regions[customer] ?? null) : null),
    lines,
  });
}

function draftBusinessOrder(
  ctx: DayContext,
  buyer: { readonly code: string; readonly region: string },
): void {
  const { random } = ctx;
  if (ctx.gifts.size === 0) return;
  const lines: DraftLine[] = [];
  addLine(lines, ctx.gifts.draw(random), random.between(2, 6) * 5);
  if (random.chance(0.3)) addLine(lines, ctx.gifts.draw(random), random.between(1, 3) * 5);
  ctx.orders.push({
    minute: 9 * 60 + random.int(9 * 60),
    creation: ctx.orders.length,
    channel: 'online',
    customer: buyer.code,
    rep: ctx.manager,
    region: buyer.region,
    lines,
  });
}

/** Lognormal day-to-day noise around 1. */
function drawNoise(random: SeededRandom, sd: number): number {
  return Math.exp(sd * random.normal() - (sd * sd) / 2);
}

function draftDay(ctx: DayContext, scale: number, typhoon: boolean): void {
  const { random, day, index } = ctx;
  index.members.prepareDay(day);
  const demand = computeDailyDemand(day, index.historyStart, typhoon, scale);
  const shared = drawNoise(random, 0.06);
  const memberDay = splitDayNumber(day).day === 8;
  for (const channel of ['store', 'online', 'delivery'] as const) {
    const orders = random.poisson(demand[channel] * shared * drawNoise(random, 0.08));
    const memberShare = MEMBER_SHARE[channel] * (memberDay && channel === 'store' ? 1.4 : 1);
    for (let i = 0; i < orders; i++) {
      const customer = random.chance(memberShare) ? index.members.drawReturning(random) : -1;
      draftEverydayOrder(ctx, channel, customer);
    }
  }
  for (const member of index.members.listJoiningOn(day)) {
    draftEverydayOrder(ctx, random.chance(0.8) ? 'store' : 'online', member);
  }
  const gifts = random.poisson(demand.gift * shared);
  for (let i = 0; i < gifts; i++) draftGiftOrder(ctx);
  const known = index.businesses.filter((b) => b.firstSeen <= day);
  for (const buyer of known) if (buyer.firstSeen === day) draftBusinessOrder(ctx, buyer);
  const repeats = known.length > 0 ? random.poisson(demand.business) : 0;
  for (let i = 0; i < repeats; i++) draftBusinessOrder(ctx, random.pick(known));
}

function priceFor(product: DemoProduct, channel: DemoChannelKind): number {
  if (channel !== 'delivery') return product.listPriceMinor;
  return Math.round((product.listPriceMinor * DELIVERY_MARKUP) / 500) * 500;
}

/** Turns a day's drafted orders into sales lines, in time order, with ids and discounts. */
function* emitDay(ctx: DayContext): Generator<DemoSalesLine> {
  const date = formatDayNumber(ctx.day);
  const compact = date.replaceAll('-', '');
  const { random, index } = ctx;
  ctx.orders.sort((a, b) => a.minute - b.minute || a.creation - b.creation);
  let sequence = 0;
  for (const order of ctx.orders) {
    sequence++;
    const orderId = `S${compact}-${String(sequence).padStart(5, '0')}`;
    const soldAt = `${date}T${MINUTES[order.minute] ?? '12:00'}`;
    const channel = index.channelNames[order.channel];
    const isMember = order.customer?.startsWith('M') === true;
    const volume = order.customer?.startsWith('B') === true;
    let lineNo = 0;
    for (const line of order.lines) {
      lineNo++;
      const product = index.products[line.product] as DemoProduct;
      const unitPriceMinor = priceFor(product, order.channel);
      const gross = unitPriceMinor * line.quantity;
      let discountMinor = 0;
      let campaignCode: string | null = null;
      for (const campaign of ctx.campaigns) {
        if (campaign.membersOnly && !isMember) continue;
        if (!campaign.appliesTo(product) || !random.chance(campaign.uptake)) continue;
        discountMinor = Math.round((gross * campaign.rate) / 100) * 100;
        campaignCode = campaign.code;
        break;
      }
      if (campaignCode === null && volume && line.quantity >= 30) {
        discountMinor = Math.round((gross * 0.12) / 100) * 100; // 企業訂購 volume price, no campaign
      }
      yield {
        orderId,
        lineNo,
        soldAt,
        saleDate: date,
        product: product.name,
        customer: order.customer,
        channel,
        rep: order.rep,
        region: order.region,
        quantity: line.quantity,
        unitPriceMinor,
        discountMinor,
        amountMinor: gross - discountMinor,
        currency: 'TWD',
        campaignCode,
      };
    }
  }
}

/**
 * Streams the demo coffee shop's sales lines day by day, from `start` to `end` (inclusive). Holds one
 * day of orders at a time, so memory stays flat at any length or scale. Every day has its own random
 * stream derived from the seed, so a day's lines do not depend on where the range began.
 */
export function* generateDemoSales(
  catalog: DemoCatalog,
  options: DemoSalesOptions,
): Generator<DemoSalesLine> {
  const first = parseDayNumber(options.start);
  const last = parseDayNumber(options.end);
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new Error(`scale must be a positive number, got ${scale}`);
  const index = new CatalogIndex(catalog);
  let typhoonYear = Number.NaN;
  let typhoons = new Set<number>();
  for (let day = first; day <= last; day++) {
    const { year } = splitDayNumber(day);
    if (year !== typhoonYear) {
      typhoonYear = year;
      typhoons = new Set(listTyphoonDays(options.seed, year));
    }
    const ctx = new DayContext(index, day, options.seed, scale);
    draftDay(ctx, scale, typhoons.has(day));
    yield* emitDay(ctx);
  }
}
