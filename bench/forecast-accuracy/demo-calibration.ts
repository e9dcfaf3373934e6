// Calibration back-test of the probability of reaching a monthly target on the demo company
// (src/core/demo, fixed seed and dates, so the figures are reproducible). Daily revenue of the
// whole company and of each channel; every month of the last two years is a goal period, with
// targets at 0.9, 1.0, 1.1 and 1.2 × the same month last year and × the previous month; each goal
// is judged at day 0, 10 and 20 of the month. Pacer: forecastSeries on the daily history with
// weekly seasonality (frequency 7), probabilityOfReaching over its sample paths of the remaining
// days. Baselines (run rate = actual to date ÷ elapsed days × days in the month; at day 0 the
// previous month's daily rate):
// - run-rate normal: normal band with the day-to-day spread of the last 28 days × √(remaining days);
// - run-rate empirical: the ratios (month total ÷ run-rate projection at the same day) of the
//   series' earlier months (up to 12, all before the judged month) applied to the projection.
// Nothing here was chosen by looking at the outcomes.

import {
  buildDemoCatalog,
  computeDemoHistoryPeriod,
  DEMO_SEED,
  generateDemoSales,
} from '../../src/core/demo/index.ts';
import { forecastSeries, probabilityOfReaching } from '../../src/core/forecast/index.ts';
import { cdfNormal } from '../../src/core/forecast/normal-distribution.ts';
import { type Judgement, printBrierReport } from './brier-report.ts';

/** Fixed "today": history 2023-01-01 … 2025-12-31. */
const TODAY = '2026-01-01';
const LEVELS = [0.9, 1, 1.1, 1.2];
const JUDGED_AT = [0, 10, 20];
const MONTHS_JUDGED = 24;
const EMPIRICAL_MONTHS = 12;

interface DailySeries {
  readonly name: string;
  readonly values: readonly number[];
}

interface Month {
  /** Index of the month's first day in the daily arrays. */
  readonly start: number;
  readonly days: number;
}

function sum(a: readonly number[]): number {
  return a.reduce((s, v) => s + v, 0);
}

function dayIndex(date: string, first: number): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000) - first;
}

/** Daily revenue (in TWD) of the company and of each channel, and the calendar months. */
function buildDemoSeries(): { series: DailySeries[]; months: Month[] } {
  const period = computeDemoHistoryPeriod(TODAY);
  const catalog = buildDemoCatalog(DEMO_SEED, period);
  const first = Math.round(Date.parse(`${period.start}T00:00:00Z`) / 86_400_000);
  const length = dayIndex(period.end, first) + 1;
  const total = new Array<number>(length).fill(0);
  const byChannel = new Map(catalog.channels.map((c) => [c.name, new Array<number>(length).fill(0)]));
  for (const line of generateDemoSales(catalog, { seed: DEMO_SEED, ...period, scale: 1 })) {
    const d = dayIndex(line.saleDate, first);
    total[d] = (total[d] ?? 0) + line.amountMinor / 100;
    const channel = byChannel.get(line.channel);
    if (channel) channel[d] = (channel[d] ?? 0) + line.amountMinor / 100;
  }
  const months: Month[] = [];
  for (let d = 0; d < length; d++) {
    const date = new Date((first + d) * 86_400_000);
    if (date.getUTCDate() === 1) {
      const next = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / 86_400_000;
      months.push({ start: d, days: next - (first + d) });
    }
  }
  const series = [{ name: 'company', values: total }];
  for (const [name, values] of byChannel) series.push({ name, values });
  return { series, months };
}

function monthTotal(y: readonly number[], m: Month): number {
  return sum(y.slice(m.start, m.start + m.days));
}

/** Run-rate projection of the month's total at `done` days in. */
function projectRunRate(y: readonly number[], months: readonly Month[], k: number, done: number): number {
  const m = months[k];
  const previous = months[k - 1];
  if (!m || !previous) return Number.NaN;
  const actual = sum(y.slice(m.start, m.start + done));
  const rate = done > 0 ? actual / done : monthTotal(y, previous) / previous.days;
  return actual + rate * (m.days - done);
}

function runRateNormal(
  y: readonly number[],
  m: Month,
  done: number,
  projection: number,
  target: number,
): number {
  const recent = y.slice(m.start + done - 28, m.start + done);
  const mean = sum(recent) / recent.length;
  const sd = Math.sqrt(sum(recent.map((v) => (v - mean) ** 2)) / (recent.length - 1));
  const spread = sd * Math.sqrt(m.days - done);
  if (!(spread > 0)) return projection >= target ? 1 : 0;
  return 1 - cdfNormal((target - projection) / spread);
}

function runRateEmpirical(
  y: readonly number[],
  months: readonly Month[],
  k: number,
  done: number,
  projection: number,
  target: number,
): number {
  const ratios: number[] = [];
  for (let j = Math.max(1, k - EMPIRICAL_MONTHS); j < k; j++) {
    const m = months[j];
    const p = projectRunRate(y, months, j, done);
    if (m && p > 0) ratios.push(monthTotal(y, m) / p);
  }
  if (ratios.length === 0) return projection >= target ? 1 : 0;
  return ratios.filter((r) => projection * r >= target).length / ratios.length;
}

export function runDemoCalibrationBacktest(): void {
  const started = performance.now();
  const { series, months } = buildDemoSeries();
  const judgements: Judgement[] = [];
  const byDay = new Map<number, Judgement[]>(JUDGED_AT.map((d) => [d, []]));
  let forecasts = 0;
  for (const s of series) {
    const y = s.values;
    for (let k = months.length - MONTHS_JUDGED; k < months.length; k++) {
      const m = months[k];
      const previous = months[k - 1];
      const lastYear = months[k - 12];
      if (!m || !previous || !lastYear) continue;
      const total = monthTotal(y, m);
      const references = [monthTotal(y, lastYear), monthTotal(y, previous)];
      for (const done of JUDGED_AT) {
        const actualToDate = sum(y.slice(m.start, m.start + done));
        const f = forecastSeries(y.slice(0, m.start + done), {
          h: m.days - done,
          frequency: 7,
          seed: 17,
          pathCount: 1000,
        });
        forecasts++;
        const projection = projectRunRate(y, months, k, done);
        for (const reference of references) {
          for (const level of LEVELS) {
            const target = reference * level;
            const j: Judgement = {
              p: {
                Pacer: probabilityOfReaching({ actualToDate, remainingForecastPaths: f.paths, target }),
                'run-rate normal': runRateNormal(y, m, done, projection, target),
                'run-rate empirical': runRateEmpirical(y, months, k, done, projection, target),
              },
              reached: total >= target,
            };
            judgements.push(j);
            byDay.get(done)?.push(j);
          }
        }
      }
    }
  }
  const names = ['Pacer', 'run-rate normal', 'run-rate empirical'];
  process.stdout.write(
    `\n== probability of reaching a monthly target: calibration back-test on the demo company\n` +
      `series: ${series.map((s) => s.name).join(', ')} (daily revenue, ${TODAY} history); ` +
      `${MONTHS_JUDGED} months x days ${JUDGED_AT.join('/')} x targets ${LEVELS.join('/')} x (same month last year, previous month); ` +
      `${forecasts} forecasts in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
  printBrierReport(judgements, names);
  for (const done of JUDGED_AT) {
    process.stdout.write(`-- judged at day ${done}\n`);
    printBrierReport(byDay.get(done) ?? [], names);
  }
}
