import { daysFromCivil } from '../calendar/index.ts';
import { deriveSeed, SeededRandom } from './seeded-random.ts';

/** Typhoon days (颱風假) of a summer: 0–3 storms between July and September, some lasting two days. */
export function listTyphoonDays(seed: number, year: number): number[] {
  const random = new SeededRandom(deriveSeed(seed, 0x7e1f00, year));
  const storms = random.weightedIndex([0.1, 0.35, 0.4, 0.15]);
  const first = daysFromCivil(year, 7, 1);
  const last = daysFromCivil(year, 9, 30);
  const days = new Set<number>();
  for (let i = 0; i < storms; i++) {
    const day = first + random.int(last - first + 1);
    days.add(day);
    if (random.chance(0.4)) days.add(day + 1);
  }
  return [...days].sort((a, b) => a - b);
}
