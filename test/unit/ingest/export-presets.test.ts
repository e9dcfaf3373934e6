import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DateOrderScan, decideDateOrder } from '../../../src/core/ingest/date-order.ts';
import type { SalesMapping } from '../../../src/core/ingest/fields.ts';
import { MAPPING_PRESETS } from '../../../src/core/ingest/header-synonyms.ts';
import { normalizeSalesRow } from '../../../src/core/ingest/normalize-row.ts';
import { OrderAssembler } from '../../../src/core/ingest/order-facts.ts';
import type { SalesRecord } from '../../../src/core/ingest/records.ts';
import { suggestMapping } from '../../../src/core/ingest/suggest-mapping.ts';

const DIR = join(import.meta.dirname, '../../fixtures/ingest/exports');

/** Reads a fixture (plain CSV, no quoted commas) the way an import does, in core only. */
function importFixture(name: string) {
  const [header, ...rows] = readFileSync(join(DIR, name), 'utf8').trim().split('\n');
  const headers = header!.split(',');
  const suggestion = suggestMapping('sales', headers);
  const mapping = suggestion.mapping as SalesMapping;
  const scan = new DateOrderScan();
  rows.forEach((r, i) => {
    scan.see(r.split(',')[mapping.date!] ?? '', i + 2);
  });
  const preset = MAPPING_PRESETS.find((p) => p.id === suggestion.preset);
  const presetOrder = preset?.dayFirst === undefined ? null : preset.dayFirst ? 'dayFirst' : 'monthFirst';
  const order = decideDateOrder(scan, null, presetOrder);
  const assembler = new OrderAssembler();
  const out: SalesRecord[] = [];
  for (const [i, r] of rows.entries()) {
    const n = normalizeSalesRow(r.split(','), i + 2, mapping, {
      dayFirst: order.order === null ? null : order.order === 'dayFirst',
      currencyExponent: 2,
      timeZone: 'Asia/Taipei',
      headers,
    });
    if (!n.ok) throw new Error(`${name} line ${i + 2}: ${JSON.stringify(n.problems)}`);
    assembler.push(n.record, n.facts ?? null, out);
  }
  assembler.flush(out);
  const byMonth: Record<string, number> = {};
  for (const r of out)
    byMonth[r.saleDate.slice(0, 7)] = (byMonth[r.saleDate.slice(0, 7)] ?? 0) + r.amountMinor / 100;
  return {
    preset: suggestion.preset,
    mapping,
    headers,
    order,
    netSales: out.reduce((a, r) => a + r.amountMinor, 0) / 100,
    units: out.reduce((a, r) => a + r.quantity, 0),
    orders: new Set(out.map((r) => r.orderId)).size,
    byMonth,
    totals: assembler.totals,
  };
}

describe('export presets, each on a fixture written from the platform’s columns (totals by hand)', () => {
  it('SHOPLINE: 付款狀態 decides, the order discount is spread, 訂單合計 is no line amount', () => {
    const r = importFixture('shopline.csv');
    expect(r.preset).toBe('shopline-orders');
    expect(r.mapping.amount).toBeNull();
    // 2 × 450 + 300 − 100 = 1,100; 已退款 and 未付款 orders left out.
    expect(r).toMatchObject({ netSales: 1100, units: 3, orders: 1, byMonth: { '2024-03': 1100 } });
    expect(r.totals.excludedOrders).toMatchObject({ refunded: 1, unpaid: 1 });
  });

  it('91APP: line discounts, a cancelled order left out', () => {
    const r = importFixture('91app.csv');
    expect(r.preset).toBe('91app-orders');
    // (880 − 80) + 800 = 1,600
    expect(r).toMatchObject({ netSales: 1600, units: 2, orders: 1 });
  });

  it('Cyberbiz: order discount on the first line, a cancelled order (取消日期) left out', () => {
    const r = importFixture('cyberbiz.csv');
    expect(r.preset).toBe('cyberbiz-orders');
    // 4 × 35 + 200 − 40 = 300 (訂單總額 380 includes shipping 80)
    expect(r).toMatchObject({ netSales: 300, units: 5, orders: 1, byMonth: { '2024-04': 300 } });
    expect(r.totals.excludedOrders.cancelled).toBe(1);
  });

  it('momo: 售價(含稅) × 數量 on 訂單日期, a 退貨 line of the return report netted, 進價 no amount', () => {
    const r = importFixture('momo.csv');
    expect(r.preset).toBe('momo-orders');
    expect(r.mapping.amount).toBeNull();
    expect(r.mapping.unitPrice).toBe(7);
    expect(r.mapping.customer).toBe(r.headers.indexOf('訂購人姓名'));
    // 2 × 599 + 3 × 399 − 1 × 599 (returned) = 1,796; units 2 + 3 − 1 = 4
    expect(r).toMatchObject({ netSales: 1796, units: 4, orders: 2, byMonth: { '2024-04': 1796 } });
    expect(r.totals.returnLines).toBe(1);
  });

  it('PChome: a returned order left out, a partial refund netted', () => {
    const r = importFixture('pchome.csv');
    expect(r.preset).toBe('pchome-orders');
    // 2 × 250 + (680 − 180) = 1,000
    expect(r).toMatchObject({ netSales: 1000, units: 3, orders: 2 });
    expect(r.totals).toMatchObject({ refundedMinor: 18_000, excludedOrders: { refunded: 1 } });
  });

  it('蝦皮: 商品活動價格 × 數量, 商品總價 and 買家總支付金額 are order facts, 不成立 left out, returns per item', () => {
    const r = importFixture('shopee.csv');
    expect(r.preset).toBe('shopee-orders');
    expect(r.mapping.amount).toBeNull();
    expect(r.mapping.customerRegion).toBe(r.headers.indexOf('城市'));
    expect(r.mapping.returnStatus).toBe(r.headers.indexOf('退貨 / 退款狀態'));
    expect(r.mapping.returnedQuantity).toBe(r.headers.indexOf('退貨數量'));
    // 2 × 480 + 190 = 1,150 = 商品總價; then, of the order whose 訂單狀態 still says 已完成:
    // 1 of 2 耶加雪菲 returned (500 kept), the 濾紙 refunded in full (no 退貨數量), the 濾掛 request
    // still open (480 kept): 1,150 + 500 + 480 = 2,130.
    expect(r).toMatchObject({ netSales: 2130, units: 5, orders: 2, byMonth: { '2024-06': 2130 } });
    expect(r.totals).toMatchObject({
      excludedOrders: { cancelled: 1, refunded: 1 },
      excludedLinesBy: { refunded: 1 },
      returnLines: 1,
      refundedMinor: 50_000,
    });
  });

  it('WooCommerce: month-first by the layout, subtotal less discounts, cancelled left out, no products', () => {
    const r = importFixture('woocommerce.csv');
    expect(r.preset).toBe('woocommerce-orders');
    expect(r.order).toMatchObject({ order: 'monthFirst', source: 'preset' });
    expect(r.mapping.product).toBeNull();
    // 1,200 − 50 (4 March) + 300 (1 April); order 1002 cancelled.
    expect(r).toMatchObject({ netSales: 1450, orders: 2, byMonth: { '2024-03': 1150, '2024-04': 300 } });
  });

  it('淘寶/天貓: one row per order, 买家应付货款 less 退款金额, 交易关闭 and unpaid left out, in CNY', () => {
    const r = importFixture('tmall.csv');
    expect(r.preset).toBe('tmall-orders');
    expect(MAPPING_PRESETS.find((p) => p.id === r.preset)?.currency).toBe('CNY');
    // Headers with a trailing space (收货地址 , 宝贝标题 ) are matched.
    expect(r.mapping.product).toBe(r.headers.indexOf('宝贝标题 '));
    // 200 + (300 − 100 refunded) = 400; T1002 交易关闭 with nothing paid.
    expect(r).toMatchObject({ netSales: 400, units: 3, orders: 2, byMonth: { '2024-03': 400 } });
    expect(r.totals.excludedOrders.cancelled).toBe(1);
  });

  it('電子發票: ROC dates, 作廢 invoices left out', () => {
    const r = importFixture('tw-einvoice.csv');
    expect(r.preset).toBe('tw-einvoice');
    // 120 + 80 + 450 = 650
    expect(r).toMatchObject({ netSales: 650, units: 4, orders: 2, byMonth: { '2024-07': 650 } });
    expect(r.totals.excludedOrders.voided).toBe(1);
  });

  it('Taiwan POS: a voided line left out of its order, a 退貨 line counted negative', () => {
    const r = importFixture('tw-pos.csv');
    expect(r.preset).toBe('tw-pos-sales-detail');
    // 240 − 120 + 250 = 370; units 2 − 1 + 3 = 4
    expect(r).toMatchObject({ netSales: 370, units: 4, orders: 3 });
    expect(r.totals).toMatchObject({ returnLines: 1, excludedLines: 1 });
  });
});
