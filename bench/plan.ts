/**
 * Phase-goal benchmarks (BENCHMARKS.md):
 *  - preview of a split of a year by day × product (365 × 200 = 73,000 cells), seasonal, last year
 *    and equal, through the app's use case (the history and last year's actuals read included);
 *  - reading a plan tree of ~1,000 nodes with actuals (a year → months × 83 products).
 *
 *   nice npx tsx bench/plan.ts [--products 200] [--lines-per-day 1 | --lines 10000000] [--runs 5] [--rebuild-db]
 *
 * Builds (once, cached in .tmp/plan-bench-p<products>-l<lines per product and day>/) a SQLite
 * database: one company, `products` products, 3 channels, 4 reps, 3 regions, three years (2023–2025)
 * of daily lines (two lines an order) with a weekly pattern and a moving Lunar New Year peak, inserted
 * through prepared 500-row statements in one transaction a day; the roll-ups rebuilt once at the end.
 * `--lines 10000000` picks the lines per product and day (46 with 200 products: 10.1M lines).
 * The tree is read through the use case and through the API (the server from buildApp, inject()
 * with an API token). Prints medians and p95.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createUser } from '../src/app/auth/accounts.ts';
import { createCompanyForUser } from '../src/app/company/companies.ts';
import { createGoal } from '../src/app/goals/goal-use-cases.ts';
import { getPlanTree } from '../src/app/plan/plan-tree.ts';
import { splitGoal } from '../src/app/plan/split-goal.ts';
import { issueApiToken } from '../src/app/team/api-tokens.ts';
import { addDays, daysBetween, toDayNumber } from '../src/core/calendar/dates.ts';
import { lunarNewYear } from '../src/core/calendar/lunar.ts';
import type { GoalSpec } from '../src/core/goals/types.ts';
import { bumpDataVersion } from '../src/db/kpi/data-version.ts';
import { rebuildAllRollups } from '../src/db/kpi/refresh-sales-rollups.ts';
import { openRuntime, type Runtime } from '../src/db/runtime.ts';
import { ensureTenant } from '../src/db/tenants.ts';
import { buildApp } from '../src/server/build-app.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PRODUCTS = opt('products', 200);
const LINES = opt('lines', 0);
const RUNS = opt('runs', 5);
const FIRST = '2023-01-01';
const LAST = '2025-12-31';
const PER_DAY =
  LINES > 0
    ? Math.max(1, Math.round(LINES / (daysBetween(FIRST, LAST) * PRODUCTS)))
    : opt('lines-per-day', 1);
const dir = resolve(`.tmp/plan-bench-p${PRODUCTS}-l${PER_DAY}`);
const ready = join(dir, 'READY');

async function build(rt: Runtime): Promise<void> {
  const started = Date.now();
  const user = await createUser(rt.ctx, {
    email: 'plan@bench.local',
    password: 'plan bench secret',
    name: 'Bench',
  });
  const company = await createCompanyForUser(rt.ctx, user.id, 'Plan bench');
  const db = rt.database.db;
  const sqlite = rt.database.sqlite;
  if (!sqlite) throw new Error('the benchmark builds a SQLite database');
  const tenantId = await ensureTenant(db, company.id);
  const dimension = (table: 'products' | 'channels' | 'sales_reps' | 'regions', names: string[]) => {
    const insert = sqlite.prepare(
      table === 'products'
        ? 'INSERT INTO products (company_id, name, category_id, sku, list_price_minor) VALUES (?, ?, NULL, NULL, NULL) RETURNING id'
        : `INSERT INTO ${table} (company_id, name) VALUES (?, ?) RETURNING id`,
    );
    return names.map((name) => Number((insert.get(company.id, name) as { id: number }).id));
  };
  const productIds = dimension(
    'products',
    Array.from({ length: PRODUCTS }, (_, p) => `P${String(p).padStart(3, '0')}`),
  );
  // A few channels, reps and regions, so that the roll-ups hold several rows per product and day.
  const channelIds = dimension('channels', ['門市', '網路商店', '批發']);
  const repIds = dimension('sales_reps', ['Amy', 'Ben', 'Chen', 'Dai']);
  const regionIds = dimension('regions', ['北區', '中區', '南區']);
  // Bulk load: no fsync per commit, prepared multi-row statements, one transaction per day.
  sqlite.pragma('synchronous = OFF');
  const COLS = 17;
  const ROWS_PER_STATEMENT = 500;
  const values = `(${new Array(COLS).fill('?').join(',')})`;
  const sqlFor = (rows: number) =>
    `INSERT INTO sales_lines (tenant_id, order_id, line_no, sold_at, sale_date, product_id, customer_id,
      channel_id, rep_id, region_id, quantity, unit_price_minor, discount_minor, amount_minor, currency,
      campaign_code, import_seq) VALUES ${new Array(rows).fill(values).join(',')}`;
  const full = sqlite.prepare(sqlFor(ROWS_PER_STATEMENT));
  let params: unknown[] = [];
  let pending = 0;
  let n = 0;
  const flushDay = sqlite.transaction(() => {
    let at = 0;
    while (pending - at >= ROWS_PER_STATEMENT) {
      full.run(params.slice(at * COLS, (at + ROWS_PER_STATEMENT) * COLS));
      at += ROWS_PER_STATEMENT;
    }
    if (pending > at) sqlite.prepare(sqlFor(pending - at)).run(params.slice(at * COLS));
    params = [];
    pending = 0;
  });
  for (let d = FIRST; d <= LAST; d = addDays(d, 1)) {
    const day = toDayNumber(d);
    const weekday = (((day + 3) % 7) + 7) % 7;
    const off = day - toDayNumber(lunarNewYear(Number(d.slice(0, 4))));
    const season = (weekday >= 5 ? 1.4 : 1) * (off >= -14 && off < 0 ? 2 : off >= 0 && off < 3 ? 0.3 : 1);
    const dayKey = d.replaceAll('-', '');
    for (const [pi, product] of productIds.entries())
      for (let k = 0; k < PER_DAY; k++) {
        n += 1;
        // Two lines an order; an order's lines share channel, rep and region.
        const order = k >> 1;
        const amount = Math.round((50 + (pi % 17) * 10) * season * (1 + ((n * 7919) % 13) / 26)) * 100;
        params.push(
          tenantId,
          `${dayKey}-${String(pi).padStart(3, '0')}-${String(order).padStart(3, '0')}`,
          (k & 1) + 1,
          `${d}T10:00`,
          d,
          product,
          null,
          channelIds[order % channelIds.length],
          repIds[(order + pi) % repIds.length],
          regionIds[(order * 7 + pi) % regionIds.length],
          1,
          amount,
          0,
          amount,
          'TWD',
          null,
          null,
        );
        pending += 1;
      }
    flushDay();
    if (d.endsWith('-12-31') || d.endsWith('-06-30'))
      console.log(
        `  ${n.toLocaleString('en')} lines by ${d} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
  }
  const loaded = Date.now();
  await rebuildAllRollups(db, company.id);
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('ANALYZE');
  console.log(
    `built ${n.toLocaleString('en')} lines in ${((loaded - started) / 1000).toFixed(1)} s, roll-ups in ${((Date.now() - loaded) / 1000).toFixed(1)} s`,
  );
  writeFileSync(ready, `${n}\n`);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};

async function time(
  label: string,
  runs: number,
  fn: () => Promise<unknown>,
  before: () => Promise<unknown> = async () => {},
): Promise<number> {
  await before();
  await fn(); // warm: the first read pays the page cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before();
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const m = pct(times, 50);
  console.log(
    `${label}: median ${m.toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${runs} runs)`,
  );
  return m;
}

async function main(): Promise<void> {
  if (args.includes('--rebuild-db')) rmSync(dir, { recursive: true, force: true });
  if (existsSync(dir) && !existsSync(ready)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rt = await openRuntime({ dataDir: dir });
  try {
    if (!existsSync(ready)) await build(rt);
    const db = rt.database.db;
    const companyId = (await db.selectFrom('companies').select('id').executeTakeFirstOrThrow()).id;
    const userId = (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
    const actor = { userId, tokenCompanyId: null };
    const spec = (
      name: string,
      start: string,
      end: string,
      value: number,
      scope: GoalSpec['scope'] = {},
    ): GoalSpec => ({
      name,
      statement: '',
      metric: 'revenue',
      scope,
      target: { metric: 'revenue', kind: 'absolute', value, per: null },
      extraTargets: [],
      period: { start, end },
      ownerUserId: userId,
      objectiveId: null,
      strategies: [],
      notes: '',
    });
    const year = await createGoal(
      rt.ctx,
      actor,
      companyId,
      spec('2026', '2026-01-01', '2026-12-31', 50_000_000),
      'en',
    );
    for (const method of args.includes('--tree-only') ? [] : (['seasonal', 'last-year', 'equal'] as const)) {
      let cells = 0;
      await time(
        `preview day × product (${method}, cold)`,
        RUNS,
        async () => {
          const v = await splitGoal(
            rt.ctx,
            actor,
            companyId,
            year.id,
            { into: 'day', by: 'product', method, rampPct: null, dryRun: true, today: '2026-01-01' },
            'en',
          );
          cells = v.children.length;
        },
        () => bumpDataVersion(db, companyId),
      );
      console.log(`  ${cells.toLocaleString('en')} cells`);
    }

    const members = Array.from(
      { length: Math.min(83, PRODUCTS) },
      (_, i) => `P${String(i).padStart(3, '0')}`,
    );
    const past = await createGoal(
      rt.ctx,
      actor,
      companyId,
      spec('2025 by product', '2025-01-01', '2025-12-31', 30_000_000, { product: members }),
      'en',
    );
    let saved = 0;
    let graded = 0;
    const save = async () => {
      const v = await splitGoal(
        rt.ctx,
        actor,
        companyId,
        past.id,
        {
          into: 'month',
          by: 'product',
          method: 'last-year',
          rampPct: null,
          dryRun: false,
          today: '2026-01-01',
        },
        'en',
      );
      saved = v.children.length;
    };
    if (args.includes('--no-save-bench')) await save();
    else
      await time('save a split of 996 children (month × 83 products), each graded (cold)', 2, save, () =>
        bumpDataVersion(db, companyId),
      );
    const kids = (await rt.ctx.repos.plans.descendants(companyId, past.id)).filter(
      (d) => d.node?.parentGoalId === past.id,
    );
    graded = kids.filter((k) => k.grades !== null).length;
    console.log(`  ${saved} children saved, ${graded} graded`);
    let nodes = 0;
    // Cold: the company's data version bumped before each run (as an import does), so no KPI result
    // is cached; warm: the same tree read again (its actuals from the KPI results cache).
    const cold = () => bumpDataVersion(db, companyId);
    const readTree = async () => {
      const tree = await getPlanTree(rt.ctx, actor, companyId, past.id, '2026-01-01');
      nodes = tree.nodes;
    };
    await time('plan tree with actuals (use case, cold)', RUNS * 4, readTree, cold);
    await time('plan tree with actuals (use case, warm)', RUNS * 4, readTree);
    const token = await issueApiToken(rt.ctx, userId, companyId, 'plan bench');
    const app = await buildApp({ ctx: rt.ctx, databaseKind: rt.database.kind, webDir: null });
    try {
      const viaApi = async () => {
        const res = await app.inject({
          method: 'GET',
          url: `/api/companies/${companyId}/plans/${past.id}?today=2026-01-01`,
          headers: { authorization: `Bearer ${token.token}` },
        });
        if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
        nodes = (res.json() as { nodes: number }).nodes;
      };
      await time(
        'plan tree with actuals (API: GET /plans/:goalId, inject, token, cold)',
        RUNS * 4,
        viaApi,
        cold,
      );
      await time('plan tree with actuals (API, warm)', RUNS * 4, viaApi);
    } finally {
      await app.close();
    }
    const lines = Number(
      (
        await db
          .selectFrom('sales_lines')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    console.log(`  ${nodes} nodes, ${lines.toLocaleString('en')} sales lines`);
  } finally {
    await rt.close();
  }
}

await main();
