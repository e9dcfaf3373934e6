import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../contract/common.ts';
import { formatCompact } from '../../i18n/format.ts';
import type { KpiUnit } from '../kpi/kpi-view.ts';
import { formatValue, periodLabel } from './plan-view.ts';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface CurvePoint {
  period: string;
  plan: number;
  lastYear: number | null;
}

/** The plan by month (bars) against last year's actuals of the same months (line). */
export function PlanChart({
  curve,
  unit,
  currency,
  lang,
  lineName,
}: {
  curve: readonly CurvePoint[];
  /** The line's name (default: last year). */
  lineName?: string;
  unit: KpiUnit;
  currency: string;
  lang: Locale;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const onEvents = useMemo(
    () => ({ finished: () => box.current?.setAttribute('data-rendered', 'true') }),
    [],
  );
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => formatValue(v, unit, currency, lang),
      },
      xAxis: { type: 'category', data: curve.map((c) => periodLabel(c.period, lang)) },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => (unit === 'ratio' ? `${v}%` : formatCompact(v, lang)) },
      },
      series: [
        {
          name: t('plan.chart.plan'),
          type: 'bar',
          data: curve.map((c) => c.plan),
          itemStyle: { color: '#0f766e' },
        },
        {
          name: lineName ?? t('plan.chart.lastYear'),
          type: 'line',
          data: curve.map((c) => c.lastYear),
          itemStyle: { color: '#d97706' },
          lineStyle: { type: 'dashed' },
        },
      ],
    }),
    [curve, unit, currency, lang, t, lineName],
  );
  return (
    <div ref={box} data-testid="plan-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        onEvents={onEvents}
        style={{ height: 260 }}
      />
    </div>
  );
}
