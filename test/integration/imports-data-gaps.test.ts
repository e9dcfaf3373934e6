import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

// An order-level report: order ids, no product, quantity or customer column; M003 is cancelled.
const ORDER_REPORT = [
  '訂單編號,訂單日期,訂單金額,付款狀態',
  'M001,2024/05/01,"1,200",已付款',
  'M002,2024/05/02,800,已付款',
  'M003,2024/05/03,500,已取消',
  'M004,2024/06/01,1500,已付款',
].join('\n');

// A POS-style file without order ids (each line is its own order) with products and customers.
const NO_ORDER_IDS = [
  'Date,Product,Quantity,Amount,Customer',
  '2024-07-01,Latte,2,240,C1',
  '2024-07-01,Latte,2,240,C1',
  '2024-07-02,Mocha,1,150,C2',
].join('\n');
const NO_ORDER_IDS_MORE = `${NO_ORDER_IDS}\n2024-07-03,Tea,1,90,C3\n2024-07-03,Scone,oops,60,C3`;

// A file with products, quantities, order ids and customers: it lacks nothing.
const COMPLETE = [
  'Order ID,Date,Product,Quantity,Amount,Customer',
  'A1,2024-05-10,Latte,1,120,C9',
  'A2,2024-06-10,Mocha,2,300,C9',
].join('\n');

// An order-id column left empty on some lines (two here): each such line counts as its own order.
const SOME_BLANK_ORDER_IDS = [
  'Order ID,Date,Product,Quantity,Amount,Customer',
  'B1,2024-08-01,Latte,1,120,C1',
  'B1,2024-08-01,Scone,1,60,C1',
  ',2024-08-01,Mocha,1,150,C2',
  ',2024-08-02,Tea,1,90,C3',
  'B2,2024-08-02,Latte,2,240,C1',
].join('\n');
const SOME_BLANK_ORDER_IDS_MORE = `${SOME_BLANK_ORDER_IDS}\n,2024-08-03,Tea,1,90,C4\nB3,2024-08-03,Latte,1,120,C5`;

type Caveat = { gap: string; lines: number };

describe.each(dialects())('facts a file lacks, kept per import and shown with the KPIs (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const caveats = async (
    client: Client,
    companyId: string,
    q: string,
    from = '2024-01-01',
    to = '2024-12-31',
  ): Promise<Caveat[]> => {
    const res = await client.get(`/api/companies/${companyId}/kpi?from=${from}&to=${to}&grain=month&${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().caveats;
  };

  it('marks the KPIs that depend on a product, quantity or customer the order report lacked', async () => {
    const { client, companyId } = await signUp(h.app);
    await importCsv(client, companyId, 'complete.csv', COMPLETE);
    const { job } = await importCsv(client, companyId, 'orders.csv', ORDER_REPORT);
    expect(job.result).toMatchObject({ added: 3 });
    // By hand: 3 lines kept (M001, M002, M004), all without product, quantity and customer.
    expect(await caveats(client, companyId, 'metric=revenue&by=product')).toEqual([
      { gap: 'noProduct', lines: 3 },
    ]);
    expect(await caveats(client, companyId, 'metric=revenue&where=category=咖啡')).toEqual([
      { gap: 'noProduct', lines: 3 },
    ]);
    expect(await caveats(client, companyId, 'metric=units')).toEqual([{ gap: 'assumedQuantity', lines: 3 }]);
    expect(await caveats(client, companyId, 'metric=customers')).toEqual([{ gap: 'noCustomer', lines: 3 }]);
    // The report has order ids; revenue without a product breakdown depends on nothing it lacked.
    expect(await caveats(client, companyId, 'metric=orders')).toEqual([]);
    expect(await caveats(client, companyId, 'metric=revenue')).toEqual([]);
    // Only the lines in the range: June holds M004 alone; July none.
    expect(await caveats(client, companyId, 'metric=units', '2024-06-01', '2024-06-30')).toEqual([
      { gap: 'assumedQuantity', lines: 1 },
    ]);
    expect(await caveats(client, companyId, 'metric=units', '2024-07-01', '2024-07-31')).toEqual([]);

    // The record keeps what the import left out and what its file lacked.
    const rec = (await client.get(`/api/companies/${companyId}/imports/${job.importId}`)).json();
    expect(rec.orders).toMatchObject({
      excludedLines: 1,
      excludedLinesBy: { refunded: 0, voided: 0, cancelled: 1, unpaid: 0 },
      excludedOrders: { cancelled: 1 },
    });
    expect(rec.account).toEqual({
      currency: 'TWD',
      rejectedReasons: [],
      gaps: ['noProduct', 'assumedQuantity', 'noCustomer'],
      gapLines: { noProduct: 3, assumedQuantity: 3, noCustomer: 3 },
    });
    // The KPI's export says it too, in the reader's language.
    const csv = await client.get(
      `/api/companies/${companyId}/kpi/export?metric=units&from=2024-01-01&to=2024-12-31&grain=month&format=csv`,
    );
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain(
      'Note,quantity assumed 1 for 3 lines in this range (their files had no quantity column)',
    );
    const plain = await client.get(
      `/api/companies/${companyId}/kpi/export?metric=revenue&from=2024-01-01&to=2024-12-31&grain=month&format=csv`,
    );
    expect(plain.body).not.toContain('Note');
    const list = (await client.get(`/api/companies/${companyId}/imports`)).json();
    expect(list.find((r: { id: string }) => r.id === job.importId).account.gaps).toHaveLength(3);

    // Undone with the import.
    const undone = await client.post(`/api/companies/${companyId}/imports/${job.importId}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(await caveats(client, companyId, 'metric=revenue&by=product')).toEqual([]);
    expect(await caveats(client, companyId, 'metric=units')).toEqual([]);
  });

  it('a goal graded on orders says the history behind it had no order ids (and one on revenue does not)', async () => {
    const { client, companyId } = await signUp(h.app);
    await importCsv(client, companyId, 'pos.csv', NO_ORDER_IDS);
    const grade = async (metric: string, value: number) => {
      const res = await client.post(`/api/companies/${companyId}/goals/grade`, {
        name: metric,
        metric,
        target: { metric, kind: 'absolute', value, per: null },
        period: { start: '2024-08-01', end: '2024-10-31' },
        today: '2024-08-01',
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().caveats as Caveat[];
    };
    expect(await grade('orders', 10)).toEqual([{ gap: 'inventedOrders', lines: 3 }]);
    expect(await grade('aov', 200)).toEqual([{ gap: 'inventedOrders', lines: 3 }]);
    expect(await grade('revenue', 1000)).toEqual([]);
  });

  it('says how many lines had an empty order id in a file that has the column (each is its own order)', async () => {
    const { client, companyId } = await signUp(h.app);
    const first = await importCsv(client, companyId, 'blanks.csv', SOME_BLANK_ORDER_IDS);
    expect(first.job.result).toMatchObject({ added: 5 });
    expect(await caveats(client, companyId, 'metric=orders')).toEqual([{ gap: 'blankOrderIds', lines: 2 }]);
    expect(await caveats(client, companyId, 'metric=aov')).toEqual([{ gap: 'blankOrderIds', lines: 2 }]);
    expect(await caveats(client, companyId, 'metric=revenue')).toEqual([]);
    const rec = (await client.get(`/api/companies/${companyId}/imports/${first.job.importId}`)).json();
    expect(rec.account).toMatchObject({ gaps: ['blankOrderIds'], gapLines: { blankOrderIds: 2 } });
    // Overlapping file: five lines already there, one new with an empty order id, one new with one.
    const more = await importCsv(client, companyId, 'blanks-more.csv', SOME_BLANK_ORDER_IDS_MORE);
    expect(more.job.result).toMatchObject({ added: 2, duplicates: 5 });
    const rec2 = (await client.get(`/api/companies/${companyId}/imports/${more.job.importId}`)).json();
    expect(rec2.account).toMatchObject({ gaps: ['blankOrderIds'], gapLines: { blankOrderIds: 1 } });
    expect(await caveats(client, companyId, 'metric=orders')).toEqual([{ gap: 'blankOrderIds', lines: 3 }]);
    // A file whose order ids are all there lists no such gap.
    const complete = await importCsv(client, companyId, 'complete.csv', COMPLETE);
    const rec3 = (await client.get(`/api/companies/${companyId}/imports/${complete.job.importId}`)).json();
    expect(rec3.account).toMatchObject({ gaps: [], gapLines: {} });
    await client.post(`/api/companies/${companyId}/imports/${first.job.importId}/undo`);
    expect(await caveats(client, companyId, 'metric=orders')).toEqual([{ gap: 'blankOrderIds', lines: 1 }]);
  });

  it('counts only the lines an import added: a re-import and an overlapping file add no invented orders twice', async () => {
    const { client, companyId } = await signUp(h.app);
    const first = await importCsv(client, companyId, 'pos.csv', NO_ORDER_IDS);
    expect(first.job.result).toMatchObject({ added: 3 });
    expect(await caveats(client, companyId, 'metric=orders')).toEqual([{ gap: 'inventedOrders', lines: 3 }]);
    expect(await caveats(client, companyId, 'metric=aov&by=channel')).toEqual([
      { gap: 'inventedOrders', lines: 3 },
    ]);
    const again = await importCsv(client, companyId, 'pos.csv', NO_ORDER_IDS);
    expect(again.job.result).toMatchObject({ added: 0, duplicates: 3 });
    expect(await caveats(client, companyId, 'metric=orders')).toEqual([{ gap: 'inventedOrders', lines: 3 }]);
    // Three old lines (duplicates), one new, one rejected: the import's own lines are counted (1).
    const more = await importCsv(client, companyId, 'pos-more.csv', NO_ORDER_IDS_MORE);
    expect(more.job.result).toMatchObject({ added: 1, duplicates: 3, rejected: 1 });
    expect(await caveats(client, companyId, 'metric=orders')).toEqual([{ gap: 'inventedOrders', lines: 4 }]);
    expect(await caveats(client, companyId, 'metric=units')).toEqual([]);
    const rec = (await client.get(`/api/companies/${companyId}/imports/${more.job.importId}`)).json();
    expect(rec.account).toMatchObject({
      gaps: ['inventedOrders'],
      gapLines: { inventedOrders: 1 },
      rejectedReasons: [{ code: 'QUANTITY_INVALID', lines: 1 }],
    });
    expect(rec.account.rejectedReasons[0].message).not.toBe('');
    expect(rec.orders).toBeNull();
    // Undoing the first import leaves the overlapping one's line.
    await client.post(`/api/companies/${companyId}/imports/${first.job.importId}/undo`);
    expect(await caveats(client, companyId, 'metric=orders')).toEqual([{ gap: 'inventedOrders', lines: 1 }]);
  });
});
