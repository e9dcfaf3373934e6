import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ExportCell,
  type ExportColumn,
  neutralizeText,
  writeCsv,
  writeXlsx,
} from '../../../src/ingest/export-table.ts';
import { readDelimited } from '../../../src/ingest/read-delimited.ts';
import { readXlsxRows } from '../../../src/ingest/read-xlsx.ts';

const dir = mkdtempSync(join(tmpdir(), 'pacer-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS: ExportCell[][] = [
  ['品名', '金額', '備註'],
  ['=HYPERLINK("http://evil","點我")', -1234.5, '+886 2 1234'],
  ['@SUM(A1)', 0, '-2+3'],
  ['\tcmd', 42, '\r=1'],
  ['拿鐵, 大杯', null, '說 "好"'],
  [true, -7, ''],
];

async function csvText(rows: ExportCell[][], columns?: readonly ExportColumn[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeCsv(rows, out, columns);
  out.end();
  return Buffer.concat(chunks);
}

describe('export', () => {
  it('writes CSV with a BOM, neutralized formulas and numeric negatives', async () => {
    const bytes = await csvText(ROWS);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const back: string[][] = [];
    for await (const r of readDelimited(PassThroughOf(bytes))) back.push(r.cells);
    expect(back).toEqual([
      ['品名', '金額', '備註'],
      [`'=HYPERLINK("http://evil","點我")`, '-1234.5', "'+886 2 1234"],
      ["'@SUM(A1)", '0', "'-2+3"],
      ["'\tcmd", '42', "'\r=1"],
      ['拿鐵, 大杯', '', '說 "好"'],
      ['TRUE', '-7', ''],
    ]);
  });

  it('writes XLSX with text as text and numbers as numbers', async () => {
    const path = join(dir, 'export.xlsx');
    await writeXlsx(ROWS, path, { sheetName: '銷售/報表' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('銷售 報表');
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A2').value).toBe('=HYPERLINK("http://evil","點我")');
    expect(ws.getCell('B2').value).toBe(-1234.5);
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('C3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B6').value).toBe(-7);
    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) formulas++;
      }),
    );
    expect(formulas).toBe(0);
    const rows = [];
    for await (const r of readXlsxRows(path)) rows.push(r.cells);
    expect(rows[1]).toEqual(['=HYPERLINK("http://evil","點我")', '-1234.5', '+886 2 1234']);
  });

  // Each column's kind decides the file's formats: the values as the screen shows them.
  const TYPED_COLUMNS: ExportColumn[] = [
    { kind: 'text' },
    { kind: 'date' },
    { kind: 'money', currency: 'TWD', precision: 'minor' },
    { kind: 'money', currency: 'TWD', precision: 'whole' },
    { kind: 'percent', decimals: 1 },
    { kind: 'count' },
    { kind: 'decimal', decimals: 2 },
  ];
  const TYPED_ROWS: ExportCell[][] = [
    ['期間', '起', '客單價', '營收', '回購率', '訂單', 'NPS'],
    ['2026-01', '2026-01-05', 387.6588628762542, 1106638.4, 0.6624338624338625, 12.0000001, 41.666666],
    ['=1+1', '-2026', -12.345, -0.4, null, 3, 7],
    ['注意', '資料缺少客戶編號'],
  ];

  it('writes XLSX numbers under their column kind formats and dates as Excel dates', async () => {
    const path = join(dir, 'typed.xlsx');
    await writeXlsx(TYPED_ROWS, path, { sheetName: 'KPI', columns: TYPED_COLUMNS });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('期間');
    expect(ws.getCell('B1').value).toBe('起');
    expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('C2').value).toBe(387.66);
    expect(ws.getCell('C2').numFmt).toBe('"NT$"#,##0.00;-"NT$"#,##0.00');
    expect(ws.getCell('D2').value).toBe(1106638.4);
    expect(ws.getCell('D2').numFmt).toBe('"NT$"#,##0;-"NT$"#,##0');
    // The exact fraction, shown as 66.2 %: Excel computes with the value.
    expect(ws.getCell('E2').value).toBe(0.6624338624338625);
    expect(ws.getCell('E2').numFmt).toBe('0.0%');
    expect(ws.getCell('F2').value).toBe(12);
    expect(ws.getCell('F2').numFmt).toBe('#,##0');
    expect(ws.getCell('G2').value).toBe(41.666666);
    expect(ws.getCell('G2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C3').value).toBe(-12.35);
    // Text stays text, formula-like included; text in a date column that is not a day stays text.
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A3').value).toBe('=1+1');
    expect(ws.getCell('B3').value).toBe('-2026');
    expect(ws.getCell('B4').value).toBe('資料缺少客戶編號');
    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) formulas++;
      }),
    );
    expect(formulas).toBe(0);
  });

  it('writes CSV numbers rounded as their column kind shows them, dates as ISO text', async () => {
    const bytes = await csvText(TYPED_ROWS, TYPED_COLUMNS);
    expect(
      bytes
        .toString('utf8')
        .replace(/^\ufeff/, '')
        .split('\r\n'),
    ).toEqual([
      '期間,起,客單價,營收,回購率,訂單,NPS',
      '2026-01,2026-01-05,387.66,1106638,0.6624,12,41.67',
      "'=1+1,'-2026,-12.35,0,,3,7",
      '注意,資料缺少客戶編號',
      '',
    ]);
  });

  it('neutralizes every formula-like text and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const n = neutralizeText(s);
        if (/^[=+\-@\t\r]/.test(s)) expect(n).toBe(`'${s}`);
        else expect(n).toBe(s);
      }),
    );
  });
});

function PassThroughOf(bytes: Buffer): PassThrough {
  const p = new PassThrough();
  p.end(bytes);
  return p;
}
