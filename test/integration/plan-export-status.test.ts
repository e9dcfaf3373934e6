import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar/dates.ts';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

/**
 * The plan export's status column: each node's state on the tree's day, as the plan page has it
 * (core/plan/period-state.ts periodStatus), worded in the file's language.
 */

/** One order of NT$1,000 a day from 2025-01-01 to 2025-06-30, none in February (no orders: no AOV). */
function sales(): string {
  const lines = ['訂單編號,交易日期,品名,數量,單價,金額'];
  let n = 0;
  for (let d = '2025-01-01'; d <= '2025-06-30'; d = addDays(d, 1)) {
    if (d.startsWith('2025-02')) continue;
    n += 1;
    lines.push(`O${n},${d},拿鐵,1,1000,1000`);
  }
  return lines.join('\r\n');
}

/** The sheet's rows as values (ExcelJS counts cells from 1). */
async function sheetRows(body: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe.each(dialects())('plan export: the status of every phase goal (%s)', (dialect) => {
  let h: Harness;
  let client: Client;
  let companyId: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    ({ client, companyId } = await signUp(h.app));
    const { job } = await importCsv(client, companyId, 'sales.csv', sales());
    expect(job.state, JSON.stringify(job)).toBe('done');
  });
  afterAll(async () => h?.close());

  const plans = () => `/api/companies/${companyId}/plans`;
  const splitGoal = async (body: Record<string, unknown>, into: string) => {
    const res = await client.post(`/api/companies/${companyId}/goals`, body);
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    const split = await client.post(`${plans()}/${id}/split`, { into, method: 'equal', today: '2025-01-01' });
    expect(split.statusCode, split.body).toBe(200);
    return id;
  };
  const exported = async (id: string, today: string, locale: 'en' | 'zh-TW') => {
    client.locale = locale;
    try {
      const file = await client.get(`${plans()}/${id}/export?format=xlsx&today=${today}`);
      expect(file.statusCode, file.body).toBe(200);
      return sheetRows(file.rawPayload);
    } finally {
      client.locale = 'en';
    }
  };

  it('quarters of a sum: reached, missed, in progress, not started, in English and in Chinese', async () => {
    // NT$300,000 in four quarters of about NT$75,000: Q1 sold NT$62,000 (no February), Q2 NT$91,000.
    const id = await splitGoal(
      {
        name: '2025 年營收',
        metric: 'revenue',
        target: { metric: 'revenue', kind: 'absolute', value: 300_000, per: null },
        period: { start: '2025-01-01', end: '2025-12-31' },
      },
      'quarter',
    );
    const en = await exported(id, '2025-08-15', 'en');
    const column = en[0]?.indexOf('Status') ?? -1;
    expect(column).toBe((en[0]?.indexOf('Actual to date') ?? -2) + 1);
    expect(en.slice(1).map((r) => [r[2] ?? null, r[column]])).toEqual([
      [null, 'In progress'],
      ['2025-Q1', 'Missed'],
      ['2025-Q2', 'Reached'],
      ['2025-Q3', 'In progress'],
      ['2025-Q4', 'Not started'],
    ]);
    const zh = await exported(id, '2025-08-15', 'zh-TW');
    expect(zh[0]?.[column]).toBe('狀態');
    expect(zh.slice(1).map((r) => r[column])).toEqual(['進行中', '未達成', '已達成', '進行中', '未開始']);
    // The CSV has the column too.
    client.locale = 'zh-TW';
    const csv = await client.get(`${plans()}/${id}/export?format=csv&today=2025-08-15`);
    client.locale = 'en';
    expect(csv.body.split('\r\n')[2]?.split(',')[column]).toBe('未達成');
  });

  it('a closed month of a level without a value: closed with no data, as the plan page says it', async () => {
    const id = await splitGoal(
      {
        name: '上半年客單價',
        metric: 'aov',
        target: { metric: 'aov', kind: 'absolute', value: 900, per: null },
        period: { start: '2025-01-01', end: '2025-06-30' },
      },
      'month',
    );
    const en = await exported(id, '2025-07-01', 'en');
    const column = en[0]?.indexOf('Status') ?? -1;
    const byPeriod = new Map(en.slice(1).map((r) => [r[2] ?? null, r[column]]));
    expect(byPeriod.get('2025-01')).toBe('Reached');
    expect(byPeriod.get('2025-02')).toBe('Closed, no orders: no average order value to compute');
    const zh = await exported(id, '2025-07-01', 'zh-TW');
    expect(zh.find((r) => r[2] === '2025-02')?.[column]).toBe('已結束,沒有訂單,無法計算客單價');
  });
});
