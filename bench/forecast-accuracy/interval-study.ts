// Rolling-origin calibration study of forecastSeries' 80 % and 95 % intervals, run as
// `node bench/forecast-accuracy/interval-study.mjs [--horizons=2] [--source=shared|fixtures]
// [--min-train=auto] [--json=FILE]`.
//
// Each dev series is cut at every origin over the last `horizons` × h steps before the end of the
// data (only where enough history remains: 2 seasons + h, or 8 + h points), the engine forecasts
// the same horizon h as the benchmark (12 monthly, 8 quarterly, 6 yearly), and the forecast is
// compared with what followed (only the steps that exist). With `--source=shared` (the default
// when ../shared/bench/forecast is beside the repository) the full series are used; with
// `--source=fixtures` the vendored training parts (test/fixtures/forecast/train), so the last
// test window is never looked at.
//
// Figures: coverage of the 80 % and 95 % intervals pooled over every forecast point, by frequency,
// by step ahead and by origin block; the share of misses above / below; the factor each band
// would need to reach its nominal coverage (quantile of |error| / half-width on the side of the
// error); MASE and sMAPE (M4 definitions) against naive and seasonal naive, whose R-style normal
// intervals are scored too.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  computeMase,
  computeSmape,
  type ForecastBands,
  type ForecastMethod,
  fitSeasonalNaive,
  forecastSeries,
} from '../../src/core/forecast/index.ts';
import { fitArimaMember, fitEtsMember, fitThetaMember } from '../../src/core/forecast/model-family.ts';
import { createRandomSource } from '../../src/core/forecast/seeded-random.ts';
import { BENCH_DIR, REPO_DIR } from './shared-bench.ts';

interface StudySeries {
  readonly name: string;
  readonly frequency: number;
  readonly h: number;
  readonly values: number[];
}

/** One forecast point: which series / origin / step, the actual, and each method's band there. */
interface PointRecord {
  readonly series: string;
  readonly frequency: number;
  readonly originBack: number;
  readonly step: number;
  readonly h: number;
  readonly actual: number;
  readonly mean: number;
  readonly lo80: number;
  readonly hi80: number;
  readonly lo95: number;
  readonly hi95: number;
  /** In-sample seasonal-naive mean absolute error of the training part (the MASE / MSIS scale). */
  readonly scale: number;
  /** What the engine used (e.g. `ets+arima`), for the bias breakdown. */
  readonly method: string;
  /** With `--members`: each family's own point forecast (fitted on the whole training part) and label. */
  readonly members?: readonly MemberPoint[];
}

interface MemberPoint {
  readonly kind: string;
  readonly label: string;
  readonly mean: number;
}

interface WindowRecord {
  readonly series: string;
  readonly frequency: number;
  readonly originBack: number;
  readonly mase: Record<Method, number>;
  readonly smape: Record<Method, number>;
}

type Method = 'pacer' | 'naive' | 'snaive';
const METHODS: readonly Method[] = ['pacer', 'naive', 'snaive'];

function parseArgs(argv: readonly string[]): {
  horizons: number;
  source: 'shared' | 'fixtures';
  json: string | null;
  members: boolean;
} {
  const get = (key: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${key}=`))?.slice(key.length + 3);
  const sharedPresent = (() => {
    try {
      readFileSync(join(BENCH_DIR, 'dev/manifest.json'));
      return true;
    } catch {
      return false;
    }
  })();
  const source = get('source') ?? (sharedPresent ? 'shared' : 'fixtures');
  if (source !== 'shared' && source !== 'fixtures') throw new Error('--source must be shared or fixtures');
  return {
    horizons: Math.max(1, Number(get('horizons') ?? 2) || 2),
    source,
    json: get('json') ?? null,
    members: argv.includes('--members'),
  };
}

function readValues(path: string): number[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => Number(l.split(',').pop()));
}

function loadSeries(source: 'shared' | 'fixtures'): StudySeries[] {
  const dir = source === 'shared' ? join(BENCH_DIR, 'dev') : join(REPO_DIR, 'test/fixtures/forecast');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    series: { name: string; frequency: number; h: number }[];
  };
  return manifest.series.map((s) => ({
    name: s.name,
    frequency: s.frequency,
    h: s.h,
    values: readValues(join(dir, source === 'shared' ? 'series' : 'train', `${s.name}.csv`)),
  }));
}

/** Plain naive (random walk) with R's rwf intervals. */
function naiveBands(train: readonly number[], h: number): ForecastBands {
  const f = fitSeasonalNaive(train, 1);
  if (f === null) throw new Error('naive needs data');
  return f.forecast(h);
}

function snaiveBands(train: readonly number[], h: number, period: number): ForecastBands {
  const f = fitSeasonalNaive(train, period);
  if (f === null) throw new Error('snaive needs data');
  return f.forecast(h);
}

interface Tally {
  n: number;
  in80: number;
  in95: number;
  above80: number;
  below80: number;
  above95: number;
  below95: number;
  ratios80: number[];
  ratios95: number[];
  /** Sums of the scaled interval scores (M4 MSIS terms) of the 80 % and 95 % bands. */
  score80: number;
  score95: number;
}

function newTally(): Tally {
  return {
    n: 0,
    in80: 0,
    in95: 0,
    above80: 0,
    below80: 0,
    above95: 0,
    below95: 0,
    ratios80: [],
    ratios95: [],
    score80: 0,
    score95: 0,
  };
}

/** Interval score of one point (M4 MSIS term before scaling): width plus 2 / alpha × the miss. */
function intervalScore(a: number, lo: number, hi: number, alpha: number): number {
  return hi - lo + (a < lo ? (2 / alpha) * (lo - a) : 0) + (a > hi ? (2 / alpha) * (a - hi) : 0);
}

function addPoint(t: Tally, p: PointRecord): void {
  t.n++;
  const a = p.actual;
  if (a >= p.lo80 && a <= p.hi80) t.in80++;
  else if (a > p.hi80) t.above80++;
  else t.below80++;
  if (a >= p.lo95 && a <= p.hi95) t.in95++;
  else if (a > p.hi95) t.above95++;
  else t.below95++;
  const up = a >= p.mean;
  const w80 = up ? p.hi80 - p.mean : p.mean - p.lo80;
  const w95 = up ? p.hi95 - p.mean : p.mean - p.lo95;
  const err = Math.abs(a - p.mean);
  t.ratios80.push(w80 > 0 ? err / w80 : err > 0 ? Number.POSITIVE_INFINITY : 0);
  t.ratios95.push(w95 > 0 ? err / w95 : err > 0 ? Number.POSITIVE_INFINITY : 0);
  t.score80 += intervalScore(a, p.lo80, p.hi80, 0.2) / p.scale;
  t.score95 += intervalScore(a, p.lo95, p.hi95, 0.05) / p.scale;
}

function quantile(values: readonly number[], p: number): number {
  const s = values.slice().sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(s.length - 1, lo + 1);
  const a = s[lo]!;
  const b = s[hi]!;
  return Number.isFinite(a) && Number.isFinite(b) ? a + (pos - lo) * (b - a) : b;
}

const fmt = (v: number, d = 3): string => (Number.isFinite(v) ? v.toFixed(d) : '-');
const pad = (s: string | number, w: number): string => String(s).padEnd(w);
const lpad = (s: string | number, w: number): string => String(s).padStart(w);

function tallyHeader(label: string): string {
  return (
    pad(label, 16) +
    lpad('points', 7) +
    lpad('cov80', 7) +
    lpad('hi/lo', 12) +
    lpad('need80', 8) +
    lpad('cov95', 7) +
    lpad('hi/lo', 12) +
    lpad('need95', 8) +
    lpad('MSIS80', 8) +
    lpad('MSIS95', 8)
  );
}

function tallyLine(label: string, t: Tally): string {
  return (
    pad(label, 16) +
    lpad(t.n, 7) +
    lpad(fmt(t.in80 / t.n), 7) +
    lpad(`${fmt(t.above80 / t.n, 3)}/${fmt(t.below80 / t.n, 3)}`, 12) +
    lpad(fmt(quantile(t.ratios80, 0.8), 2), 8) +
    lpad(fmt(t.in95 / t.n), 7) +
    lpad(`${fmt(t.above95 / t.n, 3)}/${fmt(t.below95 / t.n, 3)}`, 12) +
    lpad(fmt(quantile(t.ratios95, 0.95), 2), 8) +
    lpad(fmt(t.score80 / t.n, 2), 8) +
    lpad(fmt(t.score95 / t.n, 2), 8)
  );
}

function groupTally<K extends string | number>(
  points: readonly PointRecord[],
  key: (p: PointRecord) => K,
): Map<K, Tally> {
  const m = new Map<K, Tally>();
  for (const p of points) {
    const k = key(p);
    let t = m.get(k);
    if (!t) {
      t = newTally();
      m.set(k, t);
    }
    addPoint(t, p);
  }
  return m;
}

/**
 * 90 % interval of the pooled coverage when whole series are resampled with replacement: points of
 * one series (overlapping windows, shared shocks) are far from independent, so the series is the unit.
 */
function bootstrapCoverage(perSeries: readonly Tally[]): {
  cov80: [number, number];
  cov95: [number, number];
} {
  const rng = createRandomSource(2024);
  const c80: number[] = [];
  const c95: number[] = [];
  for (let r = 0; r < 2000; r++) {
    let n = 0;
    let in80 = 0;
    let in95 = 0;
    for (let i = 0; i < perSeries.length; i++) {
      const t = perSeries[Math.floor(rng.uniform() * perSeries.length)]!;
      n += t.n;
      in80 += t.in80;
      in95 += t.in95;
    }
    c80.push(in80 / n);
    c95.push(in95 / n);
  }
  return {
    cov80: [quantile(c80, 0.05), quantile(c80, 0.95)],
    cov95: [quantile(c95, 0.05), quantile(c95, 0.95)],
  };
}

/** Short description of the method the engine used: family kinds joined by '+', or the route. */
function describeMethod(m: ForecastMethod): string {
  if (m.kind === 'combination')
    return m.members
      .map((l) =>
        l.startsWith('ETS') ? 'ets' : l.startsWith('ARIMA') ? 'arima' : l.startsWith('Theta') ? 'theta' : l,
      )
      .join('+');
  return m.kind;
}

/** Each family's own forecast on the training part (scaled as forecastSeries scales it). */
function memberForecasts(train: readonly number[], h: number, period: number): MemberPoint[][] {
  const scale = train.reduce((a, v) => a + Math.abs(v), 0) / train.length;
  const ys = train.map((v) => v / scale);
  const statePeriod = period > 24 ? 1 : period;
  const out: MemberPoint[][] = Array.from({ length: h }, () => []);
  for (const mb of [
    fitEtsMember(ys, statePeriod),
    fitArimaMember(ys, statePeriod),
    fitThetaMember(ys, period),
  ]) {
    if (mb === null) continue;
    const b = mb.fitted.forecast(h);
    b.mean.forEach((v, j) => {
      out[j]!.push({ kind: mb.kind, label: mb.fitted.label, mean: v * scale });
    });
  }
  return out;
}

/** Signed error tallies: mean (actual - forecast) / scale and the share of actuals above the forecast. */
interface BiasTally {
  n: number;
  signed: number;
  absolute: number;
  above: number;
}

function biasHeader(label: string): string {
  return (
    pad(label, 26) + lpad('points', 7) + lpad('mean err/scale', 15) + lpad('MAE/scale', 10) + lpad('above', 7)
  );
}

function biasLine(label: string, t: BiasTally): string {
  return (
    pad(label, 26) +
    lpad(t.n, 7) +
    lpad(fmt(t.signed / t.n), 15) +
    lpad(fmt(t.absolute / t.n), 10) +
    lpad(fmt(t.above / t.n), 7)
  );
}

function groupBias(
  rows: readonly { key: string; actual: number; mean: number; scale: number }[],
): Map<string, BiasTally> {
  const m = new Map<string, BiasTally>();
  for (const r of rows) {
    let t = m.get(r.key);
    if (!t) {
      t = { n: 0, signed: 0, absolute: 0, above: 0 };
      m.set(r.key, t);
    }
    const e = (r.actual - r.mean) / r.scale;
    t.n++;
    t.signed += e;
    t.absolute += Math.abs(e);
    if (r.actual > r.mean) t.above++;
  }
  return m;
}

function printBias(points: readonly PointRecord[], out: (line?: string) => void): void {
  out();
  out(
    '-- pacer: bias (mean signed error (actual - mean) / in-sample seasonal-naive MAE; above = share of actuals above the mean)',
  );
  const sections: [string, (p: PointRecord) => string][] = [
    ['all', () => 'all points'],
    ['frequency', (p) => frequencyName(p.frequency)],
    [
      'third of horizon',
      (p) =>
        `${frequencyName(p.frequency)} ${['early', 'mid', 'late'][Math.min(2, Math.floor((3 * (p.step - 1)) / p.h))]}`,
    ],
    ['method chosen', (p) => p.method],
    ['series', (p) => p.series],
  ];
  for (const [title, key] of sections) {
    out(biasHeader(title));
    const g = groupBias(points.map((p) => ({ key: key(p), actual: p.actual, mean: p.mean, scale: p.scale })));
    for (const [k, t] of [...g.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out(biasLine(k, t));
  }
  if (!points.some((p) => p.members)) return;
  const memberRows = (key: (p: PointRecord, m: MemberPoint) => string) =>
    points.flatMap((p) =>
      (p.members ?? []).map((m) => ({ key: key(p, m), actual: p.actual, mean: m.mean, scale: p.scale })),
    );
  out(biasHeader('member (own forecast)'));
  for (const [k, t] of [...groupBias(memberRows((_, m) => m.kind)).entries()].sort()) out(biasLine(k, t));
  out(biasHeader('member by frequency'));
  for (const [k, t] of [
    ...groupBias(memberRows((p, m) => `${m.kind} ${frequencyName(p.frequency)}`)).entries(),
  ].sort())
    out(biasLine(k, t));
  out(biasHeader('ETS / ARIMA form'));
  // ETS by trend form; ARIMA by d, D and whether it carries a drift / mean.
  const form = (m: MemberPoint): string => {
    if (m.kind === 'ets') return `ets trend ${m.label.split(',')[1]}`;
    if (m.kind !== 'arima') return m.kind;
    const d = /^ARIMA\(\d,(\d),\d\)/.exec(m.label)?.[1] ?? '?';
    const sd = /\)\(\d,(\d),\d\)/.exec(m.label)?.[1] ?? '0';
    const c = m.label.includes('drift') ? ' drift' : m.label.includes('mean') ? ' mean' : '';
    return `arima d=${d} D=${sd}${c}`;
  };
  for (const [k, t] of [...groupBias(memberRows((_, m) => form(m))).entries()].sort()) out(biasLine(k, t));
}

function frequencyName(f: number): string {
  return f === 12 ? 'monthly' : f === 4 ? 'quarterly' : f === 1 ? 'yearly' : `period ${f}`;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const series = loadSeries(args.source);
  const points: Record<Method, PointRecord[]> = { pacer: [], naive: [], snaive: [] };
  const windows: WindowRecord[] = [];
  const started = performance.now();
  for (const s of series) {
    const n = s.values.length;
    const minimumTrain = Math.max(s.frequency > 1 ? 2 * s.frequency : 8, 8) + s.h;
    // originBack = how many points after the origin exist; the benchmark split is originBack = h.
    for (let back = s.h + args.horizons * s.h - 1; back >= 1; back--) {
      const origin = n - back;
      if (origin < minimumTrain) continue;
      // Only origins whose window is complete, plus the partial windows at the very end.
      const train = s.values.slice(0, origin);
      const actual = s.values.slice(origin, origin + s.h);
      if (actual.length < s.h && back > s.h) continue;
      const lag = s.frequency > 1 && train.length > s.frequency ? s.frequency : 1;
      let scale = 0;
      for (let t = lag; t < train.length; t++) scale += Math.abs(train[t]! - train[t - lag]!);
      scale = scale / (train.length - lag) || 1;
      const result = forecastSeries(train, { h: s.h, frequency: s.frequency, seed: 1, pathCount: 0 });
      const method = describeMethod(result.method);
      const members = args.members ? memberForecasts(train, s.h, s.frequency) : null;
      const bands: Record<Method, ForecastBands> = {
        pacer: result,
        naive: naiveBands(train, s.h),
        snaive: snaiveBands(train, s.h, s.frequency),
      };
      for (const m of METHODS) {
        const b = bands[m];
        actual.forEach((a, j) => {
          points[m].push({
            series: s.name,
            frequency: s.frequency,
            originBack: back,
            step: j + 1,
            h: s.h,
            actual: a,
            mean: b.mean[j]!,
            lo80: b.lo80[j]!,
            hi80: b.hi80[j]!,
            lo95: b.lo95[j]!,
            hi95: b.hi95[j]!,
            scale,
            method,
            ...(m === 'pacer' && members ? { members: members[j]! } : {}),
          });
        });
      }
      if (actual.length === s.h) {
        const mase = {} as Record<Method, number>;
        const smape = {} as Record<Method, number>;
        for (const m of METHODS) {
          mase[m] = computeMase(train, actual, bands[m].mean.slice(0, actual.length), s.frequency);
          smape[m] = computeSmape(actual, bands[m].mean.slice(0, actual.length));
        }
        windows.push({ series: s.name, frequency: s.frequency, originBack: back, mase, smape });
      }
    }
  }
  const secs = (performance.now() - started) / 1000;
  const out = (line = ''): void => {
    process.stdout.write(`${line}\n`);
  };
  const forecasts = new Set(points.pacer.map((p) => `${p.series}@${p.originBack}`)).size;
  out(
    `== interval calibration study (source: ${args.source}; ${series.length} series, ${forecasts} forecasts, ` +
      `${points.pacer.length} points; origins over the last ${args.horizons + 1} horizons; ${secs.toFixed(1)} s)`,
  );
  out('hi/lo = share of points above / below the band; needNN = factor the half-widths would need');
  out('(quantile of |actual - mean| / half-width on the side of the miss; 1 = calibrated, > 1 too narrow)');
  out(
    'MSISnn = mean interval score (width + 2/alpha × miss) / in-sample seasonal-naive MAE; lower is better',
  );
  for (const m of METHODS) {
    out();
    out(`-- ${m}: pooled and by frequency`);
    out(tallyHeader('group'));
    const all = newTally();
    for (const p of points[m]) addPoint(all, p);
    out(tallyLine('all points', all));
    // Series-weighted (as the benchmark averages series): mean of per-series coverage.
    const bySeries = groupTally(points[m], (p) => p.series);
    const seriesCov80 = [...bySeries.values()].map((t) => t.in80 / t.n);
    const seriesCov95 = [...bySeries.values()].map((t) => t.in95 / t.n);
    const mean = (a: readonly number[]): number => a.reduce((x, v) => x + v, 0) / a.length;
    out(
      `${pad('series mean', 16)}${lpad(bySeries.size, 7)}${lpad(fmt(mean(seriesCov80)), 7)}${lpad('', 20)}${lpad(fmt(mean(seriesCov95)), 7)}`,
    );
    const ci = bootstrapCoverage([...bySeries.values()]);
    out(
      `${pad('  90% CI', 16)}${lpad('', 7)}  ${fmt(ci.cov80[0], 2)}-${fmt(ci.cov80[1], 2)}${lpad('', 17)}  ${fmt(ci.cov95[0], 2)}-${fmt(ci.cov95[1], 2)}` +
        '   (pooled coverage, series resampled with replacement)',
    );
    for (const [f, t] of [...groupTally(points[m], (p) => p.frequency).entries()].sort((a, b) => b[0] - a[0]))
      out(tallyLine(frequencyName(f), t));
    if (m !== 'pacer') continue;
    out();
    out('-- pacer: by step ahead (all frequencies), then by third of the horizon per frequency');
    out(tallyHeader('step'));
    for (const [k, t] of [...groupTally(points[m], (p) => p.step).entries()].sort((a, b) => a[0] - b[0]))
      out(tallyLine(`step ${k}`, t));
    out(tallyHeader('frequency/part'));
    const part = (p: PointRecord): number => Math.min(2, Math.floor((3 * (p.step - 1)) / p.h));
    const parts = groupTally(points[m], (p) => `${p.frequency}|${part(p)}`);
    for (const f of [12, 4, 1])
      for (let k = 0; k < 3; k++) {
        const t = parts.get(`${f}|${k}`);
        if (t) out(tallyLine(`${frequencyName(f)} ${['early', 'mid', 'late'][k]}`, t));
      }
    out();
    out('-- pacer: by origin block (0 = the benchmark split and the partial windows after it)');
    out(tallyHeader('block'));
    const block = (p: PointRecord): number => Math.max(0, Math.floor((p.originBack - 1) / p.h) - 0);
    for (const [k, t] of [...groupTally(points[m], block).entries()].sort((a, b) => a[0] - b[0]))
      out(tallyLine(`back ${k}h`, t));
    out();
    out('-- pacer: by series');
    out(tallyHeader('series'));
    for (const [k, t] of bySeries) out(tallyLine(k.slice(0, 16), t));
    printBias(points[m], out);
  }
  out();
  out('-- accuracy over complete windows (mean over windows; ratio = mean of pacer / mean of baseline)');
  const mean = (a: readonly number[]): number => a.reduce((x, v) => x + v, 0) / a.length;
  out(
    pad('group', 12) +
      lpad('windows', 8) +
      METHODS.map((m) => lpad(`MASE ${m}`, 13)).join('') +
      METHODS.map((m) => lpad(`sMAPE ${m}`, 14)).join('') +
      lpad('MASE/snaive', 12) +
      lpad('sMAPE/snaive', 13),
  );
  for (const [label, pick] of [
    ['all', () => true],
    ['monthly', (w: WindowRecord) => w.frequency === 12],
    ['quarterly', (w: WindowRecord) => w.frequency === 4],
    ['yearly', (w: WindowRecord) => w.frequency === 1],
  ] as const) {
    const ws = windows.filter(pick);
    if (ws.length === 0) continue;
    const mase = METHODS.map((m) => mean(ws.map((w) => w.mase[m])));
    const smape = METHODS.map((m) => mean(ws.map((w) => w.smape[m])));
    out(
      pad(label, 12) +
        lpad(ws.length, 8) +
        mase.map((v) => lpad(fmt(v), 13)).join('') +
        smape.map((v) => lpad(fmt(v, 2), 14)).join('') +
        lpad(fmt(mase[0]! / mase[2]!), 12) +
        lpad(fmt(smape[0]! / smape[2]!), 13),
    );
  }
  if (args.json) {
    writeFileSync(args.json, JSON.stringify({ source: args.source, points, windows }, null, 1));
    out(`\npoints and windows written to ${args.json}`);
  }
}

main();
