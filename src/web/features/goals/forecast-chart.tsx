import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, useRef } from 'react';
import type { Locale } from '../../../contract/common.ts';
import type { Achievability } from '../../../contract/goals.ts';
import { formatAxis, formatKpi, type KpiUnit } from '../kpi/kpi-view.ts';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

export /** Money and counts to whole units (forecasts carry decimals no one plans with). */
function roundFor(v: number | null | undefined, unit: KpiUnit): number | null | undefined {
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

/** Monthly history and forecast with its 80 % / 95 % bands; the target (per month) as a horizontal line. */
export function ForecastChart({
  rows,
  unit,
  currency,
  lang,
  targetPerMonth,
  labels,
}: {
  rows: Achievability['chart'];
  unit: KpiUnit;
  currency: string;
  lang: Locale;
  targetPerMonth: number | null;
  labels: ChartLabels;
}) {
  const box = useRef<HTMLDivElement>(null);
  const onEvents = useMemo(
    () => ({ finished: () => box.current?.setAttribute('data-rendered', 'true') }),
    [],
  );
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
  const option: Record<string, unknown> = {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.actual, labels.forecast, labels.band80, labels.band95] },
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
      {
        name: 'lo95',
        type: 'line',
        stack: 'b95',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        data: rows.map((r) => r.lo95),
        silent: true,
      },
      {
        name: labels.band95,
        type: 'line',
        stack: 'b95',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: '#0f766e', opacity: 0.12 },
        itemStyle: { color: '#99d5cc' },
        data: rows.map((r) => diff(r.hi95, r.lo95)),
      },
      {
        name: 'lo80',
        type: 'line',
        stack: 'b80',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        data: rows.map((r) => r.lo80),
        silent: true,
      },
      {
        name: labels.band80,
        type: 'line',
        stack: 'b80',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: '#0f766e', opacity: 0.22 },
        itemStyle: { color: '#5fb3a7' },
        data: rows.map((r) => diff(r.hi80, r.lo80)),
      },
      {
        name: labels.actual,
        type: 'line',
        symbolSize: 5,
        itemStyle: { color: '#1f2937' },
        data: rows.map((r) => r.actual),
        ...(targetPerMonth !== null
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                animation: false,
                lineStyle: { color: '#dc2626', type: 'dashed', width: 2 },
                label: {
                  formatter: `${labels.target} ${fmt(targetPerMonth)}`,
                  position: 'insideStartTop',
                  color: '#dc2626',
                },
                data: [{ yAxis: targetPerMonth }],
              },
            }
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
    ],
  };
  return (
    <div ref={box} data-testid="goal-forecast-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        onEvents={onEvents}
        style={{ height: 300, width: '100%' }}
      />
    </div>
  );
}
