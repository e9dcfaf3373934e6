/**
 * KPI query benchmark at 10M sales lines (BENCHMARKS.md: revenue by month × product over 12 months,
 * p95 ≤ 50 ms through the API).
 *
 *   nice npx tsx bench/kpi-query.ts [--scale 51] [--members 150000] [--runs 60] [--rebuild-db]
 *
 * Builds (once, cached in .tmp/kpi-bench/) a SQLite database with the demo generator at the given
 * scale, inserting lines with better-sqlite3 prepared statements in large transactions; then times
 * rebuildAllRollups, and measures the query through buildApp + inject() with an API token.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createUser } from '../src/app/auth/accounts.ts';
import { createCompanyForUser } from '../src/app/company/companies.ts';
import { saveProfile } from '../src/app/company/profile.ts';
import { issueApiToken } from '../src/app/team/api-tokens.ts';
import {
  buildDemoCatalog,
  computeDemoHistoryPeriod,
  DEMO_COMPANY_PROFILE,
  DEMO_SEED,
  generateDemoSales,
} from '../src/core/demo/index.ts';
import { createDemoHistoryWriter } from '../src/db/demo-history-writer.ts';
import { rebuildAllRollups } from '../src/db/kpi/refresh-sales-rollups.ts';
import { openRuntime, type Runtime } from '../src/db/runtime.ts';
import { tenantOf } from '../src/db/tenants.ts';
import { buildApp } from '../src/server/build-app.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SCALE = opt('scale', 51);
const MEMBERS = opt('members', 150_000);
const RUNS = opt('runs', 60);
const TODAY = '2026-11-27';
const dir = resolve(`.tmp/kpi-bench-s${SCALE}-m${MEMBERS}`);
const ready = join(dir, 'READY');
const EMAIL = 'bench@pacer.local';
const PASSWORD = 'pacer-bench-2026';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function buildDatabase(rt: Runtime): Promise<void> {
  const started = Date.now();
  const ctx = rt.ctx;
  const user = await createUser(ctx, { email: EMAIL, password: PASSWORD, name: 'Bench', locale: 'en' });
  const company = await createCompanyForUser(ctx, user.id, '示範咖啡店 (bench)');
  await saveProfile(
    ctx,
    { userId: user.id, tokenCompanyId: null },
    company.id,
    { ...DEMO_COMPANY_PROFILE },
    0,
  );
  const period = computeDemoHistoryPeriod(TODAY);
  const catalog = buildDemoCatalog(DEMO_SEED, { ...period, members: MEMBERS });
  // The catalog through the demo writer (no lines), then the lines straight through better-sqlite3.
  await createDemoHistoryWriter(rt.database).writeHistory(
    company.id,
    catalog,
    [],
    () => {},
    () => ({
      marketing: [],
      satisfaction: [],
    }),
  );
  const sqlite = rt.database.sqlite;
  if (!sqlite) throw new Error('the benchmark builds a SQLite database');
  sqlite.pragma('synchronous = OFF');
  const ids = (table: string, key = 'name') =>
    new Map(
      (
        sqlite.prepare(`SELECT id, ${key} AS k FROM ${table} WHERE company_id = ?`).all(company.id) as {
          id: number;
          k: string;
        }[]
      ).map((r) => [r.k, r.id]),
    );
  const products = ids('products');
  const channels = ids('channels');
  const regions = ids('regions');
  const reps = ids('sales_reps');
  const customers = ids('customers', 'code');
  const insert = sqlite.prepare(
    `INSERT INTO sales_lines (company_id, order_id, line_no, sold_at, sale_date, product_id, customer_id, channel_id,
      rep_id, region_id, quantity, unit_price_minor, discount_minor, amount_minor, currency, campaign_code, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const lookup = (m: Map<string, number>, k: string | null) => (k === null ? null : (m.get(k) ?? null));
  let batch: unknown[][] = [];
  let total = 0;
  const flush = sqlite.transaction((rows: unknown[][]) => {
    for (const r of rows) insert.run(r);
  });
  for (const l of generateDemoSales(catalog, { seed: DEMO_SEED, ...period, scale: SCALE })) {
    batch.push([
      company.id,
      l.orderId,
      l.lineNo,
      l.soldAt,
      l.saleDate,
      products.get(l.product),
      lookup(customers, l.customer),
      lookup(channels, l.channel),
      lookup(reps, l.rep),
      lookup(regions, l.region),
      l.quantity,
      l.unitPriceMinor,
      l.discountMinor,
      l.amountMinor,
      l.currency,
      l.campaignCode,
    ]);
    if (batch.length >= 200_000) {
      flush(batch);
      total += batch.length;
      batch = [];
      process.stderr.write(`\r${total.toLocaleString('en')} lines, ${seconds(Date.now() - started)}`);
    }
  }
  flush(batch);
  total += batch.length;
  process.stderr.write(`\n`);
  console.log(
    `built ${total.toLocaleString('en')} lines (${period.start} … ${period.end}) in ${seconds(Date.now() - started)}`,
  );
  sqlite.pragma('synchronous = FULL');
  writeFileSync(ready, `${total}\n`);
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

async function main(): Promise<void> {
  if (args.includes('--rebuild-db')) rmSync(dir, { recursive: true, force: true });
  if (existsSync(dir) && !existsSync(ready)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rt = await openRuntime({ dataDir: dir });
  try {
    if (!existsSync(ready)) await buildDatabase(rt);
    const db = rt.database.db;
    const company = await db.selectFrom('companies').select('id').executeTakeFirstOrThrow();
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', EMAIL)
      .executeTakeFirstOrThrow();
    const lines = await db
      .selectFrom('sales_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantOf(company.id))
      .executeTakeFirstOrThrow();
    console.log(`database: ${rt.database.location}, ${Number(lines.n).toLocaleString('en')} sales lines`);

    if (!args.includes('--skip-rollups')) {
      const t = Date.now();
      await db.transaction().execute((trx) => rebuildAllRollups(trx, company.id));
      console.log(
        `rebuildAllRollups (all ${Number(lines.n).toLocaleString('en')} lines): ${seconds(Date.now() - t)}`,
      );
    }
    for (const table of ['kpi_sales_daily', 'kpi_sales_monthly', 'kpi_customer_first'] as const) {
      const n = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      console.log(`  ${table}: ${Number(n.n).toLocaleString('en')} rows`);
    }
    // The import pipeline's path: refresh one day's range inside a transaction.
    {
      const t = Date.now();
      await db
        .transaction()
        .execute((trx) =>
          import('../src/db/kpi/refresh-sales-rollups.ts').then((m) =>
            m.refreshSalesRollups(trx, company.id, '2026-10-01', '2026-10-07'),
          ),
        );
      console.log(`refreshSalesRollups of one week (2026-10-01 … 07): ${Date.now() - t} ms`);
    }

    const token = await issueApiToken(rt.ctx, user.id, company.id, 'bench');
    const app = await buildApp({ ctx: rt.ctx, databaseKind: rt.database.kind, webDir: null });
    const measure = async (label: string, url: string, runs = RUNS) => {
      const call = async () => {
        const t = process.hrtime.bigint();
        const res = await app.inject({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${token.token}` },
        });
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
        return { ms, body: res.json() as { series: unknown[] } };
      };
      for (let i = 0; i < Math.min(5, runs); i++) await call();
      const times: number[] = [];
      let points = 0;
      for (let i = 0; i < runs; i++) {
        const r = await call();
        times.push(r.ms);
        points = r.body.series.length;
      }
      times.sort((a, b) => a - b);
      console.log(
        `${label}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${percentile(times, 100).toFixed(1)} ms over ${runs} runs (${points} points + last year)`,
      );
      return percentile(times, 95);
    };
    const base = `/api/companies/${company.id}/kpi`;
    const p95 = await measure(
      'revenue by month × product, 12 months (2025-11-01 … 2026-10-31)',
      `${base}?metric=revenue&from=2025-11-01&to=2026-10-31&grain=month&by=product`,
    );
    await measure(
      'revenue by month × product, 12 months not month-aligned (2025-11-15 … 2026-11-14)',
      `${base}?metric=revenue&from=2025-11-15&to=2026-11-14&grain=month&by=product`,
    );
    await measure(
      'revenue by week × channel, filtered to one category, 12 months',
      `${base}?metric=revenue&from=2025-11-15&to=2026-11-14&grain=week&by=channel&where=${encodeURIComponent('category=咖啡')}`,
    );
    // Distinct customers and segments are read from the lines (no target; quoted for the record).
    await measure(
      'customers (distinct) by month, 12 months',
      `${base}?metric=customers&from=2025-11-01&to=2026-10-31&grain=month`,
      3,
    );
    await measure(
      'orders by month × member tier, 12 months',
      `${base}?metric=orders&from=2025-11-01&to=2026-10-31&grain=month&by=member_tier`,
      3,
    );
    console.log(`target p95 ≤ 50 ms: ${p95 <= 50 ? 'met' : 'NOT met'} (${p95.toFixed(1)} ms)`);
    await app.close();
  } finally {
    await rt.close();
  }
}

await main();
