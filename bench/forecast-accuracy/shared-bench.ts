import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shared forecast benchmark folder, next to the repository. */
export const BENCH_DIR = join(import.meta.dirname, '../../../shared/bench/forecast');
export const REPO_DIR = join(import.meta.dirname, '../..');

/** One series of the dev manifest. */
export interface ManifestEntry {
  readonly name: string;
  readonly frequency: number;
  readonly h: number;
}

export function readManifest(): ManifestEntry[] {
  const m = JSON.parse(readFileSync(join(BENCH_DIR, 'dev/manifest.json'), 'utf8')) as {
    series: ManifestEntry[];
  };
  return m.series;
}

/** Reads the value column of a `period,value` CSV. */
export function readSeries(folder: 'train' | 'series', name: string): number[] {
  return readFileSync(join(BENCH_DIR, 'dev', folder, `${name}.csv`), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => Number(l.split(',').pop()));
}
