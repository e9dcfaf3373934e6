import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoal } from '../../src/app/goals/goal-use-cases.ts';
import { addDays, addMonths } from '../../src/core/calendar/periods.ts';
import { todayIn } from '../../src/core/calendar/time-zones.ts';
import { monthShares } from '../../src/core/goals/index.ts';
import type { Database } from '../../src/db/schema/index.ts';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { seedCatalog, seededNoise, seedSales } from '../support/seed-sales.ts';
import { addMember } from './team-fixture.ts';

/** Goals through inject() on both databases: CRUD, versions, archive, isolation, parse, grading from history. */

const COFFEE_GOAL =
  '在接下來的3個月內,通過推出季節限定飲品和提升顧客忠誠度計劃,將平均每日銷售額提升15%,達到每日銷售額1500元。';

const market = {
  positioning: '社區精品咖啡',
  marketSizes: [{ kind: 'SOM', year: 2026, amount: 50_000_000, currency: 'TWD', source: '自行估算' }],
  competitors: [],
  swot: [],
  objectives: [
    { title: '提高會員回購率', description: '' },
    { title: '拓展線上通路', description: '' },
  ],
};

/** Three years of daily sales of one product in one channel ending yesterday, growing `growth` a year. */
async function seedHistory(db: Kysely<Database>, companyId: string, growth: number, today: string) {
  const { products, channels, reps } = await seedCatalog(db, companyId, {
    products: ['拿鐵'],
    channels: ['門市'],
    reps: ['阿明'],
  });
  const days = 3 * 365;
  const first = addDays(today, -days);
  const rand = seededNoise(7);
  const sales = Array.from({ length: days }, (_, i) => {
    const level = 3000 * (1 + growth) ** ((i - days) / 365);
    const weekly = 1 + 0.15 * Math.sin((2 * Math.PI * i) / 7);
    return {
      orderId: `O${i}`,
      date: addDays(first, i),
      productId: products[0] as number,
      channelId: channels[0] as number,
      repId: reps[0] as number,
      amountMinor: Math.round(level * weekly * (1 + 0.1 * (rand() * 2 - 1)) * 100),
    };
  });
  await seedSales(db, companyId, sales, { first, last: addDays(today, -1) });
}

/**
 * A young shop: NT$5,000 of sales a day for the 91 days up to yesterday, on alternate days by two reps
 * (no data before: the same period last year of a goal starting next month is mostly before it).
 */
async function seedYoungShop(db: Kysely<Database>, companyId: string, today: string) {
  const { products, channels, reps } = await seedCatalog(db, companyId, {
    products: ['拿鐵'],
    channels: ['門市'],
    reps: ['阿明', '小華'],
  });
  const first = addDays(today, -YOUNG_DAYS);
  const sales = Array.from({ length: YOUNG_DAYS }, (_, i) => ({
    orderId: `Y${i}`,
    date: addDays(first, i),
    productId: products[0] as number,
    channelId: channels[0] as number,
    repId: reps[i % 2] as number,
    amountMinor: YOUNG_DAILY * 100,
  }));
  await seedSales(db, companyId, sales, { first, last: addDays(today, -1) });
  return { first };
}
const YOUNG_DAYS = 91;
const YOUNG_DAILY = 5000;

describe.each(dialects())('goals (%s)', (dialect) => {
  let h: Harness;
  let today: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    today = todayIn('Asia/Taipei', new Date());
  });
  afterAll(async () => h?.close());

  const goalBody = (over: Record<string, unknown> = {}) => ({
    name: '拿鐵下季成長',
    statement: '',
    metric: 'revenue',
    scope: { product: ['拿鐵'] },
    target: { metric: 'revenue', kind: 'percent_change', value: 10, per: null },
    period: { start: addDays(today, 1), end: addMonths(addDays(today, 1), 3) },
    strategies: ['社群媒體行銷'],
    notes: '第一版',
    ...over,
  });

  it('creates, reads, lists, edits with versions (409 when stale), archives and restores', async () => {
    const { client, companyId, userId } = await signUp(h.app);
    const base = `/api/companies/${companyId}/goals`;
    const saved = (
      await client.put(`/api/companies/${companyId}/market-analysis`, { ...market, version: 0 })
    ).json();
    const objectiveId = saved.objectives[0].id as string;

    const created = await client.post(base, goalBody({ ownerUserId: userId, objectiveId }));
    expect(created.statusCode, created.body).toBe(201);
    const goal = created.json();
    expect(goal).toMatchObject({
      version: 1,
      status: 'active',
      ownerName: 'Owner',
      objectiveTitle: '提高會員回購率',
    });
    expect(goal.grading.grades).toMatchObject({
      specific: 'pass',
      measurable: 'pass',
      time_bound: 'pass',
      relevant: 'pass',
    });
    expect(goal.grading.achievability.verdict).toBe('unknown');
    expect(goal.score).toBe(goal.grading.score);

    const one = await client.get(`${base}/${goal.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().grading.findings.length).toBeGreaterThan(0);

    await client.post(
      base,
      goalBody({
        name: 'Orders',
        metric: 'orders',
        target: { metric: 'orders', kind: 'absolute', value: 100, per: 'month' },
      }),
    );
    expect((await client.get(base)).json()).toHaveLength(2);
    expect((await client.get(`${base}?metric=orders`)).json()).toHaveLength(1);
    expect((await client.get(`${base}?q=${encodeURIComponent('拿鐵')}`)).json()).toHaveLength(1);

    const edit = await client.put(`${base}/${goal.id}`, {
      ...goalBody({ ownerUserId: userId, objectiveId }),
      target: { metric: 'revenue', kind: 'percent_change', value: 12, per: null },
      version: 1,
      reason: '老闆要求提高',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().version).toBe(2);
    const stale = await client.put(`${base}/${goal.id}`, { ...goalBody(), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code ?? stale.json().type).toMatch(/version/i);

    const versions = (await client.get(`${base}/${goal.id}/versions`)).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ byName: 'Owner', reason: '老闆要求提高' });
    expect(versions[0].changes.target).toMatchObject({ from: { value: 10 }, to: { value: 12 } });

    const archived = await client.post(`${base}/${goal.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ status: 'archived', version: 3 });
    expect((await client.get(base)).json()).toHaveLength(1);
    expect((await client.get(`${base}?status=archived`)).json()).toHaveLength(1);
    expect((await client.get(`${base}?status=all`)).json()).toHaveLength(2);
    const restored = await client.post(`${base}/${goal.id}/restore`);
    expect(restored.json()).toMatchObject({ status: 'active', version: 4 });
    expect((await client.get(`${base}/${goal.id}/versions`)).json()[0].changes).toEqual({
      status: { from: 'archived', to: 'active' },
    });
  });

  it("refuses another company's owner or objective (400 with the field), and hides goals across companies (404)", async () => {
    const a = await signUp(h.app);
    const b = await signUp(h.app, 'Rival');
    const bMarket = (
      await b.client.put(`/api/companies/${b.companyId}/market-analysis`, { ...market, version: 0 })
    ).json();
    const base = `/api/companies/${a.companyId}/goals`;
    const badOwner = await a.client.post(base, goalBody({ ownerUserId: b.userId }));
    expect(badOwner.statusCode).toBe(400);
    expect(JSON.stringify(badOwner.json())).toContain('ownerUserId');
    const badObjective = await a.client.post(base, goalBody({ objectiveId: bMarket.objectives[0].id }));
    expect(badObjective.statusCode).toBe(400);
    expect(JSON.stringify(badObjective.json())).toContain('objectiveId');

    const goal = (await a.client.post(base, goalBody())).json();
    const bBase = `/api/companies/${b.companyId}/goals`;
    for (const res of [
      await b.client.get(`${bBase}/${goal.id}`),
      await b.client.get(`${bBase}/${goal.id}/versions`),
      await b.client.post(`${bBase}/${goal.id}/archive`),
      await b.client.put(`${bBase}/${goal.id}`, { ...goalBody(), version: 1 }),
      await b.client.get(`${base}/${goal.id}`),
      await b.client.get(base),
    ])
      expect(res.statusCode).toBe(404);
    expect((await b.client.get(bBase)).json()).toEqual([]);
  });

  it('lets members write goals and viewers only read them', async () => {
    const owner = await signUp(h.app);
    const member = await addMember(h.app, owner.client, owner.companyId, 'member');
    const viewer = await addMember(h.app, owner.client, owner.companyId, 'viewer');
    const base = `/api/companies/${owner.companyId}/goals`;
    expect((await member.client.post(base, goalBody())).statusCode).toBe(201);
    expect((await viewer.client.post(base, goalBody())).statusCode).toBe(403);
    expect((await viewer.client.get(base)).json()).toHaveLength(1);
  });

  it("reads the guide's coffee-shop goal into a graded draft", async () => {
    const { client, companyId } = await signUp(h.app);
    const res = await client.post(`/api/companies/${companyId}/goals/parse`, {
      statement: COFFEE_GOAL,
      today: '2026-11-27',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { draft, grading } = res.json();
    expect(draft.metric).toBe('revenue');
    expect(draft.target).toMatchObject({ kind: 'absolute', value: 1500, per: 'day' });
    expect(draft.extraTargets).toContainEqual({
      metric: 'revenue',
      kind: 'percent_change',
      value: 15,
      per: null,
    });
    expect(draft.period.start).toBe('2026-11-27');
    expect(draft.period.end >= '2027-02-25' && draft.period.end <= '2027-02-28').toBe(true);
    expect(draft.strategies.length).toBeGreaterThanOrEqual(1);
    expect(grading.grades).toMatchObject({
      specific: 'pass',
      measurable: 'pass',
      time_bound: 'pass',
      achievable: 'unknown',
    });
    expect(grading.achievability.reason).toMatch(/12 months/);
    expect(grading.achievability.targetValue).toBe(1500 * 92);
    expect(grading.score).toBeGreaterThanOrEqual(60);
    expect(grading.rewrite.length).toBeGreaterThan(10);

    const leads = await client.post(`/api/companies/${companyId}/goals/grade`, {
      ...goalBody({
        metric: 'leads',
        target: { metric: 'leads', kind: 'absolute', value: 100, per: 'month' },
      }),
    });
    expect(leads.statusCode, leads.body).toBe(200);
    expect(leads.json().achievability).toMatchObject({ verdict: 'unknown', targetValue: expect.any(Number) });
    // A company without data holds no 拿鐵: the scope is unknown, not graded on the whole company.
    expect(leads.json().findings.map((f: { code: string }) => f.code)).toContain('SCOPE_UNKNOWN');
    const mismatch = await client.post(`/api/companies/${companyId}/goals`, {
      ...goalBody({ target: { metric: 'orders', kind: 'absolute', value: 100, per: 'month' } }),
    });
    expect(mismatch.statusCode).toBe(400);
    expect(JSON.stringify(mismatch.json())).toContain('target.metric');

    client.locale = 'zh-TW';
    const zh = (
      await client.post(`/api/companies/${companyId}/goals/parse`, {
        statement: COFFEE_GOAL,
        today: '2026-11-27',
      })
    ).json();
    expect(zh.grading.achievability.reason).toContain('12個月');
  });

  it('judges achievability from imported history: +5 % on 8 % a year is achievable, +80 % unrealistic', async () => {
    const { client, companyId } = await signUp(h.app);
    await seedHistory(h.runtime.database.db, companyId, 0.08, today);
    const url = `/api/companies/${companyId}/goals/grade`;
    const start = addMonths(`${today.slice(0, 7)}-01`, 1);
    const period = { start, end: addDays(addMonths(start, 3), -1) };
    const at = async (value: number) => {
      const res = await client.post(url, {
        ...goalBody({ target: { metric: 'revenue', kind: 'percent_change', value, per: null }, period }),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const easy = await at(5);
    expect(['achievable', 'too_easy']).toContain(easy.achievability.verdict);
    expect(easy.achievability.baseline.samePeriodLastYear).toBeGreaterThan(0);
    expect(easy.achievability.baseline.recentRunRate).toBeGreaterThan(0);
    expect(easy.achievability.forecast.lo95).toBeLessThanOrEqual(easy.achievability.forecast.hi95);
    expect(easy.achievability.recommended.p90).toBeLessThanOrEqual(easy.achievability.recommended.p50);
    expect(easy.achievability.capacity.reps).toBe(1);
    expect(easy.achievability.chart.some((p: { actual: number | null }) => p.actual !== null)).toBe(true);
    expect(easy.achievability.chart.some((p: { mean: number | null }) => p.mean !== null)).toBe(true);
    const hard = await at(80);
    expect(hard.achievability.verdict).toBe('unrealistic');
    expect(hard.grades.achievable).toBe('fail');
    expect(hard.findings.some((f: { code: string }) => f.code === 'UNREALISTIC')).toBe(true);
    expect(hard.rewrite).toMatch(/NT\$|元/);

    const leads = await client.post(url, {
      ...goalBody({
        metric: 'leads',
        target: { metric: 'leads', kind: 'absolute', value: 100, per: 'month' },
      }),
    });
    expect(leads.statusCode, leads.body).toBe(200);
    expect(leads.json().achievability).toMatchObject({ verdict: 'unknown', targetValue: expect.any(Number) });
    expect(leads.json().findings.map((f: { code: string }) => f.code)).toContain('SCOPE_NOT_FILTERABLE');
  });

  it('a young shop: capacity per month of data, no partial last year as baseline, a year not forecast from a quarter', async () => {
    const { client, companyId } = await signUp(h.app);
    const { first } = await seedYoungShop(h.runtime.database.db, companyId, today);
    // A year starting next month: its same period last year began long before the first sale.
    const period = { start: addDays(today, 30), end: addDays(today, 30 + 364) };
    const res = await client.post(`/api/companies/${companyId}/goals/grade`, {
      ...goalBody({
        scope: {},
        target: { metric: 'revenue', kind: 'absolute', value: 2_500_000, per: null },
        period,
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json();
    const a = g.achievability;
    const codes = g.findings.map((f: { code: string }) => f.code);
    // Last year's same period held only the shop's first weeks (was: their sum, as if a year's sales).
    expect(a.baseline.samePeriodLastYear).toBeNull();
    expect(codes).toContain('LAST_YEAR_NOT_COVERED');
    // The run rate: the 90 days of data up to yesterday, a day at a time, over the period's 365 days.
    expect(a.baseline.recentRunRate).toBeCloseTo(YOUNG_DAILY * 365, 0);
    expect(a.requiredUplift).toBeCloseTo(2_500_000 / (YOUNG_DAILY * 365) - 1, 6);
    expect(codes).toContain('BASELINE_RUN_RATE');
    // Capacity: a rep's revenue over the months the data covers (was: over 12, a quarter of it).
    const perRepTotal = (YOUNG_DAILY * YOUNG_DAYS) / 2;
    const coveredMonths = monthShares({ start: first, end: addDays(today, -1) }).reduce(
      (sum, m) => sum + m.fraction,
      0,
    );
    expect(a.capacity.reps).toBe(2);
    expect(a.capacity.revenuePerRep).toBeCloseTo(perRepTotal / coveredMonths, 0);
    // Three months of data forecasting a year: said, no recommended range, Achievable only warns.
    expect(codes).toContain('SHORT_FOR_HORIZON');
    expect(a.recommended).toBeNull();
    expect(g.grades.achievable).toBe('warn');
    expect(a.forecast.mean).toBeGreaterThanOrEqual(YOUNG_DAILY * 365 * 0.99);

    // Before the first sale there is no data: no baseline of 0.
    const early = await client.post(`/api/companies/${companyId}/goals/parse`, {
      statement: '未來三個月營收提升10%',
      today: addDays(first, -30),
    });
    expect(early.statusCode, early.body).toBe(200);
    expect(early.json().grading.achievability.baseline).toEqual({
      samePeriodLastYear: null,
      recentRunRate: null,
    });
  });

  it('refuses targets no business can reach (400 in the request language), and never reads one from a sentence', async () => {
    const { client, companyId, userId } = await signUp(h.app);
    const base = `/api/companies/${companyId}/goals`;
    const impossible = [
      { metric: 'revenue', kind: 'absolute', value: -500_000, words: ['negative', '負數'] },
      { metric: 'revenue', kind: 'percent_change', value: -150, words: ['under 100%', '小於100%'] },
      { metric: 'revenue', kind: 'percent_change', value: -100, words: ['under 100%', '小於100%'] },
      { metric: 'aov', kind: 'absolute', value: -3, words: ['negative', '負數'] },
      { metric: 'conversion_rate', kind: 'absolute', value: 250, words: ['0–100%', '0–100%'] },
    ] as const;
    for (const { words, ...target } of impossible) {
      for (const [i, locale] of (['en', 'zh-TW'] as const).entries()) {
        client.locale = locale;
        const res = await client.post(
          base,
          goalBody({ metric: target.metric, target: { ...target, per: null } }),
        );
        expect(res.statusCode, res.body).toBe(400);
        const error = res.json().errors.find((e: { path: string }) => e.path === 'target.value');
        expect(error?.message, res.body).toContain(words[i]);
      }
    }
    client.locale = 'en';
    // An extra target is checked too; a fall under 100 % and a rate of 100 % are fine.
    const extra = await client.post(
      base,
      goalBody({
        extraTargets: [{ metric: 'revenue', kind: 'absolute', value: -1, per: 'month' }],
      }),
    );
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors.map((e: { path: string }) => e.path)).toContain('extraTargets.0.value');
    const fine = await client.post(
      base,
      goalBody({ target: { metric: 'revenue', kind: 'percent_change', value: -99.5, per: null } }),
    );
    expect(fine.statusCode, fine.body).toBe(201);
    const rate = await client.post(
      base,
      goalBody({
        metric: 'conversion_rate',
        scope: {},
        target: { metric: 'conversion_rate', kind: 'absolute', value: 100, per: null },
      }),
    );
    expect(rate.statusCode, rate.body).toBe(201);
    // Editing and grading a draft are refused the same way.
    const edit = await client.put(`${base}/${fine.json().id}`, {
      ...goalBody({ target: { metric: 'revenue', kind: 'absolute', value: -500_000, per: null } }),
      version: 1,
    });
    expect(edit.statusCode).toBe(400);
    const draft = await client.post(`${base}/grade`, {
      ...goalBody({ target: { metric: 'revenue', kind: 'percent_change', value: -150, per: null } }),
    });
    expect(draft.statusCode).toBe(400);
    // The use case (what the CLI saves through) refuses it too, by the contract's code (worded by the
    // server, the CLI and the web from it).
    const spec = {
      ...goalBody(),
      target: { metric: 'revenue' as const, kind: 'absolute' as const, value: -500_000, per: null },
      metric: 'revenue' as const,
      extraTargets: [],
      ownerUserId: null,
      objectiveId: null,
    };
    await expect(
      createGoal(h.runtime.ctx, { userId, tokenCompanyId: null }, companyId, spec, 'zh-TW'),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'target.value', message: 'target_negative' }],
    });

    // A sentence asking for a fall of 150 %: a finding, Measurable fails, and no target of −50 %.
    client.locale = 'zh-TW';
    const parsed = await client.post(`${base}/parse`, { statement: '2027年營收下降150%', today });
    expect(parsed.statusCode, parsed.body).toBe(200);
    const { draft: read, grading } = parsed.json();
    expect(read.target).toBeUndefined();
    expect(grading.grades.measurable).toBe('fail');
    const finding = grading.findings.find((f: { code: string }) => f.code === 'TARGET_FALL_OF_100');
    expect(finding?.message).toContain('下降150%');
    expect(grading.achievability.targetValue).toBeNull();
    expect(grading.rewrite).not.toContain('150%');
  });

  it('matches the names a sentence uses against the company data and flags a clash with the positioning', async () => {
    const { client, companyId } = await signUp(h.app);
    await seedHistory(h.runtime.database.db, companyId, 0.08, today);
    await client.put(`/api/companies/${companyId}/market-analysis`, {
      ...market,
      positioning: '高端精品咖啡',
      version: 0,
    });
    const parse = async (statement: string) => {
      const res = await client.post(`/api/companies/${companyId}/goals/parse`, { statement, today });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const known = await parse('未來三個月透過門市將美式的銷售額提升20%');
    expect(known.draft.scope).toEqual({ channel: ['門市'] });
    expect(known.unknownNames).toEqual({ product: ['美式'] });
    const clash = await parse('下季透過全面八折促銷,將拿鐵的銷售額提升30%');
    expect(clash.draft.scope).toEqual({ product: ['拿鐵'] });
    expect(clash.unknownNames).toEqual({});
    expect(clash.grading.findings.map((f: { code: string }) => f.code)).toContain('POSITIONING_CLASH');
    expect(clash.grading.grades.relevant).toBe('warn');
    expect(clash.grading.achievability.verdict).not.toBe('unknown');
  });
});
