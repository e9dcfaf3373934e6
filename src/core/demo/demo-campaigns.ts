import { civilFromDays, lunarFestivalDate, lunarNewYear, toDayNumber } from '../calendar/index.ts';
import type { DemoProduct } from './types.ts';

/** A promotion running on a day: which lines it discounts, by how much, and how often buyers use it. */
export interface DemoCampaign {
  readonly code: string;
  readonly rate: number;
  /** Share of eligible lines that use it. */
  readonly uptake: number;
  readonly membersOnly: boolean;
  readonly appliesTo: (product: DemoProduct) => boolean;
}

const isGiftBox = (p: DemoProduct): boolean => p.category === '禮盒';
const isSummerDrink = (p: DemoProduct): boolean => p.category === '季節限定' || p.temperature === 'iced';
const isDrink = (p: DemoProduct): boolean => p.temperature !== 'none' || p.category === '季節限定';
const isChristmasItem = (p: DemoProduct): boolean => p.name === '耶誕咖啡禮盒' || p.name === '薑餅拿鐵';

/** The campaigns of a day: CNY{yyyy}, MOON{yyyy}, SUMMER{yy}, XMAS{yyyy}, and the monthly member day. */
export function listCampaignsOn(day: number): DemoCampaign[] {
  const { year, month, day: dom } = civilFromDays(day);
  const campaigns: DemoCampaign[] = [];
  for (const y of [year, year + 1]) {
    const toNewYear = toDayNumber(lunarNewYear(y)) - day;
    if (toNewYear >= 1 && toNewYear <= 21) {
      campaigns.push({ code: `CNY${y}`, rate: 0.1, uptake: 0.7, membersOnly: false, appliesTo: isGiftBox });
    }
  }
  const toMoon = toDayNumber(lunarFestivalDate('mid_autumn', year)) - day;
  if (toMoon >= 1 && toMoon <= 14) {
    campaigns.push({
      code: `MOON${year}`,
      rate: 0.15,
      uptake: 0.6,
      membersOnly: false,
      appliesTo: isGiftBox,
    });
  }
  if (month === 7 || month === 8) {
    campaigns.push({
      code: `SUMMER${String(year % 100).padStart(2, '0')}`,
      rate: 0.2,
      uptake: 0.25,
      membersOnly: false,
      appliesTo: isSummerDrink,
    });
  }
  if (month === 12 && dom >= 15 && dom <= 25) {
    campaigns.push({
      code: `XMAS${year}`,
      rate: 0.1,
      uptake: 0.5,
      membersOnly: false,
      appliesTo: isChristmasItem,
    });
  }
  if (dom === 8) {
    campaigns.push({ code: 'MEMBERDAY', rate: 0.15, uptake: 0.9, membersOnly: true, appliesTo: isDrink });
  }
  return campaigns;
}
