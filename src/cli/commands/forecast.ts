import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { ForecastResult } from '../../core/forecast/index.ts';

interface ManifestSeries {
  readonly name: string;
  readonly frequency: number;
  readonly h: number;
  readonly file: string;
}

/** Reads the `value` column (last column) of a `period,value` CSV; blanks become missing values. */
function readSeriesCsv(path: string): (number | null)[] {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  return lines.slice(1).map((line) => {
    const cell = (line.split(',').pop() ?? '').replace(/"/g, '').trim();
    if (cell === '' || cell.toUpperCase() === 'NA') return null;
    const v = Number(cell);
    return Number.isFinite(v) ? v : null;
  });
}

function toBandsJson(r: ForecastResult): {
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
} {
  return { mean: r.mean, lo80: r.lo80, hi80: r.hi80, lo95: r.lo95, hi95: r.hi95 };
}

function parseManifest(path: string): ManifestSeries[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const list = (parsed as { series?: unknown }).series;
  if (!Array.isArray(list)) throw new Error(`manifest ${path} has no "series" array`);
  return list.map((s: unknown) => {
    const o = s as Record<string, unknown>;
    const name = String(o.name);
    return {
      name,
      frequency: Number(o.frequency),
      h: Number(o.h),
      file: typeof o.file === 'string' ? o.file : `${name}.csv`,
    };
  });
}

/** `pacer forecast {input} {h} {freq}` and `pacer forecast --batch {manifest} {dir}`: JSON bands on stdout. */
export function registerForecastCommand(program: Command): void {
  program
    .command('forecast')
    .description('Forecast a series (CSV period,value): mean and 80/95 % intervals as JSON')
    .argument('<input>', 'training CSV, or the manifest JSON with --batch')
    .argument('[h]', 'steps ahead (or, with --batch, the folder of training CSVs)')
    .argument('[freq]', 'seasonal period: 12 monthly, 4 quarterly, 1 yearly', '1')
    .option('--batch', 'forecast every series of a manifest {series:[{name,frequency,h,file}]}')
    .option('--method', 'include the chosen method and notes in the output')
    .option('--seed <n>', 'simulation seed', '1')
    .action(
      async (
        input: string,
        second: string | undefined,
        freq: string,
        opts: { batch?: boolean; method?: boolean; seed: string },
      ) => {
        // Loaded on use, so other commands do not pay for the forecasting engine at start-up.
        const { forecastSeries } = await import('../../core/forecast/index.ts');
        const seed = Number(opts.seed) || 1;
        const render = (r: ForecastResult): object =>
          opts.method ? { ...toBandsJson(r), method: r.method, notes: r.notes } : toBandsJson(r);
        if (opts.batch) {
          const dir = second ?? '.';
          const out: Record<string, object> = {};
          for (const s of parseManifest(input)) {
            const r = forecastSeries(readSeriesCsv(join(dir, s.file)), {
              h: s.h,
              frequency: s.frequency,
              seed,
              pathCount: 0,
            });
            out[s.name] = render(r);
          }
          process.stdout.write(`${JSON.stringify(out)}\n`);
          return;
        }
        const h = Number(second);
        if (!Number.isInteger(h) || h < 1) program.error('forecast: h must be a positive integer');
        const r = forecastSeries(readSeriesCsv(input), {
          h,
          frequency: Number(freq) || 1,
          seed,
          pathCount: 0,
        });
        process.stdout.write(`${JSON.stringify(render(r))}\n`);
      },
    );
}
