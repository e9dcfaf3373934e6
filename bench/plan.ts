/**
 * Phase-goal benchmarks (BENCHMARKS.md):
 *  - preview of a split of a year by day × product (365 × 200 = 73,000 cells), seasonal, last year
 *    and equal, through the app's use case (the history and last year's actuals read included);
 *  - reading a plan tree of ~1,000 nodes with actuals (a year → months × 83 products).
 *
 *   nice npx tsx bench/plan.ts [--products 200] [--lines-per-day 1] [--runs 5] [--rebuild-db]
 *
 * Builds (once, cached in .tmp/plan-bench-p<products>-l<lines>/) a SQLite database: one company,
 * `products` products, three years (2023–2025) of daily lines with a weekly pattern and a moving
 * Lunar New Year peak; the roll-ups refreshed. Prints medians.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createUser } from '../src/app/auth/accounts.ts';
import { createCompanyForUser } from '../src/app/company/companies.ts';
import { createGoal } from '../src/app/goals/goal-use-cases.ts';
import { getPlanTree } from '../src/app/plan/plan-tree.ts';
import { splitGoal } from '../src/app/plan/split-goal.ts';
import { addDays, toDayNumber } from '../src/core/calendar/dates.ts';
import { lunarNewYear } from '../src/core/calendar/lunar.ts';
import type { GoalSpec } from '../src/core/goals/types.ts';
import { refreshSalesRollups } from '../src/db/kpi/refresh-sales-rollups.ts';
import { openRuntime, type Runtime } from '../src/db/runtime.ts';
import { ensureTenant } from '../src/db/tenants.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PRODUCTS = opt('products', 200);
const PER_DAY = opt('lines-per-day', 1);
const RUNS = opt('runs', 5);
const dir = resolve(`.tmp/plan-bench-p${PRODUCTS}-l${PER_DAY}`);
const ready = join(dir, 'READY');
const FIRST = '2023-01-01';
const LAST = '2025-12-31';

async function build(rt: Runtime): Promise<void> {
  const started = Date.now();
  const user = await createUser(rt.ctx, {
    email: 'plan@bench.local',
    password: 'plan bench secret',
    name: 'Bench',
  });
  const company = await createCompanyForUser(rt.ctx, user.id, 'Plan bench');
  const db = rt.database.db;
  const productIds: number[] = [];
  for (let p = 0; p < PRODUCTS; p++) {
    const [row] = await db
      .insertInto('products')
      .values({
        company_id: company.id,
        name: `P${String(p).padStart(3, '0')}`,
        category_id: null,
        sku: null,
        list_price_minor: null,
      })
      .returning('id')
      .execute();
    productIds.push(Number(row?.id));
  }
  const [channel] = await db
    .insertInto('channels')
    .values({ company_id: company.id, name: '門市' })
    .returning('id')
    .execute();
  const tenantId = await ensureTenant(db, company.id);
  let rows: Record<string, unknown>[] = [];
  let n = 0;
  const flush = async () => {
    for (let i = 0; i < rows.length; i += 400)
      await db
        .insertInto('sales_lines')
        .values(rows.slice(i, i + 400) as never)
        .execute();
    rows = [];
  };
  for (let d = FIRST; d <= LAST; d = addDays(d, 1)) {
    const day = toDayNumber(d);
    const weekday = (((day + 3) % 7) + 7) % 7;
    const off = day - toDayNumber(lunarNewYear(Number(d.slice(0, 4))));
    const season = (weekday >= 5 ? 1.4 : 1) * (off >= -14 && off < 0 ? 2 : off >= 0 && off < 3 ? 0.3 : 1);
    for (const [pi, product] of productIds.entries())
      for (let k = 0; k < PER_DAY; k++) {
        n += 1;
        const amount = Math.round((50 + (pi % 17) * 10) * season * (1 + ((n * 7919) % 13) / 26)) * 100;
        rows.push({
          tenant_id: tenantId,
          order_id: `O${n}`,
          line_no: 1,
          sold_at: `${d}T10:00`,
          sale_date: d,
          product_id: product,
          customer_id: null,
          channel_id: Number(channel?.id),
          rep_id: null,
          region_id: null,
          quantity: 1,
          unit_price_minor: amount,
          discount_minor: 0,
          amount_minor: amount,
          currency: 'TWD',
          campaign_code: null,
          import_seq: null,
        });
      }
    if (rows.length >= 20_000) await flush();
  }
  await flush();
  await refreshSalesRollups(db, company.id, FIRST, LAST);
  console.log(`built ${n.toLocaleString('en')} lines in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  writeFileSync(ready, `${n}\n`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function time(label: string, runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm: the first read pays the page cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const m = median(times);
  console.log(
    `${label}: median ${m.toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${runs} runs)`,
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
    for (const method of ['seasonal', 'last-year', 'equal'] as const) {
      let cells = 0;
      await time(`preview day × product (${method})`, RUNS, async () => {
        const v = await splitGoal(
          rt.ctx,
          actor,
          companyId,
          year.id,
          { into: 'day', by: 'product', method, rampPct: null, dryRun: true, today: '2026-01-01' },
          'en',
        );
        cells = v.children.length;
      });
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
    await splitGoal(
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
    let nodes = 0;
    await time('plan tree with actuals', RUNS * 2, async () => {
      const tree = await getPlanTree(rt.ctx, actor, companyId, past.id, '2026-01-01');
      nodes = tree.nodes;
    });
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
