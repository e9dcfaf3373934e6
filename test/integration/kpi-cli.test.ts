import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCompany, runPacer as run } from '../support/cli.ts';

/**
 * `pacer kpi` as a real process over a SQLite data folder: the text output ends with the whole
 * range's total computed by the KPI's kind (a ratio from its summed parts, never a sum of ratios) and
 * marks the period still running as partial.
 */

/** This month in the company's time zone (Asia/Taipei), as YYYY-MM. */
const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' })
  .format(new Date())
  .slice(0, 7);

describe('pacer kpi (SQLite, real processes)', () => {
  let dir: string;
  let data: string;
  let remove = () => {};
  beforeAll(() => {
    const co = cliCompany('KPI Co');
    ({ dir, data, remove } = co);
    // January: one order of 100; February: three orders of 300. A line this month, too.
    const csv = [
      '訂單編號,交易時間,品名,數量,金額',
      'A1,2026-01-10,拿鐵,1,100',
      'B1,2026-02-03,禮盒,1,300',
      'B2,2026-02-04,禮盒,1,300',
      'B3,2026-02-05,禮盒,1,300',
      `C1,${thisMonth}-01,拿鐵,1,120`,
    ].join('\n');
    const file = join(dir, 'sales.csv');
    writeFileSync(file, csv);
    const imp = run(['import', 'sales', file, '--data', data, '--json']);
    expect(imp.status, imp.stderr).toBe(0);
    expect(JSON.parse(imp.stdout)).toMatchObject({ added: 5 });
  }, 120_000);
  afterAll(() => remove());

  it("AOV's total is total revenue over total orders, not the months' AOVs added", () => {
    const r = run([
      'kpi',
      'aov',
      '--from',
      '2026-01-01',
      '--to',
      '2026-02-28',
      '--grain',
      'month',
      '--lang',
      'en',
      '--data',
      data,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('2026-01\t100');
    expect(lines).toContain('2026-02\t300');
    // (100 + 900) / 4 orders = 250; the months' AOVs would add to 400.
    expect(lines.at(-1)).toBe('Total\t250');

    const zh = run(['kpi', 'revenue', '--from', '2026-01-01', '--to', '2026-02-28', '--data', data]);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout.trim().split('\n').at(-1)).toBe('合計\t1,000');
  });

  it('marks the month still running as partial', () => {
    const r = run([
      'kpi',
      'revenue',
      '--from',
      `${thisMonth}-01`,
      '--to',
      `${thisMonth}-01`,
      '--grain',
      'month',
      '--lang',
      'en',
      '--data',
      data,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${thisMonth}\t120 (partial)`);
  });

  it('a range into the future: the month still running is partial, a month not begun has no figure', () => {
    const [y, m] = thisMonth.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    // The last day of next month: day 0 of the month after it.
    const last = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)), 0))
      .toISOString()
      .slice(0, 10);
    const r = run([
      'kpi',
      'revenue',
      '--from',
      `${thisMonth}-01`,
      '--to',
      last,
      '--lang',
      'en',
      '--data',
      data,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(`${thisMonth}\t120 (partial)`);
    const future = lines.find((l) => l.startsWith(`${next}\t`));
    expect(future).toBeDefined();
    expect(future).not.toMatch(/\t0\b/);
    const json = run(['kpi', 'revenue', '--from', `${thisMonth}-01`, '--to', last, '--json', '--data', data]);
    expect(json.status, json.stderr).toBe(0);
    const series = (
      JSON.parse(json.stdout) as { series: { period: string; value: number | null; partial?: boolean }[] }
    ).series;
    expect(series.map((p) => [p.value, p.partial])).toEqual([
      [120, true],
      [null, true],
    ]);
  });

  it('a question it cannot answer is refused in the language asked for, naming the field', () => {
    const args = ['kpi', 'revenue', '--from', '2026-02-30', '--to', '2026-01-01', '--data', data];
    const zh = run(args);
    expect(zh.status).not.toBe(0);
    expect(zh.stderr).toContain('from: 請輸入存在的日期,格式 YYYY-MM-DD');
    const en = run([...args, '--lang', 'en']);
    expect(en.status).not.toBe(0);
    expect(en.stderr).toContain('from: expected a date YYYY-MM-DD');
    expect(en.stderr).not.toMatch(/[\u4e00-\u9fff]/);
    const order = run(['kpi', 'revenue', '--from', '2026-02-01', '--to', '2026-01-01', '--data', data]);
    expect(order.stderr).toContain('to: 結束日早於開始日');
  });

  it('a filter on a name the data does not hold says so, with the closest names, in both languages', () => {
    const args = ['kpi', 'revenue', '--from', '2026-01-01', '--to', '2026-02-28', '--grain', 'total'];
    const en = run([...args, '--where', 'product=拿鐵X', '--lang', 'en', '--data', data]);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toContain(
      "Note: no product “拿鐵X” in this company's data: the KPI is zero for it. Closest: product “拿鐵”.",
    );
    const zh = run([...args, '--where', 'product=拿鐵X', '--data', data]);
    expect(zh.stdout).toContain(
      '注意:這家公司的資料中沒有產品「拿鐵X」,此指標對它是 0。最接近的名稱:產品 “拿鐵”。',
    );
    // A name the data holds gives no note.
    const ok = run([...args, '--where', 'product=拿鐵', '--lang', 'en', '--data', data]);
    expect(ok.stdout).not.toContain('Note: no product');
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('Total\t100');
  });

  it('pacer import says how many lines had an empty order id and no quantity, as its record counted them', () => {
    const csv = [
      '訂單編號,交易時間,品名,金額',
      'D1,2025-03-01,拿鐵,100',
      ',2025-03-01,拿鐵,100',
      ',2025-03-02,禮盒,300',
    ].join('\n');
    const file = join(dir, 'blanks.csv');
    writeFileSync(file, csv);
    const text = run(['import', 'sales', file, '--data', data, '--lang', 'en']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('empty order id: each of 2 lines counted as its own order');
    expect(text.stdout).toContain('no quantity column: quantity assumed 1 on 3 lines');
    // Again: nothing added, nothing lacking.
    const again = run(['import', 'sales', file, '--data', data, '--json']);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, gaps: [] });
  });
});

describe('pacer kpi names the channels a customer KPI has no value for (SQLite, real processes)', () => {
  let dir: string;
  let data: string;
  let remove = () => {};
  beforeAll(() => {
    ({ dir, data, remove } = cliCompany('Walk-in Co'));
    // 門市 has members; 外送 only walk-ins (no customer); 批發 sold to a member in 2025 only.
    const csv = [
      '訂單編號,交易時間,品名,數量,金額,通路,客戶',
      'A1,2026-03-02,拿鐵,1,100,門市,M1',
      'A2,2026-03-09,拿鐵,1,100,門市,M2',
      'A3,2026-04-06,拿鐵,1,100,門市,M1',
      'B1,2026-03-03,拿鐵,1,120,外送,',
      'B2,2026-04-07,拿鐵,1,120,外送,',
      'C1,2025-05-05,禮盒,10,3000,批發,M9',
    ].join('\n');
    const file = join(dir, 'walk-ins.csv');
    writeFileSync(file, csv);
    const imp = run(['import', 'sales', file, '--data', data, '--json']);
    expect(imp.status, imp.stderr).toBe(0);
    expect(JSON.parse(imp.stdout)).toMatchObject({ added: 6 });
  }, 120_000);
  afterAll(() => remove());

  const range = ['--from', '2026-03-01', '--to', '2026-04-30', '--grain', 'month', '--by', 'channel'];

  it('a customer KPI by channel says which channels had no identified customer in the range', () => {
    const zh = run(['kpi', 'customers', ...range, '--data', data]);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('合計\t門市\t2');
    expect(zh.stdout).not.toMatch(/\t外送\t/);
    expect(zh.stdout.trim().split('\n').at(-1)).toBe(
      '注意:此期間沒有記名客戶購買的通路(所以不在上面):外送、批發',
    );
    const en = run(['kpi', 'retention_rate', ...range, '--lang', 'en', '--json', '--data', data]);
    expect(en.status, en.stderr).toBe(0);
    expect(JSON.parse(en.stdout).withoutCustomers).toEqual(['外送', '批發']);
    const enText = run(['kpi', 'retention_rate', ...range, '--lang', 'en', '--data', data]);
    expect(enText.stdout.trim().split('\n').at(-1)).toBe(
      'Note: channel not listed above (no sales to an identified customer in this range): 外送, 批發',
    );
    // 批發's member bought in 2025: a range that holds it leaves only 外送 out.
    const wide = run([
      'kpi',
      'customers',
      '--from',
      '2025-01-01',
      '--to',
      '2026-04-30',
      '--by',
      'channel',
      '--json',
      '--data',
      data,
    ]);
    expect(JSON.parse(wide.stdout).withoutCustomers).toEqual(['外送']);
  });

  it('says nothing of the kind for KPIs that do not count customers, or other breakdowns', () => {
    const revenue = run(['kpi', 'revenue', ...range, '--json', '--data', data]);
    expect(revenue.status, revenue.stderr).toBe(0);
    expect(JSON.parse(revenue.stdout).withoutCustomers).toBeUndefined();
    const byProduct = run([
      'kpi',
      'customers',
      '--from',
      '2026-03-01',
      '--to',
      '2026-04-30',
      '--by',
      'product',
      '--data',
      data,
    ]);
    expect(byProduct.status, byProduct.stderr).toBe(0);
    expect(byProduct.stdout).not.toContain('注意');
  });
});
