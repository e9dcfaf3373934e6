import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, useRef } from 'react';
import type { Locale } from '../../../contract/common.ts';
import type { KpiResultBody } from '../../../contract/kpi.ts';
import { formatAxis, formatKpi, isAdditive, type KpiUnit } from './kpi-view.ts';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const COLORS = [
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
const MAX_KEYS = 8;

/** A chart whose box gets data-rendered="true" once ECharts has finished drawing (for tests and screenshots). */
function Chart({
  option,
  height,
  testId,
}: {
  option: Record<string, unknown>;
  height: number;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const onEvents = useMemo(
    () => ({ finished: () => box.current?.setAttribute('data-rendered', 'true') }),
    [],
  );
  return (
    <div ref={box} data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        onEvents={onEvents}
        style={{ height, width: '100%' }}
      />
    </div>
  );
}

function valueAxis(unit: KpiUnit, lang: Locale) {
  return { type: 'value' as const, axisLabel: { formatter: (v: number) => formatAxis(v, unit, lang) } };
}

/** This period (solid) against the same periods last year (dashed). */
export function TrendChart({
  result,
  lang,
  labels,
}: {
  result: KpiResultBody;
  lang: Locale;
  labels: { current: string; lastYear: string };
}) {
  const unit = result.unit;
  const option: Record<string, unknown> = {
    color: ['#0f766e', '#94a3b8'],
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => formatKpi(v, unit, result.currency, lang),
    },
    xAxis: { type: 'category', data: result.series.map((p) => p.label), boundaryGap: false },
    yAxis: valueAxis(unit, lang),
    series: [
      {
        name: labels.current,
        type: 'line',
        smooth: true,
        symbolSize: 6,
        data: result.series.map((p) => p.value),
      },
      {
        name: labels.lastYear,
        type: 'line',
        smooth: true,
        symbolSize: 4,
        lineStyle: { type: 'dashed' },
        data: result.comparison.map((p) => p.value),
      },
    ],
  };
  return <Chart option={option} height={320} testId="kpi-trend-chart" />;
}

/** The members with the largest totals first; the rest are summed as "others" (additive units only). */
export function topKeys(result: KpiResultBody): string[] {
  const totals = new Map<string, number>();
  for (const p of result.series) {
    const k = p.key ?? '';
    totals.set(k, (totals.get(k) ?? 0) + Math.abs(p.value ?? 0));
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}

/**
 * Additive KPIs: stacked bars per period, one colour per member. Ratios and scores (which do not add
 * up): one bar per member for the whole range.
 */
export function BreakdownChart({
  result,
  lang,
  labels,
}: {
  result: KpiResultBody;
  lang: Locale;
  labels: { none: string; others: string };
}) {
  const unit = result.unit;
  const name = (k: string) => (k === '' ? labels.none : k);
  const tooltip = {
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    valueFormatter: (v: number | null) => formatKpi(v, unit, result.currency, lang),
  };
  let option: Record<string, unknown>;
  if (isAdditive(unit) && result.grain !== 'total') {
    const periods: string[] = [];
    const labelOf = new Map<string, string>();
    for (const p of result.series) {
      if (!labelOf.has(p.period)) {
        periods.push(p.period);
        labelOf.set(p.period, p.label);
      }
    }
    const keys = topKeys(result);
    const shown = keys.slice(0, MAX_KEYS);
    const rest = new Set(keys.slice(MAX_KEYS));
    const cell = new Map<string, number>();
    for (const p of result.series) {
      const k = rest.has(p.key ?? '') ? '\u0000others' : (p.key ?? '');
      const id = `${k}\u0001${p.period}`;
      cell.set(id, (cell.get(id) ?? 0) + (p.value ?? 0));
    }
    const seriesKeys = rest.size > 0 ? [...shown, '\u0000others'] : shown;
    option = {
      color: COLORS,
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip,
      xAxis: { type: 'category', data: periods.map((p) => labelOf.get(p) ?? p) },
      yAxis: valueAxis(unit, lang),
      series: seriesKeys.map((k) => ({
        name: k === '\u0000others' ? labels.others : name(k),
        type: 'bar',
        stack: 'total',
        emphasis: { focus: 'series' },
        data: periods.map((p) => cell.get(`${k}\u0001${p}`) ?? 0),
      })),
    };
  } else {
    const points = [...result.series].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    option = {
      color: COLORS,
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip,
      xAxis: valueAxis(unit, lang),
      yAxis: { type: 'category', inverse: true, data: points.map((p) => name(p.key ?? '')) },
      series: [{ type: 'bar', data: points.map((p) => p.value), itemStyle: { color: COLORS[0] } }],
    };
  }
  return <Chart option={option} height={360} testId="kpi-breakdown-chart" />;
}
