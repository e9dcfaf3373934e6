import { describe, expect, it } from 'vitest';
import { findHeaderRow, headerStrength } from '../../../src/core/ingest/header-row.ts';

const rows = (...lines: string[]) => lines.map((l) => l.split(','));

describe('findHeaderRow: the header below a report title block', () => {
  it('keeps a first row that is the header', () => {
    expect(findHeaderRow('sales', rows('日期,品名,數量,金額', '2024/05/01,拿鐵,2,240'))).toBe(0);
    expect(findHeaderRow('sales', rows('Date,Product,Qty,Amount', '2024-05-01,Latte,2,240'))).toBe(0);
  });

  it('finds the header under a POS report title, print date and query conditions', () => {
    const file = rows(
      '門市銷售報表 2024年5月',
      '列印日期:2024/06/01',
      '期間:,2024/05/01~2024/05/31,門市:,全部',
      '日期,品名,數量,單價,金額,門市',
      '2024/05/01,拿鐵,2,120,240,信義店',
    );
    expect(findHeaderRow('sales', file)).toBe(3);
  });

  it('finds an English report header under its title', () => {
    const file = rows(
      'Sales by item',
      'Generated 2024-06-01 09:00,by admin',
      'Order ID,Order date,Item,Quantity,Net sales,Channel',
      'A1,2024-05-01,Latte,2,240,Store',
    );
    expect(findHeaderRow('sales', file)).toBe(2);
  });

  it('finds the header of a marketing and of a survey export under a title', () => {
    expect(
      findHeaderRow(
        'marketing',
        rows('廣告成效報表', '日期,活動名稱,花費,曝光,點擊', '2024/05/01,母親節,1200,30000,450'),
      ),
    ).toBe(1);
    expect(
      findHeaderRow('satisfaction', rows('顧客滿意度調查', '填答時間,滿意度,評論', '2024/05/01,5,很好喝')),
    ).toBe(1);
  });

  it('keeps PChome’s notice rule: one cell above a row of three or more', () => {
    expect(findHeaderRow('sales', rows('【※此匯出資料僅供參考】', 'a,b,c,d', '1,2,3,4'))).toBe(1);
    expect(findHeaderRow('sales', rows('only,one', 'x,y'))).toBe(0);
  });

  it('never takes a data row for the header: a row as narrow as one above it does not count', () => {
    // Headers the synonyms do not know (mapped by hand), data whose values look like field names.
    const file = rows('c1,c2,c3,c4,c5,c6', '2024/05/01,門市,數量,金額,日期,品名');
    expect(findHeaderRow('sales', file)).toBe(0);
  });

  it('looks no further than the first 20 rows', () => {
    const title = Array.from({ length: 20 }, (_, i) => `title ${i}`);
    expect(findHeaderRow('sales', rows(...title, '日期,品名,數量,金額'))).toBe(0);
    expect(findHeaderRow('sales', rows(...title.slice(1), '日期,品名,數量,金額'))).toBe(19);
  });
});

describe('headerStrength: which sheet holds the table', () => {
  it('is 0 for a cover or a pivot and counts the named fields of a table, whatever its kind', () => {
    expect(headerStrength(rows('2024 年度銷售摘要', '製表:會計部'))).toBe(0);
    expect(headerStrength(rows('品名,1月,2月,3月', '拿鐵,100,120,130'))).toBeLessThan(2);
    expect(headerStrength(rows('銷售明細', '日期,品名,數量,金額', '2024/05/01,拿鐵,2,240'))).toBe(4);
    expect(headerStrength(rows('日期,活動名稱,花費,曝光,點擊'))).toBeGreaterThanOrEqual(4);
    expect(headerStrength([])).toBe(0);
  });
});
