import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

/**
 * Market share is revenue over the market the company serves, as its own market analysis sizes it:
 * each year's SAM (TAM when the year has none), in the company's currency, pro rata by days. Editing
 * the analysis changes the answer at once (the cached one goes with the data version).
 */

const market = (sizes: { kind: string; year: number; amount: number; currency?: string }[]) => ({
  positioning: '社區精品咖啡',
  marketSizes: sizes.map((s) => ({ currency: 'TWD', source: '自行估算', ...s })),
  competitors: [],
  swot: [],
  objectives: [],
});

describe.each(dialects())('market share (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const share = async (client: Client, companyId: string, grain: string) => {
    const res = await client.get(
      `/api/companies/${companyId}/kpi?metric=market_share&from=2025-01-01&to=2025-12-31&grain=${grain}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { series: { period: string; value: number | null }[] }).series;
  };

  it("divides revenue by the year's SAM (TAM without one), pro rata by days, and follows edits", async () => {
    const { client, companyId } = await signUp(h.app, 'Share');
    // NT$1,000 on 10 January 2025 and NT$3,000 on 10 July 2025.
    const csv = '訂單編號,日期,品名,金額\nS1,2025-01-10,拿鐵,1000\nS2,2025-07-10,拿鐵,3000\n';
    const { job } = await importCsv(client, companyId, 'share.csv', csv);
    expect(job.state).toBe('done');

    // No market analysis sizes yet: no share.
    expect((await share(client, companyId, 'year')).map((p) => p.value)).toEqual([null]);

    const put = await client.put(`/api/companies/${companyId}/market-analysis`, {
      ...market([
        { kind: 'TAM', year: 2025, amount: 4_000_000 },
        { kind: 'SAM', year: 2025, amount: 400_000 },
        { kind: 'SOM', year: 2025, amount: 40_000 },
        // Another currency is never mixed in.
        { kind: 'SAM', year: 2025, amount: 1, currency: 'USD' },
      ]),
      version: 0,
    });
    expect(put.statusCode, put.body).toBe(200);
    // By hand: 4,000 ÷ 400,000 = 1 %; January: 1,000 ÷ (400,000 × 31 / 365).
    expect((await share(client, companyId, 'year')).map((p) => p.value)).toEqual([0.01]);
    const january = (await share(client, companyId, 'month'))[0]?.value ?? 0;
    expect(january).toBeCloseTo(1000 / ((400_000 * 31) / 365), 10);

    // Only a TAM: the share is of the TAM; the cached answer above is not served again.
    const version = (put.json() as { version: number }).version;
    const put2 = await client.put(`/api/companies/${companyId}/market-analysis`, {
      ...market([{ kind: 'TAM', year: 2025, amount: 4_000_000 }]),
      version,
    });
    expect(put2.statusCode, put2.body).toBe(200);
    expect((await share(client, companyId, 'year')).map((p) => p.value)).toEqual([0.001]);
  });
});
