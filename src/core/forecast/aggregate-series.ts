/** How values of one bucket are combined: sums for flows (sales), means for levels (prices, stock). */
export type AggregationKind = 'sum' | 'mean';

/**
 * Aggregates a fine-grained series (e.g. daily lines) into `size`-long buckets for forecasting at
 * the goal's grain (e.g. 7 for weeks). Buckets are aligned to the end, so the latest bucket is
 * complete; a leading partial bucket is dropped. Missing values (NaN) are ignored; a bucket with
 * no value at all stays NaN, which forecastSeries fills.
 */
export function aggregateSeries(values: readonly number[], size: number, kind: AggregationKind): number[] {
  const k = Math.max(1, Math.floor(size));
  const out: number[] = [];
  for (let end = values.length; end - k >= 0; end -= k) {
    let s = 0;
    let count = 0;
    for (let t = end - k; t < end; t++) {
      const v = values[t]!;
      if (Number.isFinite(v)) {
        s += v;
        count++;
      }
    }
    let bucket: number;
    switch (kind) {
      case 'sum':
        bucket = count > 0 ? (s * k) / count : Number.NaN;
        break;
      case 'mean':
        bucket = count > 0 ? s / count : Number.NaN;
        break;
    }
    out.unshift(bucket);
  }
  return out;
}
