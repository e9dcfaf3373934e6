import { describe, expect, it } from 'vitest';
import { addDays, lunarNewYear } from '../../../src/core/calendar/index.ts';
import { generateDemoSales, isProductAvailableOn, listTyphoonDates } from '../../../src/core/demo/index.ts';
import { catalog, PERIOD, SEED } from './demo-fixture.ts';

const products = new Map(catalog.products.map((p) => [p.name, p]));

/** One pass over the three years, kept as small aggregates. */
const byDay = new Map<string, { store: number; delivery: number; gift: number; total: number }>();
const icedShare = new Map<string, { iced: number; drinks: number }>();
const byYear = new Map<string, number>();
const campaigns = new Set<string>();
const outOfSeason: string[] = [];
const firstPurchase = new Map<string, string>();
const repsSelling = new Set<string>();
const channelsByYear = new Map<string, number>();
const customers = new Map(catalog.customers.map((c) => [c.code, c]));
/** Members who joined in the first half of 2023, and those of them buying 1–3 and 13–15 months later. */
const cohort = new Set(
  catalog.customers
    .filter((c) => c.customerType === 'member' && c.firstSeenOn < '2023-07-01')
    .map((c) => c.code),
);
const activeEarly = new Set<string>();
const activeLate = new Set<string>();
for (const l of generateDemoSales(catalog, { seed: SEED, ...PERIOD })) {
  const product = products.get(l.product);
  if (!product) throw new Error(`unknown product ${l.product}`);
  const day = byDay.get(l.saleDate) ?? { store: 0, delivery: 0, gift: 0, total: 0 };
  byDay.set(l.saleDate, day);
  day.total += l.amountMinor;
  if (l.channel === '門市') day.store += l.amountMinor;
  if (l.channel === '外送平台') day.delivery += l.amountMinor;
  if (product.category === '禮盒') day.gift += l.amountMinor;
  if (product.temperature !== 'none') {
    const month = l.saleDate.slice(0, 7);
    const share = icedShare.get(month) ?? { iced: 0, drinks: 0 };
    icedShare.set(month, share);
    share.drinks += l.amountMinor;
    if (product.temperature === 'iced') share.iced += l.amountMinor;
  }
  byYear.set(l.saleDate.slice(0, 4), (byYear.get(l.saleDate.slice(0, 4)) ?? 0) + l.amountMinor);
  if (l.campaignCode !== null) campaigns.add(l.campaignCode);
  if (l.rep !== null) repsSelling.add(l.rep);
  const channelYear = `${l.channel} ${l.saleDate.slice(0, 4)}`;
  channelsByYear.set(channelYear, (channelsByYear.get(channelYear) ?? 0) + l.amountMinor);
  if (l.customer !== null) {
    if (!firstPurchase.has(l.customer)) firstPurchase.set(l.customer, l.saleDate);
    const joined = customers.get(l.customer)?.firstSeenOn ?? '';
    if (cohort.has(l.customer)) {
      const days = (Date.parse(l.saleDate) - Date.parse(joined)) / 86_400_000;
      if (days >= 30 && days < 120) activeEarly.add(l.customer);
      if (days >= 395 && days < 485) activeLate.add(l.customer);
    }
  }
  if (product.availability.kind !== 'always' && !isProductAvailableOn(product, l.saleDate)) {
    outOfSeason.push(`${l.saleDate} ${l.product}`);
  }
}

function sumDays(
  from: string,
  days: number,
  pick: (d: { store: number; delivery: number; gift: number; total: number }) => number,
): number {
  let sum = 0;
  for (let i = 0; i < days; i++) {
    const d = byDay.get(addDays(from, i));
    sum += d ? pick(d) : 0;
  }
  return sum;
}

const ratio = (month: string): number => {
  const s = icedShare.get(month);
  return s ? s.iced / s.drinks : Number.NaN;
};

describe('demo sales seasonality', () => {
  it('sells more iced drinks in July than in January', () => {
    for (const year of ['2023', '2024', '2025']) {
      expect(ratio(`${year}-07`)).toBeGreaterThan(ratio(`${year}-01`) + 0.15);
    }
  });

  it('sells far more gift boxes the week before Lunar New Year than in a normal week', () => {
    for (const year of [2023, 2024, 2025]) {
      const newYear = lunarNewYear(year);
      const weekBefore = sumDays(addDays(newYear, -7), 7, (d) => d.gift);
      const normalWeek = sumDays(`${year}-04-01`, 91, (d) => d.gift) / 13;
      expect(weekBefore).toBeGreaterThan(3 * normalWeek);
    }
  });

  it('is busier in the store at the weekend', () => {
    let weekend = 0;
    let weekdays = 0;
    for (let i = 0; i < 364; i++) {
      const date = addDays('2024-03-04', i); // a Monday
      const store = byDay.get(date)?.store ?? 0;
      if (i % 7 >= 5) weekend += store / 2;
      else weekdays += store / 5;
    }
    expect(weekend).toBeGreaterThan(1.1 * weekdays);
  });

  it('collapses store sales on typhoon days while delivery rises', () => {
    const typhoons = ['2023', '2024', '2025'].flatMap((y) => listTyphoonDates(SEED, Number(y)));
    expect(typhoons.length).toBeGreaterThan(0);
    for (const date of typhoons) {
      const day = byDay.get(date);
      const around = [-14, -7, 7, 14]
        .map((offset) => addDays(date, offset))
        .filter((d) => !typhoons.includes(d))
        .map((d) => byDay.get(d))
        .filter((d) => d !== undefined);
      if (!day || around.length === 0) continue;
      const mean = (pick: (d: { store: number; delivery: number }) => number): number =>
        around.reduce((sum, d) => sum + pick(d), 0) / around.length;
      expect(day.store).toBeLessThan(0.4 * mean((d) => d.store));
      expect(day.delivery).toBeGreaterThan(1.2 * mean((d) => d.delivery));
    }
  });

  it('grows 4–25 % a year', () => {
    const [y1, y2, y3] = ['2023', '2024', '2025'].map((y) => byYear.get(y) ?? 0);
    const g1 = (y2 ?? 0) / (y1 ?? 1) - 1;
    const g2 = (y3 ?? 0) / (y2 ?? 1) - 1;
    for (const growth of [g1, g2]) {
      expect(growth).toBeGreaterThan(0.04);
      expect(growth).toBeLessThan(0.25);
    }
  });

  it('sells seasonal products only in their season', () => {
    expect(outOfSeason).toEqual([]);
    const mango = products.get('芒果冰沙');
    expect(mango && isProductAvailableOn(mango, '2024-07-01')).toBe(true);
    expect(mango && isProductAvailableOn(mango, '2024-12-01')).toBe(false);
    const strawberry = products.get('草莓拿鐵');
    expect(strawberry && isProductAvailableOn(strawberry, '2025-01-15')).toBe(true);
    const cny = products.get('新春福氣咖啡禮盒');
    expect(cny && isProductAvailableOn(cny, '2025-01-20')).toBe(true);
    expect(cny && isProductAvailableOn(cny, '2025-06-20')).toBe(false);
  });

  it('runs campaigns with codes such as CNY2025 and SUMMER24', () => {
    for (const code of ['CNY2024', 'CNY2025', 'SUMMER24', 'MOON2024', 'XMAS2024', 'MEMBERDAY']) {
      expect(campaigns).toContain(code);
    }
  });

  it('has every customer buy first on the day first seen', () => {
    const mismatches = catalog.customers.filter((c) => firstPurchase.get(c.code) !== c.firstSeenOn);
    expect(mismatches).toEqual([]);
  });

  it('loses members over time (retention decays, churn is real)', () => {
    expect(cohort.size).toBeGreaterThan(300);
    expect(activeEarly.size / cohort.size).toBeGreaterThan(0.4);
    expect(activeLate.size).toBeLessThan(0.8 * activeEarly.size);
    expect(activeLate.size).toBeGreaterThan(0);
  });

  it('has every rep selling, and the online channel growing faster than the store', () => {
    expect(repsSelling).toEqual(new Set(catalog.salesReps.map((r) => r.name)));
    const growth = (channel: string): number =>
      (channelsByYear.get(`${channel} 2025`) ?? 0) / (channelsByYear.get(`${channel} 2023`) ?? 1);
    expect(growth('線上商店')).toBeGreaterThan(growth('門市'));
    expect(growth('門市')).toBeGreaterThan(1);
  });
});
