// Brier score and reliability table of probability forecasts of a binary outcome (a target
// reached or not), printed side by side for several forecasters.

/** One judgement: the probability each forecaster gave, and whether the target was reached. */
export interface Judgement {
  readonly p: Readonly<Record<string, number>>;
  readonly reached: boolean;
}

const BINS = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0001];

function sum(a: readonly number[]): number {
  return a.reduce((s, v) => s + v, 0);
}

export function brierScore(judgements: readonly Judgement[], name: string): number {
  return sum(judgements.map((j) => ((j.p[name] ?? 0) - (j.reached ? 1 : 0)) ** 2)) / judgements.length;
}

/** Prints the Brier score of each forecaster (and climatology's) and a reliability table. */
export function printBrierReport(judgements: readonly Judgement[], names: readonly string[]): void {
  const out = (s: string): boolean => process.stdout.write(`${s}\n`);
  const base = sum(judgements.map((j) => (j.reached ? 1 : 0))) / judgements.length;
  out(`judgements: ${judgements.length}; share reached ${base.toFixed(3)}`);
  out(
    `Brier score: ${names.map((n) => `${n} ${brierScore(judgements, n).toFixed(4)}`).join('   ')}   climatology ${(base * (1 - base)).toFixed(4)}`,
  );
  out(`reliability (predicted bin: n, mean predicted p, share reached) ${names.join(' | ')}`);
  for (let b = 0; b < BINS.length - 1; b++) {
    const lo = BINS[b] ?? 0;
    const hi = BINS[b + 1] ?? 1;
    const cells = names.map((name) => {
      const inBin = judgements.filter((j) => (j.p[name] ?? 0) >= lo && (j.p[name] ?? 0) < hi);
      if (inBin.length === 0) return 'n=   0'.padEnd(24);
      const mp = sum(inBin.map((j) => j.p[name] ?? 0)) / inBin.length;
      const hit = sum(inBin.map((j) => (j.reached ? 1 : 0))) / inBin.length;
      return `n=${String(inBin.length).padStart(4)} p=${mp.toFixed(2)} hit=${hit.toFixed(2)}`;
    });
    out(`  [${lo.toFixed(1)}, ${Math.min(1, hi).toFixed(1)}) ${cells.join(' | ')}`);
  }
}
