import { civilFromDays } from '../calendar/index.ts';
import { computeDailyDemand } from './daily-demand.ts';
import type { DayContext } from './day-context.ts';
import type { DraftLine } from './draft-order.ts';
import { drawOrderMinute } from './order-hours.ts';
import { daypartOf } from './product-mix.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { DemoChannelKind, DemoProduct } from './types.ts';
import { buildWeightedTable, type WeightedTable } from './weighted-table.ts';

/** Share of orders made by a member (the rest are walk-ins or guests). */
const MEMBER_SHARE: Readonly<Record<DemoChannelKind, number>> = { store: 0.34, online: 0.8, delivery: 0 };
/** Lines per order: weights of 1, 2, 3, 4 lines. */
const LINES_PER_ORDER: Readonly<Record<DemoChannelKind, WeightedTable>> = {
  store: buildWeightedTable([62, 28, 7, 3]),
  online: buildWeightedTable([70, 22, 8]),
  delivery: buildWeightedTable([20, 40, 25, 15]),
};

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
  const count = LINES_PER_ORDER[channel].draw(random) + 1;
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
    rep: ctx.drawStaff(channel),
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

/** Drafts all orders of the context's day: everyday orders per channel, new members, gifts, businesses. */
export function draftDay(ctx: DayContext, scale: number, typhoon: boolean): void {
  const { random, day, index } = ctx;
  index.members.prepareDay(day);
  const demand = computeDailyDemand(day, index.historyStart, typhoon, scale);
  const shared = drawNoise(random, 0.06);
  const memberDay = civilFromDays(day).day === 8;
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
