import { buildDifferencePolynomial, checkStationary, multiplyPolynomials } from './polynomial.ts';

/** Orders of a seasonal ARIMA(p,d,q)(P,D,Q)_m model, with or without a constant (mean or drift). */
export interface ArimaOrder {
  readonly p: number;
  readonly d: number;
  readonly q: number;
  readonly seasonalP: number;
  readonly seasonalD: number;
  readonly seasonalQ: number;
  readonly period: number;
  readonly constant: boolean;
}

/** Coefficients of a fitted ARIMA model. */
export interface ArimaCoefficients {
  readonly ar: readonly number[];
  readonly ma: readonly number[];
  readonly seasonalAr: readonly number[];
  readonly seasonalMa: readonly number[];
  /** Mean of the differenced series (0 without constant). */
  readonly mean: number;
}

/** Expanded polynomials: w_t - mu = sum ar_i (w_{t-i} - mu) + e_t + sum ma_j e_{t-j}. */
export interface ExpandedArma {
  readonly ar: number[];
  readonly ma: number[];
}

/** Label such as `ARIMA(1,1,1)(0,1,1)[12] with drift`. */
export function formatArimaLabel(o: ArimaOrder): string {
  const seasonal =
    o.period > 1 && o.seasonalP + o.seasonalD + o.seasonalQ > 0
      ? `(${o.seasonalP},${o.seasonalD},${o.seasonalQ})[${o.period}]`
      : '';
  const c = o.constant ? (o.d + o.seasonalD === 0 ? ' with mean' : ' with drift') : '';
  return `ARIMA(${o.p},${o.d},${o.q})${seasonal}${c}`;
}

/** Multiplies the non-seasonal and seasonal AR and MA polynomials into plain ARMA lags. */
export function expandArma(c: ArimaCoefficients, period: number): ExpandedArma {
  const arPoly = multiplyPolynomials(
    [1, ...c.ar.map((v) => -v)],
    buildSeasonalPolynomial(c.seasonalAr, -1, period),
  );
  const maPoly = multiplyPolynomials([1, ...c.ma], buildSeasonalPolynomial(c.seasonalMa, 1, period));
  return { ar: arPoly.slice(1).map((v) => -v), ma: maPoly.slice(1) };
}

/** Stationary AR parts and invertible MA parts. */
export function checkArimaAdmissible(c: ArimaCoefficients): boolean {
  return (
    checkStationary(c.ar) &&
    checkStationary(c.seasonalAr) &&
    checkStationary(c.ma.map((v) => -v)) &&
    checkStationary(c.seasonalMa.map((v) => -v))
  );
}

/** Psi weights of the full (integrated) model, psi_0 = 1. */
export function computePsiWeights(order: ArimaOrder, arma: ExpandedArma, h: number): number[] {
  const delta = buildDifferencePolynomial(order.d, order.seasonalD, order.period);
  const phiStar = multiplyPolynomials([1, ...arma.ar.map((v) => -v)], delta);
  const psi = [1];
  for (let j = 1; j < h; j++) {
    let v = arma.ma[j - 1] ?? 0;
    for (let i = 1; i <= j && i < phiStar.length; i++) v -= phiStar[i]! * psi[j - i]!;
    psi.push(v);
  }
  return psi;
}

/** 1 + sign * (c_1 B^m + c_2 B^2m + ...). */
function buildSeasonalPolynomial(coef: readonly number[], sign: number, period: number): number[] {
  const poly = new Array<number>(coef.length * period + 1).fill(0);
  poly[0] = 1;
  for (let i = 0; i < coef.length; i++) poly[(i + 1) * period] = sign * coef[i]!;
  return poly;
}
