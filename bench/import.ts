/**
 * Import benchmark (BENCHMARKS.md): a 1,000,000-line sales CSV (the demo generator, Chinese headers)
 * through `pacer import` into a fresh SQLite database — validation, dimensions, de-duplication and
 * roll-ups included — against the sqlite3 shell's `.import` of the same file into a bare table, in
 * the same run; then the re-import; then a 200,000-line XLSX. Peak RSS from /usr/bin/time -v.
 *
 *   npx tsx bench/import.ts [--lines 1000000] [--xlsx-lines 200000] [--runs 3] [--scale 5]
 *   npx tsx bench/import.ts --orders [--lines 1000000] [--runs 3] [--only date,customer]
 *   npx tsx bench/import.ts --orders --postgres [--runs 3] [--only date,shuffled]
 *
 * `--orders`: the same shop's lines (about 2,000 member customers), one order id per line, written in
 * five line orders — by date, reverse, by customer, by product, shuffled — each imported against
 * `.import` of the same file in the same run (lines/s, ratio, peak RSS per order).
 *
 * The shared machine is noisy: the `.import` baseline and each pacer import run `--runs` times,
 * alternating, each into a fresh database; medians are quoted, with every run listed.
 *
 * `--postgres`: the same line orders into PostgreSQL (DATABASE_URL), against `psql`'s `\copy` of the
 * same file into a bare table of text columns, in the same run (BENCHMARKS.md: ≥ 30 %). Both go to a
 * cluster of the bench's own, kept in .tmp/bench-import/pg-cluster with PostgreSQL's default durability
 * settings; every run gets a fresh database.
 *
 * Needs the sqlite3 shell (apt-get install sqlite3) and GNU time (apt-get install time).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { findPostgresBin, startKeptPostgresCluster } from '../test/support/postgres-cluster.ts';
import { buildCliBundle } from './cli-bundle.ts';
import { orderedVariant } from './order-variants.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LINES = arg('lines', 1_000_000);
const XLSX_LINES = arg('xlsx-lines', 200_000);
const RUNS = arg('runs', 3);
/** The demo shop's scale: 5 gives ≈ 325k lines a year; 51 gives 10M lines in about three years. */
const SCALE = arg('scale', 5);
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const root = resolve(import.meta.dirname, '..');
const work = join(root, '.tmp', 'bench-import');
const PACER = join(root, 'bin', 'pacer.js');
buildCliBundle(root);
mkdirSync(work, { recursive: true });

function sh(cmd: string, argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`);
  return r;
}

/** Runs a command under GNU time; returns wall seconds and peak RSS in MB. */
function timed(argv: string[]) {
  const started = performance.now();
  const r = sh('/usr/bin/time', ['-v', ...argv]);
  const seconds = (performance.now() - started) / 1000;
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  return { seconds, rssMb: rss, stdout: r.stdout };
}

function dataset(file: string, lines: number) {
  if (existsSync(file)) return;
  // The demo shop at SCALE, cut at `lines` (the generator picks enough days).
  sh(process.execPath, [
    PACER,
    'demo-data',
    file,
    '--scale',
    String(SCALE),
    '--limit',
    String(lines),
    '--members',
    '150000',
  ]);
}

function freshDb(name: string) {
  const data = join(work, name);
  rmSync(data, { recursive: true, force: true });
  const env = { ...process.env, PACER_PASSWORD: 'bench secret 2026' };
  sh(
    process.execPath,
    [PACER, 'user', 'create', '--email', 'bench@example.com', '--name', 'Bench', '--data', data],
    env,
  );
  sh(process.execPath, [
    PACER,
    'company',
    'create',
    '--name',
    'Bench',
    '--owner',
    'bench@example.com',
    '--data',
    data,
  ]);
  return data;
}

if (args.includes('--orders')) {
  const i = args.indexOf('--only');
  const orders =
    i >= 0 ? String(args[i + 1]).split(',') : ['date', 'reverse', 'customer', 'product', 'shuffled'];
  const base = join(work, `members-${LINES}.csv`);
  if (!existsSync(base))
    sh(process.execPath, [
      PACER,
      'demo-data',
      base,
      '--scale',
      '6',
      '--limit',
      String(LINES),
      '--members',
      '2000',
    ]);
  const bare = join(work, 'bare.sqlite');
  const postgres = args.includes('--postgres') ? await benchPostgres() : null;
  try {
    for (const order of orders) {
      const file = orderedVariant(work, LINES, base, order);
      const lines = readFileSync(file, 'utf8').split('\n').length - 2;
      const baseRuns: number[] = [];
      const runs: { seconds: number; rssMb: number; added: number }[] = [];
      for (let run = 0; run < RUNS; run++) {
        if (postgres) {
          baseRuns.push(await postgres.copy(file));
          process.env.DATABASE_URL = await postgres.freshDatabase('pacer_orders');
        } else {
          rmSync(bare, { force: true });
          baseRuns.push(timed(['sqlite3', bare, '.mode csv', `.import ${file} sales`]).seconds);
        }
        const data = freshDb('orders');
        const r = timed([process.execPath, PACER, 'import', 'sales', file, '--data', data, '--json']);
        runs.push({ ...r, added: (JSON.parse(r.stdout) as { added: number }).added });
      }
      const rate = lines / median(runs.map((r) => r.seconds));
      const baseRate = lines / median(baseRuns);
      const baseName = postgres ? '\\copy' : '.import';
      console.log(
        `${order.padEnd(8)} ${lines} lines: ${Math.round(rate).toLocaleString('en')} lines/s (runs ${runs.map((r) => r.seconds.toFixed(2)).join(', ')} s), ` +
          `${baseName} ${Math.round(baseRate).toLocaleString('en')} lines/s (runs ${baseRuns.map((s) => s.toFixed(2)).join(', ')} s), ` +
          `ratio ${(rate / baseRate).toFixed(2)}, ` +
          `peak RSS ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} MB, added ${runs.map((r) => r.added).join('/')}`,
      );
    }
  } finally {
    await postgres?.stop();
  }
  process.exit(0);
}

/**
 * `--postgres`: the bench's own cluster (kept between runs, default durability settings), a fresh
 * database per run, and `psql`'s `\copy` of a file into a bare table of 14 text columns.
 */
async function benchPostgres() {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error('--postgres: no PostgreSQL binaries in /usr/lib/postgresql (apt-get install postgresql)');
  const cluster = await startKeptPostgresCluster(bin, join(work, 'pg-cluster'));
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  const freshDatabase = async (name: string) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(cluster.url);
    url.pathname = `/${name}`;
    return url.toString();
  };
  return {
    freshDatabase,
    async copy(file: string) {
      const url = await freshDatabase('bare_copy');
      const columns = Array.from({ length: 14 }, (_, i) => `c${i} text`).join(', ');
      sh(join(bin, 'psql'), [url, '-q', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE TABLE sales (${columns})`]);
      const started = performance.now();
      sh(join(bin, 'psql'), [
        url,
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy sales from '${file}' csv header`,
      ]);
      return (performance.now() - started) / 1000;
    },
    async stop() {
      await admin.end();
      cluster.stop();
    },
  };
}

const csv = join(work, SCALE === 5 ? `sales-${LINES}.csv` : `sales-${LINES}-s${SCALE}.csv`);
const xlsx = join(work, `sales-${XLSX_LINES}.xlsx`);
dataset(csv, LINES);
dataset(xlsx, XLSX_LINES);
console.log(
  `data: ${csv} (${(statSync(csv).size / 1e6).toFixed(0)} MB), ${xlsx} (${(statSync(xlsx).size / 1e6).toFixed(0)} MB)`,
);

const bare = join(work, 'bare.sqlite');
const baseRuns: number[] = [];
const firstRuns: { seconds: number; inImport: number; rssMb: number; added: number }[] = [];
let data = '';
for (let run = 0; run < RUNS; run++) {
  rmSync(bare, { force: true });
  baseRuns.push(timed(['sqlite3', bare, '.mode csv', `.import ${csv} sales`]).seconds);
  data = freshDb('csv');
  const r = timed([process.execPath, PACER, 'import', 'sales', csv, '--data', data, '--json']);
  const out = JSON.parse(r.stdout) as { added: number; seconds: number };
  firstRuns.push({ seconds: r.seconds, inImport: out.seconds, rssMb: r.rssMb, added: out.added });
}
const baseSeconds = median(baseRuns);
const baseRate = LINES / baseSeconds;
console.log(
  `sqlite3 .import (bare table): median ${baseSeconds.toFixed(2)} s, ${Math.round(baseRate).toLocaleString('en')} lines/s ` +
    `(runs: ${baseRuns.map((x) => x.toFixed(2)).join(', ')} s)`,
);
const firstSeconds = median(firstRuns.map((r) => r.seconds));
const rate = LINES / firstSeconds;
console.log(
  `pacer import CSV: median ${firstSeconds.toFixed(2)} s wall (${median(firstRuns.map((r) => r.inImport)).toFixed(2)} s in the import), ` +
    `${Math.round(rate).toLocaleString('en')} lines/s wall; added ${firstRuns.map((r) => r.added).join(', ')}; ` +
    `peak RSS max ${Math.max(...firstRuns.map((r) => r.rssMb)).toFixed(0)} MB; ratio to .import ${(rate / baseRate).toFixed(2)} ` +
    `(runs: ${firstRuns.map((r) => r.seconds.toFixed(2)).join(', ')} s)`,
);
const again = timed([process.execPath, PACER, 'import', 'sales', csv, '--data', data, '--json']);
const againOut = JSON.parse(again.stdout) as { added: number; duplicates: number };
console.log(
  `re-import: ${again.seconds.toFixed(2)} s, added ${againOut.added}, duplicates ${againOut.duplicates}, peak RSS ${again.rssMb.toFixed(0)} MB`,
);

const xdata = freshDb('xlsx');
const x = timed([process.execPath, PACER, 'import', 'sales', xlsx, '--data', xdata, '--json']);
const xOut = JSON.parse(x.stdout) as { added: number; seconds: number };
console.log(
  `pacer import XLSX: ${x.seconds.toFixed(2)} s wall, ${Math.round(XLSX_LINES / x.seconds).toLocaleString('en')} lines/s, added ${xOut.added}, peak RSS ${x.rssMb.toFixed(0)} MB`,
);
