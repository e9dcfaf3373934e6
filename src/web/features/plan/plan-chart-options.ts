/**
 * The ECharts option of the plan chart (pure): the plan by period (bars) against a line (last year's
 * actuals of the same periods, or this year's actuals so far). A period not over yet is marked as the
 * KPI explorer marks it (shared pieces in lib/partial-periods.ts): shaded with a note, its actual so
 * far a hollow point apart from the line, not joined to it as if the period were complete.
 */
import type { Locale } from '../../../contract/common.ts';
import { formatCompact } from '../../i18n/format.ts';
import { partialBands, splitLine } from '../../lib/partial-periods.ts';
import type { KpiUnit } from '../kpi/kpi-view.ts';
import type { SplitView } from './plan-api.ts';
import { exactSum, formatValue, periodLabel } from './plan-view.ts';

export interface CurvePoint {
  period: string;
  plan: number;
  lastYear: number | null;
  /** The period is not over: its line value holds only the days so far. */
  partial?: boolean;
}

export function planChartOption(
  curve: readonly CurvePoint[],
  unit: KpiUnit,
  currency: string,
  lang: Locale,
  labels: { plan: string; line: string; partial: string },
): Record<string, unknown> {
  const axis = curve.map((c) => periodLabel(c.period, lang));
  const partial = curve.map((c) => c.partial === true);
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.plan, labels.line] },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => formatValue(v, unit, currency, lang),
    },
    xAxis: { type: 'category', data: axis },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => (unit === 'ratio' ? `${v}%` : formatCompact(v, lang)) },
    },
    series: [
      ...partialBands(axis, partial, labels.partial),
      {
        name: labels.plan,
        type: 'bar',
        data: curve.map((c) => c.plan),
        itemStyle: { color: '#0f766e' },
        // Over the partial band's carrier (an empty bar series), not beside it: one bar per period.
        barGap: '-100%',
      },
      ...splitLine(
        labels.line,
        '#d97706',
        curve.map((c) => c.lastYear),
        partial,
        { lineStyle: { type: 'dashed' } },
      ),
    ],
  };
}

/** Merges the plan curves of several previews by month (sums for additive metrics). */
export function mergeCurves(views: readonly SplitView[]): CurvePoint[] {
  const by = new Map<string, CurvePoint>();
  for (const v of views)
    for (const c of v.curve) {
      const e = by.get(c.period);
      if (!e) by.set(c.period, { ...c });
      else if (v.additive) {
        e.plan = exactSum([e.plan, c.plan]);
        e.lastYear = c.lastYear === null ? e.lastYear : exactSum([e.lastYear ?? 0, c.lastYear]);
      }
    }
  return [...by.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
}
