import {
  civilFromDays,
  fromDayNumber,
  lunarFestivalDate,
  lunarNewYear,
  toDayNumber,
} from '../calendar/index.ts';
import { DEMO_AGE_BAND_SHARES, DEMO_REGION_SHARES, DEMO_TIER_SHARES } from './demo-dimensions.ts';
import { SeededRandom } from './seeded-random.ts';
import type { DemoCustomer } from './types.ts';

const SURNAMES = '陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高';
const GIVEN = '怡君雅婷家豪志明淑芬宗翰詩涵佳穎冠宇俊傑美玲建宏欣怡承恩宜蓁柏翰子晴品妤彥廷思妤';
const BUSINESS_PREFIXES = [
  '宏達',
  '聯詠',
  '遠見',
  '晨星',
  '綠洲',
  '新創',
  '永豐',
  '大同',
  '青田',
  '光華',
  '信義',
  '天成',
  '博達',
  '日盛',
  '恆通',
  '森林',
  '海洋',
  '金陽',
  '和平',
  '文心',
];
const BUSINESS_SUFFIXES = [
  '科技股份有限公司',
  '設計有限公司',
  '顧問有限公司',
  '國際股份有限公司',
  '會計師事務所',
  '診所',
];

export const DEMO_MEMBER_COUNT = 2940;
export const DEMO_BUSINESS_COUNT = 60;

function drawShare<T>(
  random: SeededRandom,
  entries: readonly { readonly share: number }[],
  values: readonly T[],
): T {
  return values[random.weightedIndex(entries.map((e) => e.share))] as T;
}

/** A first-seen day: 8 % join in the opening month, the rest at a pace growing with the business. */
function drawFirstSeen(random: SeededRandom, startDay: number, endDay: number): number {
  const span = endDay - startDay + 1;
  if (random.chance(0.08)) return startDay + random.int(Math.min(30, span));
  // density rising ~40 % over the history: inverse CDF of a linear ramp 1 → 1.4
  const u = random.next();
  const slope = 0.4;
  const x = (-1 + Math.sqrt(1 + slope * (2 + slope) * u)) / slope;
  return startDay + Math.min(span - 1, Math.floor(x * span));
}

/** Companies first order gift boxes in the weeks before Lunar New Year or Mid-Autumn. */
function drawBusinessFirstSeen(random: SeededRandom, startDay: number, endDay: number): number {
  const firstYear = civilFromDays(startDay).year;
  const lastYear = civilFromDays(endDay).year;
  for (let attempt = 0; attempt < 20; attempt++) {
    const year = random.between(firstYear, lastYear);
    const festival = random.chance(0.55)
      ? toDayNumber(lunarNewYear(year))
      : toDayNumber(lunarFestivalDate('mid_autumn', year));
    const day = festival - random.between(1, 21);
    if (day >= startDay && day <= endDay) return day;
  }
  return startDay + random.int(endDay - startDay + 1);
}

function drawPersonName(random: SeededRandom): string {
  const surname = SURNAMES[random.int(SURNAMES.length)] ?? '陳';
  const a = random.int(GIVEN.length / 2) * 2;
  const b = random.int(GIVEN.length / 2) * 2;
  return `${surname}${GIVEN[a + random.int(2)] ?? ''}${GIVEN[b + 1] ?? ''}`;
}

/** ~3,000 customers: members (by age band, tier, region) and business buyers of gift boxes. */
export function buildDemoCustomers(
  seed: number,
  startDay: number,
  endDay: number,
  memberCount: number = DEMO_MEMBER_COUNT,
): DemoCustomer[] {
  const random = new SeededRandom(seed);
  const regions = DEMO_REGION_SHARES.map((r) => r.region.name);
  const members = Array.from({ length: memberCount }, () => ({
    firstSeen: drawFirstSeen(random, startDay, endDay),
    name: drawPersonName(random),
    ageBand: drawShare(
      random,
      DEMO_AGE_BAND_SHARES,
      DEMO_AGE_BAND_SHARES.map((a) => a.band),
    ),
    tier: drawShare(
      random,
      DEMO_TIER_SHARES,
      DEMO_TIER_SHARES.map((t) => t.tier),
    ),
    region: drawShare(random, DEMO_REGION_SHARES, regions),
  })).sort((x, y) => x.firstSeen - y.firstSeen);
  const businesses = Array.from({ length: DEMO_BUSINESS_COUNT }, (_, i) => ({
    firstSeen: drawBusinessFirstSeen(random, startDay, endDay),
    name: `${BUSINESS_PREFIXES[i % BUSINESS_PREFIXES.length]}${BUSINESS_SUFFIXES[random.int(BUSINESS_SUFFIXES.length)]}`,
    region: random.chance(0.8) ? '台北市' : '新北市',
  })).sort((x, y) => x.firstSeen - y.firstSeen);

  return [
    ...members.map(
      (m, i): DemoCustomer => ({
        code: `M${String(i + 1).padStart(Math.max(5, String(memberCount).length), '0')}`,
        name: m.name,
        customerType: 'member',
        ageBand: m.ageBand,
        memberTier: m.tier,
        region: m.region,
        firstSeenOn: fromDayNumber(m.firstSeen),
      }),
    ),
    ...businesses.map(
      (b, i): DemoCustomer => ({
        code: `B${String(i + 1).padStart(4, '0')}`,
        name: b.name,
        customerType: 'business',
        ageBand: null,
        memberTier: null,
        region: b.region,
        firstSeenOn: fromDayNumber(b.firstSeen),
      }),
    ),
  ];
}
