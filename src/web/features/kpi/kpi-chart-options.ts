/**
 * ECharts options of the KPI explorer, built from API results (pure: no React, no DOM). The chart
 * follows the metric's kind: values that add up are stacked by member; ratios and distinct counts
 * (AOV, retention, conversion, CSAT…) are never stacked: one line per member, side by side, or one
 * bar per member for a single period. Periods that are not over yet are shaded and drawn dotted.
 */
import type { Locale } from '../../../contract/common.ts';
import type { KpiResultBody } from '../../../contract/kpi.ts';
import { partialBands, splitLine } from '../../lib/partial-periods.ts';
import { formatAxis, formatKpi, type KpiUnit } from './kpi-view.ts';

export type EChartsOption = Record<string, unknown>;

export const COLORS = [
  '#0f766e',
  '#2563eb',
  '#d97706',
  '#db2777',
  '#7c3aed',
  '#059669',
  '#dc2626',
  '#0891b2',
  '#65a30d',
];
/** Members drawn at most; the rest are summed as "others" (sums) or left to the table (ratios). */
export const MAX_KEYS = 8;
const OTHERS = '\u0000others';

function valueAxis(unit: KpiUnit, lang: Locale) {
  return { type: 'value' as const, axisLabel: { formatter: (v: number) => formatAxis(v, unit, lang) } };
}

/** The periods of a result in order, with their labels and whether each is partial. */
export function periodsOf(result: KpiResultBody): { id: string; label: string; partial: boolean }[] {
  const out: { id: string; label: string; partial: boolean }[] = [];
  const seen = new Set<string>();
  for (const p of result.series) {
    if (seen.has(p.period)) continue;
    seen.add(p.period);
    out.push({ id: p.period, label: p.label, partial: p.partial === true });
  }
  return out;
}

/** This period (solid) against the same periods last year (dashed); partial periods shaded, unconnected. */
export function trendOption(
  result: KpiResultBody,
  lang: Locale,
  labels: { current: string; lastYear: string; partial: string },
): EChartsOption {
  const unit = result.unit;
  const points = result.series;
  const partial = points.map((p) => p.partial === true);
  const axis = points.map((p) => p.label);
  const [current, ...rest] = splitLine(
    labels.current,
    '#0f766e',
    points.map((p) => p.value),
    partial,
    { symbolSize: 6 },
  );
  const series = [
    current,
    ...rest,
    ...splitLine(
      labels.lastYear,
      '#94a3b8',
      result.comparison.map((p) => p.value),
      partial,
      { symbolSize: 4, lineStyle: { type: 'dashed' } },
    ),
  ];
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.current, labels.lastYear] },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => formatKpi(v, unit, result.currency, lang),
    },
    xAxis: { type: 'category', data: axis },
    yAxis: valueAxis(unit, lang),
    series: [...partialBands(axis, partial, labels.partial), ...series],
  };
}

/** Breakdown members by weight (largest first): totals for sums, else the denominator (orders, responses…). */
export function rankedKeys(result: KpiResultBody): string[] {
  const weight = new Map<string, number>();
  for (const p of result.total) {
    const w = result.aggregation === 'sum' ? (p.value ?? 0) : (p.denominator ?? p.value ?? 0);
    weight.set(p.key ?? '', Math.abs(w));
  }
  for (const p of result.series) if (!weight.has(p.key ?? '')) weight.set(p.key ?? '', 0);
  return [...weight.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}

/** The chart of a breakdown; its shape depends on the metric's kind and the number of periods. */
export function breakdownOption(
  result: KpiResultBody,
  lang: Locale,
  labels: { none: string; others: string; partial: string },
): EChartsOption {
  const unit = result.unit;
  const name = (k: string) => (k === OTHERS ? labels.others : k === '' ? labels.none : k);
  const tooltip = {
    trigger: 'axis',
    axisPointer: { type: result.aggregation === 'sum' ? 'shadow' : 'line' },
    valueFormatter: (v: number | null) => formatKpi(v, unit, result.currency, lang),
  };
  const periods = periodsOf(result);
  const keys = rankedKeys(result);
  if (periods.length <= 1) {
    // One period: one bar per member, its value over the whole range.
    const points = [...result.total].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    return {
      color: COLORS,
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { ...tooltip, axisPointer: { type: 'shadow' } },
      xAxis: valueAxis(unit, lang),
      yAxis: { type: 'category', inverse: true, data: points.map((p) => name(p.key ?? '')) },
      series: [{ type: 'bar', data: points.map((p) => p.value), itemStyle: { color: COLORS[0] } }],
    };
  }
  const stacked = result.aggregation === 'sum';
  const shown = keys.slice(0, MAX_KEYS);
  const rest = new Set(keys.slice(MAX_KEYS));
  const cell = new Map<string, number | null>();
  for (const p of result.series) {
    const k = p.key ?? '';
    if (rest.has(k) && !stacked) continue;
    const id = `${rest.has(k) ? OTHERS : k}\u0001${p.period}`;
    cell.set(id, stacked ? (cell.get(id) ?? 0) + (p.value ?? 0) : p.value);
  }
  const seriesKeys = stacked && rest.size > 0 ? [...shown, OTHERS] : shown;
  const axis = periods.map((p) => p.label);
  const partial = periods.map((p) => p.partial);
  const valuesOf = (k: string) => periods.map((p) => cell.get(`${k}\u0001${p.id}`) ?? (stacked ? 0 : null));
  const series = seriesKeys.flatMap((k, i) => {
    const color = COLORS[i % COLORS.length] ?? '#0f766e';
    if (stacked)
      return [
        {
          name: name(k),
          type: 'bar',
          stack: 'total',
          itemStyle: { color },
          emphasis: { focus: 'series' },
          // A partial period's bar is pale: it holds only the days so far.
          data: valuesOf(k).map((v, j) => (partial[j] ? { value: v, itemStyle: { opacity: 0.4 } } : v)),
        },
      ];
    const [line, ...marks] = splitLine(name(k), color, valuesOf(k), partial, { symbolSize: 5 });
    return [line, ...marks];
  });
  return {
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll', data: seriesKeys.map(name) },
    tooltip,
    xAxis: { type: 'category', data: axis },
    yAxis: valueAxis(unit, lang),
    series: [...partialBands(axis, partial, labels.partial), ...series],
  };
}
