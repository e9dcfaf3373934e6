import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

/**
 * Marketing spend and funnel counts, and customer-satisfaction responses, imported through the API
 * (Chinese headers): rows added once, repeats and re-imports skipped, figures served by the KPI API.
 */

const MARKETING = [
  '日期,通路,活動,曝光,點擊,名單,商機,花費',
  '2026-01-05,臉書廣告,新年,12000,800,40,6,"NT$3,500"',
  '2026-01-06,臉書廣告,新年,15000,900,35,5,4200',
  '2026-01-06,門市,,0,300,12,4,0',
  // The same day, channel and campaign again: one row per day, channel and campaign is kept.
  '2026-01-06,臉書廣告,新年,1,1,1,1,1',
].join('\n');

const SATISFACTION = [
  '回覆編號,日期,客戶,通路,CSAT,NPS,意見',
  'R1,2026-01-05,M001,門市,5,10,很好喝',
  'R2,2026-01-06,M002,門市,3,6,等太久',
  ',2026-01-07,,臉書廣告,4,9,',
].join('\n');

async function importFile(client: Client, companyId: string, kind: string, content: string) {
  const { job } = await importCsv(client, companyId, `${kind}.csv`, content, { kind });
  expect(job.state, JSON.stringify(job)).toBe('done');
  return job.result as { added: number; duplicates: number; rejected: number };
}

const kpi = async (client: Client, companyId: string, query: string) => {
  const res = await client.get(`/api/companies/${companyId}/kpi?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { series: { period: string; value: number | null }[] }).series.map((p) => p.value);
};

describe.each(dialects())('marketing and satisfaction imports (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('imports marketing figures once and serves them as KPIs', async () => {
    const { client, companyId } = await signUp(h.app);
    expect(await importFile(client, companyId, 'marketing', MARKETING)).toMatchObject({
      added: 3,
      duplicates: 1,
      rejected: 0,
    });
    expect(await importFile(client, companyId, 'marketing', MARKETING)).toMatchObject({
      added: 0,
      duplicates: 4,
    });
    const rows = await h.runtime.database.db
      .selectFrom('marketing_daily')
      .select(['day', 'spend_minor', 'leads', 'campaign'])
      .where('company_id', '=', companyId)
      .orderBy('day')
      .orderBy('spend_minor')
      .execute();
    expect(rows.map((r) => [r.day, Number(r.spend_minor), Number(r.leads), r.campaign])).toEqual([
      ['2026-01-05', 350000, 40, '新年'],
      ['2026-01-06', 0, 12, ''],
      ['2026-01-06', 420000, 35, '新年'],
    ]);
    expect(await kpi(client, companyId, 'metric=leads&from=2026-01-01&to=2026-01-31&grain=month')).toEqual([
      87,
    ]);
    const channels = await client.get(`/api/companies/${companyId}/catalog/channels`);
    expect(channels.statusCode, channels.body).toBe(200);
    expect((channels.json() as { name: string }[]).map((c) => c.name).sort()).toEqual(
      ['臉書廣告', '門市'].sort(),
    );
  });

  it('imports satisfaction responses once (with or without a response id) and serves CSAT and NPS', async () => {
    const { client, companyId } = await signUp(h.app);
    expect(await importFile(client, companyId, 'satisfaction', SATISFACTION)).toMatchObject({
      added: 3,
      duplicates: 0,
      rejected: 0,
    });
    expect(await importFile(client, companyId, 'satisfaction', SATISFACTION)).toMatchObject({
      added: 0,
      duplicates: 3,
    });
    expect(await kpi(client, companyId, 'metric=csat&from=2026-01-01&to=2026-01-31&grain=month')).toEqual([
      4,
    ]);
    // NPS: promoters (9–10) 2 of 3, detractors (0–6) 1 of 3 → (2 − 1) / 3 × 100.
    const [nps] = await kpi(client, companyId, 'metric=nps&from=2026-01-01&to=2026-01-31&grain=month');
    expect(nps).toBeCloseTo(100 / 3, 6);
  });
});
