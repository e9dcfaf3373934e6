import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, toDayNumber } from '../../../src/core/calendar/dates.ts';
import { lunarNewYear } from '../../../src/core/calendar/lunar.ts';
import { taiwanHolidayYear } from '../../../src/core/plan/holiday-windows.ts';
import { seasonalProfile } from '../../../src/core/plan/seasonal.ts';
import { splitTarget } from '../../../src/core/plan/split.ts';

interface Truth {
  weekday: number[];
  amplitude: number;
  phase: number;
  peakOffset: number;
  peak: number;
  closedFactor: number;
}

/** The exact model: weekday × smooth yearly × a Lunar New Year peak `peakOffset` days from 初一 (moving). */
function truthOn(date: string, t: Truth): number {
  const n = toDayNumber(date);
  const wd = (((n + 3) % 7) + 7) % 7;
  const year = Number(date.slice(0, 4));
  const doy = daysBetween(`${year}-01-01`, date);
  const yearly = 1 + t.amplitude * Math.sin((2 * Math.PI * doy) / 365.25 + t.phase);
  let h = 1;
  for (const y of [year - 1, year, year + 1]) {
    const off = n - toDayNumber(lunarNewYear(y));
    if (off === t.peakOffset) h = t.peak;
    else if (off === t.peakOffset - 1 || off === t.peakOffset + 1) h = 1 + (t.peak - 1) / 3;
    else if (off === 0) h = t.closedFactor;
  }
  return 1000 * (t.weekday[wd] ?? 1) * yearly * h;
}

function history(from: string, to: string, t: Truth, spike?: { date: string; factor: number }) {
  const values: number[] = [];
  for (let d = from; d <= to; d = addDays(d, 1))
    values.push(truthOn(d, t) * (spike && spike.date === d ? spike.factor : 1));
  return { start: from, values };
}

const argmax = (xs: readonly number[]) => xs.reduce((best, v, i) => (v > (xs[best] ?? -1) ? i : best), 0);

const truthArb = fc.record({
  weekday: fc.array(fc.double({ min: 0.8, max: 1.25, noNaN: true }), { minLength: 7, maxLength: 7 }),
  amplitude: fc.double({ min: 0, max: 0.25, noNaN: true }),
  phase: fc.double({ min: 0, max: 6.28, noNaN: true }),
  peakOffset: fc.integer({ min: -20, max: -2 }),
  peak: fc.double({ min: 3, max: 6, noNaN: true }),
  closedFactor: fc.double({ min: 0, max: 0.3, noNaN: true }),
});

describe('seasonal profile learned from history', () => {
  it('an exactly seasonal history with a moving Lunar New Year is reproduced next year, peak on the right date', () => {
    fc.assert(
      fc.property(truthArb, (t) => {
        const target = { start: '2026-01-01', end: '2026-12-31' };
        const p = seasonalProfile(history('2023-01-01', '2025-12-31', t), target, taiwanHolidayYear);
        expect(p.level).toBe('full');
        const truth: number[] = [];
        for (let d = target.start; d <= target.end; d = addDays(d, 1)) truth.push(truthOn(d, t));
        // The peak lands on 2026's date (LNY 2026-02-17), not on last year's (2025-01-29).
        const peakDay = addDays(target.start, argmax(p.weights));
        expect(peakDay).toBe(addDays(target.start, argmax(truth)));
        expect(peakDay).toBe(addDays(lunarNewYear(2026), t.peakOffset));
        // Month shares within 3 % of the truth's.
        const share = (xs: number[], m: number) => {
          const total = xs.reduce((s, v) => s + v, 0);
          let s = 0;
          xs.forEach((v, i) => {
            if (Number(addDays(target.start, i).slice(5, 7)) === m) s += v;
          });
          return s / total;
        };
        for (let m = 1; m <= 12; m++)
          expect(Math.abs(share(p.weights, m) / share(truth, m) - 1)).toBeLessThan(0.03);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('re-aligns January vs February to the target year (LNY 2025-01-29 → 2026-02-17)', () => {
    const t: Truth = {
      weekday: [1, 1, 1, 1, 1, 1, 1],
      amplitude: 0,
      phase: 0,
      peakOffset: -5,
      peak: 8,
      closedFactor: 0,
    };
    const r = splitTarget({
      period: { start: '2026-01-01', end: '2026-12-31' },
      into: 'month',
      members: null,
      method: 'seasonal',
      rampPct: null,
      settings: { fiscalYearStartMonth: 1 },
      total: 1_000_000,
      level: null,
      history: history('2023-01-01', '2025-12-31', t),
      holidays: taiwanHolidayYear,
    });
    const [jan, feb] = r.cells.map((c) => c.value);
    expect(feb ?? 0).toBeGreaterThan(jan ?? 0);
    expect(r.notes).toContain('SEASONAL_LEARNED');
  });

  it('a one-off spike (a bulk order) does not become seasonality', () => {
    const t: Truth = {
      weekday: [1, 1.1, 0.9, 1, 1.2, 1.3, 0.8],
      amplitude: 0.1,
      phase: 1,
      peakOffset: -3,
      peak: 4,
      closedFactor: 0.1,
    };
    const target = { start: '2026-01-01', end: '2026-12-31' };
    const clean = seasonalProfile(history('2023-01-01', '2025-12-31', t), target, taiwanHolidayYear);
    const spiked = seasonalProfile(
      history('2023-01-01', '2025-12-31', t, { date: '2024-07-10', factor: 30 }),
      target,
      taiwanHolidayYear,
    );
    const i = daysBetween(target.start, '2026-07-10') - 1;
    expect(Math.abs((spiked.weights[i] ?? 0) / (clean.weights[i] ?? 1) - 1)).toBeLessThan(0.05);
  });

  it('falls back gracefully: one year shrunk, a few months weekday only, none equal', () => {
    const t: Truth = {
      weekday: [1, 1, 1, 1, 1.5, 1.5, 1],
      amplitude: 0.2,
      phase: 0,
      peakOffset: -4,
      peak: 4,
      closedFactor: 0,
    };
    const target = { start: '2026-01-01', end: '2026-03-31' };
    expect(seasonalProfile(history('2025-01-01', '2025-12-31', t), target, taiwanHolidayYear).note).toBe(
      'ONE_YEAR_SHRUNK',
    );
    const few = seasonalProfile(history('2025-09-01', '2025-12-31', t), target, taiwanHolidayYear);
    expect(few.note).toBe('SHORT_HISTORY_WEEKDAY_ONLY');
    // Fridays (weekday 4) weigh more than Mondays.
    expect(few.weights[daysBetween(target.start, '2026-01-02') - 1]).toBeGreaterThan(
      few.weights[daysBetween(target.start, '2026-01-05') - 1] ?? 0,
    );
    const none = seasonalProfile({ start: '2025-12-01', values: [] }, target, taiwanHolidayYear);
    expect(none.note).toBe('NO_HISTORY_EQUAL');
    expect(new Set(none.weights)).toEqual(new Set([1]));
  });

  it('make-up workdays and public holidays are tagged from the one calendar', () => {
    const y2025 = taiwanHolidayYear(2025);
    expect(y2025.windows[0]).toMatchObject({ key: 'lunar_new_year', date: '2025-01-29', before: 21 });
    expect(y2025.makeupWorkdays).toContain('2025-02-08');
    expect(taiwanHolidayYear(2026).windows.some((w) => w.key === 'national_day')).toBe(true);
  });
});
