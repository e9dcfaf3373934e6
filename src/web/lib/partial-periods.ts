/**
 * How a chart marks periods that are not over yet (a month so far): ECharts series pieces shared by
 * the KPI explorer and the plan page (pure: no React, no DOM). The period's column is shaded with a
 * note, and a line leaves it out and shows its value as a hollow marker of its own, so a period that
 * has only begun is not read as a cliff at the end of the line.
 */

/** A shaded band with a note over each partial period (category axis labels). */
export function partialBands(labels: readonly string[], partial: readonly boolean[], note: string) {
  // Category indexes, half a step either side: the band covers the period's whole column.
  const data = labels.flatMap((_, i) => (partial[i] ? [[{ xAxis: i - 0.5 }, { xAxis: i + 0.5 }]] : []));
  if (data.length === 0) return [];
  // Carried by an empty bar series: bars place fractional category indexes where lines do not.
  return [
    {
      type: 'bar',
      data: [],
      silent: true,
      tooltip: { show: false },
      markArea: {
        silent: true,
        itemStyle: { color: 'rgba(148, 163, 184, 0.22)' },
        label: { show: true, position: 'insideTop', color: '#64748b', fontSize: 11, formatter: note },
        data,
      },
    },
  ];
}

/**
 * A line over the complete periods and, apart from it, hollow markers for the partial ones: a month
 * that has only begun is shown as a point of its own, not as a cliff at the end of the line.
 */
export function splitLine(
  name: string,
  color: string,
  values: readonly (number | null)[],
  partial: readonly boolean[],
  extra: Record<string, unknown> = {},
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [
    {
      name,
      type: 'line',
      itemStyle: { color },
      data: values.map((v, i) => (partial[i] ? null : v)),
      ...extra,
    },
  ];
  if (partial.some(Boolean))
    out.push({
      name,
      type: 'line',
      symbol: 'emptyCircle',
      symbolSize: 9,
      lineStyle: { opacity: 0 },
      itemStyle: { color, borderWidth: 2 },
      data: values.map((v, i) => (partial[i] ? v : null)),
    });
  return out;
}
