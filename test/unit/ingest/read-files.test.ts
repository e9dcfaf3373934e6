import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../src/core/ingest/suggest-mapping.ts';
import { detectEncoding } from '../../../src/ingest/detect-encoding.ts';
import { IngestError } from '../../../src/ingest/ingest-error.ts';
import type { IngestLimits, RawRow } from '../../../src/ingest/limits.ts';
import { openDelimited, readDelimited } from '../../../src/ingest/read-delimited.ts';
import { listXlsxSheets, readXlsxRows } from '../../../src/ingest/read-xlsx.ts';
import { sniffFile } from '../../../src/ingest/sniff-file.ts';
import { type Fixtures, makeFixtures } from '../../fixtures/ingest/make-fixtures.ts';
import { normalizeAll, readGolden } from './golden.ts';

let dir: string;
let f: Fixtures;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pacer-ingest-'));
  f = await makeFixtures(dir);
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function collect(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

async function failure(p: Promise<unknown>): Promise<{ code: string; line: number | null }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof IngestError) return { code: e.code, line: e.line };
    throw e;
  }
  throw new Error('expected an IngestError');
}

describe('golden text files', () => {
  it.each([
    ['big5', 'cp950', ','],
    ['utf8Bom', 'utf8', ','],
    ['utf16le', 'utf16le', '\t'],
    ['utf16leNoBom', 'utf16le', '\t'],
    ['utf16be', 'utf16be', '\t'],
  ] as const)('%s: detected and read into the golden records', async (name, encoding, delimiter) => {
    const opened = await openDelimited(f[name]);
    expect(opened.encoding).toBe(encoding);
    expect(opened.delimiter).toBe(delimiter);
    const rows = await collect(opened.rows);
    expect(rows[0]!.cells[0]).toBe('訂單編號');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(normalizeAll(rows)).toEqual(readGolden());
    const sniffed = await sniffFile(f[name], 'export.csv');
    expect(sniffed).toEqual({ format: delimiter === ',' ? 'csv' : 'tsv', encoding, delimiter });
  });

  it('reads from a stream split at awkward places', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(f.big5);
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) pieces.push(bytes.subarray(i, i + 7));
    const rows = await collect(readDelimited(Readable.from(pieces)));
    expect(normalizeAll(rows)).toEqual(readGolden());
  });

  it('tells the bytes read as it reads, up to the whole file (the import progress bar)', async () => {
    const line = '2026-01-02,拿鐵,1,120\n';
    const text = `日期,品名,數量,金額\n${line.repeat(20_000)}`;
    const bytes = Buffer.from(text, 'utf8');
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 10_000) pieces.push(bytes.subarray(i, i + 10_000));
    const told: number[] = [];
    const opened = await openDelimited(Readable.from(pieces), { onBytes: (n) => told.push(n) });
    const rows = await collect(opened.rows);
    expect(rows).toHaveLength(20_001);
    expect(told.length).toBeGreaterThan(10);
    expect(told.every((n, i) => i === 0 || n > (told[i - 1] as number))).toBe(true);
    expect(told.at(-1)).toBe(bytes.length);
  });

  it('reports broken quotes with their line', async () => {
    expect(await failure(collect(readDelimited(f.brokenQuoteUnclosed)))).toEqual({
      code: 'CSV_QUOTE_NOT_CLOSED',
      line: 3,
    });
    expect(await failure(collect(readDelimited(f.brokenQuoteInvalid)))).toEqual({
      code: 'CSV_QUOTE_INVALID',
      line: 3,
    });
  });

  it('refuses 10,000 columns', async () => {
    expect(await failure(collect(readDelimited(f.columns10000)))).toEqual({
      code: 'TOO_MANY_COLUMNS',
      line: 1,
    });
    const wide = await collect(readDelimited(f.columns10000, { limits: { maxColumns: 10_000 } }));
    expect(wide[0]!.cells).toHaveLength(10_000);
  });

  it('keeps __proto__ headers harmless', async () => {
    const rows = await collect(readDelimited(f.protoHeaders));
    const s = suggestMapping('sales', rows[0]!.cells);
    expect(s.mapping).toMatchObject({ date: 3, product: 4, amount: 5 });
    const { records } = normalizeAll(rows);
    expect(records).toHaveLength(1);
    expect(Object.getPrototypeOf(records[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('enforces bytes, line length and rows', async () => {
    const big = join(dir, 'rows.csv');
    writeFileSync(big, `a,b\n${'1,2\n'.repeat(30_000)}`);
    const limit = (l: Partial<IngestLimits>) => failure(collect(readDelimited(big, { limits: l })));
    expect(await limit({ maxRows: 29_999 })).toEqual({ code: 'TOO_MANY_ROWS', line: 30_001 });
    expect((await collect(readDelimited(big, { limits: { maxRows: 30_000 } }))).length).toBe(30_001);
    expect((await limit({ maxFileBytes: 100_000 })).code).toBe('FILE_TOO_LARGE');
    const long = join(dir, 'long.csv');
    writeFileSync(long, `a,b\n1,${'x'.repeat(300_000)}\n`);
    expect(await failure(collect(readDelimited(long, { limits: { maxLineChars: 100_000 } })))).toEqual({
      code: 'LINE_TOO_LONG',
      line: 2,
    });
  });

  it('detects encodings from bytes', () => {
    expect(detectEncoding(Buffer.from('abc,def\n')).encoding).toBe('utf8');
    expect(detectEncoding(Buffer.from('日期,品名\n', 'utf8')).encoding).toBe('utf8');
    expect(detectEncoding(Buffer.from([0xa4, 0xe9, 0xb4, 0xc1])).encoding).toBe('cp950');
    // a UTF-8 sequence cut by the end of the sample is still UTF-8
    expect(detectEncoding(Buffer.from('日期', 'utf8').subarray(0, 4)).encoding).toBe('utf8');
  });
});

describe('XLSX', () => {
  it('lists Chinese sheet names and reads the chosen sheet', async () => {
    expect(await listXlsxSheets(f.xlsx)).toEqual(['說明', '銷售明細']);
    expect(await sniffFile(f.xlsx, 'sales.csv')).toEqual({ format: 'xlsx', sheets: ['說明', '銷售明細'] });
    const rows = await collect(readXlsxRows(f.xlsx, '銷售明細'));
    expect(rows).toEqual([
      { line: 1, cells: ['訂單編號', '日期', '品名', '數量', '單價', '金額', '備註'] },
      { line: 2, cells: ['A0001', '45322', '拿鐵咖啡', '2', '120', '240'] },
      { line: 3, cells: ['A0002', '45323.5625', '美式咖啡', '1', '90', '90', '加冰'] },
      { line: 5, cells: ['A0003', '113/02/03', '蛋糕', '', '', '95', 'TRUE'] },
    ]);
    const { records, problems } = normalizeAll(rows);
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.soldAt, r.amountMinor])).toEqual([
      ['2024-01-31T00:00', 24000],
      ['2024-02-01T13:30', 9000],
      ['2024-02-03T00:00', 9500],
    ]);
    expect((await collect(readXlsxRows(f.xlsx, 0)))[0]!.cells).toEqual(['這張不是資料']);
    expect(await failure(collect(readXlsxRows(f.xlsx, '不存在')))).toEqual({
      code: 'XLSX_SHEET_NOT_FOUND',
      line: null,
    });
  });

  it('reads sheets written with namespace prefixes', async () => {
    expect(await collect(readXlsxRows(f.prefixedXlsx))).toEqual([
      { line: 1, cells: ['日期', '', '金額'] },
      { line: 2, cells: ['45322', '', '120.5'] },
    ]);
  });

  it('stops zip bombs', async () => {
    const cap = { maxUncompressedBytes: 16 * 1024 * 1024 };
    expect((await failure(collect(readXlsxRows(f.zipBombHonest, 0, { limits: cap })))).code).toBe(
      'XLSX_TOO_LARGE',
    );
    expect((await failure(collect(readXlsxRows(f.zipBombLying, 0, { limits: cap })))).code).toBe(
      'XLSX_TOO_LARGE',
    );
    expect((await failure(collect(readXlsxRows(f.zipBombLying, 0)))).code).toBe('XLSX_TOO_LARGE');
    expect((await failure(listXlsxSheets(f.zipManyEntries))).code).toBe('XLSX_TOO_MANY_ENTRIES');
  });

  it('enforces columns and rows', async () => {
    expect(await failure(collect(readXlsxRows(f.xlsx, '銷售明細', { limits: { maxColumns: 5 } })))).toEqual({
      code: 'TOO_MANY_COLUMNS',
      line: 1,
    });
    expect(await failure(collect(readXlsxRows(f.xlsx, '銷售明細', { limits: { maxRows: 2 } })))).toEqual({
      code: 'TOO_MANY_ROWS',
      line: 5,
    });
  });

  it('refuses what is not a spreadsheet', async () => {
    expect((await failure(sniffFile(f.oldXls, 'old.xls'))).code).toBe('XLS_NOT_SUPPORTED');
    const bin = join(dir, 'bin.csv');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect((await failure(sniffFile(bin, 'x.xlsx'))).code).toBe('XLSX_INVALID');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect((await failure(sniffFile(empty, 'x.csv'))).code).toBe('FILE_EMPTY');
  });
});
