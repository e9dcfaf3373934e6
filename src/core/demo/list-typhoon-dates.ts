import { fromDayNumber } from '../calendar/index.ts';
import { listTyphoonDays } from './typhoon-days.ts';

/** The typhoon days ('YYYY-MM-DD') the generator uses for a seed and a year. */
export function listTyphoonDates(seed: number, year: number): string[] {
  return listTyphoonDays(seed, year).map(fromDayNumber);
}
