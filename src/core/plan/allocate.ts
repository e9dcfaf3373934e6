/**
 * Splitting an integer total (minor units, or whole units) over weighted children exactly:
 * target_i = T · w_i / Σw, floored, then the units left over go one each to the children with the
 * largest fractional parts (ties: the earlier child). Locked children keep their value and the
 * others share what is left. The same inputs always give the same split, and it always sums to T.
 */
import { AppError } from '../errors/app-error.ts';
import type { UseCaseFieldMessageCode } from '../errors/field-messages.ts';

export interface AllocationCell {
  /** Non-negative weight (days, last year's actual, the seasonal profile, ...). */
  weight: number;
  /** A locked cell keeps this value (integer units); null: unlocked. */
  locked: number | null;
}

function checkInteger(name: string, n: number): void {
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be a safe integer, got ${n}`);
}

/**
 * Largest-remainder distribution of `total` (a safe integer, may be negative) by `weights`.
 * All-zero (or empty-sum) weights share equally.
 */
export function distribute(total: number, weights: readonly number[]): number[] {
  checkInteger('total', total);
  const n = weights.length;
  if (n === 0) {
    if (total !== 0) throw new Error('cannot distribute a non-zero total over no cells');
    return [];
  }
  for (const w of weights)
    if (!Number.isFinite(w) || w < 0) throw new Error(`weights must be finite and ≥ 0, got ${w}`);
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  let sum = 0;
  for (const w of weights) sum += w;
  const ws = sum > 0 ? weights : weights.map(() => 1);
  const wsum = sum > 0 ? sum : n;
  const out = new Array<number>(n);
  const frac = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = (abs * (ws[i] ?? 0)) / wsum;
    const fl = Math.floor(exact);
    out[i] = fl;
    frac[i] = exact - fl;
    given += fl;
  }
  let left = abs - given;
  if (left > 0) {
    // Largest fraction first, ties by position: one native numeric sort of packed keys
    // ((1 − fraction) quantised to 2^-31, then the index: below 2^53), for up to 2^21 cells.
    if (n >= 2 ** 21) throw new Error('at most 2,097,151 cells');
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = Math.floor((1 - (frac[i] ?? 0)) * 2 ** 31) * 2 ** 21 + i;
    keys.sort();
    // `left` < n always (each floor loses < 1); a few units of float error are absorbed the same way.
    for (let k = 0; left > 0; k = (k + 1) % n, left--) {
      const i = (keys[k] ?? 0) % 2 ** 21;
      out[i] = (out[i] ?? 0) + 1;
    }
  }
  return sign < 0 ? out.map((v) => -v) : out;
}

/**
 * Locked cells keep their value; the unlocked share `total − Σlocked` by their weights. Refuses a
 * lock set that exceeds a non-negative total (or that leaves a remainder with no unlocked cell).
 */
export function allocateWithLocks(total: number, cells: readonly AllocationCell[]): number[] {
  checkInteger('total', total);
  let lockedSum = 0;
  const free: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (!c) continue;
    if (c.locked !== null) {
      checkInteger('locked value', c.locked);
      lockedSum += c.locked;
    } else free.push(i);
  }
  const rest = total - lockedSum;
  if ((total >= 0 && rest < 0) || (free.length === 0 && rest !== 0))
    throw new AppError(
      'PLAN_LOCKS_EXCEED_TARGET',
      [
        {
          path: 'locked',
          message: 'locks_exceed_target' satisfies UseCaseFieldMessageCode,
          params: { locked: lockedSum, target: total },
        },
      ],
      { locked: lockedSum, target: total },
    );
  const shares = distribute(
    rest,
    free.map((i) => cells[i]?.weight ?? 0),
  );
  const out = cells.map((c) => c.locked ?? 0);
  free.forEach((cellIndex, k) => {
    out[cellIndex] = shares[k] ?? 0;
  });
  return out;
}
