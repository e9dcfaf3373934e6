import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';
import { addMember } from './team-fixture.ts';

const CSV = [
  '訂單編號,日期,品名,數量,單價,金額,通路',
  'E1,2026-01-05,拿鐵,2,120,240,門市',
  'E2,2026-01-06,=HYPERLINK("http://x"),1,80,80,門市',
  'E3,2026-02-07,美式咖啡,1,80,-80,線上商店',
].join('\n');

describe.each(dialects())('exports (%s)', (dialect) => {
  let h: Harness;
  let owner: Awaited<ReturnType<typeof signUp>>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    owner = await signUp(h.app);
    const { job } = await importCsv(owner.client, owner.companyId, 'e.csv', CSV);
    expect(job.result?.added).toBe(3);
  });
  afterAll(async () => h?.close());

  it('exports sales lines as CSV, neutralising formulas and keeping negative numbers numeric', async () => {
    owner.client.locale = 'zh-TW';
    const res = await owner.client.get(`/api/companies/${owner.companyId}/exports/sales?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('銷售明細.csv'));
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('訂單編號');
    expect(lines).toHaveLength(4);
    expect(res.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[3]).toContain(',-80,');
  });

  it('exports XLSX with text kept as text', async () => {
    const res = await owner.client.get(
      `/api/companies/${owner.companyId}/exports/sales?format=xlsx&from=2026-01-01&to=2026-01-31`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.rowCount).toBe(3);
    const cell = ws?.getRow(3).getCell(5);
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe('=HYPERLINK("http://x")');
  });

  it('exports a KPI view with last year alongside', async () => {
    owner.client.locale = 'en';
    const res = await owner.client.get(
      `/api/companies/${owner.companyId}/kpi/export?metric=revenue&from=2026-01-01&to=2026-02-28&grain=month&format=csv`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Period,From,To,.*,Same period last year$/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(',320,');
    // The whole range's row, as the screen's 合計: the months' revenue added up.
    const months = lines.slice(1, 3).map((l) => Number(l.split(',')[3]));
    expect(lines[3]).toBe(`Total,2026-01-01,2026-02-28,${months[0]! + months[1]!},0`);
  });

  it('exports a KPI view by a dimension under its name, money and dates formatted as on screen', async () => {
    const url = (format: string) =>
      `/api/companies/${owner.companyId}/kpi/export?metric=aov&from=2026-01-01&to=2026-02-28&grain=month&by=channel&format=${format}`;
    owner.client.locale = 'zh-TW';
    const csv = await owner.client.get(url('csv'));
    expect(csv.statusCode, csv.body).toBe(200);
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('期間,起,迄,通路,客單價,去年同期');
    expect(lines).toContain('2026-01,2026-01-01,2026-01-31,門市,160,');
    // A ratio's whole-range row per channel is the API's total (Σ revenue ÷ Σ orders), not a sum of months.
    const api = (
      await owner.client.get(
        `/api/companies/${owner.companyId}/kpi?metric=aov&from=2026-01-01&to=2026-02-28&grain=month&by=channel`,
      )
    ).json() as { total: { key: string; value: number | null }[] };
    // 線上商店 has a return alone (no order): no AOV, an empty cell, not 0.
    expect(api.total.find((t) => t.key === '線上商店')?.value).toBeNull();
    for (const t of api.total)
      expect(lines).toContain(
        `整段期間,2026-01-01,2026-02-28,${t.key},${t.value === null ? '' : Math.round(t.value * 100) / 100},`,
      );

    owner.client.locale = 'en';
    const enCsv = await owner.client.get(url('csv'));
    expect(enCsv.body.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(
      'Period,From,To,Channel,Average order value,Same period last year',
    );

    owner.client.locale = 'zh-TW';
    const xlsx = await owner.client.get(url('xlsx'));
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('D1').value).toBe('通路');
    const row = [2, 3, 4].map((r) => ws.getRow(r)).find((r) => r.getCell(4).value === '門市')!;
    expect(row.getCell(2).value).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(row.getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(5).value).toBe(160);
    expect(row.getCell(5).numFmt).toBe('"NT$"#,##0.00;-"NT$"#,##0.00');
  });

  it('lets only owners and managers export raw data', async () => {
    const viewer = await addMember(h.app, owner.client, owner.companyId, 'viewer');
    expect((await viewer.client.get(`/api/companies/${owner.companyId}/exports/customers`)).statusCode).toBe(
      403,
    );
    const other = await signUp(h.app);
    expect((await other.client.get(`/api/companies/${owner.companyId}/exports/sales`)).statusCode).toBe(404);
  });
});
