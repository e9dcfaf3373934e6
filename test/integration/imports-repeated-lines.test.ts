import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantOf } from '../../src/db/tenants.ts';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

// A few lines a batch, so that repeats fall in other batches than the lines they repeat.
process.env.PACER_IMPORT_BATCH = '4';

const HEADER = '訂單編號,交易日期,品名,數量,單價,金額,客戶編號,通路';
const sale = (order: string, day: number, product: string, qty: number, customer = 'M001') =>
  `${order},2026-01-${String(day).padStart(2, '0')},${product},${qty},120,${qty * 120},${customer},門市`;
/** Ten lines of six orders: A1 has two lines, A2 three, and so on. */
const ROWS = [
  sale('A1', 5, '拿鐵', 1),
  sale('A1', 5, '可頌', 2),
  sale('A2', 5, '拿鐵', 1, 'M002'),
  sale('A2', 5, '美式', 1, 'M002'),
  sale('A2', 5, '拿鐵', 3, 'M002'),
  sale('A3', 6, '拿鐵', 1),
  sale('A4', 6, '禮盒', 1, 'M003'),
  sale('A5', 7, '拿鐵', 2),
  sale('A5', 7, '可頌', 1),
  sale('A6', 8, '美式', 1),
];
const csv = (header: string, rows: readonly string[]) => [header, ...rows].join('\r\n');
const none = { count: 0, lines: [] };

describe.each(dialects())('lines that repeat an earlier line of the file (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect, { maxUploadBytes: 64 * 1024 });
  });
  afterAll(async () => h?.close());

  const stored = async (companyId: string) =>
    h.runtime.database.db
      .selectFrom('sales_lines')
      .select(['order_id', 'line_no', 'amount_minor'])
      .where('tenant_id', '=', tenantOf(companyId))
      .orderBy('order_id')
      .orderBy('line_no')
      .execute();

  it('order ids without line numbers: a file pasted twice is imported as today and told, with its lines', async () => {
    const { client, companyId } = await signUp(h.app);
    const clean = await importCsv(client, companyId, 'jan.csv', csv(HEADER, ROWS));
    expect(clean.job.result).toMatchObject({
      added: 10,
      duplicates: 0,
      repeatedLines: none,
      repeatedKeys: none,
    });

    const { client: c2, companyId: co2 } = await signUp(h.app, 'Twice');
    // The rows pasted a second time below the first (file lines 12–21).
    const twice = csv(HEADER, [...ROWS, ...ROWS]);
    const first = await importCsv(c2, co2, 'twice.csv', twice);
    expect(first.job.state).toBe('done');
    expect(first.job.result).toMatchObject({
      linesRead: 20,
      added: 20,
      duplicates: 0,
      rejected: 0,
      repeatedLines: { count: 10, lines: [12, 13, 14, 15, 16, 17, 18, 19, 20, 21] },
      repeatedKeys: none,
    });
    // Each repeat is a sale of its own: A1 has four lines.
    expect((await stored(co2)).filter((l) => l.order_id === 'A1').map((l) => l.line_no)).toEqual([
      1, 2, 3, 4,
    ]);

    // Re-importing the same file adds nothing and says nothing beyond what the first import said.
    const again = await importCsv(c2, co2, 'twice.csv', twice);
    expect(again.job.result).toMatchObject({
      added: 0,
      duplicates: 20,
      repeatedLines: { count: 10, lines: [12, 13, 14, 15, 16, 17, 18, 19, 20, 21] },
      repeatedKeys: none,
    });
    expect(await stored(co2)).toHaveLength(20);
    const history = (await c2.get(`/api/companies/${co2}/imports`)).json();
    const record = history.find((r: { id: string }) => r.id === first.job.importId);
    expect(record.account.repeatedLines).toEqual({
      count: 10,
      lines: [12, 13, 14, 15, 16, 17, 18, 19, 20, 21],
    });
    expect(record.account.repeatedKeys).toBeUndefined();
    const cleanRecord = (await client.get(`/api/companies/${companyId}/imports`)).json()[0];
    expect(cleanRecord.account.repeatedLines).toBeUndefined();
  });

  it('order ids and line numbers: a repeated (order, line number) is told apart from "already imported"', async () => {
    const { client, companyId } = await signUp(h.app);
    const header = `${HEADER},項次`;
    const numbered = ROWS.map((r, i) => `${r},${[1, 2, 1, 2, 3, 1, 1, 1, 2, 1][i]}`);
    // Pasted twice, and one more line reusing A2's line 2 with other content (file line 22).
    const file = csv(header, [...numbered, ...numbered, `${sale('A2', 5, '茶', 4, 'M002')},2`]);
    const first = await importCsv(client, companyId, 'numbered.csv', file);
    expect(first.job.state).toBe('done');
    expect(first.job.result).toMatchObject({
      linesRead: 21,
      added: 10,
      duplicates: 0,
      repeatedLines: none,
      repeatedKeys: { count: 11, lines: [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22] },
    });
    expect(await stored(companyId)).toHaveLength(10);
    const again = await importCsv(client, companyId, 'numbered.csv', file);
    expect(again.job.result).toMatchObject({
      added: 0,
      duplicates: 10,
      repeatedKeys: { count: 11 },
      repeatedLines: none,
    });
    // The record's duplicates are the lines there before, not the repeats of the file.
    const history = (await client.get(`/api/companies/${companyId}/imports`)).json();
    const record = history.find((r: { id: string }) => r.id === first.job.importId);
    expect(record).toMatchObject({ added: 10, duplicates: 0 });
    // The history keeps what the result said about the file's repeats (and nothing for a clean file).
    expect(record.account.repeatedKeys).toEqual({
      count: 11,
      lines: [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22],
    });
    expect(record.account.repeatedLines).toBeUndefined();
  });

  it('no order ids: an identical line is imported and told', async () => {
    const { client, companyId } = await signUp(h.app);
    const header = '交易日期,品名,數量,單價,金額,通路';
    const line = (product: string) => `2026-01-05,${product},1,120,120,門市`;
    const file = csv(header, [line('拿鐵'), line('美式'), line('拿鐵'), line('可頌'), line('拿鐵')]);
    const first = await importCsv(client, companyId, 'no-orders.csv', file);
    expect(first.job.result).toMatchObject({
      added: 5,
      duplicates: 0,
      repeatedLines: { count: 2, lines: [4, 6] },
      repeatedKeys: none,
    });
    const history = (await client.get(`/api/companies/${companyId}/imports`)).json();
    expect(history[0].account.gapLines).toMatchObject({ inventedOrders: 5, noCustomer: 5 });
    const again = await importCsv(client, companyId, 'no-orders.csv', file);
    expect(again.job.result).toMatchObject({ added: 0, duplicates: 5, repeatedLines: { count: 2 } });
  });

  it('the lines a file lacked a fact on are those added, when keys repeat in the file', async () => {
    const { client, companyId } = await signUp(h.app);
    // No customer column: every line added lacks a customer; two lines repeat an earlier key.
    const header = '訂單編號,項次,交易日期,品名,數量,金額';
    const file = csv(header, [
      'B1,1,2026-01-05,拿鐵,1,120',
      'B1,2,2026-01-05,可頌,1,90',
      'B2,1,2026-01-06,拿鐵,1,120',
      'B1,1,2026-01-05,拿鐵,1,120',
      'B2,1,2026-01-06,拿鐵,1,120',
    ]);
    const first = await importCsv(client, companyId, 'no-customers.csv', file);
    expect(first.job.result).toMatchObject({
      added: 3,
      duplicates: 0,
      repeatedKeys: { count: 2, lines: [5, 6] },
    });
    const history = (await client.get(`/api/companies/${companyId}/imports`)).json();
    expect(history[0].account.gapLines).toEqual({ noCustomer: 3 });
  });
});
