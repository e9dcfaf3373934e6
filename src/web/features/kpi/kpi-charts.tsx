import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, useRef } from 'react';
import type { Locale } from '../../../contract/common.ts';
import type { KpiResultBody } from '../../../contract/kpi.ts';
import { breakdownOption, type EChartsOption, trendOption } from './kpi-chart-options.ts';

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkAreaComponent,
  CanvasRenderer,
]);

/**
 * A chart whose box gets data-rendered="true" once ECharts has finished drawing (for tests and
 * screenshots), and data-chart-kind (stacked, lines, bars) naming the shape chosen for the metric.
 */
function Chart({
  option,
  height,
  testId,
  kind,
}: {
  option: EChartsOption;
  height: number;
  testId: string;
  kind?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const onEvents = useMemo(
    () => ({ finished: () => box.current?.setAttribute('data-rendered', 'true') }),
    [],
  );
  return (
    <div ref={box} data-testid={testId} data-chart-kind={kind}>
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

export function TrendChart({
  result,
  lang,
  labels,
}: {
  result: KpiResultBody;
  lang: Locale;
  labels: { current: string; lastYear: string; partial: string };
}) {
  return <Chart option={trendOption(result, lang, labels)} height={320} testId="kpi-trend-chart" />;
}

/** The shape of a breakdown chart, as drawn by {@link breakdownOption}. */
export function breakdownKind(option: EChartsOption): 'stacked' | 'lines' | 'bars' {
  const series = (option.series ?? []) as { type?: string; stack?: string }[];
  if (series.some((s) => s.stack)) return 'stacked';
  return series.some((s) => s.type === 'line') ? 'lines' : 'bars';
}

export function BreakdownChart({
  result,
  lang,
  labels,
}: {
  result: KpiResultBody;
  lang: Locale;
  labels: { none: string; others: string; partial: string };
}) {
  const option = breakdownOption(result, lang, labels);
  return <Chart option={option} height={360} testId="kpi-breakdown-chart" kind={breakdownKind(option)} />;
}
