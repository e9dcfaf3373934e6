/**
 * Re-planning when periods close short (or long): `spread` closes each finished child at its actual
 * and shares the difference among the open children in proportion to their targets (so the method's
 * shape is kept; locked children keep theirs), so the children still sum to the parent; `keep`
 * changes nothing and says what the rest of the period now needs per day, against the pace so far.
 */
import { daysBetween } from '../calendar/dates.ts';
import { allocateWithLocks } from './allocate.ts';
import { childState, periodState } from './period-state.ts';

export interface ReplanChild {
  start: string;
  end: string;
  /** Integer units. */
  target: number;
  locked: boolean;
  /** The actual over the child's period, integer units (known for closed children). */
  actual: number | null;
}

export interface ReplanInput {
  /** The parent's total, integer units. */
  total: number;
  periodStart: string;
  periodEnd: string;
  children: readonly ReplanChild[];
  today: string;
  /** Actual from the parent's start up to yesterday, integer units. */
  actualToDate: number;
  mode: 'spread' | 'keep';
}

export interface ReplanResult {
  /** Indexes of the children whose period ended before today. */
  closed: number[];
  /** Σ (actual − target) of the closed children: negative = short, positive = ahead. */
  difference: number;
  /** The children's targets after the re-plan (unchanged under `keep`). */
  targets: number[];
  /** What `spread` gives (the same as `targets` under `spread`). */
  spreadTargets: number[];
  remainingDays: number;
  elapsedDays: number;
  /** Integer units per day (unrounded). */
  requiredPerDay: number | null;
  currentPerDay: number | null;
}

export function replan(input: ReplanInput): ReplanResult {
  const closed: number[] = [];
  const open: number[] = [];
  input.children.forEach((c, i) => {
    if (periodState(c, input.today) === 'closed' && c.actual !== null) closed.push(i);
    else open.push(i);
  });
  const difference = closed.reduce((s, i) => {
    const c = input.children[i];
    return s + ((c?.actual ?? 0) - (c?.target ?? 0));
  }, 0);
  const spreadTargets = input.children.map((c) => c.target);
  for (const i of closed) spreadTargets[i] = input.children[i]?.actual ?? 0;
  if (open.length > 0 && closed.length > 0) {
    const openTotal = open.reduce((s, i) => s + (input.children[i]?.target ?? 0), 0) - difference;
    const allZero = open.every((i) => (input.children[i]?.target ?? 0) <= 0);
    const values = allocateWithLocks(
      // Already past the parent's total: the open children need nothing more.
      Math.max(0, openTotal),
      open.map((i) => {
        const c = input.children[i];
        return {
          weight: allZero ? daysBetween(c?.start ?? '', c?.end ?? '') : Math.max(0, c?.target ?? 0),
          locked: c?.locked ? c.target : null,
        };
      }),
    );
    open.forEach((i, k) => {
      spreadTargets[i] = values[k] ?? 0;
    });
  }
  const remainingStart = input.today > input.periodStart ? input.today : input.periodStart;
  const remainingDays = daysBetween(remainingStart, input.periodEnd);
  const elapsedDays = daysBetween(input.periodStart, input.today) - 1;
  const requiredPerDay = remainingDays > 0 ? (input.total - input.actualToDate) / remainingDays : null;
  const currentPerDay = elapsedDays > 0 ? input.actualToDate / elapsedDays : null;
  return {
    closed,
    difference,
    targets: input.mode === 'spread' ? spreadTargets : input.children.map((c) => c.target),
    spreadTargets,
    remainingDays,
    elapsedDays: Math.max(0, elapsedDays),
    requiredPerDay,
    currentPerDay,
  };
}

/**
 * Ratio metrics (AOV, conversion, retention, CAC, ROAS, market share) are never summed: each child
 * carries a level, and the parent's implied value is the children's levels weighted by their
 * denominators (orders for AOV, visits for conversion, …; the caller passes each child's weight:
 * its actual denominator once closed, last year's for the open ones, or days when unknown).
 */
export interface RatioReplanChild {
  start: string;
  end: string;
  /** The child's level (goal units). */
  target: number;
  locked: boolean;
  /** The actual level, known once the child's period is over. */
  actual: number | null;
  /** The child's denominator weight (≥ 0). */
  weight: number;
}

export interface RatioReplanInput {
  /** The parent's target level. */
  level: number;
  children: readonly RatioReplanChild[];
  today: string;
  mode: 'spread' | 'keep';
}

export interface RatioReplanResult {
  /** Closed children with an actual level. */
  closed: number[];
  /**
   * Closed children without one (a month over with no orders has no AOV): neither reached nor
   * missed, not re-targeted, and of no weight in the parent's value (their denominator was zero).
   */
  noData: number[];
  /** The closed children's actual level and planned level (weighted); null with none closed. */
  closedActual: number | null;
  closedTarget: number | null;
  /** The level the open children now need, all at one level, for the parent to reach its target. */
  requiredLevel: number | null;
  targets: number[];
  spreadTargets: number[];
  /** The parent's value implied by `spreadTargets` (the closed at their actuals). */
  impliedAfterSpread: number | null;
}

const weighted = (pairs: readonly [number, number][]): number | null => {
  let num = 0;
  let den = 0;
  for (const [v, w] of pairs) {
    num += v * w;
    den += w;
  }
  return den > 0 ? num / den : null;
};

/**
 * `spread` closes each finished child at its actual level and moves the open, unlocked children's
 * levels by one factor (so their shape is kept; one level when they were all 0) until the parent's
 * implied value Σ level·w / Σ w equals its target; a level is never below 0. `keep` changes nothing
 * and gives the single level the open children now need.
 */
export function replanRatio(input: RatioReplanInput): RatioReplanResult {
  const kids = input.children;
  const closed: number[] = [];
  const noData: number[] = [];
  const open: number[] = [];
  kids.forEach((c, i) => {
    const s = childState(c, input.today, c.actual, false);
    if (s === 'closed') closed.push(i);
    else if (s === 'closed-no-data') noData.push(i);
    else open.push(i);
  });
  const without = new Set(noData);
  const w = (i: number) => (without.has(i) ? 0 : Math.max(0, kids[i]?.weight ?? 0));
  const totalW = kids.reduce((s, _c, i) => s + w(i), 0);
  const closedSum = closed.reduce((s, i) => s + (kids[i]?.actual ?? 0) * w(i), 0);
  const openW = open.reduce((s, i) => s + w(i), 0);
  const need = input.level * totalW - closedSum;
  const requiredLevel = openW > 0 ? Math.max(0, need / openW) : null;

  const spreadTargets = kids.map((c) => c.target);
  for (const i of closed) spreadTargets[i] = kids[i]?.actual ?? 0;
  const free = open.filter((i) => !kids[i]?.locked && w(i) > 0);
  const lockedSum = open
    .filter((i) => !free.includes(i))
    .reduce((s, i) => s + (kids[i]?.target ?? 0) * w(i), 0);
  if (free.length > 0 && closed.length > 0) {
    const rest = need - lockedSum;
    const shape = free.reduce((s, i) => s + Math.max(0, kids[i]?.target ?? 0) * w(i), 0);
    const freeW = free.reduce((s, i) => s + w(i), 0);
    for (const i of free) {
      const t = Math.max(0, kids[i]?.target ?? 0);
      // Levels below 1e-9 of a unit are nothing (and would lose the factor to rounding).
      spreadTargets[i] = Math.max(0, shape > 1e-9 * freeW ? (t * rest) / shape : rest / freeW);
    }
  }
  return {
    closed,
    noData,
    closedActual: weighted(closed.map((i) => [kids[i]?.actual ?? 0, w(i)])),
    closedTarget: weighted(closed.map((i) => [kids[i]?.target ?? 0, w(i)])),
    requiredLevel,
    targets: input.mode === 'spread' ? spreadTargets : kids.map((c) => c.target),
    spreadTargets,
    impliedAfterSpread: weighted(spreadTargets.map((t, i) => [t, w(i)])),
  };
}
