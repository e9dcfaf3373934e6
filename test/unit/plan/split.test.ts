import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../src/core/calendar/dates.ts';
import { childPeriods } from '../../../src/core/plan/child-periods.ts';
import { planNote } from '../../../src/core/plan/messages.ts';
import { replan } from '../../../src/core/plan/replan.ts';
import {
  additiveMismatch,
  cellKey,
  countLevels,
  impliedLevel,
  rebalance,
  splitTarget,
} from '../../../src/core/plan/split.ts';
import { phasePeriod, STAGE_TEMPLATES } from '../../../src/core/plan/stage-templates.ts';

const CAL = { fiscalYearStartMonth: 1 };
const sum = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0);

describe('child periods', () => {
  it('fiscal quarters follow the fiscal year (April start)', () => {
    const qs = childPeriods({ start: '2026-04-01', end: '2027-03-31' }, 'quarter', {
      fiscalYearStartMonth: 4,
    });
    expect(qs.map((q) => [q.id, q.start, q.end])).toEqual([
      ['FY2026-Q1', '2026-04-01', '2026-06-30'],
      ['FY2026-Q2', '2026-07-01', '2026-09-30'],
      ['FY2026-Q3', '2026-10-01', '2026-12-31'],
      ['FY2026-Q4', '2027-01-01', '2027-03-31'],
    ]);
    expect(qs.every((q) => !q.partial)).toBe(true);
  });

  it('ISO weeks across a year end, the edges partial', () => {
    const ws = childPeriods({ start: '2026-12-24', end: '2027-01-10' }, 'week', CAL);
    expect(ws.map((w) => [w.id, w.start, w.end, w.partial])).toEqual([
      ['2026-W52', '2026-12-24', '2026-12-27', true],
      ['2026-W53', '2026-12-28', '2027-01-03', false],
      ['2027-W01', '2027-01-04', '2027-01-10', false],
    ]);
  });

  it('a leap February has 29 days; months cut at the edges are partial', () => {
    const ms = childPeriods({ start: '2028-01-15', end: '2028-03-10' }, 'month', CAL);
    expect(ms.map((m) => [m.id, m.days, m.partial])).toEqual([
      ['2028-01', 17, true],
      ['2028-02', 29, false],
      ['2028-03', 10, true],
    ]);
  });

  it('days cover the range exactly, for random ranges and grains', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom('quarter', 'month', 'week', 'day' as const),
        fc.integer({ min: 1, max: 12 }),
        (offset, len, grain, fy) => {
          const start = addDays('2020-01-01', offset);
          const end = addDays(start, len);
          const ps = childPeriods({ start, end }, grain, { fiscalYearStartMonth: fy });
          expect(sum(ps.map((p) => p.days))).toBe(len + 1);
          expect(ps[0]?.start).toBe(start);
          expect(ps[ps.length - 1]?.end).toBe(end);
          for (let i = 1; i < ps.length; i++) expect(ps[i]?.start).toBe(addDays(ps[i - 1]?.end ?? '', 1));
        },
      ),
    );
  });
});

describe('splitting a target', () => {
  const year = { start: '2026-01-01', end: '2026-12-31' };

  it('equal is by days, not by count: February gets less than March, and the sum is exact', () => {
    const r = splitTarget({
      period: year,
      into: 'month',
      members: null,
      method: 'equal',
      rampPct: null,
      settings: CAL,
      total: 36_500_000,
      level: null,
    });
    expect(r.cells.map((c) => c.value)).toEqual([
      3_100_000, 2_800_000, 3_100_000, 3_000_000, 3_100_000, 3_000_000, 3_100_000, 3_100_000, 3_000_000,
      3_100_000, 3_000_000, 3_100_000,
    ]);
    expect(sum(r.cells.map((c) => c.value))).toBe(36_500_000);
  });

  it('ramp: each period rises by the percentage over the day-weighted base', () => {
    const r = splitTarget({
      period: { start: '2026-01-01', end: '2026-12-31' },
      into: 'quarter',
      members: null,
      method: 'ramp',
      rampPct: 10,
      settings: CAL,
      total: 1_000_000,
      level: null,
    });
    const v = r.cells.map((c) => c.value);
    expect(sum(v)).toBe(1_000_000);
    // Per day, each quarter is 10 % above the one before.
    const perDay = r.cells.map((c) => c.value / c.period.days);
    for (let i = 1; i < 4; i++) expect((perDay[i] ?? 0) / (perDay[i - 1] ?? 1)).toBeCloseTo(1.1, 3);
  });

  it('last year: proportional to last year by period × member; an empty period takes the average per day', () => {
    const r = splitTarget({
      period: { start: '2026-01-01', end: '2026-03-31' },
      into: 'month',
      members: ['A', 'B'],
      method: 'last-year',
      rampPct: null,
      settings: CAL,
      total: 9000,
      level: null,
      lastYear: [
        [100, 200],
        [0, 0],
        [300, 300],
      ],
    });
    expect(sum(r.cells.map((c) => c.value))).toBe(9000);
    expect(r.notes).toContain('LAST_YEAR_PARTLY_EMPTY');
    const jan = r.cells.filter((c) => c.period.id === '2026-01').map((c) => c.value);
    expect((jan[1] ?? 0) / (jan[0] ?? 1)).toBeCloseTo(2, 2);
    const feb = r.cells.filter((c) => c.period.id === '2026-02');
    expect(feb.every((c) => c.value > 0)).toBe(true);
  });

  it('last year by member: a member with no sales last year (a new product) gets 0, and is named in a note', () => {
    const r = splitTarget({
      period: { start: '2026-01-01', end: '2026-03-31' },
      into: 'month',
      members: ['拿鐵', '新品燕麥奶', '美式'],
      method: 'last-year',
      rampPct: null,
      settings: CAL,
      total: 9000,
      level: null,
      lastYear: [
        [100, 0, 50],
        [120, 0, 60],
        [130, 0, 40],
      ],
    });
    expect(sum(r.cells.map((c) => c.value))).toBe(9000);
    expect(r.cells.filter((c) => c.member === '新品燕麥奶').every((c) => c.value === 0)).toBe(true);
    expect(r.notes).toContain('LAST_YEAR_MEMBER_NONE');
    expect(r.membersWithoutLastYear).toEqual(['新品燕麥奶']);
    expect(planNote('LAST_YEAR_MEMBER_NONE', { members: '新品燕麥奶' }).zhTW).toContain(
      '新品燕麥奶 去年同期沒有銷售',
    );
    // Every member sold last year: no such note.
    const all = splitTarget({
      period: { start: '2026-01-01', end: '2026-03-31' },
      into: 'month',
      members: ['拿鐵', '美式'],
      method: 'last-year',
      rampPct: null,
      settings: CAL,
      total: 9000,
      level: null,
      lastYear: [
        [100, 50],
        [120, 60],
        [130, 40],
      ],
    });
    expect(all.notes).not.toContain('LAST_YEAR_MEMBER_NONE');
    expect(all.membersWithoutLastYear).toEqual([]);
  });

  it('a ratio metric is never split: every cell carries the level', () => {
    const r = splitTarget({
      period: year,
      into: 'quarter',
      members: ['store', 'online'],
      method: 'seasonal',
      rampPct: null,
      settings: CAL,
      total: null,
      level: 0.25,
    });
    expect(r.cells).toHaveLength(8);
    expect(r.cells.every((c) => c.value === 0.25 && c.share === null)).toBe(true);
    expect(r.notes).toContain('RATIO_LEVEL_CARRIED');
    expect(impliedLevel([0.2, 0.3], [1, 3])).toBeCloseTo(0.275, 10);
  });

  it('a ratio’s notes speak of levels only: nothing about shares, seasons, days or last year’s weights', () => {
    const base = {
      period: { start: '2026-01-15', end: '2026-12-31' },
      members: ['store', 'online'],
      rampPct: 3,
      settings: CAL,
      total: null,
      level: 180,
      memberHistory: [3, 1],
      lastYear: [[1, 2]],
    };
    for (const method of ['equal', 'last-year', 'seasonal', 'ramp'] as const) {
      const r = splitTarget({ ...base, into: 'quarter', method });
      expect(r.notes, method).toEqual(['RATIO_LEVEL_CARRIED']);
    }
    const manual = splitTarget({
      ...base,
      into: 'quarter',
      method: 'manual',
      manual: new Map([[cellKey('2026-Q1', 'store'), 200]]),
    });
    expect(manual.cells.map((c) => c.value)).toEqual([200, 180, 180, 180, 180, 180, 180, 180]);
    expect(manual.notes).toEqual(['RATIO_LEVEL_CARRIED', 'MANUAL_REST_LEVEL']);
    // The same split of a sum says how it shared the total.
    const sums = splitTarget({ ...base, into: 'quarter', method: 'seasonal', total: 1000, level: null });
    expect(sums.notes).toEqual(expect.arrayContaining(['PARTIAL_PERIODS', 'MEMBERS_FROM_HISTORY']));
  });

  it('a count over the whole period (customers): each cell its own last year × the parent’s change, never the parent’s count', () => {
    // 2,000 customers in a half-year whose last year had 1,300: each quarter × member asks 2000/1300 of its own.
    const ly = [
      [650, 260],
      [520, 390],
    ];
    expect(countLevels(2000, 1300, ly, 0)).toEqual([1000, 400, 800, 600]);
    // A quarter whose last year the data does not hold whole takes its member's average of the others.
    expect(
      countLevels(
        2000,
        1300,
        [
          [650, null],
          [null, 390],
        ],
        0,
      ),
    ).toEqual([1000, 600, 1000, 600]);
    // A member with no customers last year asks none; unknown last years cannot be moved.
    expect(countLevels(10, 5, [[0, 5]], 1)).toEqual([0, 10]);
    expect(countLevels(10, null, ly, 0)).toBeNull();
    expect(countLevels(10, 0, ly, 0)).toBeNull();
    expect(countLevels(10, 5, [[null], [null]], 0)).toBeNull();
    const r = splitTarget({
      period: { start: '2026-01-01', end: '2026-06-30' },
      into: 'quarter',
      members: ['store', 'online'],
      method: 'equal',
      rampPct: null,
      settings: CAL,
      total: null,
      level: 2000,
      cellLevels: countLevels(2000, 1300, ly, 0),
    });
    expect(r.cells.map((c) => [c.key, c.value, c.share])).toEqual([
      ['2026-Q1|store', 1000, null],
      ['2026-Q1|online', 400, null],
      ['2026-Q2|store', 800, null],
      ['2026-Q2|online', 600, null],
    ]);
    expect(r.notes).toEqual(['COUNT_FROM_LAST_YEAR']);
  });

  it('no history: seasonal falls back to equal and says so', () => {
    const r = splitTarget({
      period: year,
      into: 'month',
      members: null,
      method: 'seasonal',
      rampPct: null,
      settings: CAL,
      total: 365,
      level: null,
      history: null,
    });
    expect(r.notes).toContain('NO_HISTORY_EQUAL');
    expect(r.cells[1]?.value).toBe(28);
  });

  it('locked cells keep their values; the others re-balance', () => {
    const r = splitTarget({
      period: year,
      into: 'quarter',
      members: null,
      method: 'equal',
      rampPct: null,
      settings: CAL,
      total: 4000,
      level: null,
      locks: new Map([[cellKey('2026-Q2', null), 2500]]),
    });
    expect(r.cells.map((c) => c.value)).toEqual([493, 2500, 504, 503]);
  });

  it('random trees, methods, locks and fiscal years: additive children sum exactly to the parent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.constantFrom('quarter', 'month', 'week', 'day' as const),
        fc.constantFrom('equal', 'ramp', 'last-year', 'seasonal' as const),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: -50, max: 100 }),
        fc.nat(1000),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (offset, len, into, method, fy, total, memberCount, ramp, lockAt, lockShare) => {
          const start = addDays('2024-01-01', offset);
          const period = { start, end: addDays(start, len) };
          const members = memberCount === 0 ? null : Array.from({ length: memberCount }, (_, i) => `m${i}`);
          const periods = childPeriods(period, into, { fiscalYearStartMonth: fy });
          // One locked cell (when there are two or more), holding up to half the total.
          const cellCount = periods.length * (members?.length ?? 1);
          const lockIndex = lockAt % cellCount;
          const lockPeriod = periods[Math.floor(lockIndex / (members?.length ?? 1))];
          const lockMember = members ? (members[lockIndex % members.length] ?? null) : null;
          const lockValue = Math.floor(total * lockShare);
          const locks =
            cellCount > 1 && lockPeriod
              ? new Map([[cellKey(lockPeriod.id, lockMember), lockValue]])
              : new Map<string, number>();
          const lastYear = periods.map((_, i) =>
            (members ?? [null]).map((_m, j) => ((i * 7 + j * 3) % 5) * 10),
          );
          const level1 = splitTarget({
            period,
            into,
            members,
            method,
            rampPct: ramp,
            settings: { fiscalYearStartMonth: fy },
            total,
            level: null,
            lastYear,
            memberHistory: members?.map((_, j) => j + 1) ?? null,
            locks,
          });
          expect(sum(level1.cells.map((c) => c.value))).toBe(total);
          for (const c of level1.cells) {
            if (locks.has(c.key)) expect(c.value).toBe(lockValue);
            expect(c.value).toBeGreaterThanOrEqual(0);
          }
          // A second level under the first cell: its children sum to that cell.
          const first = level1.cells[0];
          if (first && into !== 'day') {
            const level2 = splitTarget({
              period: { start: first.period.start, end: first.period.end },
              into: 'day',
              members: null,
              method: 'equal',
              rampPct: null,
              settings: { fiscalYearStartMonth: fy },
              total: first.value,
              level: null,
            });
            expect(sum(level2.cells.map((c) => c.value))).toBe(first.value);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('manual: the typed cells keep their targets, the others share the rest by days', () => {
    const r = splitTarget({
      period: year,
      into: 'quarter',
      members: ['a', 'b'],
      method: 'manual',
      rampPct: null,
      settings: CAL,
      total: 10_000,
      level: null,
      memberHistory: [9, 1],
      manual: new Map([
        [cellKey('2026-Q1', 'a'), 4000],
        [cellKey('2026-Q4', 'b'), 0],
      ]),
    });
    expect(sum(r.cells.map((c) => c.value))).toBe(10_000);
    expect(r.cells.find((c) => c.key === '2026-Q1|a')?.value).toBe(4000);
    expect(r.cells.find((c) => c.key === '2026-Q4|b')?.value).toBe(0);
    // The rest by days, members equal (not by their history, which weighs 9 : 1): at most a unit apart.
    const q2 = r.cells.filter((c) => c.period.id === '2026-Q2').map((c) => c.value);
    expect(Math.abs((q2[0] ?? 0) - (q2[1] ?? 0))).toBeLessThanOrEqual(1);
    expect(r.notes).toContain('MANUAL_REST_BY_DAYS');
    expect(r.mismatch).toBe(0);
  });

  it('manual with every cell typed: saved as typed, the gap to the parent is reported, never hidden', () => {
    const typed = [3000, 3000, 3000, 2000];
    const r = splitTarget({
      period: year,
      into: 'quarter',
      members: null,
      method: 'manual',
      rampPct: null,
      settings: CAL,
      total: 10_000,
      level: null,
      manual: new Map(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((q, i) => [q, typed[i] ?? 0])),
    });
    expect(r.cells.map((c) => c.value)).toEqual(typed);
    expect(r.mismatch).toBe(1000);
    expect(r.notes).toContain('MANUAL_MISMATCH');
    // A ratio: the typed levels are kept, the others carry the parent's level.
    const ratio = splitTarget({
      period: year,
      into: 'quarter',
      members: null,
      method: 'manual',
      rampPct: null,
      settings: CAL,
      total: null,
      level: 150,
      manual: new Map([['2026-Q4', 180]]),
    });
    expect(ratio.cells.map((c) => c.value)).toEqual([150, 150, 150, 180]);
    expect(ratio.mismatch).toBeNull();
  });

  it('manual refuses a cell that is not one of the split’s children', () => {
    expect(() =>
      splitTarget({
        period: year,
        into: 'quarter',
        members: null,
        method: 'manual',
        rampPct: null,
        settings: CAL,
        total: 100,
        level: null,
        manual: new Map([['2027-Q1', 5]]),
      }),
    ).toThrow(/PLAN_CANNOT_SPLIT|cannot be split/);
  });

  it('re-balancing after a manual edit keeps the parent and the locked value', () => {
    const out = rebalance(1000, [
      { value: 300, locked: false, days: 31 },
      { value: 450, locked: true, days: 28 },
      { value: 300, locked: false, days: 31 },
    ]);
    expect(out).toEqual([275, 450, 275]);
    expect(additiveMismatch(1000, [300, 450, 300])).toEqual({ childrenTotal: 1050, difference: 50 });
  });
});

describe('re-planning', () => {
  const children = [
    { start: '2026-01-01', end: '2026-03-31', target: 2500, locked: false, actual: 2000 },
    { start: '2026-04-01', end: '2026-06-30', target: 2500, locked: false, actual: null },
    { start: '2026-07-01', end: '2026-09-30', target: 2000, locked: false, actual: null },
    { start: '2026-10-01', end: '2026-12-31', target: 3000, locked: false, actual: null },
  ];
  const base = {
    total: 10_000,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    children,
    today: '2026-04-01',
    actualToDate: 2000,
  };

  it('spread: the closed quarter closes at its actual, the shortfall goes to the rest by their targets', () => {
    const r = replan({ ...base, mode: 'spread' });
    expect(r.closed).toEqual([0]);
    expect(r.difference).toBe(-500);
    expect(r.targets).toEqual([2000, 2667, 2133, 3200]);
    expect(sum(r.targets)).toBe(10_000);
  });

  it('keep: targets stay, the run rate now needed is shown against the pace so far', () => {
    const r = replan({ ...base, mode: 'keep' });
    expect(r.targets).toEqual([2500, 2500, 2000, 3000]);
    expect(r.remainingDays).toBe(daysBetween('2026-04-01', '2026-12-31'));
    expect(r.requiredPerDay).toBeCloseTo(8000 / 275, 6);
    expect(r.currentPerDay).toBeCloseTo(2000 / 90, 6);
  });
});

describe('company-stage plans', () => {
  it('three phases each: the first 3 months, 3–6, 6–12, back to back', () => {
    for (const t of Object.values(STAGE_TEMPLATES)) {
      const ps = t.phases.map((p) => phasePeriod('2026-01-15', p));
      expect(ps).toEqual([
        { start: '2026-01-15', end: '2026-04-14' },
        { start: '2026-04-15', end: '2026-07-14' },
        { start: '2026-07-15', end: '2027-01-14' },
      ]);
      expect(t.phases.every((p) => p.goals.length >= 2)).toBe(true);
    }
    expect(STAGE_TEMPLATES.startup.phases[0].goals.map((g) => g.metric)).toContain('new_customers');
  });
});
