/** The ECharts option of a goal's history-and-forecast chart (pure: the component draws it). */
import type { Locale } from '../../../contract/common.ts';
import type { Achievability } from '../../../contract/goals.ts';
import { formatAxis, formatKpi, type KpiUnit } from '../kpi/kpi-view.ts';

/** Money and counts to whole units (forecasts carry decimals no one plans with). */
export function roundFor(v: number | null | undefined, unit: KpiUnit): number | null | undefined {
  return typeof v === 'number' && (unit === 'money' || unit === 'count') ? Math.round(v) : v;
}

function monthLabel(period: string, lang: Locale): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(lang === 'zh-TW' ? 'zh-TW' : 'en-US', {
    year: '2-digit',
    month: 'short',
    timeZone: 'UTC',
  }).format(d);
}

export interface ChartLabels {
  actual: string;
  forecast: string;
  band80: string;
  band95: string;
  target: string;
}

export interface ForecastChartInput {
  rows: Achievability['chart'];
  unit: KpiUnit;
  currency: string;
  lang: Locale;
  targetPerMonth: number | null;
  labels: ChartLabels;
  /**
   * A phone-width chart: the target's name and value go to the legend (a dashed red entry) instead
   * of a label on the line, where, with a few centimetres of plot, it lay over the line and points.
   */
  narrow: boolean;
}

const TARGET_COLOR = '#dc2626';
const TARGET_LINE = { color: TARGET_COLOR, type: 'dashed', width: 2 } as const;

/** Monthly history and forecast with its 80 % / 95 % bands; the target (per month) as a horizontal line. */
/**
 * An interval as two stacked lines: an invisible base at the low end and the band's height above it,
 * shaded (the legend entry `name` carries the band's colour).
 */
function band(
  stack: string,
  name: string,
  lows: (number | null)[],
  heights: (number | null)[],
  opacity: number,
  legendColor: string,
) {
  const line = { type: 'line' as const, stack, symbol: 'none', lineStyle: { opacity: 0 } };
  return [
    { ...line, name: `lo-${stack}`, data: lows, silent: true },
    {
      ...line,
      name,
      areaStyle: { color: '#0f766e', opacity },
      itemStyle: { color: legendColor },
      data: heights,
    },
  ];
}

export function forecastChartOption({
  rows,
  unit,
  currency,
  lang,
  targetPerMonth,
  labels,
  narrow,
}: ForecastChartInput): Record<string, unknown> {
  const fmt = (v: number | null | undefined) => formatKpi(roundFor(v, unit), unit, currency, lang);
  const diff = (hi: number | null, lo: number | null) => (hi !== null && lo !== null ? hi - lo : null);
  // The target line stays in view when it lies outside the data (without odd extra ticks otherwise).
  const values = rows
    .flatMap((r) => [r.actual, r.lo95, r.hi95, r.mean])
    .filter((v): v is number => v !== null);
  const axisBounds: Record<string, number> = {};
  if (targetPerMonth !== null && values.length > 0) {
    if (targetPerMonth > Math.max(...values)) axisBounds.max = Math.ceil(targetPerMonth * 1.05);
    if (targetPerMonth < Math.min(...values)) axisBounds.min = Math.floor(targetPerMonth * 0.95);
  }
  const targetText = targetPerMonth !== null ? `${labels.target} ${fmt(targetPerMonth)}` : null;
  const targetLine = (label: Record<string, unknown>) => ({
    markLine: {
      symbol: 'none',
      silent: true,
      animation: false,
      lineStyle: TARGET_LINE,
      label,
      data: [{ yAxis: targetPerMonth }],
    },
  });
  // Wide: the target's label sits on its line. Narrow: the line alone, named in the legend by a
  // series of its own that draws nothing else.
  const labelOnLine = targetText !== null && !narrow;
  const inLegend = targetText !== null && narrow;
  const legend = [labels.actual, labels.forecast, labels.band80, labels.band95];
  return {
    grid: { left: 8, right: 16, top: inLegend ? 64 : 40, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      // The target's entry is its dashed line alone (no point: it is not a series of values).
      data: inLegend ? [...legend, { name: targetText, itemStyle: { opacity: 0 } }] : legend,
    },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const row = rows[params[0]?.dataIndex ?? 0];
        if (!row) return '';
        const lines = [monthLabel(row.period, lang)];
        if (row.actual !== null) lines.push(`${labels.actual}: ${fmt(row.actual)}`);
        if (row.mean !== null) lines.push(`${labels.forecast}: ${fmt(row.mean)}`);
        if (row.lo80 !== null) lines.push(`${labels.band80}: ${fmt(row.lo80)} – ${fmt(row.hi80)}`);
        if (row.lo95 !== null) lines.push(`${labels.band95}: ${fmt(row.lo95)} – ${fmt(row.hi95)}`);
        if (targetPerMonth !== null) lines.push(`${labels.target}: ${fmt(targetPerMonth)}`);
        return lines.join('<br/>');
      },
    },
    xAxis: { type: 'category', boundaryGap: false, data: rows.map((r) => monthLabel(r.period, lang)) },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { formatter: (v: number) => formatAxis(v, unit, lang) },
      ...axisBounds,
    },
    series: [
      ...band(
        'b95',
        labels.band95,
        rows.map((r) => r.lo95),
        rows.map((r) => diff(r.hi95, r.lo95)),
        0.12,
        '#99d5cc',
      ),
      ...band(
        'b80',
        labels.band80,
        rows.map((r) => r.lo80),
        rows.map((r) => diff(r.hi80, r.lo80)),
        0.22,
        '#5fb3a7',
      ),
      {
        name: labels.actual,
        type: 'line',
        symbolSize: 5,
        itemStyle: { color: '#1f2937' },
        data: rows.map((r) => r.actual),
        ...(labelOnLine
          ? targetLine({ formatter: targetText, position: 'insideStartTop', color: TARGET_COLOR })
          : {}),
      },
      {
        name: labels.forecast,
        type: 'line',
        symbolSize: 5,
        lineStyle: { type: 'dashed' },
        itemStyle: { color: '#0f766e' },
        data: rows.map((r) => r.mean),
      },
      ...(inLegend
        ? [
            {
              name: targetText,
              type: 'line',
              symbol: 'none',
              silent: true,
              lineStyle: TARGET_LINE,
              itemStyle: { color: TARGET_COLOR },
              data: rows.map(() => null),
              ...targetLine({ show: false }),
            },
          ]
        : []),
    ],
  };
}
