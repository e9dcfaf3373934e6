import { selectArimaByAicc } from './arima-auto.ts';
import { fitArima } from './arima-fit.ts';
import { createArimaForecaster } from './arima-forecaster.ts';
import { selectEtsByAicc } from './ets-auto.ts';
import { fitEts } from './ets-fit.ts';
import { createEtsForecaster } from './ets-forecaster.ts';
import { applyPolynomial, buildDifferencePolynomial } from './polynomial.ts';
import { fitThetaMethod } from './theta-method.ts';
import type { FittedForecaster } from './types.ts';

/** Which model family a combination member belongs to. */
export type FamilyKind = 'ets' | 'arima' | 'theta';

/** A member selected on the whole training series, able to refit its fixed structure on a prefix. */
export interface FamilyMember {
  readonly kind: FamilyKind;
  readonly fitted: FittedForecaster;
  /** Refits the same structure (ETS form, ARIMA orders, Theta variant) on a shorter series. */
  readonly refit: (prefix: readonly number[]) => FittedForecaster | null;
}

/** Auto ETS by AICc, with a refit that keeps the selected form. */
export function fitEtsMember(y: readonly number[], period: number): FamilyMember | null {
  const fit = selectEtsByAicc(y, period);
  if (fit === null) return null;
  return {
    kind: 'ets',
    fitted: createEtsForecaster(fit, 1),
    refit: (prefix) => {
      const f = fitEts(prefix, fit.spec, undefined, fit.params);
      return f === null ? null : createEtsForecaster(f, 1);
    },
  };
}

/** Auto ARIMA by AICc, with a refit that keeps the selected orders. */
export function fitArimaMember(y: readonly number[], period: number): FamilyMember | null {
  const fit = selectArimaByAicc(y, period);
  if (fit === null) return null;
  const o = fit.order;
  return {
    kind: 'arima',
    fitted: createArimaForecaster(fit, y, 1),
    refit: (prefix) => {
      const w = applyPolynomial(prefix, buildDifferencePolynomial(o.d, o.seasonalD, o.period));
      const start = Math.min(
        3 + (o.seasonalP > 0 || o.seasonalQ > 0 ? o.period : 0),
        Math.max(0, w.length - 6),
      );
      const f = fitArima(w, o, Math.max(start, o.p + o.seasonalP * o.period), fit.coefficients);
      return f === null ? null : createArimaForecaster(f, prefix, 1);
    },
  };
}

/** Standard Theta (theta = 2) on seasonally adjusted data. */
export function fitThetaMember(y: readonly number[], period: number): FamilyMember | null {
  const fitted = fitThetaMethod(y, period, { kind: 'standard' }, 1);
  if (fitted === null) return null;
  return {
    kind: 'theta',
    fitted,
    refit: (prefix) => fitThetaMethod(prefix, period, { kind: 'standard' }, 1),
  };
}
