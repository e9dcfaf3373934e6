import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SalesMapping } from '../../../src/core/ingest/fields.ts';
import {
  normalizeMarketingRow,
  normalizeSalesRow,
  normalizeSatisfactionRow,
} from '../../../src/core/ingest/normalize-row.ts';
import {
  describeLineProblem,
  describeProblem,
  FILE_ERROR_CODES,
  LINE_PROBLEM_CODES,
} from '../../../src/core/ingest/problem-messages.ts';
import { suggestMapping } from '../../../src/core/ingest/suggest-mapping.ts';
import { SALES_SOURCE } from '../../fixtures/ingest/make-fixtures.ts';
import { normalizeAll, readGolden } from './golden.ts';

const opts = { dayFirst: false, currencyExponent: 2, timeZone: 'Asia/Taipei' };

/** Splits the small golden CSV (quoted commas only). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === ',' && !q) {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

describe('normalizeSalesRow', () => {
  it('turns the golden file into the expected records and problems', () => {
    const lines = SALES_SOURCE.trimEnd().split('\n');
    const rows = lines.map((l, i) => ({ line: i + 1, cells: splitCsvLine(l) }));
    const expected = readGolden();
    expect(normalizeAll(rows)).toEqual(expected);
  });

  const headers = ['日期', '品名', '數量', '單價', '折扣', '金額', '客戶'];
  const mapping = suggestMapping('sales', headers).mapping;
  const row = (cells: string[]) => normalizeSalesRow(cells, 7, mapping, { ...opts, headers });

  it('computes the amount from quantity × price − discount', () => {
    const r = row(['2024-01-31', '拿鐵', '3', '120', '-30', '', '']);
    expect(r.ok && r.record.amountMinor).toBe(33000);
    const p = row(['2024-01-31', '拿鐵', '2', '100', '10%', '', '']);
    expect(p.ok && p.record).toMatchObject({ discountMinor: 2000, amountMinor: 18000 });
    const q = row(['2024-01-31', '拿鐵', '0.5', '99.99', '', '', '']);
    expect(q.ok && q.record.amountMinor).toBe(5000);
  });

  it("reads a line's return: its status as done or open, and a returned quantity only when it is a number", () => {
    const h = ['日期', '品名', '數量', '單價', '退貨 / 退款狀態', '退貨數量'];
    const m = suggestMapping('sales', h).mapping;
    const facts = (cells: string[]) => {
      const r = normalizeSalesRow(cells, 2, m, { ...opts, headers: h });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return { returnState: r.facts?.returnState, returnedQuantity: r.facts?.returnedQuantity };
    };
    expect(facts(['2024-06-05', '濾掛', '3', '100', '退款成功', '1'])).toEqual({
      returnState: 'done',
      returnedQuantity: 1,
    });
    expect(facts(['2024-06-05', '濾掛', '3', '100', '退貨/退款申請中', '２'])).toEqual({
      returnState: 'open',
      returnedQuantity: 2,
    });
    // Words in the quantity cell (a marketplace may write them there): no units, the line kept whole.
    expect(facts(['2024-06-05', '濾掛', '3', '100', '退款成功', '無'])).toEqual({
      returnState: 'done',
      returnedQuantity: null,
    });
    expect(facts(['2024-06-05', '濾掛', '3', '100', '', ''])).toEqual({
      returnState: null,
      returnedQuantity: null,
    });
  });

  it('prefers the file amount and defaults quantity to 1', () => {
    const r = row(['2024-01-31', '拿鐵', '', '', '', 'NT$1,000', '  C01  ']);
    expect(r.ok && r.record).toMatchObject({
      quantity: 1,
      unitPriceMinor: null,
      amountMinor: 100000,
      customer: 'C01',
    });
  });

  it('reports every problem with column and raw value', () => {
    const r = row(['2024-02-30', '', 'x', '1,23', '', '', '']);
    expect(r).toEqual({
      ok: false,
      problems: [
        { line: 7, column: '日期', code: 'DATE_NONEXISTENT', value: '2024-02-30' },
        { line: 7, column: '品名', code: 'REQUIRED_MISSING', value: null },
        { line: 7, column: '數量', code: 'QUANTITY_INVALID', value: 'x' },
        { line: 7, column: '單價', code: 'AMOUNT_AMBIGUOUS', value: '1,23' },
      ],
    });
    expect(row(['2024-01-31', '拿鐵', '1', '', '', '', ''])).toMatchObject({
      ok: false,
      problems: [{ code: 'AMOUNT_MISSING', column: '金額' }],
    });
  });

  it('caps text length', () => {
    const long = '拿'.repeat(201);
    const r = row(['2024-01-31', long, '1', '10', '', '', '']);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]).toMatchObject({ code: 'TEXT_TOO_LONG', column: '品名' });
      expect(r.problems[0]!.value).toHaveLength(200);
    }
  });

  it('never throws on random cells and mappings', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('2024-01-31', '113/01/31', 'NT$1,234', '(5)', '__proto__', '', '9'.repeat(400)),
    );
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 25 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 30 })), { minLength: 20, maxLength: 20 }),
        (cells, cols) => {
          const m = Object.fromEntries(
            [
              'orderId',
              'lineNo',
              'date',
              'time',
              'product',
              'category',
              'customer',
              'customerName',
              'customerType',
              'ageBand',
              'memberTier',
              'customerRegion',
              'channel',
              'rep',
              'region',
              'quantity',
              'unitPrice',
              'discount',
              'amount',
              'campaignCode',
            ].map((f, i) => [f, cols[i] ?? null]),
          ) as unknown as SalesMapping;
          const r = normalizeSalesRow(cells, 2, m, opts);
          if (r.ok) expect(Number.isSafeInteger(r.record.amountMinor)).toBe(true);
          else expect(r.problems.length).toBeGreaterThan(0);
          normalizeMarketingRow(
            cells,
            2,
            {
              date: cols[0] ?? null,
              channel: cols[1] ?? null,
              campaign: cols[2] ?? null,
              impressions: cols[3] ?? null,
              visits: cols[4] ?? null,
              leads: cols[5] ?? null,
              opportunities: cols[6] ?? null,
              spend: cols[7] ?? null,
            },
            opts,
          );
          normalizeSatisfactionRow(
            cells,
            2,
            {
              responseId: cols[0] ?? null,
              date: cols[1] ?? null,
              customer: cols[2] ?? null,
              channel: cols[3] ?? null,
              csat: cols[4] ?? null,
              nps: cols[5] ?? null,
              comment: cols[6] ?? null,
            },
            opts,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('normalizeMarketingRow and normalizeSatisfactionRow', () => {
  it('reads a marketing day', () => {
    const headers = ['日期', '平台', '活動名稱', '曝光', '點擊', '名單', '商機', '花費'];
    const { mapping } = suggestMapping('marketing', headers);
    expect(
      normalizeMarketingRow(
        ['2024/01/31', 'Facebook', '年節', '12,000', '340', '12', '', 'NT$1,500'],
        2,
        mapping,
        { ...opts, headers },
      ),
    ).toEqual({
      ok: true,
      record: {
        line: 2,
        day: '2024-01-31',
        channel: 'Facebook',
        campaign: '年節',
        impressions: 12000,
        visits: 340,
        leads: 12,
        opportunities: 0,
        spendMinor: 150000,
      },
    });
    const bad = normalizeMarketingRow(['2024/01/31', '', '', '-3', '', '', '', ''], 2, mapping, {
      ...opts,
      headers,
    });
    expect(bad.ok || bad.problems.map((p) => p.code)).toEqual(['REQUIRED_MISSING', 'NUMBER_NEGATIVE']);
  });

  it('reads a survey response', () => {
    const headers = ['回覆編號', '日期', '會員編號', '滿意度', '推薦意願', '意見'];
    const { mapping } = suggestMapping('satisfaction', headers);
    expect(
      normalizeSatisfactionRow(['R1', '2024-01-31', 'M1', '5', '9', '很好'], 2, mapping, {
        ...opts,
        headers,
      }),
    ).toEqual({
      ok: true,
      record: {
        line: 2,
        responseId: 'R1',
        respondedOn: '2024-01-31',
        customer: 'M1',
        channel: null,
        csat: 5,
        nps: 9,
        comment: '很好',
      },
    });
    const bad = normalizeSatisfactionRow(['R2', '2024-01-31', '', '6', '11', ''], 3, mapping, {
      ...opts,
      headers,
    });
    expect(bad.ok || bad.problems.map((p) => p.code)).toEqual(['CSAT_OUT_OF_RANGE', 'NPS_OUT_OF_RANGE']);
  });
});

describe('describeProblem', () => {
  it('has zh-TW and English for every code', () => {
    for (const code of [...LINE_PROBLEM_CODES, ...FILE_ERROR_CODES]) {
      expect(describeProblem(code, 'zh-TW'), code).toMatch(/[\u4e00-\u9fff]/);
      expect(describeProblem(code, 'en').length, code).toBeGreaterThan(5);
    }
    expect(describeProblem('DATE_INVALID', 'zh-TW')).toBe('日期格式無法辨識');
    expect(describeProblem('__proto__', 'en')).toBe('Invalid data (__proto__)');
  });
});

describe('a date that does not exist', () => {
  const headers = ['日期', '品名', '金額'];
  const mapping = suggestMapping('sales', headers).mapping;
  const dateCode = (date: string, dayFirst: boolean | null = false) => {
    const r = normalizeSalesRow([date, '拿鐵', '100'], 4, mapping, { ...opts, dayFirst, headers });
    return r.ok ? null : r.problems.map((p) => p.code);
  };

  it('is its own problem, not an unreadable date', () => {
    expect(dateCode('2026-02-30')).toEqual(['DATE_NONEXISTENT']);
    expect(dateCode('2026/2/30')).toEqual(['DATE_NONEXISTENT']);
    expect(dateCode('113/02/30')).toEqual(['DATE_NONEXISTENT']);
    expect(dateCode('2026-04-31')).toEqual(['DATE_NONEXISTENT']);
    expect(dateCode('2027-02-29')).toEqual(['DATE_NONEXISTENT']);
    expect(dateCode('2028-02-29')).toBeNull();
    // read in either day/month order, the day does not exist
    expect(dateCode('30/02/2026', false)).toEqual(['DATE_NONEXISTENT']);
    expect(dateCode('02/30/2026', true)).toEqual(['DATE_NONEXISTENT']);
    expect(dateCode('30/02/2026', true)).toEqual(['DATE_NONEXISTENT']);
    // an unreadable date keeps its reason; a value only the other order reads, its own
    expect(dateCode('2026-13-01')).toEqual(['DATE_INVALID']);
    expect(dateCode('2026-02-45')).toEqual(['DATE_INVALID']);
    expect(dateCode('hello')).toEqual(['DATE_INVALID']);
    expect(dateCode('31/01/2026', false)).toEqual(['DATE_ORDER_CONTRADICTS']);
  });

  it('is named with its month’s length, in zh-TW and English', () => {
    const say = (value: string, locale: 'zh-TW' | 'en') =>
      describeLineProblem({ code: 'DATE_NONEXISTENT', value }, locale);
    expect(say('2026-02-30', 'zh-TW')).toBe('2026-02-30 不存在：2 月只有 28 天');
    expect(say('2026-02-30', 'en')).toBe('2026-02-30 does not exist: February has 28 days');
    expect(say('2024-02-30', 'zh-TW')).toBe('2024-02-30 不存在：2 月只有 29 天');
    expect(say('2027-02-29', 'en')).toBe('2027-02-29 does not exist: February has 28 days');
    expect(say('2026-04-31', 'zh-TW')).toBe('2026-04-31 不存在：4 月只有 30 天');
    expect(say('2026-04-31', 'en')).toBe('2026-04-31 does not exist: April has 30 days');
    expect(say('113/02/30', 'zh-TW')).toBe('2024-02-30 不存在：2 月只有 29 天');
    expect(say('2026/2/30', 'en')).toBe('2026-02-30 does not exist: February has 28 days');
    expect(say('30/02/2026', 'en')).toBe('2026-02-30 does not exist: February has 28 days');
    expect(say('02/30/2026', 'zh-TW')).toBe('2026-02-30 不存在：2 月只有 28 天');
    expect(say('民國115年6月31日 下午 2:00', 'zh-TW')).toBe('2026-06-31 不存在：6 月只有 30 天');
  });

  it('keeps the code’s message without a value, and other codes keep theirs', () => {
    expect(describeLineProblem({ code: 'DATE_NONEXISTENT', value: null }, 'en')).toBe(
      describeProblem('DATE_NONEXISTENT', 'en'),
    );
    expect(describeLineProblem({ code: 'DATE_INVALID', value: '2026-02-30' }, 'zh-TW')).toBe(
      '日期格式無法辨識',
    );
  });
});
