import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_PRODUCT } from '../../src/core/ingest/normalize-row.ts';
import { tenantOf } from '../../src/db/tenants.ts';
import { shopifyCsv } from '../fixtures/ingest/exports/shopify-columns.ts';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

// US-style dates, one with a day above 12 (4/15/2019): the whole file is month-first.
const US_WITH_EVIDENCE = [
  'Order ID,Order Date,Product Name,Quantity,Sales',
  'US-1,4/15/2019,Chair,2,100.00',
  'US-2,6/12/2018,Desk,1,250.50',
  'US-3,3/4/2019,Lamp,3,30.00',
].join('\n');

// The UCI Online Retail layout: every day ≤ 12, so nothing in the file tells the order.
const UCI_NO_EVIDENCE = [
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom',
  '536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom',
  '536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom',
  '536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,12/2/2010 8:34,1.69,13047,United Kingdom',
].join('\n');

const first = (o: string, date: string, extra: Record<string, string>) => ({
  Name: o,
  Email: `${o.slice(1)}@example.com`,
  Currency: 'TWD',
  'Created at': date,
  'Accepts Marketing': 'no',
  Source: 'web',
  ...extra,
});
const item = (name: string, qty: number, price: number, extra: Record<string, string> = {}) => ({
  'Lineitem quantity': String(qty),
  'Lineitem name': name,
  'Lineitem price': price.toFixed(2),
  'Lineitem sku': name.toUpperCase(),
  'Lineitem requires shipping': 'true',
  'Lineitem taxable': 'true',
  'Lineitem fulfillment status': 'fulfilled',
  'Lineitem discount': '0.00',
  Vendor: 'Pacer Roasters',
  ...extra,
});
const later = (o: string, date: string) => ({
  Name: o,
  Email: `${o.slice(1)}@example.com`,
  'Created at': date,
});

/**
 * A Shopify export (TWD, prices tax-included): #1001 two lines, a WELCOME10 order discount of 120 and
 * shipping 60; #1002 refunded; #1003 voided; #1004 partially refunded (300 of 1,100); #1005 with a
 * line discount of 50 (Discount Amount repeats it, as Shopify's does).
 */
const SHOPIFY = shopifyCsv([
  {
    ...first('#1001', '2024-03-05 10:15:00 +0800', {
      'Financial Status': 'paid',
      'Fulfillment Status': 'fulfilled',
      Subtotal: '1080.00',
      Shipping: '60.00',
      Taxes: '0.00',
      Total: '1140.00',
      'Discount Code': 'WELCOME10',
      'Discount Amount': '120.00',
      'Shipping Method': '黑貓宅急便',
      'Refunded Amount': '0.00',
      'Outstanding Balance': '0.00',
    }),
    ...item('Ethiopia beans', 2, 450),
  },
  { ...later('#1001', '2024-03-05 10:15:00 +0800'), ...item('Drip bags', 1, 300) },
  {
    ...first('#1002', '2024-03-07 09:00:00 +0800', {
      'Financial Status': 'refunded',
      Subtotal: '500.00',
      Shipping: '0.00',
      Taxes: '0.00',
      Total: '500.00',
      'Refunded Amount': '500.00',
    }),
    ...item('Gift box', 1, 500),
  },
  {
    ...first('#1003', '2024-03-08 12:30:00 +0800', {
      'Financial Status': 'voided',
      Subtotal: '450.00',
      Total: '450.00',
      'Cancelled at': '2024-03-08 13:00:00 +0800',
    }),
    ...item('Ethiopia beans', 1, 450),
  },
  {
    ...first('#1004', '2024-03-20 18:45:00 +0800', {
      'Financial Status': 'partially_refunded',
      Subtotal: '1100.00',
      Shipping: '60.00',
      Total: '1160.00',
      'Refunded Amount': '300.00',
    }),
    ...item('Drip bags', 2, 300),
  },
  { ...later('#1004', '2024-03-20 18:45:00 +0800'), ...item('Gift box', 1, 500) },
  {
    ...first('#1005', '2024-04-01 08:05:00 +0800', {
      'Financial Status': 'paid',
      Subtotal: '400.00',
      Shipping: '60.00',
      Total: '460.00',
      'Discount Code': 'LINE50',
      'Discount Amount': '50.00',
    }),
    ...item('Ethiopia beans', 1, 450, { 'Lineitem discount': '50.00' }),
  },
]);

// An order-level report: no product column, a payment status, one cancelled order.
const ORDER_REPORT = [
  '訂單編號,訂單日期,訂單金額,付款狀態',
  'M001,2024/05/01,"1,200",已付款',
  'M002,2024/05/02,800,已付款',
  'M003,2024/05/03,500,已取消',
  'M004,2024/06/01,1500,已付款',
].join('\n');

// A Facebook Ads campaign export: no channel column.
const FACEBOOK = [
  'Campaign name,Reporting starts,Reporting ends,Impressions,Link clicks,Results,Amount spent (TWD)',
  '春季促銷,2024-03-01,2024-03-01,12000,340,12,1500.50',
  '會員回購,2024-03-01,2024-03-01,8000,210,5,900',
  '春季促銷,2024-03-02,2024-03-02,11000,300,9,1400',
].join('\n');

const GBP = [
  'Order ID,Date,Product,Quantity,Price',
  'UK-1,2024-02-10,Tea,2,£3.50',
  'UK-2,2024-02-11,Scone,3,£2.25',
].join('\n');

// A Tmall order report (one row per order, amounts in CNY without a sign, headers with trailing spaces).
const TMALL = [
  '订单编号,买家会员名,买家应付货款,买家实际支付金额,订单状态,收货地址 ,订单创建时间,宝贝标题 ,宝贝总数量,退款金额',
  'T1001,buyer_a,200.00,200.00,交易成功,上海市,2024-03-01 10:00:00,咖啡豆,2,0.00',
  'T1002,buyer_b,150.00,0.00,交易关闭,北京市,2024-03-02 11:00:00,濾掛,1,0.00',
  'T1003,buyer_c,300.00,300.00,交易成功,广州市,2024-03-03 12:00:00,禮盒,1,100.00',
].join('\n');

describe.each(dialects())('real export files (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  /** Net sales, units and orders by month as the KPI API serves them, and the lines as stored. */
  const kpi = async (client: Client, companyId: string, metric: string, from: string, to: string) => {
    const res = await client.get(
      `/api/companies/${companyId}/kpi?metric=${metric}&from=${from}&to=${to}&grain=month`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries(
      (res.json() as { series: { period: string; value: number }[] }).series
        .filter((p) => p.value !== 0)
        .map((p) => [p.period, p.value]),
    );
  };
  const lines = (companyId: string) =>
    h.runtime.database.db
      .selectFrom('sales_lines')
      .innerJoin('products', 'products.id', 'sales_lines.product_id')
      .select(['order_id', 'sale_date', 'quantity', 'amount_minor', 'currency', 'products.name as product'])
      .where('tenant_id', '=', tenantOf(companyId))
      .orderBy('order_id')
      .orderBy('line_no')
      .execute();
  const preview = async (
    client: Client,
    companyId: string,
    name: string,
    body: string | Buffer,
    extra = {},
  ) => {
    const up = await client.upload(`/api/companies/${companyId}/imports/uploads`, name, body);
    const res = await client.post(`/api/companies/${companyId}/imports/preview`, {
      uploadId: up.json().uploadId,
      kind: 'sales',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('reads a month-first file as month-first when one value settles it (4/15/2019), every line', async () => {
    const { client, companyId } = await signUp(h.app);
    const p = await preview(client, companyId, 'us.csv', US_WITH_EVIDENCE);
    expect(p.decisions.dateOrder).toMatchObject({
      order: 'monthFirst',
      source: 'file',
      evidence: { line: 2, value: '4/15/2019' },
    });
    const { job } = await importCsv(client, companyId, 'us.csv', US_WITH_EVIDENCE);
    expect(job.result).toMatchObject({
      added: 3,
      rejected: 0,
      firstDate: '2018-06-12',
      lastDate: '2019-04-15',
    });
    // By hand: 6/12/2018 is 12 June (not 6 December); 3/4/2019 is 4 March.
    expect((await lines(companyId)).map((l) => l.sale_date)).toEqual([
      '2019-04-15',
      '2018-06-12',
      '2019-03-04',
    ]);
    expect(await kpi(client, companyId, 'revenue', '2018-01-01', '2019-12-31')).toEqual({
      '2018-06': 250.5,
      '2019-03': 30,
      '2019-04': 100,
    });
    // The user's contrary choice is refused before anything is stored.
    const { client: c2, companyId: id2 } = await signUp(h.app);
    const wrong = await importCsv(c2, id2, 'us.csv', US_WITH_EVIDENCE, { dayFirst: true });
    expect(wrong.job.error).toMatchObject({ code: 'IMPORT_DATE_ORDER_CONTRADICTS', line: 2 });
    expect(await lines(id2)).toEqual([]);
  });

  it('asks when no value settles the order (12/1/2010 8:26), and imports December when told month-first', async () => {
    const { client, companyId } = await signUp(h.app);
    client.locale = 'en';
    const p = await preview(client, companyId, 'uci.csv', UCI_NO_EVIDENCE);
    expect(p.decisions.dateOrder).toMatchObject({ order: null, source: 'unknown', evidence: { line: 2 } });
    const refused = await importCsv(client, companyId, 'uci.csv', UCI_NO_EVIDENCE);
    expect(refused.job.state).toBe('failed');
    expect(refused.job.error.code).toBe('IMPORT_DATE_ORDER_UNKNOWN');
    expect(refused.job.error.message).toContain('--month-first');
    expect(await lines(companyId)).toEqual([]);
    const { job } = await importCsv(client, companyId, 'uci.csv', UCI_NO_EVIDENCE, { dayFirst: false });
    expect(job.result).toMatchObject({ added: 4, firstDate: '2010-12-01', lastDate: '2010-12-02' });
    // By hand: 6×2.55 + 6×3.39 + 6×1.85 + 32×1.69 = 15.30 + 20.34 + 11.10 + 54.08 = 100.82.
    expect(await kpi(client, companyId, 'revenue', '2010-01-01', '2010-12-31')).toEqual({
      '2010-12': 100.82,
    });
    expect(await kpi(client, companyId, 'units', '2010-01-01', '2010-12-31')).toEqual({ '2010-12': 50 });
    expect(await kpi(client, companyId, 'orders', '2010-01-01', '2010-12-31')).toEqual({ '2010-12': 3 });
  });

  it('imports a Shopify export at line amounts net of order discounts, without refunded or voided orders', async () => {
    const { client, companyId } = await signUp(h.app);
    const p = await preview(client, companyId, 'orders_export.csv', SHOPIFY);
    expect(p.layout).toBe('shopify-orders');
    expect(p.headers).toHaveLength(79);
    expect(p.mapping.amount).toBeNull();
    expect(p.mapping.orderDiscount).toBe(p.headers.indexOf('Discount Amount'));
    expect(p.mapping.status).toBe(p.headers.indexOf('Financial Status'));
    expect(p.decisions.statuses).toEqual(
      expect.arrayContaining([
        { value: 'refunded', treatment: 'refunded', lines: 1 },
        { value: 'voided', treatment: 'voided', lines: 1 },
        { value: 'partially_refunded', treatment: 'sale', lines: 1 },
      ]),
    );
    expect(p.decisions.currency).toMatchObject({ file: 'TWD', action: 'same' });
    // Total is an order fact: mapping it to a line's amount is refused, naming the field, in the
    // request's language.
    const uploadId = (
      await client.upload(`/api/companies/${companyId}/imports/uploads`, 'o.csv', SHOPIFY)
    ).json().uploadId;
    const bad = () =>
      client.post(`/api/companies/${companyId}/imports/preview`, {
        uploadId,
        kind: 'sales',
        mapping: { ...p.mapping, amount: p.headers.indexOf('Total') },
      });
    client.locale = 'zh-TW';
    const zh = await bad();
    client.locale = 'en';
    expect(zh.statusCode).toBe(400);
    const zhMessage = '這一欄是整筆訂單的金額(例如訂單總計),不能當作品項的金額、單價、折扣或數量';
    expect(zh.json().errors).toEqual([
      { path: 'mapping.amount', code: 'order_level_column', message: zhMessage, detail: zhMessage },
    ]);
    expect((await bad()).json().errors).toEqual([
      {
        path: 'mapping.amount',
        code: 'order_level_column',
        message: expect.stringMatching(/^this column holds the whole order’s amount/),
        detail: expect.stringMatching(/^this column holds the whole order’s amount/),
      },
    ]);

    const { job } = await importCsv(client, companyId, 'orders_export.csv', SHOPIFY);
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    expect(job.result).toMatchObject({
      linesRead: 7,
      added: 5,
      rejected: 0,
      orders: { excludedLines: 2, excludedOrders: { refunded: 1, voided: 1, cancelled: 0, unpaid: 0 } },
    });
    // By hand: #1001 900 + 300 − 120 = 1,080 (its Subtotal; shipping 60 not a sale); #1004
    // 600 + 500 − 300 refunded = 800; #1005 450 − 50 = 400 (April). #1002 and #1003 are no sales.
    expect(await kpi(client, companyId, 'revenue', '2024-01-01', '2024-12-31')).toEqual({
      '2024-03': 1880,
      '2024-04': 400,
    });
    expect(await kpi(client, companyId, 'orders', '2024-01-01', '2024-12-31')).toEqual({
      '2024-03': 2,
      '2024-04': 1,
    });
    expect(await kpi(client, companyId, 'units', '2024-01-01', '2024-12-31')).toEqual({
      '2024-03': 6,
      '2024-04': 1,
    });
    const stored = await lines(companyId);
    // The order discount is spread in proportion: 900 → −90, 300 → −30.
    expect(stored.filter((l) => l.order_id === '#1001').map((l) => Number(l.amount_minor))).toEqual([
      81_000, 27_000,
    ]);
  });

  it('reads the per-item 退貨 / 退款狀態 and 退貨數量 of a Shopee export: a done return leaves its units out, an open request stays a sale', async () => {
    const { client, companyId } = await signUp(h.app);
    const file = readFileSync(join(import.meta.dirname, '../fixtures/ingest/exports/shopee.csv'), 'utf8');
    const p = await preview(client, companyId, 'Order.all.20240601_20240630.csv', file);
    expect(p.layout).toBe('shopee-orders');
    expect(p.mapping.returnStatus).toBe(p.headers.indexOf('退貨 / 退款狀態'));
    expect(p.mapping.returnedQuantity).toBe(p.headers.indexOf('退貨數量'));
    expect(p.decisions.notes).toEqual(expect.arrayContaining(['orderFacts', 'returns']));
    expect(p.decisions.returnStatuses).toEqual([
      { value: '退款成功', treatment: 'done', lines: 2 },
      { value: '退貨/退款申請中', treatment: 'open', lines: 1 },
    ]);
    const { job } = await importCsv(client, companyId, 'Order.all.20240601_20240630.csv', file);
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    expect(job.result).toMatchObject({
      linesRead: 6,
      added: 4,
      orders: {
        excludedLines: 2,
        returnLines: 1,
        excludedOrders: { cancelled: 1, refunded: 1 },
        refunded: 500,
      },
    });
    // By hand: 2 × 480 + 190 = 1,150; then 1 of 2 耶加雪菲 at 500 kept, the 濾紙 refunded, the 濾掛
    // request open (480): 2,130. Units 3 + 1 + 1.
    expect(await kpi(client, companyId, 'revenue', '2024-06-01', '2024-06-30')).toEqual({ '2024-06': 2130 });
    expect(await kpi(client, companyId, 'units', '2024-06-01', '2024-06-30')).toEqual({ '2024-06': 5 });
    expect(
      (await lines(companyId)).map((l) => [
        l.order_id,
        l.product,
        Number(l.quantity),
        Number(l.amount_minor),
      ]),
    ).toEqual([
      ['240601ABCDE1', '曼特寧咖啡豆', 2, 96_000],
      ['240601ABCDE1', '手沖濾紙', 1, 19_000],
      ['240605KLMNO3', '耶加雪菲咖啡豆', 1, 50_000],
      ['240605KLMNO3', '濾掛咖啡', 1, 48_000],
    ]);
  });

  it('imports an order-level report as orders without products, leaving the cancelled one out', async () => {
    const { client, companyId } = await signUp(h.app);
    const p = await preview(client, companyId, 'orders.csv', ORDER_REPORT);
    expect(p.mapping.product).toBeNull();
    expect(p.missingRequired).toEqual([]);
    expect(p.decisions.notes).toEqual(expect.arrayContaining(['noProduct', 'noQuantity', 'orderFacts']));
    const { job } = await importCsv(client, companyId, 'orders.csv', ORDER_REPORT);
    expect(job.result).toMatchObject({
      added: 3,
      orders: { excludedLines: 1, excludedOrders: { cancelled: 1 } },
    });
    expect(await kpi(client, companyId, 'revenue', '2024-01-01', '2024-12-31')).toEqual({
      '2024-05': 2000,
      '2024-06': 1500,
    });
    expect(await kpi(client, companyId, 'orders', '2024-01-01', '2024-12-31')).toEqual({
      '2024-05': 2,
      '2024-06': 1,
    });
    expect(new Set((await lines(companyId)).map((l) => l.product))).toEqual(new Set([NO_PRODUCT]));
  });

  it('takes a Tmall report as CNY (never relabelled), nets its refund and leaves the closed order out', async () => {
    const { client, companyId } = await signUp(h.app);
    const p = await preview(client, companyId, 'tmall.csv', TMALL);
    expect(p.layout).toBe('tmall-orders');
    expect(p.decisions.currency).toEqual({ file: 'CNY', source: 'layout', company: 'TWD', action: 'offer' });
    const { job } = await importCsv(client, companyId, 'tmall.csv', TMALL, { setCompanyCurrency: true });
    expect(job.result, JSON.stringify(job.error)).toMatchObject({
      added: 2,
      orders: { excludedLines: 1, excludedOrders: { cancelled: 1 }, refunded: 100 },
    });
    // By hand: 200 + (300 − 100) = 400 CNY; units 2 + 1.
    expect(await kpi(client, companyId, 'revenue', '2024-01-01', '2024-12-31')).toEqual({ '2024-03': 400 });
    expect(await kpi(client, companyId, 'units', '2024-01-01', '2024-12-31')).toEqual({ '2024-03': 3 });
    expect(new Set((await lines(companyId)).map((l) => l.currency))).toEqual(new Set(['CNY']));
  });

  it('reads a PChome-style export: UTF-16, tab-separated, a notice line above the header', async () => {
    const { client, companyId } = await signUp(h.app);
    const text = [
      '【※此匯出資料僅供出貨使用，請妥善保管個人資料】',
      ['訂單編號', '成立日期', '訂單狀態', '商品名稱', '數量', '售價', '退款金額', '訂單金額', '運費'].join(
        '\t',
      ),
      ['20240501-001', '2024/05/01', '已出貨', '冷泡茶包', '2', '250', '', '500', '0'].join('\t'),
      ['20240502-003', '2024/05/02', '已出貨', '烏龍茶葉', '1', '680', '180', '680', '0'].join('\t'),
    ].join('\r\n');
    const file = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const p = await preview(client, companyId, 'pchome.csv', file);
    expect(p.headers[0]).toBe('訂單編號');
    expect(p.layout).toBe('pchome-orders');
    const { job } = await importCsv(client, companyId, 'pchome.csv', file);
    expect(job.result, JSON.stringify(job.error)).toMatchObject({ linesRead: 2, added: 2, rejected: 0 });
    // By hand: 2 × 250 + (680 − 180 refunded) = 1,000.
    expect(await kpi(client, companyId, 'revenue', '2024-01-01', '2024-12-31')).toEqual({ '2024-05': 1000 });
  });

  it('gives a single-platform ad export one channel for the whole file, defaulting to the platform', async () => {
    const { client, companyId } = await signUp(h.app);
    const up = await client.upload(`/api/companies/${companyId}/imports/uploads`, 'fb.csv', FACEBOOK);
    const p = (
      await client.post(`/api/companies/${companyId}/imports/preview`, {
        uploadId: up.json().uploadId,
        kind: 'marketing',
      })
    ).json();
    expect(p.decisions.channel).toEqual({ fixed: null, suggested: 'Facebook' });
    expect(p.missingRequired).toEqual(['channel']);
    const { job } = await importCsv(client, companyId, 'fb.csv', FACEBOOK, {
      kind: 'marketing',
      channel: 'Facebook',
    });
    expect(job.result).toMatchObject({ added: 3, rejected: 0 });
    const rows = await h.runtime.database.db
      .selectFrom('marketing_daily')
      .innerJoin('channels', 'channels.id', 'marketing_daily.channel_id')
      .select(['channels.name', 'spend_minor', 'impressions', 'visits'])
      .where('marketing_daily.company_id', '=', companyId)
      .execute();
    expect(new Set(rows.map((r) => r.name))).toEqual(new Set(['Facebook']));
    // By hand: 1,500.50 + 900 + 1,400 = 3,800.50; 31,000 impressions; 850 link clicks.
    expect(rows.reduce((a, r) => a + Number(r.spend_minor), 0)).toBe(380_050);
    expect(rows.reduce((a, r) => a + Number(r.impressions), 0)).toBe(31_000);
    expect(rows.reduce((a, r) => a + Number(r.visits), 0)).toBe(850);
  });

  it('never relabels a file in GBP: offers the currency to a company with no sales, refuses otherwise', async () => {
    const { client, companyId } = await signUp(h.app);
    const p = await preview(client, companyId, 'uk.csv', GBP);
    expect(p.decisions.currency).toEqual({ file: 'GBP', source: 'amount', company: 'TWD', action: 'offer' });
    const offered = await importCsv(client, companyId, 'uk.csv', GBP);
    expect(offered.job.error.code).toBe('IMPORT_CURRENCY_OFFER');
    const { job } = await importCsv(client, companyId, 'uk.csv', GBP, { setCompanyCurrency: true });
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    const profile = (await client.get(`/api/companies/${companyId}/profile`)).json();
    expect(profile.currency ?? profile.profile?.currency).toBe('GBP');
    // By hand: 2 × 3.50 + 3 × 2.25 = 13.75 GBP.
    expect((await lines(companyId)).map((l) => [Number(l.amount_minor), l.currency])).toEqual([
      [700, 'GBP'],
      [675, 'GBP'],
    ]);
    expect(await kpi(client, companyId, 'revenue', '2024-01-01', '2024-12-31')).toEqual({ '2024-02': 13.75 });

    const other = await signUp(h.app);
    await importCsv(other.client, other.companyId, 'us.csv', US_WITH_EVIDENCE);
    other.client.locale = 'en';
    const refused = await importCsv(other.client, other.companyId, 'uk.csv', GBP, {
      setCompanyCurrency: true,
    });
    expect(refused.job.error).toMatchObject({ code: 'IMPORT_CURRENCY_MISMATCH' });
    expect(refused.job.error.message).toContain('GBP');
    expect(await lines(other.companyId)).toHaveLength(3);
  });
});
