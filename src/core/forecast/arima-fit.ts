import { type ArimaCoefficients, type ArimaOrder, checkArimaAdmissible, expandArma } from './arima-model.ts';
import { minimizeNelderMead } from './nelder-mead.ts';

/** A fitted ARIMA model (conditional sum of squares estimates). */
export interface ArimaFit {
  readonly order: ArimaOrder;
  readonly coefficients: ArimaCoefficients;
  /** The differenced series the ARMA part was fitted to. */
  readonly differenced: number[];
  /** Residuals aligned with `differenced` (zeros before the conditioning start). */
  readonly residuals: number[];
  readonly sigma2: number;
  readonly aicc: number;
}

/** Residuals of the ARMA recursion on `w` and their sum of squares from `start` on. */
export function computeArmaResiduals(
  w: readonly number[],
  ar: readonly number[],
  ma: readonly number[],
  mean: number,
  start: number,
): { residuals: number[]; css: number } {
  const n = w.length;
  const e = new Array<number>(n).fill(0);
  let css = 0;
  const p = ar.length;
  const q = ma.length;
  for (let t = start; t < n; t++) {
    let v = w[t]! - mean;
    for (let i = 0; i < p; i++) {
      const a = ar[i]!;
      if (a !== 0) v -= a * (w[t - i - 1]! - mean);
    }
    for (let j = 0; j < q && j < t; j++) {
      const b = ma[j]!;
      if (b !== 0) v -= b * e[t - j - 1]!;
    }
    e[t] = v;
    css += v * v;
  }
  return { residuals: e, css };
}

/**
 * Fits the ARMA part of an ARIMA order to the differenced series `w` by conditional sum of squares
 * (residuals counted from `start`, shared by all candidates so their AICc values are comparable).
 */
export function fitArima(w: readonly number[], order: ArimaOrder, start: number): ArimaFit | null {
  const m = order.period;
  const nEff = w.length - start;
  const k = order.p + order.q + order.seasonalP + order.seasonalQ + (order.constant ? 1 : 0) + 1;
  if (nEff - k - 1 <= 0 || start < order.p + order.seasonalP * m) return null;
  const wMean = w.reduce((a, b) => a + b, 0) / w.length;
  const sd = Math.sqrt(w.reduce((a, b) => a + (b - wMean) ** 2, 0) / Math.max(1, w.length - 1)) || 1;
  const unpack = (x: readonly number[]): ArimaCoefficients => {
    let i = 0;
    const take = (count: number): number[] => {
      const out = x.slice(i, i + count);
      i += count;
      return out;
    };
    const ar = take(order.p);
    const ma = take(order.q);
    const seasonalAr = take(order.seasonalP);
    const seasonalMa = take(order.seasonalQ);
    const mean = order.constant ? wMean + x[i]! * sd : 0;
    return { ar, ma, seasonalAr, seasonalMa, mean };
  };
  const dim = k - 1;
  const start0 = new Array<number>(dim).fill(0);
  const objective = (x: readonly number[]): number => {
    const c = unpack(x);
    if (!checkArimaAdmissible(c)) return Number.POSITIVE_INFINITY;
    const arma = expandArma(c, m);
    return computeArmaResiduals(w, arma.ar, arma.ma, c.mean, start).css;
  };
  const best =
    dim === 0
      ? { x: [] as number[], value: objective([]) }
      : minimizeNelderMead(objective, start0, {
          step: new Array<number>(dim).fill(0.1),
          maxIterations: 150 * dim,
          tolerance: 1e-7,
        });
  if (!Number.isFinite(best.value)) return null;
  const coefficients = unpack(best.x);
  const arma = expandArma(coefficients, m);
  const { residuals, css } = computeArmaResiduals(w, arma.ar, arma.ma, coefficients.mean, start);
  const sigmaMle = css / nEff;
  if (!(sigmaMle > 0)) return null;
  const aic = nEff * Math.log(sigmaMle) + 2 * k;
  const aicc = aic + (2 * k * (k + 1)) / (nEff - k - 1);
  return {
    order,
    coefficients,
    differenced: w.slice(),
    residuals,
    sigma2: css / Math.max(1, nEff - k + 1),
    aicc,
  };
}
