/** A series made safe for modelling, with notes on what was changed. */
export interface CleanedSeries {
  readonly values: number[];
  readonly notes: string[];
}

/**
 * Treats non-finite entries (NaN, null-ish, Infinity) as missing: leading gaps are dropped, inner
 * gaps are filled by linear interpolation and trailing gaps carry the last observation forward.
 */
export function cleanSeries(values: readonly (number | null | undefined)[]): CleanedSeries {
  const raw = values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN));
  const notes: string[] = [];
  let first = 0;
  while (first < raw.length && Number.isNaN(raw[first]!)) first++;
  if (first > 0 && first < raw.length) notes.push(`dropped ${first} leading missing value(s)`);
  const y = raw.slice(first);
  let filled = 0;
  let lastIndex = -1;
  for (let t = 0; t < y.length; t++) {
    if (Number.isNaN(y[t]!)) continue;
    if (lastIndex >= 0 && t - lastIndex > 1) {
      const a = y[lastIndex]!;
      const b = y[t]!;
      for (let k = lastIndex + 1; k < t; k++) {
        y[k] = a + ((b - a) * (k - lastIndex)) / (t - lastIndex);
        filled++;
      }
    }
    lastIndex = t;
  }
  for (let t = lastIndex + 1; t < y.length && lastIndex >= 0; t++) {
    y[t] = y[lastIndex]!;
    filled++;
  }
  if (filled > 0) notes.push(`filled ${filled} missing value(s)`);
  return { values: lastIndex >= 0 ? y : [], notes };
}
