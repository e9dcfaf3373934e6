import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

/**
 * Last year's periods of a question may overlap where this year's do not: ISO week 53 of 2020 and
 * week 52 both compare with 2019-W52 (2019 has no week 53), 29 and 28 February 2024 both with
 * 28 February 2023, and a range starting inside 2020-W52 compares a part of 2019-W52 and then all of
 * it. Each comparison point is its own period's figure, whatever the others: the readings map a row
 * to one bucket, so overlapping buckets must not take each other's rows.
 */

const HEADER = '訂單編號,項次,交易日期,品名,通路,數量,單價,金額,會員編號';

interface Point {
  period: string;
  key?: string | null;
  start: string;
  end: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
}
interface Result {
  series: Point[];
  comparison: Point[];
  total: Point[];
  comparisonTotal: Point[];
}

describe.each(dialects())('comparison periods that overlap (%s)', (dialect) => {
  let h: Harness;
  let client: Client;
  let companyId: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    ({ client, companyId } = await signUp(h.app));
    const lines = [
      // 2019-W52 (23–29 December 2019): four orders of three customers, one of two lines on two days.
      'A1,1,2019-12-23,拿鐵,門市,1,100,100,M1',
      'A1,2,2019-12-24,美式,門市,1,80,80,M1',
      'A2,1,2019-12-27,拿鐵,門市,2,100,200,M2',
      'A3,1,2019-12-28,可頌,線上,1,60,60,M1',
      // M5 buys only early in that week (before the 26th).
      'A4,1,2019-12-24,可頌,門市,1,60,60,M5',
      // 2019-W51, so that retention into 2019-W52 has a previous week.
      'A0,1,2019-12-18,拿鐵,門市,1,100,100,M2',
      'A9,1,2019-12-19,拿鐵,門市,1,100,100,M3',
      // 28 February 2023 (and the day before): two orders, two customers.
      'B0,1,2023-02-27,拿鐵,門市,1,100,100,M1',
      'B1,1,2023-02-28,拿鐵,門市,1,100,100,M1',
      'B2,1,2023-02-28,美式,線上,3,80,240,M4',
      // This year's weeks and days, so that the series has something too.
      'C1,1,2020-12-22,拿鐵,門市,1,100,100,M1',
      'C2,1,2020-12-29,拿鐵,門市,1,100,100,M2',
      'D1,1,2024-02-29,拿鐵,門市,1,100,100,M1',
    ];
    const { job } = await importCsv(client, companyId, 'sales.csv', [HEADER, ...lines].join('\n'));
    expect(job.state, JSON.stringify(job)).toBe('done');
  });
  afterAll(async () => h?.close());

  async function kpi(metric: string, from: string, to: string, grain: string, extra = ''): Promise<Result> {
    const res = await client.get(
      `/api/companies/${companyId}/kpi?metric=${metric}&from=${from}&to=${to}&grain=${grain}${extra}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Result;
  }

  const values = (points: Point[]) => points.map((p) => [p.period, p.start, p.end, p.value]);

  // The figures of 2019-W52 alone, and of 28 February 2023 alone.
  const W52 = {
    revenue: 500,
    orders: 4,
    customers: 3,
    repeat_purchase_rate: 1 / 3,
    retention_rate: 0.5,
  };
  const FEB28 = { revenue: 340, orders: 2, customers: 2, repeat_purchase_rate: 0, retention_rate: 1 };

  it('2020-W52 and 2020-W53 both compare with the whole of 2019-W52', async () => {
    for (const [metric, value] of Object.entries(W52)) {
      const r = await kpi(metric, '2020-12-21', '2021-01-03', 'week');
      expect(values(r.comparison), metric).toEqual([
        ['2019-W52', '2019-12-23', '2019-12-29', value],
        ['2019-W52', '2019-12-23', '2019-12-29', value],
      ]);
    }
    // A sum's total last year adds its periods (2019-W52 twice); by a breakdown, member by member.
    expect((await kpi('orders', '2020-12-21', '2021-01-03', 'week')).comparisonTotal[0]?.value).toBe(8);
    const byChannel = await kpi('orders', '2020-12-21', '2021-01-03', 'week', '&by=channel');
    expect(
      byChannel.comparison.filter((p) => p.key === '門市').map((p) => p.value),
      JSON.stringify(byChannel.comparison),
    ).toEqual([3, 3]);
  });

  it('a range starting inside 2020-W52: a part of 2019-W52, then all of it', async () => {
    const r = await kpi('orders', '2020-12-24', '2021-01-03', 'week');
    expect(values(r.comparison)).toEqual([
      ['2019-W52', '2019-12-26', '2019-12-29', 2],
      ['2019-W52', '2019-12-23', '2019-12-29', 4],
    ]);
    const customers = await kpi('customers', '2020-12-24', '2021-01-03', 'week');
    expect(customers.comparison.map((p) => p.value)).toEqual([2, 3]);
    // Last year's distinct total reads every day its points cover: M5 bought on the 24th.
    expect(values(customers.comparisonTotal)).toEqual([
      ['2019-12-23..2019-12-29', '2019-12-23', '2019-12-29', 3],
    ]);
  });

  it('the rest of February 2025 compares with the rest of February 2024, to the 29th', async () => {
    const r = await kpi('revenue', '2025-02-15', '2025-03-31', 'month');
    expect(values(r.comparison)).toEqual([
      ['2024-02', '2024-02-15', '2024-02-29', 100],
      ['2024-03', '2024-03-01', '2024-03-31', 0],
    ]);
    expect(r.comparisonTotal[0]?.value).toBe(100);
  });

  it("market share's total last year divides by the market of its periods (2019-W52 twice)", async () => {
    const put = await client.put(`/api/companies/${companyId}/market-analysis`, {
      positioning: '',
      marketSizes: [{ kind: 'SAM', year: 2019, amount: 365_000, currency: 'TWD', source: '估算' }],
      competitors: [],
      swot: [],
      objectives: [],
      version: 0,
    });
    expect(put.statusCode, put.body).toBe(200);
    const r = await kpi('market_share', '2020-12-21', '2021-01-03', 'week');
    // A market of NT$1,000 a day in 2019: 2019-W52 is NT$7,000 of market and NT$500 of revenue.
    expect(r.comparison.map((p) => p.value)).toEqual([500 / 7000, 500 / 7000]);
    const total = r.comparisonTotal[0];
    expect([total?.numerator, total?.denominator, total?.value]).toEqual([1000, 14_000, 1000 / 14_000]);
  });

  it('29 and 28 February 2024 both compare with 28 February 2023', async () => {
    for (const [metric, value] of Object.entries(FEB28)) {
      const r = await kpi(metric, '2024-02-28', '2024-02-29', 'day');
      expect(values(r.comparison), metric).toEqual([
        ['2023-02-28', '2023-02-28', '2023-02-28', value],
        ['2023-02-28', '2023-02-28', '2023-02-28', value],
      ]);
    }
  });
});
