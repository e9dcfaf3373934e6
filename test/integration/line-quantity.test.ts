import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

// Quantities a 4-byte float cannot hold: PostgreSQL's sales_lines.quantity was `real` and read these
// back as 16777216 and 1234.5679, while SQLite (8-byte REAL) and the roll-ups kept them.
const CSV = [
  '訂單編號,日期,品名,數量,單價,金額,通路,會員編號,會員等級',
  'Q1,2026-03-02,散裝咖啡豆,16777217,1,16777217,門市,M1,金卡',
  'Q2,2026-03-03,散裝咖啡豆,1234.567891,1,1234.57,門市,M1,金卡',
].join('\n');

describe.each(dialects())('line quantities (%s)', (dialect) => {
  let h: Harness;
  let owner: Awaited<ReturnType<typeof signUp>>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    owner = await signUp(h.app);
    const { job } = await importCsv(owner.client, owner.companyId, 'q.csv', CSV);
    expect(job.result?.added).toBe(2);
  });
  afterAll(async () => h?.close());

  it('exports each line with the quantity it was imported with', async () => {
    const res = await owner.client.get(`/api/companies/${owner.companyId}/exports/sales?format=csv`);
    expect(res.statusCode).toBe(200);
    const rows = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.startsWith('Q1'))).toContain(',16777217,');
    expect(rows.find((r) => r.startsWith('Q2'))).toContain(',1234.567891,');
  });

  it('sums the exact quantities where units are read from the lines (a customer segment, part of a month)', async () => {
    const res = await owner.client.get(
      `/api/companies/${owner.companyId}/kpi?metric=units&from=2026-03-01&to=2026-03-10&grain=day&by=member_tier`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      series: { key?: string | null; value: number | null }[];
      total: typeof body.series;
    };
    const days = body.series.filter((p) => p.key === '金卡' && p.value);
    expect(days.map((p) => p.value)).toEqual([16777217, 1234.567891]);
    expect(body.total.find((p) => p.key === '金卡')?.value).toBe(16777217 + 1234.567891);
  });
});
