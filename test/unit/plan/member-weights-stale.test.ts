import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/calendar/dates.ts';
import { dataFreshness } from '../../../src/core/goals/data-freshness.ts';
import { planNote } from '../../../src/core/plan/messages.ts';
import { historyWindow, MEMBER_HISTORY_MONTHS } from '../../../src/core/plan/seasonal.ts';
import { splitTarget } from '../../../src/core/plan/split.ts';

/**
 * A split by a dimension weighs the members by their sales over a year: the 12 months before the
 * plan when the data is current, else the 12 months up to the data's last known day (the same window
 * a seasonal split learns from). A company whose data ended more than a year ago is not split
 * equally for want of sales in the last 12 months, nor one whose data ended months ago weighted by a
 * partial year; the preview says the weights come from an older year.
 */

const YEAR = { start: '2026-01-01', end: '2026-12-31' };
const MEMBERS = ['latte', 'americano', 'mocha'];
/** Each member's sales per day: latte twice americano, mocha only in the winter (Nov–Feb). */
const perDay = (m: string, d: string): number => {
  if (m === 'latte') return 200;
  if (m === 'americano') return 100;
  const month = Number(d.slice(5, 7));
  return month >= 11 || month <= 2 ? 300 : 0;
};

/** What the company's data holds of each member over `range`, from the first to the last sale. */
function memberSales(range: { start: string; end: string } | null, first: string, last: string): number[] {
  return MEMBERS.map((m) => {
    let sum = 0;
    if (range)
      for (let d = range.start; d <= range.end; d = addDays(d, 1))
        if (d >= first && d <= last) sum += perDay(m, d);
    return sum;
  });
}

function split(first: string, last: string, today: string) {
  const fresh = dataFreshness({ first, last }, today);
  const window = historyWindow(YEAR.start < today ? YEAR.start : today, fresh, MEMBER_HISTORY_MONTHS);
  const recent = memberSales(window.range, first, last);
  const result = splitTarget({
    period: YEAR,
    into: 'quarter',
    members: MEMBERS,
    method: 'ramp',
    rampPct: 0,
    settings: { fiscalYearStartMonth: 1 },
    total: 3_650_000,
    level: null,
    memberHistory: recent,
    memberHistoryEnds: window.dataEnds,
  });
  const [latte = 0, americano = 0, mocha = 0] = MEMBERS.map((m) =>
    result.cells.filter((c) => c.member === m).reduce((s, c) => s + c.value, 0),
  );
  return { window, result, byMember: { latte, americano, mocha } };
}

describe('members weighted by the year the data covers', () => {
  it('current data: the 12 months before the plan, no note about the data', () => {
    const { window, result, byMember } = split('2023-01-01', '2025-12-31', '2026-01-01');
    expect(window).toEqual({ range: { start: '2025-01-01', end: '2025-12-31' }, dataEnds: null });
    expect(result.notes).toContain('MEMBERS_FROM_HISTORY');
    expect(result.notes).not.toContain('MEMBERS_DATA_ENDS');
    expect(byMember.latte / byMember.americano).toBeCloseTo(2, 3);
  });

  it('data that ended more than a year before: weighted by its last year, not shared equally', () => {
    // Sales 2022-01-01 to 2024-06-30; the plan made on 2026-01-01 (18 months later).
    const { window, result, byMember } = split('2022-01-01', '2024-06-30', '2026-01-01');
    expect(window).toEqual({ range: { start: '2023-07-01', end: '2024-06-30' }, dataEnds: '2024-06-30' });
    expect(byMember.latte / byMember.americano).toBeCloseTo(2, 3);
    expect(byMember.latte).not.toBe(byMember.americano);
    expect(byMember.latte + byMember.americano + byMember.mocha).toBe(3_650_000);
    expect(result.notes).toContain('MEMBERS_DATA_ENDS');
    expect(result.notes).not.toContain('MEMBERS_EQUAL');
    expect(result.notes).not.toContain('MEMBERS_FROM_HISTORY');
    const note = planNote('MEMBERS_DATA_ENDS', { date: '2024-06-30' });
    expect(note.zhTW).toContain('2024-06-30');
    expect(note.en).toContain('2024-06-30');
  });

  it('data that ended a few months before: a whole year of it, not a partial one read as whole', () => {
    // Sales to 2025-08-31, the plan on 2026-01-01: the winter product's season (Nov–Feb) is in the
    // year up to August, its share that of a whole year (120 winter days of 365 at 300 a day).
    const { window, byMember, result } = split('2022-01-01', '2025-08-31', '2026-01-01');
    expect(window.range).toEqual({ start: '2024-09-01', end: '2025-08-31' });
    const winterDays = 30 + 31 + 31 + 28; // Nov, Dec 2024, Jan, Feb 2025
    const expected = (300 * winterDays) / (200 * 365 + 100 * 365 + 300 * winterDays);
    expect(byMember.mocha / 3_650_000).toBeCloseTo(expected, 4);
    expect(result.notes).toContain('MEMBERS_DATA_ENDS');
  });
});
