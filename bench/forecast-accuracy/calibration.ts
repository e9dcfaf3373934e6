// Calibration back-test of the probability of reaching a target, on the dev series: for each
// series, several past periods (one year; four years for yearly data), judged at the start, a
// third and two thirds of the way in, with targets at several levels around the previous
// period's total. Pacer's probability (sample paths of forecastSeries) is compared with a
// run-rate baseline (actual-to-date pace extrapolated, normal noise of recent steps) by Brier score.

import { forecastSeries, probabilityOfReaching } from '../../src/core/forecast/index.ts';
import { cdfNormal } from '../../src/core/forecast/normal-distribution.ts';
import { readManifest, readSeries } from './shared-bench.ts';

const GROWTH = [0.85, 0.95, 1, 1.05, 1.1, 1.15, 1.25];
const PERIODS_BACK = 5;

interface Judgement {
  readonly pacer: number;
  readonly runRate: number;
  readonly reached: boolean;
}

function sum(a: readonly number[]): number {
  return a.reduce((s, v) => s + v, 0);
}

function runRateProbability(
  history: readonly number[],
  actualToDate: number,
  done: number,
  length: number,
  target: number,
  previousTotal: number,
): number {
  const remaining = length - done;
  if (remaining === 0) return actualToDate >= target ? 1 : 0;
  const rate = done > 0 ? actualToDate / done : previousTotal / length;
  const recent = history.slice(-length);
  const mean = sum(recent) / recent.length;
  const sd = Math.sqrt(sum(recent.map((v) => (v - mean) ** 2)) / Math.max(1, recent.length - 1));
  const expected = actualToDate + rate * remaining;
  const spread = sd * Math.sqrt(remaining);
  if (!(spread > 0)) return expected >= target ? 1 : 0;
  return 1 - cdfNormal((target - expected) / spread);
}

export function runCalibrationBacktest(): void {
  const judgements: Judgement[] = [];
  for (const s of readManifest()) {
    const y = readSeries('series', s.name);
    const length = s.frequency > 1 ? s.frequency : 4;
    for (let k = 1; k <= PERIODS_BACK; k++) {
      const start = y.length - k * length;
      if (start - length < Math.max(2 * length, 8)) break;
      const total = sum(y.slice(start, start + length));
      const previousTotal = sum(y.slice(start - length, start));
      for (const done of [0, Math.floor(length / 3), Math.floor((2 * length) / 3)]) {
        const history = y.slice(0, start + done);
        const actualToDate = sum(y.slice(start, start + done));
        const f = forecastSeries(history, {
          h: length - done,
          frequency: s.frequency,
          seed: 17,
          pathCount: 1000,
        });
        for (const g of GROWTH) {
          const target = previousTotal * g;
          judgements.push({
            pacer: probabilityOfReaching({ actualToDate, remainingForecastPaths: f.paths, target }),
            runRate: runRateProbability(history, actualToDate, done, length, target, previousTotal),
            reached: total >= target,
          });
        }
      }
    }
  }
  const brier = (pick: (j: Judgement) => number): number =>
    sum(judgements.map((j) => (pick(j) - (j.reached ? 1 : 0)) ** 2)) / judgements.length;
  const base = sum(judgements.map((j) => (j.reached ? 1 : 0))) / judgements.length;
  process.stdout.write(`\n== probability of reaching a target: calibration back-test on the dev series\n`);
  process.stdout.write(
    `judgements: ${judgements.length} (series x past periods x 3 judgement points x ${GROWTH.length} targets); share reached ${base.toFixed(3)}\n`,
  );
  process.stdout.write(
    `Brier score: Pacer ${brier((j) => j.pacer).toFixed(4)}   run-rate baseline ${brier((j) => j.runRate).toFixed(4)}   climatology ${(base * (1 - base)).toFixed(4)}\n`,
  );
  process.stdout.write('reliability (predicted bin: n, mean predicted, share reached) Pacer | run-rate\n');
  const bins = [0, 0.1, 0.3, 0.5, 0.6, 0.8, 0.9, 1.0001];
  for (let b = 0; b < bins.length - 1; b++) {
    const row = (pick: (j: Judgement) => number): string => {
      const inBin = judgements.filter((j) => pick(j) >= bins[b]! && pick(j) < bins[b + 1]!);
      if (inBin.length === 0) return '   -';
      const mp = sum(inBin.map(pick)) / inBin.length;
      const hit = sum(inBin.map((j) => (j.reached ? 1 : 0))) / inBin.length;
      return `n=${String(inBin.length).padStart(4)} p=${mp.toFixed(2)} hit=${hit.toFixed(2)}`;
    };
    process.stdout.write(
      `  [${bins[b]!.toFixed(1)}, ${Math.min(1, bins[b + 1]!).toFixed(1)}) ${row((j) => j.pacer)} | ${row((j) => j.runRate)}\n`,
    );
  }
}
