import type { MinimizeResult } from './nelder-mead.ts';

/** Options of {@link minimizeSumOfSquares}. */
export interface LevenbergMarquardtOptions {
  readonly maxIterations?: number;
  readonly tolerance?: number;
}

/** Solves the small symmetric positive definite system A x = b by Gaussian elimination with pivoting. */
export function solveLinearSystem(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    if (!(Math.abs(m[piv]![c]!) > 1e-300)) return null;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    const rowC = m[c]!;
    for (let r = c + 1; r < n; r++) {
      const row = m[r]!;
      const f = row[c]! / rowC[c]!;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) row[k] = row[k]! - f * rowC[k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r]!;
    let s = row[n]!;
    for (let k = r + 1; k < n; k++) s -= row[k]! * x[k]!;
    x[r] = s / row[r]!;
  }
  return x.every(Number.isFinite) ? x : null;
}

/**
 * Levenberg-Marquardt minimisation of a sum of squared residuals with a forward-difference
 * Jacobian. `residuals(x, out)` writes `size` residuals into `out` and returns false for
 * inadmissible points (treated as an infinitely bad step). Buffers are allocated once.
 */
export function minimizeSumOfSquares(
  residuals: (x: readonly number[], out: Float64Array) => boolean,
  size: number,
  start: readonly number[],
  options: LevenbergMarquardtOptions = {},
): MinimizeResult {
  const dim = start.length;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  const sumSquares = (r: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < size; i++) s += r[i]! * r[i]!;
    return s;
  };
  let x = start.slice();
  let r = new Float64Array(size);
  let trial = new Float64Array(size);
  const jac = Array.from({ length: dim }, () => new Float64Array(size));
  if (!residuals(x, r)) return { x, value: Number.POSITIVE_INFINITY, iterations: 0 };
  let value = sumSquares(r);
  let lambda = 1e-3;
  let iterations = 0;
  while (iterations < maxIterations && dim > 0) {
    iterations++;
    for (let k = 0; k < dim; k++) {
      const hk = 1e-6 * Math.max(1, Math.abs(x[k]!));
      const xk = x.slice();
      xk[k] = xk[k]! + hk;
      let sign = 1;
      let ok = residuals(xk, trial);
      if (!ok) {
        xk[k] = x[k]! - hk;
        sign = -1;
        ok = residuals(xk, trial);
      }
      if (!ok) return { x, value, iterations };
      const col = jac[k]!;
      for (let i = 0; i < size; i++) col[i] = (sign * (trial[i]! - r[i]!)) / hk;
    }
    const jtj: number[][] = [];
    const jtr: number[] = [];
    for (let a = 0; a < dim; a++) {
      const row = new Array<number>(dim).fill(0);
      const ca = jac[a]!;
      for (let b = 0; b <= a; b++) {
        const cb = jac[b]!;
        let s = 0;
        for (let i = 0; i < size; i++) s += ca[i]! * cb[i]!;
        row[b] = s;
      }
      jtj.push(row);
      let s = 0;
      for (let i = 0; i < size; i++) s += ca[i]! * r[i]!;
      jtr.push(-s);
    }
    for (let a = 0; a < dim; a++) for (let b = a + 1; b < dim; b++) jtj[a]![b] = jtj[b]![a]!;
    let improved = false;
    for (let attempt = 0; attempt < 12; attempt++) {
      const damped = jtj.map((row, i) => row.map((v, j) => (i === j ? v + lambda * Math.max(v, 1e-12) : v)));
      const step = solveLinearSystem(damped, jtr);
      if (step !== null) {
        const xn = x.map((v, i) => v + step[i]!);
        if (residuals(xn, trial)) {
          const vn = sumSquares(trial);
          if (vn < value) {
            const rel = (value - vn) / Math.max(value, 1e-300);
            x = xn;
            [r, trial] = [trial, r];
            value = vn;
            lambda = Math.max(1e-9, lambda / 10);
            improved = true;
            if (rel < tolerance) return { x, value, iterations };
            break;
          }
        }
      }
      lambda *= 10;
    }
    if (!improved) break;
  }
  return { x, value, iterations };
}
