import {
  civilFromDays,
  fromDayNumber,
  lunarFestivalDate,
  lunarNewYear,
  toDayNumber,
} from '../calendar/index.ts';
import type { DemoAvailability, DemoFestival } from './types.ts';

function findFestival(festival: DemoFestival, year: number): number {
  switch (festival) {
    case 'lunar-new-year':
      return toDayNumber(lunarNewYear(year));
    case 'mid-autumn':
      return toDayNumber(lunarFestivalDate('mid_autumn', year));
  }
}

/** Whether a product with this availability is on sale on a day (a day number). */
export function isAvailableOn(availability: DemoAvailability, day: number): boolean {
  switch (availability.kind) {
    case 'always':
      return true;
    case 'date-range': {
      const md = fromDayNumber(day).slice(5);
      return availability.from <= availability.to
        ? md >= availability.from && md <= availability.to
        : md >= availability.from || md <= availability.to;
    }
    case 'festival': {
      const { year } = civilFromDays(day);
      // a window may straddle New Year, so look at this year's and next year's festival
      for (const y of [year, year + 1]) {
        const f = findFestival(availability.festival, y);
        if (day >= f - availability.daysBefore && day <= f + availability.daysAfter) return true;
      }
      return false;
    }
  }
}
