/** Product of two polynomials in the backshift operator, coefficients from degree 0 upwards. */
export function multiplyPolynomials(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) out[i + j] = out[i + j]! + a[i]! * b[j]!;
  return out;
}

/**
 * True when 1 - c_1 B - ... - c_p B^p has all roots outside the unit circle (stationary AR),
 * checked with the step-down (reverse Levinson-Durbin) recursion on partial autocorrelations.
 */
export function checkStationary(coefficients: readonly number[]): boolean {
  let a = coefficients.slice();
  while (a.length > 0 && Math.abs(a[a.length - 1]!) < 1e-12) a.pop();
  for (let k = a.length; k >= 1; k--) {
    const kappa = a[k - 1]!;
    if (!(Math.abs(kappa) < 1 - 1e-6)) return false;
    const next: number[] = [];
    const d = 1 - kappa * kappa;
    for (let j = 1; j < k; j++) next.push((a[j - 1]! + kappa * a[k - j - 1]!) / d);
    a = next;
  }
  return true;
}

/** Differencing polynomial (1 - B)^d (1 - B^m)^D. */
export function buildDifferencePolynomial(d: number, seasonalD: number, period: number): number[] {
  let poly = [1];
  for (let i = 0; i < d; i++) poly = multiplyPolynomials(poly, [1, -1]);
  for (let i = 0; i < seasonalD; i++) {
    const s = new Array<number>(period + 1).fill(0);
    s[0] = 1;
    s[period] = -1;
    poly = multiplyPolynomials(poly, s);
  }
  return poly;
}

/** Applies a backshift polynomial to a series: out_t = sum_i poly_i y_{t-i}, for t >= degree. */
export function applyPolynomial(y: readonly number[], poly: readonly number[]): number[] {
  const deg = poly.length - 1;
  const out: number[] = [];
  for (let t = deg; t < y.length; t++) {
    let s = 0;
    for (let i = 0; i <= deg; i++) s += poly[i]! * y[t - i]!;
    out.push(s);
  }
  return out;
}
