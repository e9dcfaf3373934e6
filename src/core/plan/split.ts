/**
 * Splitting a parent goal over child periods and, optionally, dimension members (cells = periods ×
 * members). Additive metrics: the cells' targets (integer units: minor units of money, or counts)
 * sum exactly to the parent's; ratio metrics: every cell carries the parent's level, never a part.
 */
import { type DateRange, toDayNumber } from '../calendar/dates.ts';
import type { CalendarSettings } from '../calendar/periods.ts';
import { AppError } from '../errors/app-error.ts';
import type { UseCaseFieldMessageCode } from '../errors/field-messages.ts';
import { allocateWithLocks, distribute } from './allocate.ts';
import { childPeriods } from './child-periods.ts';
import { type DailyHistory, type HolidayCalendar, type ProfileLevel, seasonalProfile } from './seasonal.ts';
import type { ChildPeriod, PlanNoteCode, SplitGrain, SplitMethod } from './types.ts';

export interface SplitInput {
  period: DateRange;
  into: SplitGrain;
  /** Member names when split by a dimension too; null: by period only. */
  members: readonly string[] | null;
  method: SplitMethod;
  /** Growth per period in percent (ramp). */
  rampPct: number | null;
  settings: CalendarSettings;
  /** Additive: the parent's total in integer units; ratio: null. */
  total: number | null;
  /** Ratio metrics: the level every cell carries. */
  level: number | null;
  /**
   * A count over the whole period (customers, CLV, revenue per rep: `countsOverPeriod`): the level
   * of each cell (periods × members, the cells' order) from `countLevels`, carried instead of `level`.
   */
  cellLevels?: readonly number[] | null;
  /**
   * last-year: last year's actual per period (and per member when split by one), same order as the
   * cells: what the data holds of the period's last-year dates (the covered days only).
   */
  lastYear?: readonly (readonly number[])[] | null;
  /**
   * last-year: per period, the share (0–1) of its last-year dates the company's data covers (from the
   * first sale to the last known day); absent: every period covered whole. A period covered in part
   * is scaled to its whole days (an estimate); one not covered at all has no last year (not zero
   * sales); when the data covers less than half of last year's dates the split is equal by days.
   */
  lastYearCoverage?: readonly number[] | null;
  /**
   * seasonal: the scope's daily history (several years at best) over the days the data covers
   * (`seasonalWindow`): never the days after the data ends, which are not zero sales.
   */
  history?: DailyHistory | null;
  /** seasonal: the data's last known day when it ends before the plan's history would (said in a note). */
  historyEnds?: string | null;
  holidays?: HolidayCalendar;
  /**
   * Recent actual per member (their shares weigh the members under seasonal and ramp): the year up
   * to the data's last known day (`historyWindow` over MEMBER_HISTORY_MONTHS).
   */
  memberHistory?: readonly number[] | null;
  /** The data's last known day when that year ends before the plan's anchor (said in a note). */
  memberHistoryEnds?: string | null;
  /** Locked cells, by cell key (`periodId` or `periodId|member`), in integer units. */
  locks?: ReadonlyMap<string, number>;
  /**
   * manual: the targets the user gave, by cell key (integer units; the level for ratios). When every
   * cell is given they are kept as given, even if they do not add up to the total (the gap is the
   * result's `mismatch`); otherwise the cells not given share the rest by days.
   */
  manual?: ReadonlyMap<string, number>;
}

export interface SplitCell {
  key: string;
  period: ChildPeriod;
  member: string | null;
  weight: number;
  /** Integer units (additive) or the level (ratio). */
  value: number;
  /** value / total (additive); null for ratios. */
  share: number | null;
  locked: boolean;
}

export interface SplitResult {
  periods: ChildPeriod[];
  cells: SplitCell[];
  notes: PlanNoteCode[];
  profileLevel: ProfileLevel | null;
  /** The plan's curve per day of the parent's range (weights normalised to sum 1), for the chart. */
  dailyCurve: number[];
  /** Additive: Σ cells − total (non-zero only when a manual split was given every cell and they do not add up). */
  mismatch: number | null;
  /** Split by last year: the members with no sales in any of its periods last year (their cells are 0). */
  membersWithoutLastYear: string[];
}

export const cellKey = (periodId: string, member: string | null): string =>
  member === null ? periodId : `${periodId}|${member}`;

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

function shares(
  values: readonly number[] | null | undefined,
  count: number,
): { w: number[]; known: boolean } {
  if (!values || values.length !== count) return { w: new Array<number>(count).fill(1), known: false };
  const clean = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const sum = clean.reduce((s, v) => s + v, 0);
  return sum > 0 ? { w: clean, known: true } : { w: new Array<number>(count).fill(1), known: false };
}

/** Below this share of last year's dates covered by the data, a last-year split is equal by days. */
export const MIN_LAST_YEAR_COVERAGE = 0.5;

/** A period's last-year coverage (0–1); 1 when not given. */
export function lastYearCoverageOf(coverage: readonly number[] | null | undefined, i: number): number {
  const c = coverage?.[i];
  return c === undefined || !Number.isFinite(c) ? 1 : Math.min(1, Math.max(0, c));
}

/** The notes true of a ratio's split (every cell a level). */
const LEVEL_NOTES: ReadonlySet<PlanNoteCode> = new Set([
  'RATIO_LEVEL_CARRIED',
  'COUNT_FROM_LAST_YEAR',
  'MANUAL_REST_LEVEL',
]);

/**
 * A count over the whole period that grows with its length (distinct customers, CLV, revenue per rep:
 * stage-targets.ts `needsSamePeriodBaseline`) is neither a sum of its phases' counts (a customer of
 * two months is one customer of the quarter) nor a level a shorter phase or one member carries
 * (2,000 customers in half a year are not 2,000 a month). Each cell gets its own last year moved by
 * the parent's change over the parent's own last year (target × cell's last year ÷ parent's), so
 * every phase asks the same growth (a member with none last year: none); a period whose last year
 * the data does not hold whole (`null`: last year's December not over yet) takes its member's
 * average over the periods it does. Rounded to `decimals`; the cells in periods × members order.
 * Null when the parent's last year is unknown or nothing, or a member has no period known.
 */
export function countLevels(
  level: number,
  parentLastYear: number | null,
  cellsLastYear: readonly (readonly (number | null)[])[],
  decimals: number,
): number[] | null {
  if (parentLastYear === null || !(parentLastYear > 0)) return null;
  const members = cellsLastYear[0]?.length ?? 0;
  const known = (v: number | null | undefined): v is number => v !== null && v !== undefined && v >= 0;
  const averages: number[] = [];
  for (let j = 0; j < members; j++) {
    const values = cellsLastYear.map((row) => row[j]).filter(known);
    if (values.length === 0) return null;
    averages.push(values.reduce((s, v) => s + v, 0) / values.length);
  }
  const f = 10 ** decimals;
  return cellsLastYear.flatMap((row) =>
    row.map((v, j) => {
      const ly = known(v) ? v : (averages[j] ?? 0);
      return Math.round(((level * ly) / parentLastYear) * f) / f;
    }),
  );
}

export function splitTarget(input: SplitInput): SplitResult {
  const periods = childPeriods(input.period, input.into, input.settings);
  const members = input.members ?? [null];
  const notes: PlanNoteCode[] = [];
  const membersWithoutLastYear: string[] = [];
  if (periods.some((p) => p.partial)) notes.push('PARTIAL_PERIODS');
  const from = toDayNumber(input.period.start);
  const days = toDayNumber(input.period.end) - from + 1;

  // Per-period weights and the daily curve.
  let periodWeights = periods.map((p) => p.days);
  let daily = new Array<number>(days).fill(1);
  let profileLevel: ProfileLevel | null = null;
  let cellWeights: number[] | null = null;
  const memberIsSplit = input.members !== null;
  const memberW = memberIsSplit ? shares(input.memberHistory, members.length) : { w: [1], known: false };

  if (input.method === 'ramp') {
    const g = (input.rampPct ?? 0) / 100;
    if (!(1 + g > 0)) throw new Error('ramp must be above -100 %');
    periodWeights = periods.map((p, i) => p.days * (1 + g) ** i);
    periods.forEach((p, i) => {
      const f = (1 + g) ** i;
      for (let d = toDayNumber(p.start) - from; d <= toDayNumber(p.end) - from; d++) daily[d] = f;
    });
  } else if (input.method === 'seasonal') {
    const profile =
      input.history && input.holidays ? seasonalProfile(input.history, input.period, input.holidays) : null;
    profileLevel = profile?.level ?? 'equal';
    notes.push(profile?.note ?? 'NO_HISTORY_EQUAL');
    if (input.historyEnds) notes.push('SEASONAL_DATA_ENDS');
    if (profile) {
      daily = profile.weights;
      periodWeights = periods.map((p) => {
        let s = 0;
        for (let d = toDayNumber(p.start) - from; d <= toDayNumber(p.end) - from; d++) s += daily[d] ?? 0;
        return s;
      });
    }
  } else if (input.method === 'last-year') {
    const ly = input.lastYear;
    const coverage = periods.map((_, i) => lastYearCoverageOf(input.lastYearCoverage, i));
    const perPeriod = periods.map((_, i) => {
      const row = ly?.[i] ?? [];
      const c = coverage[i] ?? 1;
      return members.map((_m, j) => {
        const v = row[j] ?? 0;
        // Covered in part: the days covered, scaled to the whole period (an estimate).
        return Number.isFinite(v) && v > 0 && c > 0 ? v / c : 0;
      });
    });
    const total = perPeriod.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
    const coveredDays = periods.reduce((s, p, i) => s + p.days * (coverage[i] ?? 1), 0);
    const allDays = periods.reduce((s, p) => s + p.days, 0);
    if (coveredDays < MIN_LAST_YEAR_COVERAGE * allDays) notes.push('LAST_YEAR_TOO_LITTLE_EQUAL');
    else if (total <= 0) notes.push('LAST_YEAR_EMPTY_EQUAL');
    else {
      if (coverage.some((c) => c > 0 && c < 1)) notes.push('LAST_YEAR_PARTLY_ESTIMATED');
      // A period with nothing last year (the company had not started) takes last year's average
      // daily rate, shared among members as over the whole range.
      const knownDays = periods.reduce(
        (s, p, i) => s + ((perPeriod[i] ?? []).some((v) => v > 0) ? p.days : 0),
        0,
      );
      const memberTotals = members.map((_m, j) => perPeriod.reduce((s, r) => s + (r[j] ?? 0), 0));
      // A member with nothing last year (a new product or channel) gets 0 by this method: said, by name.
      if (input.members)
        memberTotals.forEach((t, j) => {
          if (t <= 0) membersWithoutLastYear.push(input.members?.[j] ?? '');
        });
      if (membersWithoutLastYear.length > 0) notes.push('LAST_YEAR_MEMBER_NONE');
      const perDay = total / Math.max(1, knownDays);
      cellWeights = [];
      let filled = false;
      periods.forEach((p, i) => {
        const row = perPeriod[i] ?? [];
        const rowSum = row.reduce((a, b) => a + b, 0);
        if (rowSum > 0) for (const v of row) cellWeights?.push(v);
        else {
          filled = true;
          for (const mt of memberTotals) cellWeights?.push((perDay * p.days * mt) / total);
        }
      });
      if (filled) notes.push('LAST_YEAR_PARTLY_EMPTY');
      periodWeights = periods.map((_, i) =>
        members.reduce((s, _m, j) => s + (cellWeights?.[i * members.length + j] ?? 0), 0),
      );
      periods.forEach((p, i) => {
        const per = (periodWeights[i] ?? 0) / p.days;
        for (let d = toDayNumber(p.start) - from; d <= toDayNumber(p.end) - from; d++) daily[d] = per;
      });
    }
  }
  const byDays = input.method === 'equal' || input.method === 'manual';
  if (memberIsSplit && input.method !== 'last-year' && !byDays)
    notes.push(
      !memberW.known
        ? 'MEMBERS_EQUAL'
        : input.memberHistoryEnds
          ? 'MEMBERS_DATA_ENDS'
          : 'MEMBERS_FROM_HISTORY',
    );
  if (input.total === null) notes.push(input.cellLevels ? 'COUNT_FROM_LAST_YEAR' : 'RATIO_LEVEL_CARRIED');

  const memberWeights = byDays ? members.map(() => 1) : memberW.w;
  const mSum = memberWeights.reduce((s, v) => s + v, 0);
  const cells: SplitCell[] = [];
  periods.forEach((p, i) => {
    members.forEach((m, j) => {
      const weight =
        cellWeights?.[i * members.length + j] ?? ((periodWeights[i] ?? 0) * (memberWeights[j] ?? 0)) / mSum;
      const key = cellKey(p.id, m);
      cells.push({ key, period: p, member: m, weight, value: 0, share: null, locked: false });
    });
  });

  const manual = input.method === 'manual' ? (input.manual ?? new Map<string, number>()) : null;
  if (manual) {
    const keys = new Set(cells.map((c) => c.key));
    const unknown = [...manual.keys()].filter((k) => !keys.has(k));
    if (unknown.length > 0)
      throw new AppError(
        'PLAN_CANNOT_SPLIT',
        [
          {
            path: 'cells',
            message: 'unknown_cell' satisfies UseCaseFieldMessageCode,
            params: { cell: unknown[0] ?? '' },
          },
        ],
        {
          reason: `${unknown[0]} is not one of this split's phase goals`,
          reasonZh: `「${unknown[0]}」不是這次拆解的階段目標之一`,
        },
      );
    if (manual.size < cells.length)
      notes.push(input.total === null ? 'MANUAL_REST_LEVEL' : 'MANUAL_REST_BY_DAYS');
  }
  let mismatch: number | null = null;
  if (input.total === null) {
    cells.forEach((c, k) => {
      c.value = manual?.get(c.key) ?? input.cellLevels?.[k] ?? input.level ?? 0;
    });
  } else {
    const total = input.total;
    const locks = new Map(input.locks ?? []);
    for (const [k, v] of manual ?? []) locks.set(k, v);
    const values =
      manual && manual.size === cells.length
        ? cells.map((c) => manual.get(c.key) ?? 0)
        : allocateWithLocks(
            total,
            cells.map((c) => ({ weight: c.weight, locked: locks.get(c.key) ?? null })),
          );
    cells.forEach((c, k) => {
      c.value = values[k] ?? 0;
      c.locked = locks.has(c.key);
      c.share = total === 0 ? 0 : round6(c.value / total);
    });
    mismatch = additiveMismatch(total, values).difference;
    if (mismatch !== 0) notes.push('MANUAL_MISMATCH');
  }
  const dSum = daily.reduce((s, v) => s + v, 0);
  const dailyCurve = daily.map((v) => (dSum > 0 ? v / dSum : 1 / days));
  return {
    periods,
    cells,
    // A ratio's cells carry a level, never a share: how a total would be shared does not apply.
    notes: input.total === null ? notes.filter((n) => LEVEL_NOTES.has(n)) : notes,
    profileLevel,
    dailyCurve,
    mismatch,
    membersWithoutLastYear: input.total === null ? [] : membersWithoutLastYear,
  };
}

/**
 * After a manual edit: locked children keep their values, the unlocked share the rest of the
 * parent's total in proportion to their current values (by days when they are all zero).
 */
export function rebalance(
  total: number,
  children: readonly { value: number; locked: boolean; days: number }[],
): number[] {
  const unlocked = children.filter((c) => !c.locked);
  const useValues = unlocked.some((c) => c.value > 0);
  return allocateWithLocks(
    total,
    children.map((c) => ({
      weight: useValues ? Math.max(0, c.value) : c.days,
      locked: c.locked ? c.value : null,
    })),
  );
}

/** What the children of an additive parent add up to, and the gap (0: consistent). */
export function additiveMismatch(
  parentTotal: number,
  childValues: readonly number[],
): { childrenTotal: number; difference: number } {
  const childrenTotal = childValues.reduce((s, v) => s + v, 0);
  return { childrenTotal, difference: childrenTotal - parentTotal };
}

/**
 * A ratio parent's value implied by its children's levels, each weighted by its expected
 * denominator (orders for AOV, visits for conversion, …; days when unknown): Σ level·w / Σ w.
 */
export function impliedLevel(levels: readonly number[], weights: readonly number[]): number | null {
  let num = 0;
  let den = 0;
  levels.forEach((l, i) => {
    const w = weights[i] ?? 0;
    num += l * w;
    den += w;
  });
  return den > 0 ? num / den : null;
}

/** Spreads an integer total over days by a daily curve (for a chart of the plan). */
export function curveTotals(total: number, curve: readonly number[]): number[] {
  return distribute(total, curve);
}
