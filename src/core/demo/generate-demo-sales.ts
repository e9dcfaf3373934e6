import { civilFromDays, fromDayNumber, toDayNumber } from '../calendar/index.ts';
import { CatalogIndex } from './catalog-index.ts';
import { DayContext } from './day-context.ts';
import { draftDay } from './draft-day-orders.ts';
import type { DemoCatalog, DemoChannelKind, DemoProduct, DemoSalesLine, DemoSalesOptions } from './types.ts';
import { listTyphoonDays } from './typhoon-days.ts';

const MINUTES = Array.from(
  { length: 1440 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
);
/** Delivery platforms list prices ~15 % above the store, rounded to NT$5. */
const DELIVERY_MARKUP = 1.15;

function priceFor(product: DemoProduct, channel: DemoChannelKind): number {
  if (channel !== 'delivery') return product.listPriceMinor;
  return Math.round((product.listPriceMinor * DELIVERY_MARKUP) / 500) * 500;
}

/** Turns a day's drafted orders into sales lines, in time order, with ids and discounts. */
function* emitDay(ctx: DayContext): Generator<DemoSalesLine> {
  const date = fromDayNumber(ctx.day);
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
  const first = toDayNumber(options.start);
  const last = toDayNumber(options.end);
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new Error(`scale must be a positive number, got ${scale}`);
  const index = new CatalogIndex(catalog);
  let typhoonYear = Number.NaN;
  let typhoons = new Set<number>();
  for (let day = first; day <= last; day++) {
    const { year } = civilFromDays(day);
    if (year !== typhoonYear) {
      typhoonYear = year;
      typhoons = new Set(listTyphoonDays(options.seed, year));
    }
    const ctx = new DayContext(index, day, options.seed, scale);
    draftDay(ctx, scale, typhoons.has(day));
    yield* emitDay(ctx);
  }
}
