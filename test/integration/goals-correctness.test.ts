import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../src/core/calendar/dates.ts';
import { todayIn } from '../../src/core/calendar/time-zones.ts';
import type { Database } from '../../src/db/schema/index.ts';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { seedCatalog, seededNoise, seedSales } from '../support/seed-sales.ts';

/**
 * Issue #10 through the API on both databases: data freshness, stale data, unknown scope, the
 * guide's contradicting targets, dates and control characters checked at the contract.
 */

/** Daily sales of 拿鐵 in 門市 at about `level` a day for `days` days ending on `last`. */
async function seedLatteSales(
  db: Kysely<Database>,
  companyId: string,
  last: string,
  days: number,
  level: number,
) {
  const { products, channels } = await seedCatalog(db, companyId, { products: ['拿鐵'], channels: ['門市'] });
  const first = addDays(last, 1 - days);
  const rand = seededNoise(3);
  const sales = Array.from({ length: days }, (_, i) => ({
    orderId: `O${i}`,
    date: addDays(first, i),
    productId: products[0] as number,
    channelId: channels[0] as number,
    amountMinor: Math.round(level * (1 + 0.1 * (rand() * 2 - 1)) * 100),
  }));
  await seedSales(db, companyId, sales, { first, last });
}

type Finding = { code: string; message: string; fix: string };
const codes = (fs: Finding[]) => fs.map((f) => f.code);

describe.each(dialects())('goal correctness (%s)', (dialect) => {
  let h: Harness;
  let today: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    today = todayIn('Asia/Taipei', new Date());
  });
  afterAll(async () => h?.close());

  const nextQuarter = () => {
    const start = addMonths(`${today.slice(0, 7)}-01`, 1);
    return { start, end: addDays(addMonths(start, 3), -1) };
  };
  const goal = (over: Record<string, unknown> = {}) => ({
    name: '下季營收',
    metric: 'revenue',
    scope: {},
    target: { metric: 'revenue', kind: 'percent_change', value: 10, per: null },
    period: nextQuarter(),
    strategies: ['社群媒體行銷'],
    ...over,
  });

  it('data ending 11 months ago: freshness said, forecast from the last complete month, no target of 0', async () => {
    const { client, companyId } = await signUp(h.app);
    const base = `/api/companies/${companyId}`;
    const empty = await client.get(`${base}/data-freshness`);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ status: 'none', lastSaleDate: null, daysOld: null, today });

    // The last day of the month 11 months before this one.
    const last = addDays(addMonths(`${today.slice(0, 7)}-01`, -10), -1);
    await seedLatteSales(h.runtime.database.db, companyId, last, 3 * 365, 40_000);
    const fresh = (await client.get(`${base}/data-freshness`)).json();
    expect(fresh).toMatchObject({ status: 'stale', lastSaleDate: last, lastCompleteMonth: last.slice(0, 7) });
    expect(fresh.daysOld).toBeGreaterThan(300);

    const res = await client.post(
      `${base}/goals/grade`,
      goal({
        target: { metric: 'revenue', kind: 'absolute', value: 50_000_000, per: null },
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json();
    expect(g.freshness).toMatchObject({ status: 'stale', lastSaleDate: last });
    const f = g.achievability.forecast;
    expect(f.lo80).toBeLessThanOrEqual(f.mean);
    expect(f.mean).toBeLessThanOrEqual(f.hi80);
    expect(f.hi80).toBeGreaterThan(1_000_000);
    expect(g.achievability.recommended.p70).toBeGreaterThan(1_000_000);
    expect(codes(g.findings)).toContain('STALE_DATA');
    expect(g.rewrite).not.toMatch(/至0元/);
  });

  it('a level goal whose period is over (AOV last month) is decided by its AOV over the period', async () => {
    const { client, companyId } = await signUp(h.app);
    const base = `/api/companies/${companyId}`;
    // One order a day at about NT$40,000, up to yesterday: the data is current.
    await seedLatteSales(h.runtime.database.db, companyId, addDays(today, -1), 200, 40_000);
    const monthStart = addMonths(`${today.slice(0, 7)}-01`, -1);
    const lastMonth = { start: monthStart, end: addDays(`${today.slice(0, 7)}-01`, -1) };
    const aov = (
      await client.get(`${base}/kpi?metric=aov&from=${lastMonth.start}&to=${lastMonth.end}&grain=month`)
    ).json();
    const actual = aov.series[0].value as number;
    expect(actual).toBeGreaterThan(35_000);
    const grade = async (value: number) => {
      const res = await client.post(
        `${base}/goals/grade`,
        goal({
          name: '上月客單價',
          metric: 'aov',
          target: { metric: 'aov', kind: 'absolute', value, per: null },
          period: lastMonth,
        }),
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const reached = await grade(30_000);
    expect(codes(reached.findings)).toContain('PERIOD_REACHED');
    expect(codes(reached.findings)).not.toContain('PERIOD_OVER');
    expect(reached.achievability.verdict).toBe('achievable');
    expect(reached.achievability.recommended).toBeNull();
    const missed = await grade(60_000);
    expect(codes(missed.findings)).toContain('PERIOD_MISSED');
    expect(missed.achievability.verdict).toBe('unrealistic');
    // A month over with no orders at all (before the first sale): no AOV to decide it by.
    const empty = addMonths(`${today.slice(0, 7)}-01`, -9);
    const none = await client.post(
      `${base}/goals/grade`,
      goal({
        name: '九個月前的客單價',
        metric: 'aov',
        target: { metric: 'aov', kind: 'absolute', value: 30_000, per: null },
        period: { start: empty, end: addDays(addMonths(empty, 1), -1) },
      }),
    );
    expect(none.statusCode, none.body).toBe(200);
    expect(codes(none.json().findings)).toContain('PERIOD_NO_DATA');
    expect(none.json().achievability.verdict).toBe('unknown');
  });

  it('a scope the data does not hold is said, with the closest names, and Achievable stays unknown', async () => {
    const { client, companyId } = await signUp(h.app);
    const base = `/api/companies/${companyId}`;
    await seedLatteSales(h.runtime.database.db, companyId, addDays(today, -1), 2 * 365, 3000);
    const res = await client.post(`${base}/goals/grade`, goal({ scope: { product: ['產品A', '拿鐵拿'] } }));
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json();
    expect(g.grades.achievable).toBe('unknown');
    expect(g.achievability.forecast).toBeNull();
    expect(codes(g.findings)).toContain('SCOPE_UNKNOWN');
    expect(g.unknownScope).toContainEqual({
      dimension: 'product',
      name: '拿鐵拿',
      suggestions: [{ dimension: 'product', name: '拿鐵' }],
    });

    // 「透過線上廣告…產品A」: a strategy and a scope; the orders rate target is kept.
    const parsed = (
      await client.post(`${base}/goals/parse`, {
        statement: '在未來三個月內,透過線上廣告提升產品A銷售額20%,達到每月100單。',
        today,
      })
    ).json();
    expect(parsed.draft.strategies).toContain('線上廣告');
    expect(parsed.unknownNames).toEqual({ product: ['產品A'] });
    expect(parsed.grading.grades.specific).toBe('pass');
    expect(parsed.grading.grades.achievable).toBe('unknown');
    expect(parsed.draft.extraTargets).toContainEqual({
      metric: 'orders',
      kind: 'absolute',
      value: 100,
      per: 'month',
    });
    expect(parsed.grading.rewrite).not.toContain('門市');
    const created = await client.post(`${base}/goals`, {
      ...parsed.draft,
      name: parsed.draft.name,
      metric: parsed.draft.metric,
      target: parsed.draft.target,
      period: parsed.draft.period,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().extraTargets).toContainEqual({
      metric: 'orders',
      kind: 'absolute',
      value: 100,
      per: 'month',
    });
  });

  it("the guide's example: 咖啡店 is the business, +15 % and 每日1500元 contradict each other", async () => {
    const { client, companyId } = await signUp(h.app);
    const base = `/api/companies/${companyId}`;
    await h.runtime.database.db
      .updateTable('companies')
      .set({ name: '晨光咖啡店' })
      .where('id', '=', companyId)
      .execute();
    await seedLatteSales(h.runtime.database.db, companyId, addDays(today, -1), 2 * 365, 40_000);
    for (const [locale, ask] of [
      ['zh-TW', /哪一個/],
      ['en', /Which one/],
    ] as const) {
      client.locale = locale;
      const res = await client.post(`${base}/goals/parse`, {
        statement: '在未來三個月內,將咖啡店的平均每日銷售額提升15%,達到每日1500元',
        today,
      });
      expect(res.statusCode, res.body).toBe(200);
      const { draft, unknownNames, grading } = res.json();
      expect(unknownNames).toEqual({});
      expect(draft.scope).toEqual({});
      const clash = grading.findings.find((x: Finding) => x.code === 'TARGETS_DISAGREE');
      expect(clash?.fix).toMatch(ask);
      expect(grading.grades.measurable).toBe('warn');
    }
  });

  it('dates are real calendar days in 1900–2199 and text has no control characters: 400, never 500', async () => {
    const { client, companyId } = await signUp(h.app);
    const base = `/api/companies/${companyId}`;
    const bad = async (res: { statusCode: number; json(): unknown; body: string }, path: string) => {
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json() as { code: string; errors: { path: string }[] };
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors.map((e) => e.path)).toContain(path);
    };
    const feb30 = { start: '2024-02-30', end: '2024-03-31' };
    await bad(await client.post(`${base}/goals`, goal({ period: feb30 })), 'period.start');
    await bad(await client.post(`${base}/goals/grade`, goal({ period: feb30 })), 'period.start');
    await bad(
      await client.post(`${base}/goals/parse`, { statement: '下季營收提升10%', today: '2024-02-30' }),
      'today',
    );
    await bad(
      await client.post(`${base}/goals`, goal({ period: { start: '9999-01-01', end: '9999-12-31' } })),
      'period.start',
    );
    await bad(
      await client.get(`${base}/kpi?metric=revenue&from=2024-02-30&to=2024-03-31&grain=month`),
      'from',
    );
    // The KPI question's field problems are in the request's language.
    client.locale = 'zh-TW';
    const kpiZh = await client.get(`${base}/kpi?metric=revenue&from=2024-03-31&to=2024-03-01&grain=month`);
    client.locale = 'en';
    expect((kpiZh.json() as { errors: unknown[] }).errors).toContainEqual({
      path: 'to',
      message: '結束日早於開始日',
      detail: '結束日早於開始日',
    });
    await bad(await client.post(`${base}/goals`, goal({ name: 'a\u0000b' })), 'name');
    await bad(await client.post(`${base}/goals`, goal({ strategies: ['x\u0007'] })), 'strategies.0');
    // The same rule on every text field of every contract.
    await bad(await client.post(`${base}/tokens`, { name: 'ci\u0000' }), 'name');
    await bad(
      await client.put(`${base}/market-analysis`, {
        positioning: '社區\u0000咖啡',
        marketSizes: [],
        competitors: [],
        swot: [],
        objectives: [],
        version: 0,
      }),
      'positioning',
    );
    // Multi-line text keeps its newlines and tabs.
    const ok = await client.post(
      `${base}/goals`,
      goal({ notes: '第一行\n\t第二行', period: { start: '2199-01-01', end: '2199-03-31' } }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().notes).toBe('第一行\n\t第二行');
  });
});
