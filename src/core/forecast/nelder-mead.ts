/** Options of {@link minimizeNelderMead}. */
export interface NelderMeadOptions {
  readonly maxIterations?: number;
  readonly tolerance?: number;
  /** Initial simplex step per coordinate (absolute). */
  readonly step?: readonly number[];
}

/** Result of a minimisation: the best point found and its value. */
export interface MinimizeResult {
  readonly x: number[];
  readonly value: number;
  readonly iterations: number;
}

/**
 * Derivative-free Nelder-Mead simplex minimisation (standard coefficients 1, 2, 0.5, 0.5).
 * Non-finite objective values are treated as +Infinity, so callers express bounds as penalties.
 */
export function minimizeNelderMead(
  objective: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): MinimizeResult {
  const dim = start.length;
  const maxIterations = options.maxIterations ?? 200 * Math.max(1, dim);
  const tolerance = options.tolerance ?? 1e-7;
  const f = (x: readonly number[]): number => {
    const v = objective(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  if (dim === 0) return { x: [], value: f([]), iterations: 0 };
  const simplex: number[][] = [start.slice()];
  for (let i = 0; i < dim; i++) {
    const p = start.slice();
    const s = options.step?.[i] ?? (Math.abs(p[i]!) > 1e-8 ? 0.1 * Math.abs(p[i]!) : 0.05);
    p[i] = p[i]! + s;
    simplex.push(p);
  }
  const values = simplex.map(f);
  let iterations = 0;
  const order = Array.from({ length: dim + 1 }, (_, i) => i);
  while (iterations < maxIterations) {
    iterations++;
    order.sort((a, b) => values[a]! - values[b]!);
    const best = order[0]!;
    const worst = order[dim]!;
    const second = order[dim - 1]!;
    const fBest = values[best]!;
    const fWorst = values[worst]!;
    if (Number.isFinite(fWorst) && Math.abs(fWorst - fBest) <= tolerance * (Math.abs(fBest) + tolerance))
      break;
    const centroid = new Array<number>(dim).fill(0);
    for (const idx of order) {
      if (idx === worst) continue;
      const p = simplex[idx]!;
      for (let j = 0; j < dim; j++) centroid[j] = centroid[j]! + p[j]! / dim;
    }
    const pw = simplex[worst]!;
    const xr = reflectThrough(centroid, pw, 1);
    const fr = f(xr);
    if (fr < fBest) {
      const xe = reflectThrough(centroid, pw, 2);
      const fe = f(xe);
      if (fe < fr) {
        simplex[worst] = xe;
        values[worst] = fe;
      } else {
        simplex[worst] = xr;
        values[worst] = fr;
      }
      continue;
    }
    if (fr < values[second]!) {
      simplex[worst] = xr;
      values[worst] = fr;
      continue;
    }
    const outside = fr < fWorst;
    const xc = reflectThrough(centroid, pw, outside ? 0.5 : -0.5);
    const fc = f(xc);
    if (fc < (outside ? fr : fWorst)) {
      simplex[worst] = xc;
      values[worst] = fc;
      continue;
    }
    const pb = simplex[best]!;
    for (const idx of order) {
      if (idx === best) continue;
      const p = simplex[idx]!;
      for (let j = 0; j < dim; j++) p[j] = pb[j]! + 0.5 * (p[j]! - pb[j]!);
      values[idx] = f(p);
    }
  }
  let bi = 0;
  for (let i = 1; i <= dim; i++) if (values[i]! < values[bi]!) bi = i;
  return { x: simplex[bi]!.slice(), value: values[bi]!, iterations };
}

/** The point centroid + t * (centroid - worst). */
function reflectThrough(centroid: readonly number[], worst: readonly number[], t: number): number[] {
  const out = new Array<number>(centroid.length);
  for (let j = 0; j < centroid.length; j++) out[j] = centroid[j]! + t * (centroid[j]! - worst[j]!);
  return out;
}
