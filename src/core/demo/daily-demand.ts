import {
  civilFromDays,
  lunarFestivalDate,
  lunarNewYear,
  toDayNumber,
  weekdayOfDayNumber,
} from '../calendar/index.ts';
import type { DemoChannelKind } from './types.ts';

/** Expected orders of one day per channel, plus gift-box and business (企業訂購) orders. */
export interface DailyDemand {
  readonly store: number;
  readonly online: number;
  readonly delivery: number;
  /** Retail gift-box orders (store and online). */
  readonly gift: number;
  /** Business bulk gift-box orders. */
  readonly business: number;
  readonly typhoon: boolean;
}

/** Orders a day at the start of the history, scale 1. */
const BASE_ORDERS: Readonly<Record<DemoChannelKind, number>> = { store: 74, online: 5, delivery: 13 };
/** Yearly growth rate at the start, and how much it slows each year (continuous rates). */
const GROWTH: Readonly<Record<DemoChannelKind, { readonly rate: number; readonly slowdown: number }>> = {
  store: { rate: 0.1, slowdown: 0.02 },
  online: { rate: 0.38, slowdown: 0.05 },
  delivery: { rate: 0.2, slowdown: 0.03 },
};
/** Monday..Sunday. */
const WEEKLY: Readonly<Record<DemoChannelKind, readonly number[]>> = {
  store: [0.9, 0.86, 0.9, 0.95, 1.05, 1.3, 1.24],
  online: [1.08, 1.05, 1.02, 1.0, 0.98, 0.92, 0.95],
  delivery: [0.92, 0.92, 0.95, 0.98, 1.08, 1.1, 1.05],
};
/** January..December. */
const MONTHLY: Readonly<Record<DemoChannelKind, readonly number[]>> = {
  store: [0.96, 0.92, 0.98, 1.0, 1.0, 1.03, 1.06, 1.06, 0.98, 1.0, 0.98, 1.05],
  online: [1.05, 0.95, 0.95, 0.95, 1.0, 0.95, 0.95, 0.95, 1.0, 1.0, 1.15, 1.15],
  delivery: [1.05, 1.0, 1.0, 0.98, 1.0, 1.05, 1.1, 1.1, 1.0, 0.96, 0.96, 1.02],
};

function growthFactor(kind: DemoChannelKind, years: number): number {
  const g = GROWTH[kind];
  return Math.exp(g.rate * years - (g.slowdown * years * years) / 2);
}

/** Gift-box pull of the festivals: a ramp up to Lunar New Year and Mid-Autumn, a smaller Christmas. */
function festivalPull(day: number, year: number): { readonly factor: number; readonly holiday: boolean } {
  let factor = 1;
  let holiday = false;
  for (const y of [year, year + 1]) {
    const toNewYear = toDayNumber(lunarNewYear(y)) - day;
    if (toNewYear >= 1 && toNewYear <= 28) factor += toNewYear <= 10 ? 9 : 4;
    if (toNewYear >= -2 && toNewYear <= 1) holiday = true; // 除夕 to 初三
  }
  const toMoon = toDayNumber(lunarFestivalDate('mid_autumn', year)) - day;
  if (toMoon >= 0 && toMoon <= 21) factor += toMoon <= 10 ? 6 : 3;
  const { month, day: dom } = civilFromDays(day);
  if (month === 12 && dom >= 10 && dom <= 24) factor += 1.5;
  return { factor, holiday };
}

/** Expected order counts of a day (before noise) for a history that started on `historyStart`. */
export function computeDailyDemand(
  day: number,
  historyStart: number,
  typhoon: boolean,
  scale: number,
): DailyDemand {
  const years = (day - historyStart) / 365.25;
  const weekday = weekdayOfDayNumber(day) - 1;
  const { year, month } = civilFromDays(day);
  const festival = festivalPull(day, year);
  const level = (kind: DemoChannelKind): number =>
    BASE_ORDERS[kind] *
    growthFactor(kind, years) *
    (WEEKLY[kind][weekday] ?? 1) *
    (MONTHLY[kind][month - 1] ?? 1);

  let store = level('store');
  let online = level('online');
  let delivery = level('delivery');
  if (festival.holiday) {
    store *= 0.35;
    online *= 0.3;
    delivery *= 0.5;
  }
  if (typhoon) {
    store *= 0.12;
    online *= 1.2;
    delivery *= 1.9;
  }
  const giftBase = 1.2 * growthFactor('online', years) ** 0.5;
  const gift = festival.holiday || typhoon ? 0 : giftBase * festival.factor;
  const business = festival.holiday || typhoon ? 0 : 0.012 * (festival.factor - 1) + 0.004;
  return {
    store: store * scale,
    online: online * scale,
    delivery: delivery * scale,
    gift: gift * scale,
    business: business * scale,
    typhoon,
  };
}
