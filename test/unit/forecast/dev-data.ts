import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The forecast dev set vendored from the shared benchmark (test/fixtures/forecast/README.md). */
export const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures/forecast');

export interface RefBands {
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

export function readTrain(name: string): number[] {
  return readFileSync(join(FIXTURE_DIR, 'train', `${name}.csv`), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => Number(l.split(',').pop()));
}

export function readReference(method: string, name: string): RefBands {
  const all = JSON.parse(readFileSync(join(FIXTURE_DIR, 'forecasts-dev.json'), 'utf8')) as Record<
    string,
    Record<string, RefBands>
  >;
  return all[method]![name]!;
}
