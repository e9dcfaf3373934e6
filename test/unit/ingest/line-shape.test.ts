import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  checkDecodedText,
  checkLineShape,
  checkSummaryRow,
  reportTitles,
} from '../../../src/core/ingest/line-shape.ts';
import { detectEncoding, utf8Sequences } from '../../../src/ingest/detect-encoding.ts';

const HEADERS = ['日期', '品名', '金額'];

describe('checkLineShape', () => {
  it('accepts a line with as many fields as the header', () => {
    expect(checkLineShape(['113/01/04', '拿鐵', '1200'], 2, HEADERS, [2])).toBeNull();
  });

  it('names an amount split at an unquoted thousands separator, never keeps NT$1', () => {
    expect(checkLineShape(['113/01/04', '拿鐵', 'NT$1', '200'], 2, HEADERS, [2])).toEqual({
      line: 2,
      column: '金額',
      code: 'FIELDS_SPLIT_AMOUNT',
      value: 'NT$1,200',
    });
  });

  it('rejects other extra fields and missing fields with the line', () => {
    expect(checkLineShape(['113/01/04', '拿鐵', '12', 'extra note'], 3, HEADERS, [2])).toMatchObject({
      code: 'FIELDS_TOO_MANY',
      column: null,
      value: '113/01/04,拿鐵,12,extra note',
    });
    expect(checkLineShape(['113/01/04', '拿鐵'], 4, HEADERS, [2])).toMatchObject({
      line: 4,
      code: 'FIELDS_TOO_FEW',
    });
  });

  it('lets a trailing delimiter or a missing field under an empty header pass', () => {
    expect(checkLineShape(['113/01/04', '拿鐵', '12', ''], 2, HEADERS, [2])).toBeNull();
    expect(checkLineShape(['113/01/04', '拿鐵', '12'], 2, [...HEADERS, ''], [2])).toBeNull();
  });
});

describe('checkDecodedText', () => {
  it('names the column holding an undecodable byte', () => {
    expect(checkDecodedText(['113/01/04', '拿\uFFFD', '12'], 7, HEADERS)).toMatchObject({
      line: 7,
      column: '品名',
      code: 'ENCODING_INVALID',
    });
    expect(checkDecodedText(['113/01/04', '拿鐵', '12'], 7, HEADERS)).toBeNull();
  });
});

describe('detectEncoding by the share of valid sequences', () => {
  it('keeps a UTF-8 file with a few bad bytes as UTF-8', () => {
    const good = Buffer.from('日期,品名,金額\n2024-01-04,拿鐵咖啡,120\n'.repeat(20), 'utf8');
    const bad = Buffer.concat([good, Buffer.from([0xff, 0x2c, 0xa4]), good]);
    expect(utf8Sequences(bad).invalid).toBe(2);
    expect(detectEncoding(bad).encoding).toBe('utf8');
  });

  it('still reads Big5 text as Big5', () => {
    const big5 = iconv.encode('日期,品名,金額\n113/01/04,拿鐵咖啡,120\n'.repeat(5), 'cp950');
    expect(detectEncoding(big5).encoding).toBe('cp950');
  });
});

describe('checkSummaryRow: a report’s subtotal and total rows', () => {
  const H = ['日期', '品名', '金額'];
  const code = (cells: string[], dateColumn: number | null = 0) =>
    checkSummaryRow(cells, 9, H, dateColumn)?.code ?? null;
  it('tells total rows by the date cell or the first filled cell', () => {
    expect(code(['小計', '', '450'])).toBe('SUMMARY_ROW');
    expect(code(['合計 12 筆', '', '810'])).toBe('SUMMARY_ROW');
    expect(code(['Grand Total', '', '810'])).toBe('SUMMARY_ROW');
    expect(code(['Subtotal:', '', '810'])).toBe('SUMMARY_ROW');
    expect(code(['', '信義店小計', '450'])).toBe('SUMMARY_ROW');
    expect(code(['', '本頁合計：', '450'])).toBe('SUMMARY_ROW');
    expect(code(['總計', '', '810'], null)).toBe('SUMMARY_ROW');
    expect(checkSummaryRow(['', '信義店小計', '450'], 9, H, 0)).toMatchObject({
      column: '品名',
      value: '信義店小計',
    });
  });
  it('leaves sales alone, whatever their product is called', () => {
    expect(code(['2024/05/01', '合計禮盒', '450'])).toBeNull();
    expect(code(['2024/05/01', 'Total Care shampoo', '90'])).toBeNull();
    expect(code(['Total Care shampoo', '2024/05/01', '90'], 1)).toBeNull();
    expect(code(['2024/05/01', '總和咖啡', '90'])).toBeNull();
    expect(code(['2024/05/01', '', '90'])).toBeNull();
  });
});

describe('checkSummaryRow: the header printed again', () => {
  it('tells a line equal to the header, and only such a line', () => {
    const H = ['日期', '品名', '金額'];
    expect(checkSummaryRow(['日期', '品名', '金額'], 40, H, 0)).toMatchObject({
      code: 'HEADER_REPEATED',
      line: 40,
    });
    expect(checkSummaryRow([' 日期 ', '品名', '金額'], 40, H, 0)?.code).toBe('HEADER_REPEATED');
    expect(checkSummaryRow(['日期', '拿鐵', '120'], 40, H, 0)).toBeNull();
    expect(checkSummaryRow(['2024/05/01', '品名', '金額'], 40, H, 0)).toBeNull();
  });
});

describe('checkSummaryRow: the title block and page numbers printed again', () => {
  const H = ['日期', '品名', '金額'];
  const titles = reportTitles([['門市銷售報表 2024年5月'], ['列印日期:2024/06/01'], ['2024/06/01']]);
  const code = (cells: string[]) => checkSummaryRow(cells, 30, H, 0, titles)?.code ?? null;
  it('tells the title again and page numbers', () => {
    expect(code(['門市銷售報表 2024年5月', '', ''])).toBe('TITLE_REPEATED');
    expect(code(['列印日期:2024/06/01'])).toBe('TITLE_REPEATED');
    expect(code(['第 2 頁'])).toBe('TITLE_REPEATED');
    expect(code(['第2頁/共5頁', '', ''])).toBe('TITLE_REPEATED');
    expect(code(['Page 3 of 7'])).toBe('TITLE_REPEATED');
    expect(checkSummaryRow(['第 2 頁'], 30, H, 0)?.code).toBe('TITLE_REPEATED');
  });
  it('never takes a sale for a title: wider than the title row, or not beginning like one', () => {
    // The title block held a bare date: a sale on that day is still a sale.
    expect(code(['2024/06/01', '拿鐵', '120'])).toBeNull();
    expect(code(['2024/05/01', '第 2 頁 特調', '120'])).toBeNull();
    expect(code(['Page 3 notebook', '', ''])).toBeNull();
  });
});
