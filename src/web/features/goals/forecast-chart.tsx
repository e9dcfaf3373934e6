import { Grid } from 'antd';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, useRef } from 'react';
import { type ForecastChartInput, forecastChartOption } from './forecast-chart-options.ts';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

/** Monthly history and forecast with its 80 % / 95 % bands; the target (per month) as a horizontal line. */
export function ForecastChart(props: Omit<ForecastChartInput, 'narrow'>) {
  const box = useRef<HTMLDivElement>(null);
  // Phones (below antd's md, as the shell's drawer): the target is named in the legend.
  const narrow = !(Grid.useBreakpoint().md ?? true);
  const onEvents = useMemo(
    () => ({ finished: () => box.current?.setAttribute('data-rendered', 'true') }),
    [],
  );
  const option = forecastChartOption({ ...props, narrow });
  return (
    <div ref={box} data-testid="goal-forecast-chart" data-narrow={narrow}>
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
