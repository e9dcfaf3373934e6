import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../contract/common.ts';
import type { KpiUnit } from '../kpi/kpi-view.ts';
import { type CurvePoint, planChartOption } from './plan-chart-options.ts';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkAreaComponent,
  CanvasRenderer,
]);

export type { CurvePoint };

/**
 * The plan by period (bars) against last year's actuals of the same periods (line), or this year's
 * actuals so far; a period not over yet is shaded and its actual shown apart from the line.
 */
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
    () =>
      planChartOption(curve, unit, currency, lang, {
        plan: t('plan.chart.plan'),
        line: lineName ?? t('plan.chart.lastYear'),
        partial: t('kpi.partial'),
      }),
    [curve, unit, currency, lang, t, lineName],
  );
  return (
    <div
      ref={box}
      data-testid="plan-chart"
      data-partial={curve
        .filter((c) => c.partial)
        .map((c) => c.period)
        .join(' ')}
    >
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
