import { describe, expect, it } from 'vitest';
import { splitTarget } from '../../../src/core/plan/split.ts';

/**
 * A young shop's last year: sales from 2026-09-08 to 2026-12-06, a 2027 goal split like last year.
 * A period the data covers in part is scaled to its whole days (an estimate, said); one it does not
 * cover at all has no last year (not zero sales); too little covered: equal by days, said.
 */
const CAL = { fiscalYearStartMonth: 1 };
const sum = (xs: number[]) => xs.reduce((s, v) => s + v, 0);

describe('last year over partly covered periods', () => {
  it('a period covered in part counts at its pace over the days covered, not as a whole period', () => {
    // Q3 last year: 10 days of 92 covered, at the same pace per day as Q4 (fully covered).
    const r = splitTarget({
      period: { start: '2027-07-01', end: '2027-12-31' },
      into: 'quarter',
      members: null,
      method: 'last-year',
      rampPct: null,
      settings: CAL,
      total: 1_840_000,
      level: null,
      lastYear: [[10_000], [92_000]],
      lastYearCoverage: [0.5, 1],
    });
    expect(sum(r.cells.map((c) => c.value))).toBe(1_840_000);
    // Q3 at 20,000 over its whole days (10,000 over half of them), Q4 92,000.
    const [q3, q4] = r.cells.map((c) => c.value);
    expect((q3 ?? 0) / (q4 ?? 1)).toBeCloseTo(20_000 / 92_000, 6);
    expect(r.notes).toContain('LAST_YEAR_PARTLY_ESTIMATED');
    expect(r.notes).not.toContain('LAST_YEAR_TOO_LITTLE_EQUAL');
  });

  it('months the data does not cover take the average per day; the first, partly covered month is not below them', () => {
    // Jul, Aug: no data; Sep: from the 8th (23 of 30 days); Oct, Nov whole; Dec: 20 of 31 days.
    const perDay = 1000;
    const r = splitTarget({
      period: { start: '2027-07-01', end: '2027-12-31' },
      into: 'month',
      members: null,
      method: 'last-year',
      rampPct: null,
      settings: CAL,
      total: 18_400_000,
      level: null,
      lastYear: [[0], [0], [23 * perDay], [31 * perDay], [30 * perDay], [20 * perDay]],
      lastYearCoverage: [0, 0, 23 / 30, 1, 1, 20 / 31],
    });
    const perDayTarget = r.cells.map((c) => c.value / c.period.days);
    // The same pace every month: the partly covered ones are not read as short months.
    for (const v of perDayTarget) expect(v).toBeCloseTo(100_000, 0);
    expect(r.notes).toEqual(expect.arrayContaining(['LAST_YEAR_PARTLY_ESTIMATED', 'LAST_YEAR_PARTLY_EMPTY']));
  });

  it('data covering less than half of last year: equal by days, with the reason', () => {
    // 2027 by quarter; last year's data covers Sep 8 – Dec 6 (90 of 365 days).
    const r = splitTarget({
      period: { start: '2027-01-01', end: '2027-12-31' },
      into: 'quarter',
      members: null,
      method: 'last-year',
      rampPct: null,
      settings: CAL,
      total: 300_000_000,
      level: null,
      lastYear: [[0], [0], [1_000_000], [9_000_000]],
      lastYearCoverage: [0, 0, 23 / 92, 67 / 92],
    });
    const values = r.cells.map((c) => c.value);
    expect(sum(values)).toBe(300_000_000);
    r.cells.forEach((c) => {
      expect(c.value / 300_000_000).toBeCloseTo(c.period.days / 365, 6);
    });
    expect(r.notes).toContain('LAST_YEAR_TOO_LITTLE_EQUAL');
    expect(r.notes).not.toContain('LAST_YEAR_PARTLY_EMPTY');
  });
});
