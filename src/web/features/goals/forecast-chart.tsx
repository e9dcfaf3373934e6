import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, useRef } from 'react';
import { useElementWidth } from '../../lib/use-element-width.ts';
import { type ForecastChartInput, forecastChartOption } from './forecast-chart-options.ts';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

/** Below this width the target line's label would cover the lines and the axis labels. */
const NARROW_CHART_PX = 560;

/** Monthly history and forecast with its 80 % / 95 % bands; the target (per month) as a horizontal line. */
export function ForecastChart(props: Omit<ForecastChartInput, 'narrow'>) {
  const box = useRef<HTMLDivElement>(null);
  // A narrow chart (a phone, or a desktop column under 560 px): the target is named in the legend,
  // where its label cannot lie over the lines. Decided by the chart's own width, not the screen's.
  const width = useElementWidth(box);
  const narrow = width > 0 && width < NARROW_CHART_PX;
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
