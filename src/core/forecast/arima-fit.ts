import { type ArimaCoefficients, type ArimaOrder, checkArimaAdmissible, expandArma } from './arima-model.ts';
import { minimizeSumOfSquares } from './levenberg-marquardt.ts';

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

/** Residuals of the ARMA recursion on `w` and their sum of squares from `start` on (non-zero lags only). */
export function computeArmaResiduals(
  w: readonly number[],
  ar: readonly number[],
  ma: readonly number[],
  mean: number,
  start: number,
  keepResiduals = false,
  scratch?: Float64Array,
): { residuals: number[]; css: number } {
  const n = w.length;
  const e = scratch !== undefined && scratch.length >= n ? scratch : new Float64Array(n);
  const arLags: number[] = [];
  const arCoef: number[] = [];
  ar.forEach((a, i) => {
    if (a !== 0) {
      arLags.push(i + 1);
      arCoef.push(a);
    }
  });
  const maLags: number[] = [];
  const maCoef: number[] = [];
  ma.forEach((b, j) => {
    if (b !== 0) {
      maLags.push(j + 1);
      maCoef.push(b);
    }
  });
  const pa = arLags.length;
  const qa = maLags.length;
  let css = 0;
  e.fill(0, 0, Math.min(start, n));
  for (let t = start; t < n; t++) {
    let v = w[t]! - mean;
    for (let i = 0; i < pa; i++) v -= arCoef[i]! * (w[t - arLags[i]!]! - mean);
    for (let j = 0; j < qa; j++) {
      const lag = maLags[j]!;
      if (lag <= t) v -= maCoef[j]! * e[t - lag]!;
    }
    e[t] = v;
    css += v * v;
  }
  return { residuals: keepResiduals ? Array.from(e.subarray(0, n)) : [], css };
}

/**
 * Fits the ARMA part of an ARIMA order to the differenced series `w` by conditional sum of squares
 * (Levenberg-Marquardt) * (residuals counted from `start`, shared by all candidates so their AICc values are comparable).
 */
export function fitArima(
  w: readonly number[],
  order: ArimaOrder,
  start: number,
  warm?: ArimaCoefficients,
): ArimaFit | null {
  const m = order.period;
  const nEff = w.length - start;
  const k = order.p + order.q + order.seasonalP + order.seasonalQ + (order.constant ? 1 : 0) + 1;
  if (nEff - k - 1 <= 0 || start < order.p + order.seasonalP * m) return null;
  const wMean = w.reduce((a, b) => a + b, 0) / w.length;
  const sd = Math.sqrt(w.reduce((a, b) => a + (b - wMean) ** 2, 0) / Math.max(1, w.length - 1)) || 1;
  const o1 = order.p;
  const o2 = o1 + order.q;
  const o3 = o2 + order.seasonalP;
  const o4 = o3 + order.seasonalQ;
  const unpack = (x: readonly number[]): ArimaCoefficients => ({
    ar: x.slice(0, o1),
    ma: x.slice(o1, o2),
    seasonalAr: x.slice(o2, o3),
    seasonalMa: x.slice(o3, o4),
    mean: order.constant ? wMean + x[o4]! * sd : 0,
  });
  const dim = k - 1;
  const scratch = new Float64Array(w.length);
  const objective = (x: readonly number[]): number => {
    const c = unpack(x);
    if (!checkArimaAdmissible(c)) return Number.POSITIVE_INFINITY;
    const arma = expandArma(c, m);
    return computeArmaResiduals(w, arma.ar, arma.ma, c.mean, start, false, scratch).css;
  };
  const residualVector = (x: readonly number[], out: Float64Array): boolean => {
    const c = unpack(x);
    if (!checkArimaAdmissible(c)) return false;
    const arma = expandArma(c, m);
    computeArmaResiduals(w, arma.ar, arma.ma, c.mean, start, false, scratch);
    for (let t = start; t < w.length; t++) out[t - start] = scratch[t]!;
    return true;
  };
  const pad = (src: readonly number[] | undefined, count: number): number[] =>
    Array.from({ length: count }, (_, i) => src?.[i] ?? 0);
  const start0 = [
    ...pad(warm?.ar, order.p),
    ...pad(warm?.ma, order.q),
    ...pad(warm?.seasonalAr, order.seasonalP),
    ...pad(warm?.seasonalMa, order.seasonalQ),
    ...(order.constant ? [warm !== undefined && warm.mean !== 0 ? (warm.mean - wMean) / sd : 0] : []),
  ];
  if (!Number.isFinite(objective(start0))) start0.fill(0);
  const best =
    dim === 0
      ? { x: [] as number[], value: objective([]) }
      : minimizeSumOfSquares(residualVector, w.length - start, start0, {
          maxIterations: 30,
          tolerance: 1e-5,
        });
  if (!Number.isFinite(best.value)) return null;
  const coefficients = unpack(best.x);
  const arma = expandArma(coefficients, m);
  const { residuals, css } = computeArmaResiduals(w, arma.ar, arma.ma, coefficients.mean, start, true);
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
