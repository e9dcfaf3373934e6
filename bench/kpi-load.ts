/**
 * KPI reads at scale and under load (BENCHMARKS.md, issue 11), against a real `pacer start` on
 * loopback with an API token:
 *  1. cold queries: every sales KPI × grain × breakdown once (12 months; each question computed, not
 *     cached), p50 and p95, and the slowest; then again with each window a day earlier in the same
 *     server (computed too, but not the first question of its kind since the start);
 *  2. load: 50 connections in a bounded loop, a mix of KPI questions against /api/health alone, in the
 *     same run — once with the mix cached (a dashboard many people open) and once uncached (every
 *     request a new period, so each is computed);
 *  3. the cached and the uncached mix again, in turns, while a 1M-line import runs into the same database;
 *  4. EXPLAIN QUERY PLAN of the slowest statement of the slowest question.
 *
 *   npx tsx bench/kpi-load.ts [--lines 1000000] [--seconds 10] [--connections 50] [--grains month,week,quarter]
 *     [--cold-only] [--metrics customers,new_customers,...] [--explain "clv month member_tier"] [--postgres]
 *
 * `--cold-only` skips 2 and 3 (the cold questions and the EXPLAIN only); `--metrics` limits the KPIs;
 * `--explain` names the question whose slowest statement is explained (default: the slowest question).
 * `--postgres` runs everything against PostgreSQL: a cluster of its own in .tmp/kpi-load/tiers/pg-db[-<lines>]-cluster/
 * (made on the first run, kept, started and stopped by each run), reached through DATABASE_URL; its
 * EXPLAIN is `EXPLAIN (ANALYZE, BUFFERS)`.
 *
 * Data: the demo shop (about 2,000 member customers, three years, each member given a tier), one order
 * id per line, date order (bench/order-variants.ts), imported through the CLI into .tmp/kpi-load/tiers/
 * (past 1M lines, as date-ordered files of 1M lines each, imported one after another: `--lines
 * 10000000`).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  type WriteStream,
} from 'node:fs';
import http from 'node:http';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { KpiQuery } from '../src/core/kpi/types.ts';
import { PG_READ_SETTINGS } from '../src/db/connect.ts';
import {
  findPostgresBin,
  type PostgresCluster,
  startKeptPostgresCluster,
} from '../test/support/postgres-cluster.ts';
import { buildCliBundle } from './cli-bundle.ts';
import { runStatement, type StatementDatabase, timedStatements } from './kpi-statement-times.ts';
import { orderedVariant } from './order-variants.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LINES = opt('lines', 1_000_000);
/** `--postgres`: the same run against PostgreSQL (a cluster kept in .tmp/kpi-load/tiers/pg-db…). */
const POSTGRES = args.includes('--postgres');
const SECONDS = opt('seconds', 10);
const CONNECTIONS = opt('connections', 50);
const root = resolve(import.meta.dirname, '..');
// The demo file in .tmp/kpi-load, everything made from it (with tiers) in .tmp/kpi-load/tiers.
const cache = join(root, '.tmp', 'kpi-load');
const work = join(cache, 'tiers');
const PACER = join(root, 'bin', 'pacer.js');
buildCliBundle(root);
const PORT = 3900 + Math.floor(Math.random() * 90);
mkdirSync(work, { recursive: true });

function pacer(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [PACER, ...argv], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`pacer ${argv.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const pct = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

// --- data -------------------------------------------------------------------------------------
/** A file holds at most 1,048,575 lines: more lines come as several date-ordered parts. */
const PART = 1_000_000;
const demo = join(cache, `members-${LINES}.csv`);
if (!existsSync(demo))
  pacer([
    'demo-data',
    demo,
    '--scale',
    String(Math.max(6, Math.ceil((6 * LINES) / PART))),
    '--limit',
    String(LINES),
    '--members',
    '2000',
  ]);
/**
 * The demo file with each member's tier (會員等級): a breakdown or filter by a customer segment then
 * has groups to tell apart (the demo file has none: every customer in one group). Six in ten members
 * 一般, three 銀卡, one 金卡, by member number; walk-ins none.
 */
async function withTiers(source: string, target: string): Promise<string> {
  if (existsSync(target)) return target;
  const input = createInterface({
    input: createReadStream(source, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const out = createWriteStream(`${target}.part`);
  let header = true;
  for await (const line of input) {
    if (line.length === 0) continue;
    let row: string;
    if (header) {
      row = `${line},會員等級`;
      header = false;
    } else {
      const member = line.split(',')[9] ?? '';
      const n = Number(member.replace(/\D/g, '')) % 10;
      row = `${line},${member === '' ? '' : n < 6 ? '一般' : n < 9 ? '銀卡' : '金卡'}`;
    }
    if (!out.write(`${row}\n`)) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done) => out.end(done));
  renameSync(`${target}.part`, target);
  return target;
}
const base = await withTiers(demo, join(work, `members-tiers-${LINES}.csv`));
const parts = LINES <= PART ? [orderedVariant(work, LINES, base, 'date')] : await splitInParts(base, LINES);
// The import while loaded (3.): the 1M-line shuffled file (read whole, so not past 1M lines).
const again = orderedVariant(
  work,
  Math.min(LINES, PART),
  LINES <= PART ? base : (parts[0] as string),
  'shuffled',
);
const data = join(work, `${POSTGRES ? 'pg-' : ''}${LINES === PART ? 'db' : `db-${LINES}`}`);
// PostgreSQL: a cluster of this size's own, kept between runs (its database imported once); every
// pacer command and the server reach it through DATABASE_URL.
let cluster: PostgresCluster | null = null;
let pgPool: pg.Pool | null = null;
if (POSTGRES) {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error('--postgres: no PostgreSQL binaries in /usr/lib/postgresql (apt-get install postgresql)');
  cluster = await startKeptPostgresCluster(bin, `${data}-cluster`);
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  // A database not imported to the end (no READY) is made again.
  if (!existsSync(join(data, 'READY'))) await admin.query('DROP DATABASE IF EXISTS pacer_bench WITH (FORCE)');
  const there = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'pacer_bench'`);
  if (there.rowCount === 0) await admin.query('CREATE DATABASE pacer_bench');
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = '/pacer_bench';
  process.env.DATABASE_URL = url.toString();
  // The KPI read pool's session settings: the EXPLAIN below shows the plan the server runs.
  pgPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, options: PG_READ_SETTINGS });
}
const stopCluster = async () => {
  await pgPool?.end();
  cluster?.stop();
};
const ready = join(data, 'READY');
if (!existsSync(ready)) {
  rmSync(data, { recursive: true, force: true });
  const env = { ...process.env, PACER_PASSWORD: 'bench secret 2026' };
  pacer(['user', 'create', '--email', 'bench@example.com', '--name', 'Bench', '--data', data], env);
  pacer(['company', 'create', '--name', 'Bench', '--owner', 'bench@example.com', '--data', data]);
  pacer(['company', 'create', '--name', 'Other', '--owner', 'bench@example.com', '--data', data]);
  const t = performance.now();
  for (const part of parts) {
    const p = performance.now();
    pacer(['import', 'sales', part, '--data', data, '--company', 'Bench', '--json']);
    if (parts.length > 1) console.log(`  ${part}: ${((performance.now() - p) / 1000).toFixed(1)} s`);
  }
  console.log(
    `imported ${LINES.toLocaleString('en')} lines in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  // (On PostgreSQL no pacer command makes the folder: the READY mark needs it.)
  mkdirSync(data, { recursive: true });
  spawnSync('touch', [ready]);
}

/**
 * The demo file (date order) as files of PART lines each, one order id per line (as orderedVariant
 * numbers them), streamed: a 10M-line file does not fit in one string.
 */
async function splitInParts(source: string, lines: number): Promise<string[]> {
  const names = Array.from({ length: Math.ceil(lines / PART) }, (_, i) =>
    join(work, `orders-${lines}-date-part${i + 1}.csv`),
  );
  if (names.every((n) => existsSync(n))) return names;
  const input = createInterface({
    input: createReadStream(source, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header = '';
  let n = 0;
  let out: WriteStream | null = null;
  const close = (w: WriteStream) => new Promise<void>((done) => w.end(done));
  for await (const line of input) {
    if (header === '') {
      header = line;
      continue;
    }
    if (line.length === 0) continue;
    if (n % PART === 0) {
      if (out) await close(out);
      out = createWriteStream(names[n / PART] as string);
      out.write(`${header}\n`);
    }
    n += 1;
    const comma = line.indexOf(',', line.indexOf(',') + 1);
    if (!(out as WriteStream).write(`O${String(n).padStart(9, '0')},1${line.slice(comma)}\n`))
      await new Promise<void>((done) => (out as WriteStream).once('drain', () => done()));
  }
  if (out) await close(out);
  return names;
}
const token = (
  JSON.parse(
    pacer([
      'token',
      'create',
      '--data',
      data,
      '--company',
      'Bench',
      '--user',
      'bench@example.com',
      '--name',
      `load ${Date.now()}`,
      '--json',
    ]),
  ) as { token: string; companyId: string }
).token;
const companyId = (
  JSON.parse(pacer(['company', 'list', '--data', data, '--json'])) as { id: string; name: string }[]
).find((c) => c.name === 'Bench')?.id as string;

// --- server -----------------------------------------------------------------------------------
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
function get(path: string): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = http.get(
      { host: '127.0.0.1', port: PORT, path, agent, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => done({ status: res.statusCode ?? 0, ms: performance.now() - started, body }));
      },
    );
    req.on('error', fail);
    req.setTimeout(90_000, () => req.destroy(new Error('timeout')));
  });
}

/** Node flags for the server (`BENCH_SERVER_NODE_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/p'`: a CPU profile of it). */
const SERVER_FLAGS = (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean);

async function startServer(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      ...SERVER_FLAGS,
      PACER,
      'start',
      '--data',
      data,
      '--port',
      String(PORT),
      '--no-demo',
      '--no-web',
      '--log-level',
      'error',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  for (let i = 0; i < 300; i++) {
    const ok = await get('/api/health').then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

// --- questions --------------------------------------------------------------------------------
const ALL_METRICS = [
  'revenue',
  'orders',
  'aov',
  'units',
  'customers',
  'new_customers',
  'retention_rate',
  'churn_rate',
  'repeat_purchase_rate',
  'clv',
] as const;
const METRICS: readonly string[] = args.includes('--metrics')
  ? String(args[args.indexOf('--metrics') + 1]).split(',')
  : ALL_METRICS;
const COLD_ONLY = args.includes('--cold-only');
const GRAINS = (
  args.includes('--grains')
    ? String(args[args.indexOf('--grains') + 1]).split(',')
    : ['month', 'week', 'quarter']
) as readonly string[];
const BYS = ['', 'channel', 'product', 'member_tier'] as const;
const LAST = '2026-10-31';
const FIRST = '2025-11-01';
const kpiPath = (metric: string, grain: string, by: string, from = FIRST, to = LAST) =>
  `/api/companies/${companyId}/kpi?metric=${metric}&from=${from}&to=${to}&grain=${grain}${by ? `&by=${by}` : ''}`;

/** 50 workers in a bounded loop for `seconds`; each request from `next`. */
async function load(seconds: number, next: () => string) {
  const until = performance.now() + seconds * 1000;
  const times: number[] = [];
  let errors = 0;
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        try {
          const r = await get(next());
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status !== 200) errors += 1;
          times.push(r.ms);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return { rps: times.length / seconds, p50: pct(times, 50), p99: pct(times, 99), errors, statuses };
}
const fmt = (r: Awaited<ReturnType<typeof load>>) =>
  `${Math.round(r.rps).toLocaleString('en')} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, errors ${r.errors} ${JSON.stringify(Object.fromEntries(r.statuses))}`;

let call = 0;
/** The window ends this many different days (inside the data's three years). */
const ENDS = 540;
/**
 * A window never asked before each call, for the whole run (so the result cache never answers): the
 * mix's question, a window end, and, after every (question, end) pair, a window one day shorter.
 */
const uncached = () => {
  call += 1;
  const q = MIX[call % MIX.length] as [string, string, string];
  const pair = Math.floor(call / MIX.length);
  const d = new Date(Date.UTC(2026, 6, 15) - (pair % ENDS) * 86_400_000).toISOString().slice(0, 10);
  const days = 364 - Math.floor(pair / ENDS);
  const from = new Date(Date.parse(d) - days * 86_400_000).toISOString().slice(0, 10);
  return kpiPath(q[0], q[1], q[2], from, d);
};
const MIX: [string, string, string][] = [
  ['revenue', 'month', ''],
  ['aov', 'month', 'channel'],
  ['orders', 'month', ''],
  ['customers', 'month', ''],
  ['new_customers', 'month', 'channel'],
  ['retention_rate', 'month', ''],
];
let m = 0;
const cached = () => {
  m += 1;
  const q = MIX[m % MIX.length] as [string, string, string];
  return kpiPath(q[0], q[1], q[2]);
};

let slowestQuestion: string | null = null;

async function main() {
  const server = await startServer();
  try {
    // 1. cold: each question once.
    const cold: { q: string; ms: number; status: number }[] = [];
    for (const metric of METRICS)
      for (const grain of GRAINS)
        for (const by of BYS) {
          const started = performance.now();
          const r = await get(kpiPath(metric, grain, by)).catch(() => ({
            status: 0,
            ms: performance.now() - started,
          }));
          cold.push({ q: `${metric} ${grain} ${by || '-'}`, ms: r.ms, status: r.status });
          console.log(`  cold ${metric} ${grain} ${by || '-'}: ${ms(r.ms)} (${r.status})`);
        }
    const coldMs = cold.map((c) => c.ms);
    console.log(
      `cold, ${cold.length} questions (${METRICS.length} KPIs × ${GRAINS.join('/')} × ${BYS.map((b) => b || 'none').join('/')}, 12 months): p50 ${ms(pct(coldMs, 50))}, p95 ${ms(pct(coldMs, 95))}, max ${ms(pct(coldMs, 100))}; non-200: ${cold.filter((c) => c.status !== 200).length}`,
    );
    for (const metric of METRICS) {
      const own = cold.filter((c) => c.q.startsWith(`${metric} `)).map((c) => c.ms);
      console.log(`  ${metric.padEnd(21)} p50 ${ms(pct(own, 50))}, p95 ${ms(pct(own, 95))}`);
    }
    const slowest = [...cold].sort((a, b) => b.ms - a.ms).slice(0, 3);
    slowestQuestion = slowest[0]?.q ?? null;
    console.log(`  slowest: ${slowest.map((s) => `${s.q} ${ms(s.ms)}`).join('; ')}`);
    // 1b. The same questions again in the same (now warm) server, each window a day earlier: still
    // computed (a new question for the cache), but no longer the first of its kind since the start.
    const second: { q: string; ms: number }[] = [];
    const dayBefore = (d: string) => new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10);
    for (const metric of METRICS)
      for (const grain of GRAINS)
        for (const by of BYS) {
          const r = await get(kpiPath(metric, grain, by, dayBefore(FIRST), dayBefore(LAST)));
          second.push({ q: `${metric} ${grain} ${by || '-'}`, ms: r.ms });
        }
    const secondMs = second.map((c) => c.ms);
    const slowestAgain = [...second].sort((a, b) => b.ms - a.ms).slice(0, 3);
    console.log(
      `cold again, warm server (windows a day earlier): p50 ${ms(pct(secondMs, 50))}, p95 ${ms(pct(secondMs, 95))}, max ${ms(pct(secondMs, 100))}; slowest: ${slowestAgain.map((s) => `${s.q} ${ms(s.ms)}`).join('; ')}`,
    );

    if (!COLD_ONLY) {
      // 2. load, /api/health alone, then the mixes.
      const health = await load(SECONDS, () => '/api/health');
      console.log(`load /api/health: ${fmt(health)}`);
      const warm = await load(SECONDS, cached);
      console.log(
        `load KPI mix, cached: ${fmt(warm)}; ${((warm.rps / health.rps) * 100).toFixed(0)} % of health`,
      );
      const fresh = await load(SECONDS, uncached);
      console.log(
        `load KPI mix, uncached: ${fmt(fresh)}; ${((fresh.rps / health.rps) * 100).toFixed(0)} % of health`,
      );

      // 3. the same during a 1M-line import into the same database (another company). Its lines are
      // new to that company on every run (a second run into the same company would only find
      // duplicates): the import is undone after the phase.
      const importer = spawn(
        process.execPath,
        [PACER, 'import', 'sales', again, '--data', data, '--company', 'Other', '--json'],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let report = '';
      importer.stdout?.on('data', (chunk: Buffer) => {
        report += chunk.toString('utf8');
      });
      const finished = new Promise<number>((r) => importer.on('exit', (code) => r(code ?? -1)));
      let importing = true;
      void finished.then(() => {
        importing = false;
      });
      // Windows of the cached mix (the load line's own mix: the import is another company's, so
      // its answers stay valid) and of the uncached mix, one after the other.
      const during: Awaited<ReturnType<typeof load>>[] = [];
      const duringCached: Awaited<ReturnType<typeof load>>[] = [];
      while (importing) {
        duringCached.push(await load(5, cached));
        if (!importing) break;
        during.push(await load(5, uncached));
        if (during.length >= 40) break;
      }
      const code = await finished;
      const result = JSON.parse(report) as { importId: string; added: number };
      if (result.added === 0) throw new Error('the import during load added no lines: not a load');
      pacer(['import-undo', result.importId, '--data', data, '--company', 'Other']);
      const windows = (name: string, list: Awaited<ReturnType<typeof load>>[]) =>
        console.log(
          `during a ${Math.min(LINES, PART).toLocaleString('en')}-line import (exit ${code}, ${result.added.toLocaleString('en')} lines added), ${list.length} × 5 s windows of the ${name} mix: ` +
            list.map((d) => `${Math.round(d.rps)} req/s p99 ${ms(d.p99)} err ${d.errors}`).join(' | '),
        );
      windows('cached', duringCached);
      windows('uncached', during);
    }
  } finally {
    server.kill('SIGTERM');
  }

  // 4. EXPLAIN of the slowest statement of the slowest cold question, on a connection of our own.
  // `--explain "clv month member_tier"`: that question's slowest statement instead.
  const asked = args.includes('--explain') ? String(args[args.indexOf('--explain') + 1]) : null;
  const [metric, grain, by] = (asked ?? slowestQuestion ?? 'customers month -').split(' ') as [
    string,
    string,
    string,
  ];
  const conn = pgPool ? null : new SQLite(join(data, 'pacer.sqlite'), { readonly: true });
  const on: StatementDatabase = conn ? { sqlite: conn } : { postgres: pgPool as pg.Pool };
  const query = { metric, grain, from: FIRST, to: LAST, ...(by === '-' ? {} : { by }) } as KpiQuery;
  const statements = await timedStatements(on, companyId, query);
  const worst = [...statements].sort((a, b) => b.ms - a.ms)[0];
  if (worst) {
    console.log(`slowest statement of "${metric} ${grain} ${by}" (${ms(worst.ms)} here, on one connection):`);
    console.log(worst.sql.replace(/\s+/g, ' ').slice(0, 600));
    const plan = await runStatement(
      on,
      `${conn ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN (ANALYZE, BUFFERS)'} ${worst.sql}`,
      worst.params,
    );
    for (const row of plan) console.log(`  plan: ${String(conn ? row.detail : row['QUERY PLAN'])}`);
  }
  conn?.close();
}

void main()
  .finally(stopCluster)
  .then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
