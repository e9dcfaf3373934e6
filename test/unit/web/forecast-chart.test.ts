import { describe, expect, it } from 'vitest';
import type { Achievability } from '../../../src/contract/goals.ts';
import {
  type ForecastChartInput,
  forecastChartOption,
} from '../../../src/web/features/goals/forecast-chart-options.ts';

type Series = { name: string; markLine?: { label: Record<string, unknown>; data: { yAxis: number }[] } };
type LegendItem = string | { name: string };

const rows: Achievability['chart'] = [
  { period: '2026-10', actual: 300_000, mean: null, lo80: null, hi80: null, lo95: null, hi95: null },
  { period: '2026-11', actual: 420_000, mean: null, lo80: null, hi80: null, lo95: null, hi95: null },
  {
    period: '2026-12',
    actual: null,
    mean: 390_000,
    lo80: 350_000,
    hi80: 430_000,
    lo95: 320_000,
    hi95: 460_000,
  },
];
const input: Omit<ForecastChartInput, 'narrow'> = {
  rows,
  unit: 'money',
  currency: 'TWD',
  lang: 'zh-TW',
  targetPerMonth: 386_012,
  labels: { actual: '實際', forecast: '預測', band80: '80% 區間', band95: '95% 區間', target: '目標(每月)' },
};
const TARGET = '目標(每月) NT$386,012';

const seriesOf = (o: Record<string, unknown>) => o.series as Series[];
const legendOf = (o: Record<string, unknown>) =>
  ((o.legend as { data: LegendItem[] }).data ?? []).map((d) => (typeof d === 'string' ? d : d.name));
const markLines = (o: Record<string, unknown>) =>
  seriesOf(o).flatMap((s) => (s.markLine ? [s.markLine] : []));

describe('the goal chart’s target line', () => {
  it('on a wide chart, is labelled on the line with its value (as before)', () => {
    const option = forecastChartOption({ ...input, narrow: false });
    const [line, ...others] = markLines(option);
    expect(others).toEqual([]);
    expect(line?.data).toEqual([{ yAxis: 386_012 }]);
    expect(line?.label).toMatchObject({ formatter: TARGET, position: 'insideStartTop' });
    expect(legendOf(option)).not.toContain(TARGET);
  });

  it('on a phone, is named in the legend with its value, with no label over the line and points', () => {
    const option = forecastChartOption({ ...input, narrow: true });
    const [line, ...others] = markLines(option);
    expect(others).toEqual([]);
    expect(line?.data).toEqual([{ yAxis: 386_012 }]);
    // Nothing is written on the plot: an ECharts label without `show: false` is drawn.
    expect(line?.label).toEqual({ show: false });
    expect(legendOf(option)).toEqual(['實際', '預測', '80% 區間', '95% 區間', TARGET]);
    // The legend entry belongs to a series of that name (ECharts shows legend items of series only).
    expect(seriesOf(option).map((s) => s.name)).toContain(TARGET);
    // The legend's second row gets room above the plot.
    expect((option.grid as { top: number }).top).toBeGreaterThan(40);
  });

  it('adds nothing for a goal without a target per month', () => {
    for (const narrow of [false, true]) {
      const option = forecastChartOption({ ...input, targetPerMonth: null, narrow });
      expect(markLines(option)).toEqual([]);
      expect(legendOf(option)).toEqual(['實際', '預測', '80% 區間', '95% 區間']);
    }
  });
});
