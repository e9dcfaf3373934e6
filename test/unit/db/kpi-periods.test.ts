import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type DateRange } from '../../../src/core/calendar/index.ts';
import {
  nextPeriod,
  type Piece,
  periodEnd,
  splitByMonth,
  splitByPeriod,
  splitByWeek,
  splitCheapest,
} from '../../../src/db/kpi/kpi-sql.ts';

/**
 * Buckets split into whole periods (read from the customer cells) and days (read from the lines):
 * every day of every bucket is covered exactly once, by its own bucket, whichever unit is chosen.
 */

const FIRST = '2025-12-20';
const day = (n: number) => addDays(FIRST, n);

/** Each covered day → its bucket, from whole periods (expanded to days) and leftover days. */
function covered(unit: 'month' | 'week', periods: readonly Piece[], days: readonly Piece[]) {
  const out = new Map<string, number[]>();
  const mark = (d: string, b: number) => out.set(d, [...(out.get(d) ?? []), b]);
  for (const p of periods) {
    for (let start = p.start; start <= p.end; start = nextPeriod(unit, start)) {
      const end = unit === 'week' ? periodEnd(unit, start) : addDays(nextPeriod(unit, start), -1);
      for (let d = start; d <= end; d = addDays(d, 1)) mark(d, p.bucket);
    }
  }
  for (const p of days) for (let d = p.start; d <= p.end; d = addDays(d, 1)) mark(d, p.bucket);
  return out;
}

function expected(buckets: readonly DateRange[]) {
  const out = new Map<string, number[]>();
  buckets.forEach((b, i) => {
    for (let d = b.start; d <= b.end; d = addDays(d, 1)) out.set(d, [...(out.get(d) ?? []), i]);
  });
  return out;
}

/** Disjoint buckets of 1–120 days with gaps. */
const bucketsArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 120 })), { maxLength: 8 })
  .map((spans) => {
    let at = 0;
    return spans.map(([gap, length]) => {
      const start = at + gap;
      at = start + length + 1;
      return { start: day(start), end: day(start + length) };
    });
  });

const sortMap = (m: Map<string, number[]>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('period splits of KPI buckets', () => {
  it('cover every day of every bucket once, by months, by weeks, or as splitByPeriod picks', () => {
    fc.assert(
      fc.property(bucketsArb, fc.boolean(), (buckets, weeks) => {
        const want = sortMap(expected(buckets));
        const m = splitByMonth(buckets);
        expect(sortMap(covered('month', m.months, m.days))).toEqual(want);
        const w = splitByWeek(buckets);
        expect(sortMap(covered('week', w.weeks, w.days))).toEqual(want);
        for (const p of w.weeks) expect(new Date(`${p.start}T00:00Z`).getUTCDay()).toBe(1);
        const chosen = splitByPeriod(buckets, weeks);
        if (!weeks) expect(chosen.unit).toBe('month');
        expect(sortMap(covered(chosen.unit, chosen.periods, chosen.days))).toEqual(want);
      }),
    );
  });

  it('the cheapest cover of months, weeks and days covers every day once, and costs no more than months then weeks', () => {
    const cost = (s: { months: Piece[]; weeks: Piece[]; days: Piece[] }) => {
      let c = 0;
      for (const p of s.months) for (let m = p.start; m <= p.end; m = nextPeriod('month', m)) c += 2;
      for (const p of s.weeks) for (let w = p.start; w <= p.end; w = addDays(w, 7)) c += 1;
      for (const p of s.days) for (let d = p.start; d <= p.end; d = addDays(d, 1)) c += 3;
      return c;
    };
    fc.assert(
      fc.property(bucketsArb, (buckets) => {
        const want = sortMap(expected(buckets));
        const cheap = splitCheapest(buckets);
        const all = covered('month', cheap.months, cheap.days);
        for (const [d, b] of covered('week', cheap.weeks, [])) all.set(d, [...(all.get(d) ?? []), ...b]);
        expect(sortMap(all)).toEqual(want);
        for (const p of cheap.weeks) expect(new Date(`${p.start}T00:00Z`).getUTCDay()).toBe(1);
        for (const p of cheap.months) expect(p.start.endsWith('-01') && p.end.endsWith('-01')).toBe(true);
        // The split it replaces: whole months, then the whole weeks of the days they leave.
        const m = splitByMonth(buckets);
        const left = splitByWeek(m.days.map(({ start, end }) => ({ start, end })));
        expect(cost(cheap)).toBeLessThanOrEqual(cost({ months: m.months, ...left }));
      }),
    );
    // A year from a Saturday (a week-by-week question's last year): weeks across November's and
    // December's ends, then months; four days before and one after, not eight and one.
    expect(splitCheapest([{ start: '2024-11-02', end: '2025-11-01' }])).toEqual({
      months: [{ bucket: 0, start: '2025-01-01', end: '2025-10-01' }],
      weeks: [{ bucket: 0, start: '2024-11-04', end: '2024-12-23' }],
      days: [
        { bucket: 0, start: '2024-11-02', end: '2024-11-03' },
        { bucket: 0, start: '2024-12-30', end: '2024-12-31' },
        { bucket: 0, start: '2025-11-01', end: '2025-11-01' },
      ],
    });
    // Whole months stay months.
    expect(splitCheapest([{ start: '2026-02-01', end: '2026-04-30' }])).toEqual({
      months: [{ bucket: 0, start: '2026-02-01', end: '2026-04-01' }],
      weeks: [],
      days: [],
    });
  });

  it('reads a year by week from weeks, a year by month and a range with a few days at its ends from months', () => {
    const weeksOf2026 = Array.from({ length: 52 }, (_, i) => ({
      start: addDays('2025-12-29', i * 7),
      end: addDays('2025-12-29', i * 7 + 6),
    }));
    const byWeek = splitByPeriod(weeksOf2026, true);
    expect(byWeek.unit).toBe('week');
    expect(byWeek.days).toEqual([]);
    expect(byWeek.periods[0]).toEqual({ bucket: 0, start: '2025-12-29', end: '2025-12-29' });
    // Without the weekly cells (product scopes): months, so every day is left to the lines.
    expect(splitByPeriod(weeksOf2026, false).unit).toBe('month');
    const months = Array.from({ length: 12 }, (_, i) => ({
      start: `2026-${String(i + 1).padStart(2, '0')}-01`,
      end: addDays(`2026-${String(i + 2).padStart(2, '0')}-01`.replace('2026-13', '2027-01'), -1),
    }));
    expect(splitByPeriod(months, true).unit).toBe('month');
    expect(splitByPeriod([{ start: '2026-01-15', end: '2026-12-20' }], true).unit).toBe('month');
    // A week that crosses months: one whole week, no days.
    expect(splitByWeek([{ start: '2026-03-30', end: '2026-04-05' }])).toEqual({
      weeks: [{ bucket: 0, start: '2026-03-30', end: '2026-03-30' }],
      days: [],
    });
  });
});
