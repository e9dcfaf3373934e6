import { type ArimaFit, fitArima } from './arima-fit.ts';
import type { ArimaOrder } from './arima-model.ts';
import { applyPolynomial, buildDifferencePolynomial } from './polynomial.ts';
import { chooseDifferenceOrder, chooseSeasonalDifferenceOrder } from './unit-root-tests.ts';

const MAX_P = 2;
const MAX_Q = 2;

/**
 * Automatic seasonal ARIMA in the manner of Hyndman & Khandakar (2008): seasonal differencing from
 * seasonal strength, first differences from KPSS tests, then a stepwise search over (p,q)(P,Q) and
 * the constant by AICc, all on the training data only.
 */
export function selectArimaByAicc(y: readonly number[], period: number): ArimaFit | null {
  const m = period > 1 && y.length >= 2 * period + 4 ? period : 1;
  const seasonalD = m > 1 ? chooseSeasonalDifferenceOrder(y, m) : 0;
  const afterSeasonal = applyPolynomial(y, buildDifferencePolynomial(0, seasonalD, m));
  const d = chooseDifferenceOrder(afterSeasonal);
  const w = applyPolynomial(y, buildDifferencePolynomial(d, seasonalD, m));
  const maxSeasonal = m > 1 && w.length > 3 * m ? 1 : 0;
  const start = Math.min(MAX_P + maxSeasonal * m, Math.max(0, w.length - 6));
  if (w.length < 3) return null;
  const allowConstant = d + seasonalD <= 1;
  const cache = new Map<string, ArimaFit | null>();
  const tryOrder = (p: number, q: number, sp: number, sq: number, constant: boolean): ArimaFit | null => {
    if (p < 0 || q < 0 || sp < 0 || sq < 0 || p > MAX_P || q > MAX_Q || sp > maxSeasonal || sq > maxSeasonal)
      return null;
    if (constant && !allowConstant) return null;
    const key = `${p},${q},${sp},${sq},${constant}`;
    if (cache.has(key)) return cache.get(key) ?? null;
    const order: ArimaOrder = { p, d, q, seasonalP: sp, seasonalD, seasonalQ: sq, period: m, constant };
    const fit = fitArima(w, order, start, (best as ArimaFit | null)?.coefficients);
    cache.set(key, fit);
    return fit;
  };
  let best: ArimaFit | null = null;
  const consider = (fit: ArimaFit | null): boolean => {
    if (fit !== null && (best === null || fit.aicc < best.aicc - 1e-9)) {
      best = fit;
      return true;
    }
    return false;
  };
  const s1 = maxSeasonal;
  consider(tryOrder(2, 2, s1, s1, allowConstant));
  consider(tryOrder(0, 0, 0, 0, allowConstant));
  consider(tryOrder(1, 0, s1, 0, allowConstant));
  consider(tryOrder(0, 1, 0, s1, allowConstant));
  if (allowConstant) consider(tryOrder(0, 0, 0, 0, false));
  let improved = true;
  let rounds = 0;
  while (improved && rounds < 30) {
    improved = false;
    rounds++;
    const current = best as ArimaFit | null;
    if (current === null) break;
    const o = current.order;
    const moves: [number, number, number, number, boolean][] = [
      [o.p + 1, o.q, o.seasonalP, o.seasonalQ, o.constant],
      [o.p - 1, o.q, o.seasonalP, o.seasonalQ, o.constant],
      [o.p, o.q + 1, o.seasonalP, o.seasonalQ, o.constant],
      [o.p, o.q - 1, o.seasonalP, o.seasonalQ, o.constant],
      [o.p + 1, o.q + 1, o.seasonalP, o.seasonalQ, o.constant],
      [o.p - 1, o.q - 1, o.seasonalP, o.seasonalQ, o.constant],
      [o.p, o.q, o.seasonalP + 1, o.seasonalQ, o.constant],
      [o.p, o.q, o.seasonalP - 1, o.seasonalQ, o.constant],
      [o.p, o.q, o.seasonalP, o.seasonalQ + 1, o.constant],
      [o.p, o.q, o.seasonalP, o.seasonalQ - 1, o.constant],
      [o.p, o.q, o.seasonalP, o.seasonalQ, !o.constant],
    ];
    for (const mv of moves) if (consider(tryOrder(...mv))) improved = true;
  }
  return best;
}
