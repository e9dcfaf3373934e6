import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { cliCompany, runPacer } from '../support/cli.ts';
import { dialects } from '../support/databases.ts';
import { importCsv, salesTotals } from '../support/imports.ts';

/**
 * Reports exported from a POS or an ERP: a title block above the header (the report's name, the print
 * date, the query's conditions) and subtotal / total rows between and after the sales.
 */
const REPORT = [
  '門市銷售報表 2024年5月',
  '列印日期:2024/06/01',
  '',
  '期間:,2024/05/01~2024/05/31,門市:,全部',
  '日期,品名,數量,單價,金額,門市',
  '2024/05/01,拿鐵,2,120,240,信義店',
  '2024/05/01,美式,1,90,90,信義店',
  '2024/05/02,拿鐵,1,120,120,大安店',
  '小計,,4,,450,',
  '2024/05/03,拿鐵,3,120,360,信義店',
  '大安店小計,,,,360,',
  '合計,,7,,810,',
].join('\n');

async function reportXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('銷售明細');
  ws.addRow(['Sales by item, May 2024']);
  ws.mergeCells('A1:E1');
  ws.addRow(['Generated 2024-06-01 09:00', 'by admin']);
  ws.addRow(['Order ID', 'Order date', 'Item', 'Quantity', 'Net sales']);
  ws.addRow(['A1', '2024-05-01', 'Latte', 2, 240]);
  ws.addRow(['A2', '2024-05-02', 'Americano', 1, 90]);
  ws.addRow(['Grand Total', '', '', 3, 330]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook that opens on a summary (a pivot by month) with the lines on its second sheet. */
async function workbookWithCover(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('摘要');
  cover.addRow(['2024 年 5 月銷售摘要']);
  cover.addRow(['品名', '5月', '合計']);
  cover.addRow(['拿鐵', 600, 600]);
  const lines = wb.addWorksheet('明細');
  lines.addRow(['日期', '品名', '數量', '金額']);
  lines.addRow(['2024-05-01', '拿鐵', 2, 240]);
  lines.addRow(['2024-05-02', '拿鐵', 3, 360]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(dialects())('report exports: a title block above the header, total rows (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const totals = (companyId: string) => salesTotals(h.runtime.database.db, companyId);

  it('reads the header under the title block, says so, and rejects the total rows by name', async () => {
    const { client, companyId } = await signUp(h.app);
    const up = await client.upload(`/api/companies/${companyId}/imports/uploads`, 'report.csv', REPORT);
    const preview = (
      await client.post(`/api/companies/${companyId}/imports/preview`, {
        uploadId: up.json().uploadId,
        kind: 'sales',
      })
    ).json();
    expect(preview.headers).toEqual(['日期', '品名', '數量', '單價', '金額', '門市']);
    expect(preview).toMatchObject({ headerLine: 5, titleLines: 3, missingRequired: [] });
    expect(preview.rows.map((r: { line: number }) => r.line)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(preview.rows[3].problems).toEqual([
      expect.objectContaining({ line: 9, code: 'SUMMARY_ROW', column: '日期', value: '小計' }),
    ]);
    expect(preview.rows[5].problems[0]).toMatchObject({ code: 'SUMMARY_ROW', value: '大安店小計' });

    const { job } = await importCsv(client, companyId, 'report.csv', REPORT);
    expect(job.state).toBe('done');
    expect(job.result).toMatchObject({ headerLine: 5, titleLines: 3, added: 4, rejected: 3 });
    // The sales only: NT$810, not NT$810 + 450 + 360 + 810.
    expect(await totals(companyId)).toEqual({ lines: 4, amount: 81_000 });
    client.locale = 'en';
    const report = await client.get(`/api/companies/${companyId}/imports/${job.importId}/errors?format=csv`);
    expect(report.body).toMatch(/9,日期,.*subtotal or total row/);
  });

  it('the same in an XLSX with a merged title cell, and an English report', async () => {
    const { client, companyId } = await signUp(h.app);
    const { job } = await importCsv(client, companyId, 'report.xlsx', await reportXlsx());
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    expect(job.result).toMatchObject({ headerLine: 3, titleLines: 2, added: 2, rejected: 1 });
    expect(await totals(companyId)).toEqual({ lines: 2, amount: 33_000 });
  });

  it('dates printed with their weekday or an English month name are read; a weekday that is not the date’s is refused', async () => {
    const { client, companyId } = await signUp(h.app);
    const file = [
      '日期,品名,金額',
      '2024/05/01(三),拿鐵,240',
      '2024/05/02（週四）,美式,90',
      '3-May-24,拿鐵,120',
      '"May 4, 2024",拿鐵,120',
      '2024/05/05(一),拿鐵,999',
    ].join('\n');
    const up = await client.upload(`/api/companies/${companyId}/imports/uploads`, 'weekdays.csv', file);
    const preview = (
      await client.post(`/api/companies/${companyId}/imports/preview`, {
        uploadId: up.json().uploadId,
        kind: 'sales',
      })
    ).json();
    expect(preview.rows[4].problems).toEqual([
      expect.objectContaining({ line: 6, code: 'DATE_WEEKDAY_MISMATCH', column: '日期' }),
    ]);
    const { job } = await importCsv(client, companyId, 'weekdays.csv', file);
    expect(job.result).toMatchObject({
      added: 4,
      rejected: 1,
      firstDate: '2024-05-01',
      lastDate: '2024-05-04',
    });
  });

  it('a header printed again on the next page is named as such, not read as a sale', async () => {
    const { client, companyId } = await signUp(h.app);
    const pages = ['日期,品名,金額', '2024/05/01,拿鐵,240', '日期,品名,金額', '2024/05/02,美式,90'].join(
      '\n',
    );
    const { job } = await importCsv(client, companyId, 'pages.csv', pages);
    expect(job.result).toMatchObject({ added: 2, rejected: 1 });
    client.locale = 'en';
    const report = await client.get(`/api/companies/${companyId}/imports/${job.importId}/errors?format=csv`);
    expect(report.body).toMatch(/^3,.*the header again/m);
  });

  it('a printed report of two pages: its title, page numbers and header again are each named', async () => {
    const { client, companyId } = await signUp(h.app);
    const printed = [
      '門市銷售報表 2024年5月',
      '日期,品名,金額',
      '2024/05/01,拿鐵,240',
      '第 1 頁',
      '門市銷售報表 2024年5月',
      '日期,品名,金額',
      '2024/05/02,美式,90',
      '第 2 頁',
    ].join('\n');
    const { job } = await importCsv(client, companyId, 'printed.csv', printed);
    expect(job.result).toMatchObject({ headerLine: 2, titleLines: 1, added: 2, rejected: 4 });
    const report = await client.get(`/api/companies/${companyId}/imports/${job.importId}/errors?format=csv`);
    const lines = report.body
      .split(/\r?\n/)
      .filter((l) => /^\d/.test(l))
      .map((l) => l.split(',')[0]);
    expect(lines).toEqual(['4', '5', '6', '8']);
    expect(report.body).toContain('TITLE_REPEATED');
    expect(await totals(companyId)).toEqual({ lines: 2, amount: 33_000 });
  });

  it('a workbook that opens on a summary: its lines sheet is suggested and imported unless another is chosen', async () => {
    const { client, companyId } = await signUp(h.app);
    const book = await workbookWithCover();
    const up = await client.upload(`/api/companies/${companyId}/imports/uploads`, 'may.xlsx', book);
    expect(up.json()).toMatchObject({ sheets: ['摘要', '明細'], sheet: '明細' });
    const { job } = await importCsv(client, companyId, 'may.xlsx', book);
    expect(job.result).toMatchObject({ added: 2, rejected: 0 });
    expect(await totals(companyId)).toEqual({ lines: 2, amount: 60_000 });
    // Chosen by name, the summary is read as asked (and has no date column).
    const asked = await importCsv(client, companyId, 'may.xlsx', book, { sheet: '摘要' });
    expect(asked.job.state).toBe('failed');
  });

  it('a strict import keeps a report: its total rows and the header again are no problem of the data', async () => {
    const { client, companyId } = await signUp(h.app);
    const pages = `${REPORT}\n日期,品名,數量,單價,金額,門市\n2024/05/04,美式,1,90,90,大安店`;
    const { job } = await importCsv(client, companyId, 'report.csv', pages, { strict: true });
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    expect(job.result).toMatchObject({ added: 5, rejected: 4 });
    expect(await totals(companyId)).toEqual({ lines: 5, amount: 90_000 });
    // Still listed, with their reasons.
    const report = await client.get(`/api/companies/${companyId}/imports/${job.importId}/errors?format=csv`);
    expect(report.body).toContain('SUMMARY_ROW');
    expect(report.body).toContain('HEADER_REPEATED');

    // A line whose date does not exist is a problem of the data: nothing is imported, and the count
    // and the lines named are of that line alone, not of the report's rows.
    const other = await signUp(h.app);
    const bad = `${REPORT}\n2024/05/32,拿鐵,1,120,120,信義店`;
    const refused = await importCsv(other.client, other.companyId, 'bad.csv', bad, { strict: true });
    expect(refused.job.state).toBe('failed');
    expect(refused.job.error).toMatchObject({ code: 'IMPORT_STRICT_REJECTED' });
    expect(refused.job.error.message).toContain('1 lines have a problem (lines 13)');
    expect(await totals(other.companyId)).toEqual({ lines: 0, amount: 0 });
  });

  it('a file whose first line is its header is read as before: no title block', async () => {
    const { client, companyId } = await signUp(h.app);
    const plain = ['日期,品名,金額', '2024/05/01,拿鐵,240', '2024/05/02,Total Care 洗髮精,90'].join('\n');
    const { job } = await importCsv(client, companyId, 'plain.csv', plain);
    expect(job.result).toMatchObject({ headerLine: 1, titleLines: 0, added: 2, rejected: 0 });
  });
});

describe('report exports through the CLI', () => {
  it('says what the title block was and names the total rows, in both languages', () => {
    const c = cliCompany('Report');
    try {
      const file = join(c.dir, 'report.csv');
      writeFileSync(file, REPORT);
      const zh = runPacer(['import', 'sales', file, '--data', c.data]);
      expect(zh.status, zh.stderr).toBe(0);
      expect(zh.stdout).toContain('第 1–4 行是欄名（第 5 行）上方的報表標題');
      expect(zh.stdout).toContain('第 9 行「日期」：這一行是報表的小計或合計列');
      expect(zh.stdout).toContain('小計或合計列');
      const en = runPacer(['--lang', 'en', 'import', 'sales', file, '--data', c.data, '--json']);
      expect(en.status, en.stderr).toBe(0);
      const out = JSON.parse(en.stdout);
      expect(out).toMatchObject({ headerLine: 5, titleLines: 3, added: 0, duplicates: 4, rejected: 3 });
      expect(out.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
        [9, 'SUMMARY_ROW'],
        [11, 'SUMMARY_ROW'],
        [12, 'SUMMARY_ROW'],
      ]);
      // --strict: the total rows do not refuse the file (the lines are the ones already imported).
      const strict = runPacer([
        '--lang',
        'en',
        'import',
        'sales',
        file,
        '--data',
        c.data,
        '--strict',
        '--json',
      ]);
      expect(strict.status, strict.stderr).toBe(0);
      expect(JSON.parse(strict.stdout)).toMatchObject({ added: 0, duplicates: 4, rejected: 3 });
    } finally {
      c.remove();
    }
  });
});
