import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shared benchmark folder (sibling of the repository), used as known reference values. */
export const BENCH_DIR = join(import.meta.dirname, '../../../../shared/bench/forecast');

export interface RefBands {
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

export function readTrain(name: string): number[] {
  return readFileSync(join(BENCH_DIR, 'dev/train', `${name}.csv`), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => Number(l.split(',').pop()));
}

export function readReference(method: string, name: string): RefBands {
  const all = JSON.parse(readFileSync(join(BENCH_DIR, 'reference/forecasts-dev.json'), 'utf8')) as Record<
    string,
    Record<string, RefBands>
  >;
  return all[method]![name]!;
}
