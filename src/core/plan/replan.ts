/**
 * Re-planning when periods close short (or long): `spread` closes each finished child at its actual
 * and shares the difference among the open children in proportion to their targets (so the method's
 * shape is kept; locked children keep theirs), so the children still sum to the parent; `keep`
 * changes nothing and says what the rest of the period now needs per day, against the pace so far.
 */
import { daysBetween } from '../calendar/dates.ts';
import { allocateWithLocks } from './allocate.ts';

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
    if (c.end < input.today && c.actual !== null) closed.push(i);
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
