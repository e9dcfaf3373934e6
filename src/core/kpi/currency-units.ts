import { type Currency, fromMinorUnits, isCurrency } from '../money/currency.ts';
import { KPI_GLOSSARY } from './glossary.ts';
import type { KpiPoint, KpiResult } from './types.ts';

/** The result with money (values, numerators and denominators measured in money) in currency units. */
export function kpiResultInCurrencyUnits(result: KpiResult): KpiResult {
  const currency: Currency = isCurrency(result.currency) ? result.currency : 'TWD';
  const def = KPI_GLOSSARY[result.metric];
  const convert = (p: KpiPoint): KpiPoint => {
    const out: KpiPoint = { ...p };
    if (def.unit === 'money' && p.value !== null) out.value = fromMinorUnits(p.value, currency);
    if (p.numerator !== undefined && (def.numeratorUnit ?? def.unit) === 'money')
      out.numerator = fromMinorUnits(p.numerator, currency);
    if (p.denominator !== undefined && def.denominatorUnit === 'money')
      out.denominator = fromMinorUnits(p.denominator, currency);
    return out;
  };
  return {
    ...result,
    series: result.series.map(convert),
    comparison: result.comparison.map(convert),
    total: result.total.map(convert),
    comparisonTotal: result.comparisonTotal.map(convert),
  };
}
