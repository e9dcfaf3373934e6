import { quantileSorted } from './interval-bands.ts';

/** What is known at a point inside a period: the actual so far and simulated paths of the rest. */
export interface ReachInput {
  /** Sum of the actual values already booked in the period. */
  readonly actualToDate: number;
  /** Sample paths of the remaining steps of the period (each summed to a remaining total). */
  readonly remainingForecastPaths: readonly (readonly number[])[];
  readonly target: number;
}

/** A target value with the probability of reaching at least that much. */
export interface TargetAtProbability {
  readonly probability: number;
  readonly target: number;
}

function sumPaths(actualToDate: number, paths: readonly (readonly number[])[]): number[] {
  return paths.map((p) => p.reduce((s, v) => s + (Number.isFinite(v) ? v : 0), actualToDate));
}

/**
 * Probability that the period total (actual to date + remaining) reaches the target, as the share
 * of sample paths that do. With nothing left to forecast it is 1 or 0 from the actual alone.
 */
export function probabilityOfReaching(input: ReachInput): number {
  const paths = input.remainingForecastPaths;
  if (paths.length === 0 || paths.every((p) => p.length === 0))
    return input.actualToDate >= input.target ? 1 : 0;
  const totals = sumPaths(input.actualToDate, paths);
  return totals.filter((t) => t >= input.target).length / totals.length;
}

/**
 * Targets reached with the given probabilities (default 50 / 70 / 90 %): the (1 - p) quantiles of
 * the simulated period totals, so a 90 % target is a cautious one and a 50 % target the median.
 */
export function findTargetsAtProbabilities(
  actualToDate: number,
  remainingForecastPaths: readonly (readonly number[])[],
  probabilities: readonly number[] = [0.5, 0.7, 0.9],
): TargetAtProbability[] {
  const totals = sumPaths(actualToDate, remainingForecastPaths).sort((a, b) => a - b);
  return probabilities.map((probability) => ({
    probability,
    target:
      totals.length === 0 ? actualToDate : quantileSorted(totals, Math.min(1, Math.max(0, 1 - probability))),
  }));
}
