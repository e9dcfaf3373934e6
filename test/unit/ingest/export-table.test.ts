import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type ExportCell, neutralizeText, writeCsv, writeXlsx } from '../../../src/ingest/export-table.ts';
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

async function csvText(rows: ExportCell[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeCsv(rows, out);
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
