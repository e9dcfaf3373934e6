import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGIN, seedDemoCompany } from '../../src/app/demo/seed-demo-company.ts';
import { createDemoHistoryWriter } from '../../src/db/demo-history-writer.ts';
import { Client, type Harness, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';

/**
 * The demo company shows the product on a first run: no KPI of the explorer's headline set is empty
 * (marketing, funnel and survey data come with the sales), and the goals page has goals to read,
 * graded differently.
 */
const TODAY = '2026-06-15';

describe.each(dialects())('the demo company (%s)', (dialect) => {
  let h: Harness;
  let client: Client;
  let companyId: string;

  beforeAll(async () => {
    h = await startHarness(dialect);
    const seeded = await seedDemoCompany(h.runtime.ctx, createDemoHistoryWriter(h.runtime.database), {
      today: TODAY,
      scale: 0.25,
    });
    companyId = seeded.companyId;
    client = new Client(h.app, 'zh-TW');
    const login = await client.request('POST', '/api/auth/login', {
      email: DEMO_LOGIN.email,
      password: DEMO_LOGIN.password,
    });
    expect(login.statusCode).toBe(200);
  }, 240_000);
  afterAll(() => h?.close());

  const kpi = async (metric: string, by?: string) => {
    const q = new URLSearchParams({ metric, from: '2025-06-01', to: '2026-05-31', grain: 'month' });
    if (by) q.set('by', by);
    const res = await client.request('GET', `/api/companies/${companyId}/kpi?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { series: { key?: string | null; value: number | null }[] };
  };

  it.each([
    'revenue',
    'orders',
    'aov',
    'conversion_rate',
    'cac',
    'roas',
    'leads',
    'csat',
    'nps',
    'retention_rate',
  ])('%s has a value in every month of the last year', async (metric) => {
    const { series } = await kpi(metric);
    expect(series).toHaveLength(12);
    for (const p of series) expect(p.value, `${metric} ${JSON.stringify(p)}`).not.toBeNull();
  });

  it('has plausible marketing ratios: online conversion of a few percent, ROAS and CSAT in range', async () => {
    const conversion = await kpi('conversion_rate', 'channel');
    const online = conversion.series.filter((p) => p.key === '線上商店');
    expect(online).toHaveLength(12);
    for (const p of online) {
      expect(p.value).toBeGreaterThan(0.015);
      expect(p.value).toBeLessThan(0.05);
    }
    // ROAS dips in months without a festival campaign; over the year the ads pay for themselves.
    const roas = (await kpi('roas')).series as { numerator?: number; denominator?: number }[];
    const year =
      roas.reduce((s, p) => s + (p.numerator ?? 0), 0) / roas.reduce((s, p) => s + (p.denominator ?? 0), 0);
    expect(year).toBeGreaterThan(1);
    expect(year).toBeLessThan(10);
    for (const p of (await kpi('csat')).series) {
      expect(p.value).toBeGreaterThan(3.5);
      expect(p.value).toBeLessThanOrEqual(5);
    }
  });

  it('has sample goals, graded differently (a well-formed one and an out-of-reach one)', async () => {
    const res = await client.request('GET', `/api/companies/${companyId}/goals`);
    expect(res.statusCode, res.body).toBe(200);
    const goals = res.json() as { name: string; score: number | null }[];
    expect(goals.length).toBeGreaterThanOrEqual(3);
    const scores = goals.map((g) => g.score);
    expect(new Set(scores).size).toBeGreaterThan(1);
  });
});
