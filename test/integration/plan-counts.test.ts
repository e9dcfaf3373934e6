import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

/**
 * Phase goals of metrics that are neither sums nor levels, and the level a ratio's children imply,
 * through inject() on both databases. The sales of 2025, imported: each month the shop's four
 * regulars (A1–A4) buy one NT$100 order each in 門市 on the 1st, and two customers seen only that
 * month buy one NT$500 order each online (線上) on the 10th. So a month has 6 customers, a quarter 4
 * + 6 = 10, half a year 4 + 12 = 16; 門市 has 4 customers in any period, 線上 2 a month.
 */
function salesOf2025(): string {
  const lines = ['訂單編號,日期,產品,數量,金額,客戶,通路'];
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    for (let a = 1; a <= 4; a++) lines.push(`S${mm}${a},2025/${mm}/01,拿鐵,1,100,A${a},門市`);
    for (const u of ['a', 'b']) lines.push(`W${mm}${u},2025/${mm}/10,禮盒,1,500,U${mm}${u},線上`);
  }
  return `${lines.join('\n')}\n`;
}

const TODAY = '2026-01-01';

describe.each(dialects())('phase goals of counts and levels (%s)', (dialect) => {
  let h: Harness;
  let client: Client;
  let companyId: string;
  const plans = () => `/api/companies/${companyId}/plans`;
  const goal = async (metric: string, value: number, period: { start: string; end: string }) => {
    const res = await client.post(`/api/companies/${companyId}/goals`, {
      name: `${metric} goal`,
      metric,
      target: { metric, kind: 'absolute', value, per: null },
      period,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };

  beforeAll(async () => {
    h = await startHarness(dialect);
    ({ client, companyId } = await signUp(h.app));
    const { job } = await importCsv(client, companyId, 'sales-2025.csv', salesOf2025());
    expect(job.state, JSON.stringify(job)).toBe('done');
  }, 180_000);
  afterAll(async () => h?.close());

  it('distinct customers by month: each month its own last year × the goal’s change, never the half-year’s count', async () => {
    // 24 customers in 2026 H1 is 1.5 × the 16 of 2025 H1: a month asks 1.5 × its own 6, not 24.
    const g = await goal('customers', 24, { start: '2026-01-01', end: '2026-06-30' });
    const res = await client.post(`${plans()}/${g.id}/split`, { into: 'month', today: TODAY });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.children.map((c: { target: number; lastYear: number }) => [c.target, c.lastYear])).toEqual(
      Array.from({ length: 6 }, () => [9, 6]),
    );
    expect(v.implied).toBeNull();
    expect(v.notes.map((n: { code: string }) => n.code)).toEqual(['COUNT_FROM_LAST_YEAR']);
    // The tree implies no level from overlapping months (a customer of two months is one of the half-year).
    const tree = (await client.get(`${plans()}/${g.id}?today=${TODAY}`)).json();
    expect(tree.goal.target).toBe(24);
    expect(tree.goal.implied).toBeNull();
    expect(tree.goal.impliedWeighting).toBeNull();
    expect(tree.children.map((c: { target: number }) => c.target)).toEqual([9, 9, 9, 9, 9, 9]);
    expect(tree.children.every((c: { weight: number | null }) => c.weight === null)).toBe(true);
  });

  it('distinct customers by quarter × channel: each member’s own customers moved by the same change', async () => {
    // 2025 H1: 16 customers; Q1 2025: 門市 4, 線上 6. Target 32 = 2 × 16.
    const g = await goal('customers', 32, { start: '2026-01-01', end: '2026-06-30' });
    const res = await client.post(`${plans()}/${g.id}/split`, {
      into: 'quarter',
      by: 'channel',
      dryRun: true,
      today: TODAY,
    });
    expect(res.statusCode, res.body).toBe(200);
    const cells = res
      .json()
      .children.map((c: { periodId: string; member: string; target: number }) => [
        c.periodId,
        c.member,
        c.target,
      ]);
    // The chart's plan of a quarter is the scope's: 2 × its 10 customers of Q1 2025, not the last
    // member's 12 (nor a sum of members, who may overlap).
    expect(res.json().curve.map((p: { period: string; plan: number }) => [p.period, p.plan])).toEqual([
      ['2026-01', 20],
      ['2026-04', 20],
    ]);
    expect(cells).toEqual(
      expect.arrayContaining([
        ['2026-Q1', '門市', 8],
        ['2026-Q1', '線上', 12],
        ['2026-Q2', '門市', 8],
        ['2026-Q2', '線上', 12],
      ]),
    );
  });

  it('a count over the period without last year’s data is refused with the reason in both languages; typed by hand it is kept', async () => {
    // 2027 H1: last year is 2026 H1, which the data (2025) does not hold.
    const g = await goal('customers', 30, { start: '2027-01-01', end: '2027-06-30' });
    const res = await client.post(`${plans()}/${g.id}/split`, { into: 'quarter', today: TODAY });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'PLAN_CANNOT_SPLIT',
      errors: [{ path: 'method', code: 'split_count_needs_history' }],
    });
    expect(res.json().detail).toContain('manual split');
    client.locale = 'zh-TW';
    const zh = await client.post(`${plans()}/${g.id}/split`, { into: 'quarter', today: TODAY });
    client.locale = 'en';
    expect(zh.statusCode).toBe(422);
    expect(zh.json().detail).toContain('手動拆解');
    const manual = await client.post(`${plans()}/${g.id}/split`, {
      into: 'quarter',
      method: 'manual',
      today: TODAY,
      cells: [
        { periodId: '2027-Q1', target: 20 },
        { periodId: '2027-Q2', target: 22 },
      ],
    });
    expect(manual.statusCode, manual.body).toBe(200);
    expect(manual.json().children.map((c: { target: number }) => c.target)).toEqual([20, 22]);
  });

  it('a count over the period is not re-planned from a closed phase’s gap: the phases overlap (both languages)', async () => {
    const g = await goal('customers', 20, { start: '2025-07-01', end: '2025-12-31' });
    const split = await client.post(`${plans()}/${g.id}/split`, {
      into: 'quarter',
      method: 'manual',
      today: '2025-07-01',
      cells: [
        { periodId: '2025-Q3', target: 12 },
        { periodId: '2025-Q4', target: 12 },
      ],
    });
    expect(split.statusCode, split.body).toBe(200);
    const body = { today: '2025-10-01', mode: 'keep', reason: 'Q3 review', dryRun: true };
    const res = await client.post(`${plans()}/${g.id}/replan`, body);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: 'PLAN_COUNT_NOT_REPLANNED' });
    expect(res.json().detail).toContain('overlap');
    client.locale = 'zh-TW';
    const zh = await client.post(`${plans()}/${g.id}/replan`, { ...body, mode: 'spread' });
    client.locale = 'en';
    expect(zh.statusCode).toBe(422);
    expect(zh.json().detail).toContain('彼此重疊');
  });

  it('a ratio’s preview implies the level its saved tree shows: children weighted by their orders, not days', async () => {
    // Q1 2025 orders: 門市 12, 線上 6. Typed levels 120 and 600 imply (120·12 + 600·6) ÷ 18 = 280,
    // not (120 + 600) ÷ 2 = 360 as equal days would.
    const g = await goal('aov', 300, { start: '2026-01-01', end: '2026-03-31' });
    const body = {
      into: 'quarter',
      by: 'channel',
      method: 'manual',
      today: TODAY,
      cells: [
        { periodId: '2026-Q1', member: '門市', target: 120 },
        { periodId: '2026-Q1', member: '線上', target: 600 },
      ],
    };
    const preview = await client.post(`${plans()}/${g.id}/split`, { ...body, dryRun: true });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().implied).toBeCloseTo(280, 6);
    // The chart's plan for the quarter is that level too, not the last member's 600.
    expect(preview.json().curve).toEqual([{ period: '2026-01', plan: 280, lastYear: expect.any(Number) }]);
    const saved = await client.post(`${plans()}/${g.id}/split`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    const tree = (await client.get(`${plans()}/${g.id}?today=${TODAY}`)).json();
    expect(tree.goal.impliedWeighting).toBe('last-year');
    expect(tree.goal.implied).toBeCloseTo(preview.json().implied, 6);
    // Each child carries its weight (last year's orders), for the plan chart's level of a period.
    const weights = tree.children.map((c: { member: string; weight: number }) => [c.member, c.weight]);
    expect(weights.sort()).toEqual([
      ['線上', 6],
      ['門市', 12],
    ]);
  });
});
